"""Contradictions between a study's arms and its interventions: doses, arms listed twice."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator

import duckdb

from checks.dose_context import conditional
from checks.dose_text import LOADING, Dose, parse_doses
from checks.drug_doses import doses_by_drug, not_given_here
from checks.drug_names import drug_vocabulary, words_in
from checks.rule import CheckScope, Finding, Rule
from checks.sql_text import title_key
from checks.study_text import excerpt, rows_by_study


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


def _vocabulary(arms: list[tuple], interventions: list[tuple]) -> dict[str, str]:
    texts = [d for _, d in interventions] + [t for arm in arms for t in arm]
    return drug_vocabulary((n for n, _ in interventions), texts)


def _drug_named(name: str | None, drugs: dict[str, str]) -> str | None:
    """The one drug an intervention name or arm text names, if exactly one."""
    named = {drugs[w] for w in words_in(name) if w in drugs}
    return next(iter(named)) if len(named) == 1 else None


def _stated(field: str, owner: str, text: str | None, drugs: dict[str, str],
            default: str | None) -> dict[str, list[StatedDose]]:
    """Doses of one text by drug, each kept with where it was stated; an amount that opens the drug's regimen at a
    numbered week or day is read as its loading dose (`_opening_doses`)."""
    return {drug: [StatedDose(d, field, owner, text) for d in _opening_doses(text, doses)]
            for drug, doses in doses_by_drug(text, drugs, default).items()}


# The numbered weeks or days an amount is given at, right after it ("160 mg at week 0", "390 mg IV on day 1",
# "80 mg (week 2)", "at weeks 0 and 2").
# A number of them is no amount that follows ("at week 0 and 100 mg at week 2").
_TIME = r"\d{1,3}(?![\d.])(?!\s*(?:mg|mcg|µg|μg|ug|g|iu|units?|u|ml)\b)"
_AT_TIMES = re.compile(r"\s*(?:[a-z.]+\s+){0,2}?[(,]?\s*(?:(?:at|on|in)\s+)?(?:the\s+)?(?P<kind>weeks?|wks?|days?)"
                       rf"\s*(?P<numbers>{_TIME}(?:\s*(?:,|and|&)\s*{_TIME})*)", re.I)
# What starts a regimen's next step ("then 40 mg every other week", "followed by 75 mg daily").
_NEXT_STEP = re.compile(r"\b(?:then|followed\s+by|thereafter|subsequently|afterwards)\b", re.I)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)|\n")
# A part of every word _AT_TIMES reads a time by.
_TIME_WORDS = ("week", "wk", "day")
_TIME_NUMBER = re.compile(r"\d+")


def _opening_doses(text: str | None, doses: list[Dose]) -> list[Dose]:
    """The doses of one drug in a text, an amount given once at numbered weeks or days that opens a sequence of the
    drug's amounts in its sentence read as a loading dose: "Adalimumab 160 mg at week 0, 80 mg at week 2, then
    40 mg every other week" starts at 160 mg and 80 mg, and 40 mg is the dose it goes on at. An amount is a step
    of such a sequence when another amount of the drug follows it in its sentence after a next step ("then",
    "followed by") or at later weeks or days, or one precedes it at earlier ones; an amount given at a frequency of
    its own, or again at the same amount ("100 mg on day 1 and 100 mg on day 8"), opens no sequence."""
    if len(doses) < 2 or not any(d.phase is None and d.per_day is None for d in doses) \
            or not any(word in text.lower() for word in _TIME_WORDS):
        return doses
    times = [_times_after(text, d, doses[i + 1].start if i + 1 < len(doses) else len(text))
             for i, d in enumerate(doses)]
    opened = list(doses)
    for i, (dose, time) in enumerate(zip(doses, times)):
        if time is None or dose.phase is not None or dose.per_day is not None:
            continue
        sentence = _sentence_of(text, dose)
        later = [(d, t) for d, t in zip(doses[i + 1:], times[i + 1:]) if d.start < sentence[1] and _other(d, dose)]
        earlier = [(d, t) for d, t in zip(doses[:i], times[:i]) if d.start >= sentence[0] and _other(d, dose)]
        if any(_NEXT_STEP.search(text, time[2], d.start) for d, _ in later) \
                or any(t and t[0] == time[0] and min(t[1]) > max(time[1]) for _, t in later) \
                or any(t and t[0] == time[0] and max(t[1]) < min(time[1]) for _, t in earlier):
            opened[i] = replace(dose, phase=LOADING)
    return opened


def _other(dose: Dose, step: Dose) -> bool:
    """Whether a dose is another amount in the same unit than a step's: a regimen that goes on at the same amount
    ("100 mg on day 1 and 100 mg on day 8") starts with no loading dose."""
    return dose.unit == step.unit and (dose.low, dose.high) != (step.low, step.high)


def _times_after(text: str, dose: Dose, limit: int) -> tuple[str, tuple[int, ...], int] | None:
    """(weeks or days, their numbers, where they end) an amount is given at, named right after it before `limit`."""
    m = _AT_TIMES.match(text, dose.end, limit)
    if m is None:
        return None
    kind = "week" if m.group("kind").lower().startswith("w") else "day"
    return kind, tuple(int(n) for n in _TIME_NUMBER.findall(m.group("numbers"))), m.end()


def _sentence_of(text: str, dose: Dose) -> tuple[int, int]:
    """Where the sentence holding the dose starts and ends (a decimal point ends none)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, dose.start)]
    end = _SENTENCE_END.search(text, dose.end)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))


