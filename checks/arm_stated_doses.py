"""The doses an arm's and its interventions' texts state, by drug, each kept with where it was stated; the
interventions an arm receives, and a name that is a placebo's alone."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.arm_loading_doses import opening_doses
from checks.dose_agreement import Dose
from checks.dose_context import FORMS
from checks.dose_make_ups import make_up_parts
from checks.dose_other_substances import of_other_substance
from checks.dose_product_phrases import otherwise_qualified
from checks.dose_text import parse_doses
from checks.drug_doses import doses_by_drug
from checks.drug_names import drug_vocabulary, words_in
from checks.study_text import excerpt


@dataclass(frozen=True)
class StatedDose:
    """A dose with where it was stated: the field, the row's name and the text."""

    dose: Dose
    field: str
    owner: str
    text: str

    def quote(self) -> str:
        """`table.column ('owner'): '...excerpt...'`."""
        return f"{self.field} ('{self.owner}'): '{excerpt(self.text, self.dose.start, self.dose.end, 50)}'"


def vocabulary(arms: list[tuple], interventions: list[tuple]) -> dict[str, str]:
    """The drug words of a study's interventions, as its arms' and interventions' texts write them."""
    texts = [d for _, d in interventions] + [t for arm in arms for t in arm]
    return drug_vocabulary((_HYPHEN_AFTER_AMOUNT.sub(r"\1 + ", n or "") for n, _ in interventions), texts)


# A hyphen right after an amount's unit joins the next product of a combination, not a word ("OLM 40mg-AML
# 10mg-Hydrochlorothiazide 12.5mg" names three drugs, "Olmesartan medoxomil 40 mg - Amlodipine 10 mg" two).
_HYPHEN_AFTER_AMOUNT = re.compile(r"(\d\s*(?:mg|mcg|µg|μg|ug|iu|g))\s*-\s*(?=[a-z])", re.I)


def drug_named(name: str | None, drugs: dict[str, str]) -> str | None:
    """The one drug an intervention name or arm text names, if exactly one."""
    named = {drugs[w] for w in words_in(name) if w in drugs}
    return next(iter(named)) if len(named) == 1 else None


def _stated(field: str, owner: str, text: str | None, drugs: dict[str, str],
            default: str | None) -> dict[str, list[StatedDose]]:
    """Doses of one text by drug, each kept with where it was stated; an amount that opens the drug's regimen at a
    numbered week or day is read as its loading dose (`opening_doses`)."""
    return {drug: [StatedDose(d, field, owner, text) for d in opening_doses(text, doses)]
            for drug, doses in _own_doses(text, drugs, default).items()}


def _own_doses(text: str | None, drugs: dict[str, str], default: str | None) -> dict[str, list[Dose]]:
    """Doses of one text by drug, less the parts of a make-up its total is stated for ("1 x 0.5 mg + 2 x 1 mg +
    1 x 5 mg) totaling 7.5 mg": the total is the dose) and the amounts of a constituent or a background drug
    ("including 90 mg theobromine", "adjunct to 5 mg donepezil")."""
    by_drug = doses_by_drug(text, drugs, default)
    if not by_drug:
        return by_drug
    parts = make_up_parts(text, parse_doses(text))
    kept = {drug: [d for d in doses if (d.start, d.end) not in parts and not of_other_substance(text, d, drugs)]
            for drug, doses in by_drug.items()}
    return {drug: doses for drug, doses in kept.items() if doses}


def _merge(into: dict[str, list[StatedDose]], more: dict[str, list[StatedDose]]) -> None:
    for drug, doses in more.items():
        into.setdefault(drug, []).extend(doses)


_BY_BODY_SIZE = re.compile(r"/(?:kg|m2)\b")


