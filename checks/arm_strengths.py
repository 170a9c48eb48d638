"""The strengths an arm's products of solid units are named for ("Tofacitinib 10 mg tablet"), and an arm's dose below
the least of them that no whole number of units makes, a split tablet's half or quarter aside."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from checks.arm_dose_agreement import ROUNDING
from checks.arm_stated_doses import StatedDose, drug_named, placebo_only
from checks.dose_agreement import Dose
from checks.drug_doses import doses_by_drug
from checks.drug_names import words_in

# The units a product's strength is compared in: an amount of an active substance (a volume or a concentration is a
# vial's or a solution's, of which any part may be given).
STRENGTH_UNITS = frozenset({"mg", "iu"})
# A product of solid units, named as one ("Tofacitinib 10 mg tablet", "Budesonide 9 mg capsules"): a solution's or a
# vial's amount may be given in part ("Heparin 25000 IU/5 mL", "Dexamethasone 8 mg" injection).
_SOLID_UNITS = re.compile(r"\b(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?)\b", re.I)
# An arm's text that takes a part of a unit ("half a tablet", "½ tablet", "split tablets").
_PART_OF_UNIT = re.compile(r"\b(?:half|halves|halved|quarters?|split|splitting|scored)\b|½|¼", re.I)


def name_strengths(linked: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    """The strengths an arm's linked interventions of solid units are named for, by drug ("Tofacitinib 10 mg
    tablet": 10 mg), for a drug every one of whose linked products is named with one: a product named without
    ("Tofacitinib", "Tofacitinib injection"), or described as given in part ("half a tablet"), may be of any."""
    strengths: dict[str, list[StatedDose]] = {}
    unnamed: set[str] = set()
    for name, description in linked:
        whole = _SOLID_UNITS.search(name) and not _PART_OF_UNIT.search(description or "")
        drug = drug_named(name, drugs) if whole and not placebo_only(name) else None
        if drug is None:
            unnamed.update(drugs[w] for w in words_in(name) if w in drugs)
            continue
        doses = doses_by_drug(name, drugs, drug).get(drug, [])
        named = [StatedDose(replace(d, strength=False), "interventions.name", name, name) for d in doses
                 if d.per_day is None and d.unit in STRENGTH_UNITS and not (d.ceiling or d.variable or d.parts)]
        if named:
            strengths.setdefault(drug, []).extend(named)
        else:
            unnamed.add(drug)
    return {drug: named for drug, named in strengths.items() if drug not in unnamed}


def single_amount(dose: Dose) -> bool:
    """Whether a dose is one plain amount, at once or over a day or week: not a course's total, an amount at each
    of several sites, a count's or a combination's, a ceiling or another reading's."""
    return not (dose.whole or dose.per_site or dose.ceiling or dose.parts or dose.readings
                or dose.single is not None or dose.strength or dose.variable)


# The parts of a tablet a score line gives: a half or a quarter of the least strength is a dose one tablet makes
# ("Warfarin 2.5 mg daily" from "Warfarin 5 mg tablet").
TABLET_PARTS = (0.5, 0.25)
# Units that are not split: capsules and soft gels, and tablets whose coating or release a split spoils
# ("Metformin XR 500 mg tablet", "enteric-coated", "orally disintegrating").
_UNSPLIT_UNITS = re.compile(r"\b(?:capsules?|caps|softgels?"
                            r"|(?:extended|modified|delayed|prolonged|sustained|controlled)[\s-]+release"
                            r"|er|xr|xl|sr|cr|mr|enteric[\s-]+coated|gastro[\s-]?resistant"
                            r"|orally[\s-]+disintegrating|odt|orodispersible)\b", re.I)
# The stems of drugs whose tablets are not split: kinase inhibitors ("Tofacitinib 10 mg tablet", olaparib,
# palbociclib), film-coated hazardous drugs whose lower doses come as tablets of their own.
UNSPLIT_STEMS = ("tinib", "anib", "rafenib", "ciclib", "parib", "lisib", "degib")


def _split_tablet(strength: StatedDose) -> bool:
    """Whether a product named for its strength is a tablet that may be split: not a capsule, a modified-release
    or coated tablet, nor a kinase inhibitor's."""
    return not _UNSPLIT_UNITS.search(strength.owner) \
        and not any(word.endswith(UNSPLIT_STEMS) for word in words_in(strength.owner))


def _part_of_tablet(dose: Dose, strength: Dose) -> bool:
    """Whether each amount of a dose is a half or a quarter of a tablet's strength."""
    return all(any(abs(amount - strength.low * part) <= strength.low * part * (ROUNDING - 1) for part in TABLET_PARTS)
               for amount in (dose.low, dose.high))


def below_strength(arm_doses: list[StatedDose], strengths: list[StatedDose],
                    not_given: Callable[[StatedDose], bool]) -> tuple[StatedDose, StatedDose] | None:
    """An arm's dose below the least strength of the products of the drug it is given ("Tofacitinib 5 mg twice
    daily" linked only to "Tofacitinib 10 mg tablet"): no whole number of units makes it. Only where every amount
    the arm states of the drug in that unit is below it, and no amount is another's or some participants' only; not
    where each is a half or a quarter of a tablet that may be split ("Warfarin 2.5 mg" from "Warfarin 5 mg tablet")."""
    least = min(strengths, key=lambda s: s.dose.low)
    doses = [a for a in arm_doses if a.dose.unit == least.dose.unit]
    if not doses or any(a.dose.high * ROUNDING >= least.dose.low for a in doses):
        return None
    if _split_tablet(least) and all(_part_of_tablet(a.dose, least.dose) for a in doses):
        return None
    return next(((a, least) for a in doses if single_amount(a.dose) and a.dose.comparable(least.dose)
                 and not _PART_OF_UNIT.search(a.text) and not not_given(a)), None)