def _merge(into: dict[str, list[StatedDose]], more: dict[str, list[StatedDose]]) -> None:
    for drug, doses in more.items():
        into.setdefault(drug, []).extend(doses)


def _intervention_doses(interventions: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    doses: dict[str, list[StatedDose]] = {}
    for name, description in interventions:
        if _placebo_only(name):
            continue  # its amounts are the active tablet's it matches ("Placebo tablets to match GW869682 250 mg")
        default = _drug_named(name, drugs)
        # An amount in a product's name with no schedule is its unit strength ("Capmatinib 150 mg").
        named = _stated("interventions.name", name, name, drugs, default)
        _merge(doses, {drug: [s for s in stated if s.dose.per_day is not None] for drug, stated in named.items()})
        # A product named by its strength describes that strength again ("Capmatinib 150 mg": "film-coated
        # tablet 150 mg administered BID"): the amount is the product's, the arm's dose may be made of several.
        # A name counting its units ("Voriconazole 200 mg x 2 Tablets") names the unit's strength too: a
        # description restating it ("Tablets Vfend, 200 mg by Pfizer") states the tablet, not the dose.
        strengths = {(drug, s.dose.unit, *amounts)
                     for drug, stated in named.items() for s in stated if s.dose.per_day is None
                     for amounts in ((s.dose.low, s.dose.high), s.dose.single) if amounts is not None}
        described = _stated("interventions.description", name, description, drugs, default)
        if strengths:
            described = {drug: [s for s in stated if (drug, s.dose.unit, s.dose.low, s.dose.high) not in strengths]
                         for drug, stated in described.items()}
        _merge(doses, described)
    return doses


# The units a product's strength is compared in: an amount of an active substance (a volume or a concentration is a
# vial's or a solution's, of which any part may be given).
STRENGTH_UNITS = frozenset({"mg", "iu"})
# A product of solid units, named as one ("Tofacitinib 10 mg tablet", "Budesonide 9 mg capsules"): a solution's or a
# vial's amount may be given in part ("Heparin 25000 IU/5 mL", "Dexamethasone 8 mg" injection).
_SOLID_UNITS = re.compile(r"\b(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?)\b", re.I)
# An arm's text that takes a part of a unit ("half a tablet", "½ tablet", "split tablets").
_PART_OF_UNIT = re.compile(r"\b(?:half|halves|halved|quarters?|split|splitting|scored)\b|½|¼", re.I)


def _name_strengths(linked: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    """The strengths an arm's linked interventions of solid units are named for, by drug ("Tofacitinib 10 mg
    tablet": 10 mg), for a drug every one of whose linked products is named with one: a product named without
    ("Tofacitinib", "Tofacitinib injection"), or described as given in part ("half a tablet"), may be of any."""
    strengths: dict[str, list[StatedDose]] = {}
    unnamed: set[str] = set()
    for name, description in linked:
        whole = _SOLID_UNITS.search(name) and not _PART_OF_UNIT.search(description or "")
        drug = _drug_named(name, drugs) if whole and not _placebo_only(name) else None
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


def _single_amount(dose: Dose) -> bool:
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


def _below_strength(arm_doses: list[StatedDose], strengths: list[StatedDose],
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
    return next(((a, least) for a in doses if _single_amount(a.dose) and a.dose.comparable(least.dose)
                 and not _PART_OF_UNIT.search(a.text) and not not_given(a)), None)


def _linked(title: str, interventions: list[tuple], links: list[tuple]) -> list[tuple]:
    """The interventions an arm receives: all of them when the study links no arm to any; none when it links
    others but not this one (a doseless phase, a comparison arm); all when its links name none of them."""
    if not links:
        return interventions
    names = {(i or "").strip().lower() for g, i in links if (g or "").strip().lower() == (title or "").strip().lower()}
    if not names:
        return []
    return [iv for iv in interventions if (iv[0] or "").strip().lower() in names] or interventions


def _part_of_total(single: Dose, total: Dose) -> bool:
    """Whether an amount given with no frequency ("12 g Vitamin C will be infused") may be one of several
    administrations making up a daily total stated elsewhere ("24 g per day", NCT05694975): a whole part of it."""
    if single.per_day is not None or not total.per_time or total.per_day != 1.0 or single.low <= 0:
        return False
    times = total.low / single.low
    return total.low == total.high and single.low == single.high and 2 <= round(times) <= 12 \
        and abs(times - round(times)) < 1e-6


def _conflict(arm_doses: list[StatedDose], iv_doses: list[StatedDose],
              others_level: Callable[[StatedDose], bool] = lambda _: False,
              not_given: Callable[[StatedDose], bool] = lambda _: False) -> tuple[StatedDose, StatedDose] | None:
    """A pair showing the doses disagree, when comparable doses exist and none of their kind agree (`_hides`); an
    intervention's dose that is another arm's level (`others_level`) shows no disagreement, nor does an amount that
    is no dose given (`not_given`), though either may agree."""
    pairs = [(a, i) for a in arm_doses for i in iv_doses
             if a.dose.comparable(i.dose) or _goes_on_at(a, i, arm_doses, iv_doses)
             or _goes_on_at(i, a, iv_doses, arm_doses) or _at_same_times(a, i)]
    if not pairs:
        return None
    agreeing = _agreeing(arm_doses, iv_doses)
    if not agreeing:
        differing = pairs
    else:
        both_ceilings = any(a.dose.ceiling for a in arm_doses) and any(i.dose.ceiling for i in iv_doses)
        differing = [(a, i) for a, i in pairs if not any(_hides(agreed, (a.dose, i.dose), both_ceilings)
                                                         for agreed in agreeing) and not _agree(a.dose, i.dose)]
    return next((pair for pair in differing if not others_level(pair[1]) and not any(map(not_given, pair))
                 and not _split_whole(pair[0], pair[1], arm_doses) and not _split_whole(pair[1], pair[0], iv_doses)
                 and not _salt_and_base(*pair)), None)


# The salts and esters a drug's amount may be stated of ("Amlodipine besylate 6.94 mg", "Tenofovir disoproxil
# fumarate 300 mg", "Dexamethasone sodium phosphate 4 mg"), rather than of the active part the salt carries.
SALT_WORDS = ("hydrochloride", "hcl", "dihydrochloride", "hydrobromide", "sulfate", "sulphate", "bisulfate",
              "phosphate", "diphosphate", "fumarate", "hemifumarate", "maleate", "besylate", "besilate", "mesylate",
              "mesilate", "dimesylate", "tosylate", "tartrate", "bitartrate", "citrate", "succinate", "acetate",
              "malate", "lactate", "gluconate", "hyclate", "monohydrate", "dihydrate", "trihydrate", "pentahydrate",
              "sesquihydrate", "hemihydrate", "bromide", "nitrate", "pamoate", "embonate", "decanoate", "xinafoate",
              "tromethamine", "trometamol", "meglumine", "sodium", "potassium", "edisylate", "esylate", "oxalate")
_SALT = r"(?:" + "|".join(SALT_WORDS) + r")"
# A salt named right before the amount, in its item ("Quinine sulfate 648 mg", "dexamethasone sodium phosphate
# (4 mg)") ...
_SALT_BEFORE = re.compile(rf"\b{_SALT}\b(?:\s+{_SALT}\b)?\s*[(:,]?\s*(?:[a-z]+\s+){{0,1}}$", re.I)
# ... or right after it, after the drug's name ("200 mg ferrous sulfate", "300 mg of tenofovir disoproxil fumarate") ...
_SALT_AFTER = re.compile(rf"\s*(?:of\s+)?(?:(?!(?:in|into|with|and|or|plus|per|of)\b)[a-z]+\s+){{1,2}}{_SALT}\b",
                         re.I)
# ... or the amount said of the active part, with the salt it is given as ("5 mg (as besylate)", "245 mg (as
# fumarate)", "3.3 mg base").
_BASE_AFTER = re.compile(rf"\s*[(,]?\s*(?:as\s+(?:the\s+)?(?:[a-z]+\s+)?{_SALT}\b|(?:free\s+)?base\b)", re.I)
# What a salt's amount is of its active part's at most: a salt adds its counter-ion's mass (amlodipine besylate
# 6.94 mg is 5 mg amlodipine, primaquine phosphate 26.3 mg is 15 mg base), never doubling it (a dose level does).
SALT_RATIO_MOST = 1.8
# How far before an amount its salt may be named.
SALT_LOOKBACK = 40


def _salt_form(stated: StatedDose) -> str | None:
    """'salt' for an amount stated of a salt, 'base' for one stated of the active part a salt carries, None for an
    amount whose text says neither."""
    text, dose = stated.text, stated.dose
    if _BASE_AFTER.match(text, dose.end):
        return "base"
    if _SALT_AFTER.match(text, dose.end):
        return "salt"
    return "salt" if _SALT_BEFORE.search(text, max(0, dose.start - SALT_LOOKBACK), dose.start) else None


def _salt_and_base(a: StatedDose, b: StatedDose) -> bool:
    """Whether two amounts that differ may be one dose stated once of a salt and once of its active part: one text
    names the salt with its amount ("Amlodipine besylate 6.94 mg", "Chloroquine phosphate 500 mg"), the other says
    its amount is the active part's ("Amlodipine 5 mg (as besylate)", "Chloroquine 300 mg base"), and the salt's
    amount is the greater, by less than a counter-ion adds. An amount said of neither may be either ("Sertraline
    50 mg" against "Sertraline hydrochloride 100 mg" is a dose level)."""
    forms = (_salt_form(a), _salt_form(b))
    if set(forms) != {"salt", "base"}:
        return False
    salt, base = (a.dose, b.dose) if forms[0] == "salt" else (b.dose, a.dose)
    return base.high < salt.low and salt.high < base.low * SALT_RATIO_MOST


MAINTENANCE = "maintenance"


def _goes_on_at(step: StatedDose, regular: StatedDose, steps: list[StatedDose], regulars: list[StatedDose]) -> bool:
    """Whether a regimen's later step ("160 mg at week 0, 80 mg at week 2, then 40 mg every other week", "600 mg
    loading dose followed by 75 mg daily") is compared with a dose the other text gives at a frequency and in no
    named role ("40 mg every week", "150 mg daily"): a regimen given in full goes on at its later step, and a text
    naming no role gives the dose its drug goes on at. Not where the step's text names no earlier role of the drug
    ("20 mg daily (maintenance)" alone), as a text naming no role may give the induction then."""
    if step.dose.phase != MAINTENANCE or regular.dose.phase is not None or not step.dose.per_day \
            or not regular.dose.per_day or not step.dose.comparable(replace(regular.dose, phase=MAINTENANCE)):
        return False
    if any(d.dose.phase is not None for d in regulars if d.text == regular.text):
        return False
    return any(d.dose.phase not in (None, MAINTENANCE) and d.dose.start < step.dose.start
               for d in steps if d.text == step.text)


def _at_same_times(a: StatedDose, b: StatedDose) -> bool:
    """Whether a regimen's opening amount and an amount the other text names in no role are given at the same
    numbered weeks or days ("600 mg IV at weeks 0, 4 and 8, then 360 mg SC" against "1200 mg IV at weeks 0, 4
    and 8"): they are one administration's."""
    if {a.dose.phase, b.dose.phase} != {LOADING, None} or a.dose.per_day is not None or b.dose.per_day is not None \
            or not a.dose.comparable(replace(b.dose, phase=a.dose.phase)):
        return False
    times = _times_after(a.text, a.dose, len(a.text))
    return times is not None and times[:2] == (_times_after(b.text, b.dose, len(b.text)) or ())[:2]


# The most administrations stated with no frequency that an amount of the other text may be split into.
MAX_SPLIT = 4


def _split_whole(part: StatedDose, whole: StatedDose, parts: list[StatedDose]) -> bool:
    """Whether an amount given with no frequency is one of the administrations its text states with none that
    together make the other text's one amount ("1 g IV over 10 minutes, then 1 g over 8 hours" against "2 g IV")."""
    if part.dose.per_day is not None or whole.dose.per_day is not None or whole.dose.low != whole.dose.high:
        return False
    given = [p for p in parts if p.text == part.text and p.dose.unit == part.dose.unit and p.dose.per_day is None]
    if not 2 <= len(given) <= MAX_SPLIT or len({p.dose.end for p in given}) < len(given) \
            or not all(_single_amount(p.dose) and p.dose.low == p.dose.high for p in given):
        return False  # amounts listed as alternatives ("15 or 30 mg") share their end
    given.sort(key=lambda p: p.dose.start)
    if not all(_ONE_AFTER_ANOTHER.search(part.text, a.dose.end, b.dose.start) for a, b in zip(given, given[1:])):
        return False  # "10 mg, 20 mg": levels of a dose, not its administrations
    return abs(sum(p.dose.low for p in given) - whole.dose.low) <= whole.dose.low * (ROUNDING - 1)


# What joins administrations given one after another ("1 g over 10 minutes, then 1 g over 8 hours", "50 mcg at
# induction and 50 mcg at incision"), not alternatives ("15 or 30 mg").
_ONE_AFTER_ANOTHER = re.compile(r"\b(?:then|followed\s+by|and|plus|thereafter|subsequently)\b(?![^\d]*\bor\b)", re.I)


def _agreeing(arm_doses: list[StatedDose], iv_doses: list[StatedDose]) -> list[tuple[Dose, Dose]]:
    """The arm's and the intervention's doses that agree; a dose within a ceiling that caps its own text's dose
    ("30 mg every 6 hours, max 120 mg/day") agrees with the ceiling only, not with that text's dose."""
    agreeing = [(a.dose, i.dose) for a in arm_doses for i in iv_doses
                if _may_agree(a.dose, i.dose) and _agree(a.dose, i.dose)]
    if any(a.ceiling != i.ceiling for a, i in agreeing):
        agreeing = [(a, i) for a, i in agreeing
                    if a.ceiling == i.ceiling or not _caps_own_dose(a, arm_doses) and not _caps_own_dose(i, iv_doses)]
    return agreeing


def _caps_own_dose(ceiling: Dose, doses: list[StatedDose]) -> bool:
    """Whether a ceiling is the day's or the course's most of its own text's dose ("30 mg every 6 hours, max
    120 mg/day"): the dose is the text's, and a dose within the ceiling agrees with no more than the ceiling. A
    ceiling above the text's dose ("500 mg once daily up to 2000 mg daily") is where titration may take it."""
    if not ceiling.ceiling:
        return False
    as_amount = replace(ceiling, ceiling=False)
    return any(not d.dose.ceiling and d.dose.unit == ceiling.unit and as_amount.matches(d.dose) for d in doses)


def _agree(a: Dose, b: Dose) -> bool:
    """Whether two doses state the same dose, or one is a whole part of the other's daily total."""
    return a.matches(b) or _part_of_total(a, b) or _part_of_total(b, a)


# The slack allowed when amounts are compared, for rounding.
ROUNDING = 1.0001


def _below(dose: Dose, other: Dose) -> bool:
    """Whether a dose is less than another: over a day when both state a frequency ("15 mg every 6 hours" is 60 mg
    a day, "120 mg/day" 120 mg), else as amounts."""
    if dose.per_day and other.per_day:
        return dose.high * dose.per_day * ROUNDING < other.low * other.per_day
    return dose.high * ROUNDING < other.low


# The unit of a volume given with no amount per body size or time ("20 mL", "in 500 mL").
VOLUME = "ml"


def _hides(agreed: tuple[Dose, Dose], differing: tuple[Dose, Dose], both_ceilings: bool) -> bool:
    """Whether doses that agree leave a disagreement unsure: they may be the same kind of dose said otherwise. The
    texts tell kinds apart by unit (an infusion's rate, an amount per kg or m2, a flat amount: "4 g loading dose,
    then 1 g/h" against "4 g load, then 2 g/h"), by a regimen phase all four doses name ("800 mg loading, then
    400 mg" against "800 mg loading, then 600 mg"), by a total over a day beside administrations on both sides,
    and, when both texts state a ceiling, by whether each dose is
    one ("2 mg, maximum 10 mg" against "4 mg, maximum 10 mg"). A volume is not a kind of its own: beside an amount
    that agrees it may be a diluent's ("1 g in 100 mL" against "1 g diluted in 250 mL")."""
    if agreed[0].unit != differing[0].unit and differing[0].unit != VOLUME:
        return False
    if (agreed[0].per_time or agreed[1].per_time) and not (agreed[0].ceiling or agreed[1].ceiling) \
            and not (differing[0].per_time or differing[1].per_time) and differing[0].per_day and differing[1].per_day:
        return False  # daily totals that agree, administrations that differ ("200 mg twice daily (400 mg/day)")
    phases = {agreed[0].phase, agreed[1].phase}
    if None not in phases and differing[0].phase is not None and differing[0].phase not in phases:
        return False
    if agreed[0].ceiling != agreed[1].ceiling and not differing[0].ceiling and not differing[1].ceiling:
        # "40 mg/day; max. 60 mg/day" against "20 mg daily": a dose within the ceiling but below the text's own
        # dose is no step of a titration from that dose
        own, other = differing if agreed[0].ceiling else differing[::-1]
        if _below(other, own):
            return False
    return not both_ceilings or (agreed[0].ceiling, agreed[1].ceiling) == (differing[0].ceiling, differing[1].ceiling)


def _not_given(stated: StatedDose, drugs: dict[str, str]) -> bool:
    """Whether the amount is no dose its text gives of the drug: a placebo's, a drug's taken before or gone without,
    or a combination's (`not_given_here`), or one for some participants only ("3 g for patients weighing 120 kg or
    more", "2 mg if eGFR < 60"), as others may get another dose. Read only of doses that would disagree."""
    return conditional(stated.text, stated.dose.start, stated.dose.end) \
        or not_given_here(stated.text, stated.dose, drugs)


def _may_agree(a: Dose, b: Dose) -> bool:
    """Whether two doses may state the same dose: comparable, or so but for a regimen phase only one of them names
    (an arm's "10 mg twice daily for 7 days, then 5 mg twice daily" against an intervention's "5 mg twice daily")."""
    return a.comparable(b) or (None in (a.phase, b.phase) and a.comparable(replace(b, phase=a.phase)))


_PLACEBO = re.compile(r"\b(?:placebo|sham|vehicle|dummy)\b", re.I)
# A name that combines products ("Baricitinib + placebo to methotrexate"): not a placebo only.
_COMBINED = re.compile(r"\+|&|/|,|\b(?:and|with|plus|or|versus|vs)\b", re.I)


def _placebo_only(name: str | None) -> bool:
    """Whether an intervention's name is a placebo's alone ("Placebo", "GW869682-Placebo", "Sham block")."""
    return bool(name) and _PLACEBO.search(name) is not None and _COMBINED.search(name) is None


def _states_dose(texts: tuple) -> bool:
    """Whether any of the texts (an arm's title and description, an intervention's name and description)
    states a dose: only doses are compared, so an arm or intervention stating none adds no finding."""
    for text in texts:
        if parse_doses(text):  # kept: the same text is read for its doses by drug right after
            return True
    return False


def _arm_doses(arm: tuple, linked: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    """The doses an arm's title and description state, by drug."""
    title, description = arm
    default = _drug_named(" ".join(n or "" for n, _ in linked), drugs) or _drug_named(description, drugs)
    if _PLACEBO.search(f"{title} {description}"):
        default = None  # "matching placebo 4 mg": the amount is not the drug's unless the drug is named
    arm_doses = _stated("design_groups.title", title, title, drugs, None)
    _merge(arm_doses, _stated("design_groups.description", title, description, drugs, default))
    return arm_doses


def _read_arms(arms: list[tuple], interventions: list[tuple], links: list[tuple],
               drugs: dict[str, str]) -> dict[tuple, tuple[list[tuple], dict[str, list[StatedDose]]]]:
    """Each arm's linked interventions and stated doses."""
    read = {}
    for arm in arms:
        linked = _linked(arm[0], interventions, links)
        read[arm] = (linked, _arm_doses(arm, linked, drugs))
    return read


def _other_arms_level(dose: StatedDose, drug: str, arm: tuple, read: dict) -> bool:
    """Whether another arm receiving the intervention that states `dose` gives the drug at that dose: an
    intervention shared by arms may state one arm's dose level, and another arm's level is not a contradiction."""
    for other, (linked, doses) in read.items():
        if other is arm or other == arm or not any(name == dose.owner for name, _ in linked):
            continue
        if any(d.dose.matches(dose.dose) for d in doses.get(drug, ())):
            return True
    return False


def _strength_findings(nct_id: str, title: str, arm_doses: dict[str, list[StatedDose]],
                       strengths: dict[str, list[StatedDose]], iv_doses: dict[str, list[StatedDose]],
                       conflicts: dict, drugs: dict[str, str]) -> Iterator[Finding]:
    """Findings of an arm giving a drug below the strength its linked products are named for, where the
    interventions' descriptions state no dose of it that the arm's agrees with and no other finding names it."""
    reported = {drug for found in conflicts.values() for drug, _, _ in found}
    for drug in sorted(arm_doses.keys() & strengths.keys() - reported):
        if _agreeing(arm_doses[drug], iv_doses.get(drug, [])):
            continue
        if pair := _below_strength(arm_doses[drug], strengths[drug], lambda stated: _not_given(stated, drugs)):
            a, i = pair
            message = (f"Arm '{title}' gives {drug} as {a.dose.label}, less than the {i.dose.text} its intervention "
                       f"'{i.owner}' is named for.")
            yield Finding(nct_id, message, f"{a.quote()}; {i.quote()}", (a.field, i.field))


def _arm_findings(nct_id: str, arm: tuple, read: dict, drugs: dict[str, str],
                  given: dict[tuple, dict[str, list[StatedDose]]], named_linked: list[tuple] = ()) -> Iterator[Finding]:
    """Findings of one arm stating an amount; `read` holds the linked interventions and doses of the study's
    arms that state one, `given` keeps the doses of each set of interventions, and `named_linked` the
    interventions the record links the arm to by name (none where it links the arm to none it lists)."""
    title = arm[0]
    linked, arm_doses = read[arm]
    iv_doses = given.get(tuple(linked))
    if iv_doses is None:
        iv_doses = given[tuple(linked)] = _intervention_doses(linked, drugs)
    # one finding per pair of texts: a combination's ratio ("400/100 mg" against "800/200 mg") disagrees for each
    # of its drugs, from the same two quotes
    conflicts: dict[str, list[tuple[str, StatedDose, StatedDose]]] = {}
    for drug in sorted(arm_doses.keys() & iv_doses.keys()):
        if pair := _conflict(arm_doses[drug], iv_doses[drug], lambda i: _other_arms_level(i, drug, arm, read),
                             lambda stated: _not_given(stated, drugs)):
            a, i = pair
            conflicts.setdefault(f"{a.quote()}; {i.quote()}", []).append((drug, a, i))
    if named_linked:
        yield from _strength_findings(nct_id, title, arm_doses, _name_strengths(named_linked, drugs), iv_doses,
                                      conflicts, drugs)
    for evidence, found in conflicts.items():
        _, a, i = found[0]
        if len({(arm_dose.dose.label, iv_dose.dose.label) for _, arm_dose, iv_dose in found}) == 1:
            # the ratio read for each drug: "lopinavir/ritonavir as 400/100 mg"
            gives, says = f"{'/'.join(drug for drug, _, _ in found)} as {a.dose.label}", i.dose.label
        else:
            gives = " and ".join(f"{drug} as {arm_dose.dose.label}" for drug, arm_dose, _ in found)
            says = " and ".join(iv_dose.dose.label for _, _, iv_dose in found)
        message = f"Arm '{title}' gives {gives} but its intervention '{i.owner}' says {says}."
        yield Finding(nct_id, message, evidence, (a.field, i.field))


def arm_dose_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An arm states a dose of a drug that its intervention states differently."""
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    interventions = rows_by_study(con, scope, "interventions", ("name", "description"))
    links = rows_by_study(con, scope, "design_group_interventions", ("design_group", "intervention"))
    for nct_id, study_arms in arms.items():
        yield from study_dose_findings(nct_id, study_arms, interventions.get(nct_id, []), links.get(nct_id, []))


def study_dose_findings(nct_id: str, arms: list[tuple], interventions: list[tuple],
                        links: list[tuple]) -> Iterator[Finding]:
    """The findings of one study's arms (title, description) against its interventions (name, description).

    Only arms stating a dose are read, and none when no intervention states one: the same findings as
    reading every arm, since a finding compares an arm's dose with an intervention's.
    """
    dosed = [arm for arm in arms if _states_dose(arm)]
    if not dosed or not any(_states_dose(iv) for iv in interventions):
        return
    drugs, given = _vocabulary(arms, interventions), {}
    read = _read_arms(dosed, interventions, links, drugs)
    for arm in dosed:
        yield from _arm_findings(nct_id, arm, read, drugs, given, _named_links(arm[0], interventions, links))


def _named_links(title: str, interventions: list[tuple], links: list[tuple]) -> list[tuple]:
    """The interventions the record links an arm to by name; none where it links the arm to none it lists."""
    names = {(i or "").strip().lower() for g, i in links if (g or "").strip().lower() == (title or "").strip().lower()}
    return [iv for iv in interventions if (iv[0] or "").strip().lower() in names] if names else []


# Titles compared as links match them (case, runs of white space, a final full stop: "Placebo" and "Placebo." are one
# arm); the message shows the title with its white space made single. Rows that share a description too (or have
# none) are one arm listed again; rows whose descriptions differ may be arms of their own given one title ("Cohort 1"
# of Part A and of Part B): titles must be unique, as links name arms by them, but no arm is counted twice.
# Descriptions are compared as titles are (case, runs of white space, a final full stop): "Matching  placebo" and
# "Matching placebo." describe one arm. Only the few repeated titles whose descriptions differ as stored are read
# again to compare them so.
_DESCRIPTION_KEY = "coalesce(rtrim(lower(trim(regexp_replace(g.description, '[\\s\\x{00A0}]+', ' ', 'g'))), '. '), '')"
DUPLICATE_ARM = f"""
    WITH repeated AS (
        SELECT nct_id, {title_key('title')} AS key, any_value(title) AS title, count(*) AS n,
               min(description) AS description, count(DISTINCT coalesce(lower(trim(description)), '')) AS descriptions
        FROM design_groups
        WHERE title IS NOT NULL AND {title_key('title')} <> ''
        GROUP BY nct_id, {title_key('title')}
        HAVING count(*) > 1
    ), told AS (
        SELECT g.nct_id, {title_key('g.title')} AS key, count(DISTINCT {_DESCRIPTION_KEY}) AS descriptions
        FROM (SELECT * FROM design_groups
              WHERE title IS NOT NULL AND nct_id IN (SELECT nct_id FROM repeated WHERE descriptions > 1)) g
        GROUP BY g.nct_id, {title_key('g.title')}
    ), shown AS (
        SELECT r.nct_id, r.title, r.n, r.description, coalesce(t.descriptions, r.descriptions) AS descriptions,
               trim(regexp_replace(r.title, '[\\s\\x{{00A0}}]+', ' ', 'g')) AS shown
        FROM repeated r LEFT JOIN told t ON t.nct_id = r.nct_id AND t.key = r.key
    )
    SELECT nct_id,
           CASE WHEN descriptions = 1 THEN 'The arm ''' || shown || ''' is listed ' || n || ' times.'
                ELSE 'The title ''' || shown || ''' is given to ' || n || ' arms.' END AS message,
           'design_groups.title = ''' || shown || ''' in ' || n || ' rows; '
             || CASE WHEN descriptions = 1 AND coalesce(trim(description), '') = '' THEN 'no descriptions'
                     ELSE 'descriptions ' || CASE WHEN descriptions = 1 THEN 'identical' ELSE 'differ' END
                          || ': ''' || left(coalesce(description, ''), 120)
                          || CASE WHEN length(description) > 120 THEN '...' ELSE '' END || '''' END AS evidence
    FROM shown
"""

RULES = (
    Rule("contradictions.arm_dose_differs", "contradiction", "warning",
         "An arm and its intervention giving different doses of one drug leave the real dose unknown; "
         "free-text doses can be read wrongly, so a person confirms it.",
         ("design_groups.description", "interventions.description"), func=arm_dose_differs, in_worker=True),
    Rule("contradictions.duplicate_arm", "contradiction", "warning",
         "An arm listed twice inflates the arm count and duplicates its interventions; arms sharing one title "
         "leave unclear which of them the record's links name.",
         ("design_groups.title",), sql=DUPLICATE_ARM),
)