def intervention_doses(interventions: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    """The doses each intervention's description states, by drug."""
    doses: dict[str, list[StatedDose]] = {}
    for name, description in interventions:
        if placebo_only(name):
            continue  # its amounts are the active tablet's it matches ("Placebo tablets to match GW869682 250 mg")
        default = drug_named(name, drugs)
        # An amount in a product's name with no schedule is its unit strength ("Capmatinib 150 mg").
        named = _stated("interventions.name", name, name, drugs, default)
        _merge(doses, {drug: [s for s in stated if s.dose.per_day is not None] for drug, stated in named.items()})
        # A product named by its strength describes that strength again ("Capmatinib 150 mg": "film-coated
        # tablet 150 mg administered BID"): the amount is the product's, the arm's dose may be made of several.
        # A name counting its units ("Voriconazole 200 mg x 2 Tablets") names the unit's strength too: a
        # description restating it ("Tablets Vfend, 200 mg by Pfizer") states the tablet, not the dose.
        # An amount by body size ("Decitabine at 15 mg/m2") is a dose, no unit's strength: its description keeps it.
        strengths = {(drug, s.dose.unit, *amounts)
                     for drug, stated in named.items() for s in stated
                     if s.dose.per_day is None and not _BY_BODY_SIZE.search(s.dose.unit)
                     for amounts in ((s.dose.low, s.dose.high), s.dose.single) if amounts is not None}
        described = _stated("interventions.description", name, description, drugs, default)
        if strengths:
            described = {drug: [s for s in stated if (drug, s.dose.unit, s.dose.low, s.dose.high) not in strengths]
                         for drug, stated in described.items()}
        _merge(doses, described)
    return doses


def _linked(title: str, interventions: list[tuple], links: list[tuple]) -> list[tuple]:
    """The interventions an arm receives: all of them when the study links no arm to any; none when it links
    others but not this one (a doseless phase, a comparison arm); all when its links name none of them."""
    if not links:
        return interventions
    names = {(i or "").strip().lower() for g, i in links if (g or "").strip().lower() == (title or "").strip().lower()}
    if not names:
        return []
    return [iv for iv in interventions if (iv[0] or "").strip().lower() in names] or interventions


_PLACEBO = re.compile(r"\b(?:placebos?|shams?|vehicles?|dumm(?:y|ies))\b", re.I)
# A name that combines products ("Baricitinib + placebo to methotrexate"): not a placebo only.
_COMBINED = re.compile(r"\+|&|/|,|\b(?:and|with|plus|or|versus|vs)\b", re.I)


def placebo_only(name: str | None) -> bool:
    """Whether an intervention's name is a placebo's alone ("Placebo", "Placebos", "GW869682-Placebo", "Sham block")."""
    return bool(name) and _PLACEBO.search(name) is not None and _COMBINED.search(name) is None


def states_dose(texts: tuple) -> bool:
    """Whether any of the texts (an arm's title and description, an intervention's name and description)
    states a dose: only doses are compared, so an arm or intervention stating none adds no finding."""
    for text in texts:
        if parse_doses(text):  # kept: the same text is read for its doses by drug right after
            return True
    return False


# An arm's text that is a product's label alone, its name, strength and unit form ("Valaciclovir 500Mg Tablet",
# "Metformin 850 mg film-coated tablets"): the amount is one unit's, as in an intervention's name, and the arm's
# dose may be several units or a schedule that steps up from it.
_PRODUCT_LABEL = re.compile(rf"\s*[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}\s+\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|µg|μg|ug)\s*"
                            rf"(?:[a-z-]+\s+){{0,2}}{FORMS}\s*\.?\s*", re.I)


def _label_strengths_dropped(text: str | None, doses: dict[str, list[StatedDose]]) -> dict[str, list[StatedDose]]:
    """The doses of an arm's text, less the amount with no frequency of a text that is a product's label alone."""
    if not text or not _PRODUCT_LABEL.fullmatch(text):
        return doses
    kept = {drug: [s for s in stated if s.dose.per_day is not None] for drug, stated in doses.items()}
    return {drug: stated for drug, stated in kept.items() if stated}


# The periods of a crossover written in sequence with arrows ("Candesartan→8 mg→ 18 mg →2 mg fed→38 mg",
# NCT01025843): each amount is of the treatment its own period names, not of a drug named in another period.
_PERIOD_ARROW = re.compile(r"→|->|=>")
_LEAST_ARROWS = 2


def _of_own_periods(text: str | None, doses: dict[str, list[StatedDose]],
                    drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    """The doses of a text, less those of a period sequence whose own period names no word of their drug."""
    arrows = [(m.start(), m.end()) for m in _PERIOD_ARROW.finditer(text or "")]
    if len(arrows) < _LEAST_ARROWS:
        return doses

    def own_period(stated: StatedDose, drug: str) -> bool:
        start = max((end for _, end in arrows if end <= stated.dose.start), default=0)
        end = min((begin for begin, _ in arrows if begin >= stated.dose.end), default=len(stated.text))
        return any(drugs.get(word) == drug for word in words_in(stated.text[start:end]))
    kept = {drug: [s for s in stated if own_period(s, drug)] for drug, stated in doses.items()}
    return {drug: stated for drug, stated in kept.items() if stated}


def _arm_doses(arm: tuple, linked: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    """The doses an arm's title and description state, by drug."""
    title, description = arm
    default = drug_named(" ".join(n or "" for n, _ in linked), drugs) or drug_named(description, drugs)
    if _PLACEBO.search(f"{title} {description}"):
        default = None  # "matching placebo 4 mg": the amount is not the drug's unless the drug is named
    arm_doses = _label_strengths_dropped(title, _of_own_periods(
        title, _stated("design_groups.title", title, title, drugs, None), drugs))
    _merge(arm_doses, _label_strengths_dropped(description, _of_own_periods(
        description, _stated("design_groups.description", title, description, drugs, default), drugs)))
    # An amount of a product the interventions name otherwise ("33 grams rice pasta" beside their "38 grams
    # wheat-containing pasta") is another product's, as in a serving of two.
    others = [text for iv in linked for text in iv]
    kept = {drug: [s for s in stated if not otherwise_qualified(s.text, s.dose, others, drugs)]
            for drug, stated in arm_doses.items()}
    return {drug: stated for drug, stated in kept.items() if stated}


def read_arms(arms: list[tuple], interventions: list[tuple], links: list[tuple],
               drugs: dict[str, str]) -> dict[tuple, tuple[list[tuple], dict[str, list[StatedDose]]]]:
    """Each arm's linked interventions and stated doses."""
    read = {}
    for arm in arms:
        linked = _linked(arm[0], interventions, links)
        read[arm] = (linked, _arm_doses(arm, linked, drugs))
    return read
