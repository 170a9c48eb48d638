"""Which drug each amount of a text is a dose of, and each percentage a concentration of ("bupivacaine 0.5%")."""
from __future__ import annotations

import re
from typing import Mapping

from checks.dose_agreement import Dose
from checks.dose_frequency_before_name import names_read_with
from checks.dose_product_phrases import lacking_product
from checks.dose_text import parse_doses
from checks.drug_history import taken_before
from checks.drug_names import FORM_WORDS, words_in
from checks.drug_near_dose import (WORD_BEFORE, drug_after, drug_before, drug_of, in_combination, joined_drugs,
                                   of_another_member, part_of)
from checks.drug_other_amounts import named_otherwise, of_another_substance, placebo_of


def doses_by_drug(text: str | None, drugs: Mapping[str, str], default: str | None = None) -> dict[str, list[Dose]]:
    """Doses of a text by drug (`drugs` maps lower-case words to drug names); unattributed ones go to `default`,
    unless a name the study does not list stands right before the amount ("Lupron 3.75 mg"); an amount of a
    substance the study does not list ("91.5 mg of lactose"), of a product said to lack the drug or something else
    ("33 grams gluten-free pasta"), or a step of a dose ("5 ml increments"), is none."""
    found: dict[str, list[Dose]] = {}
    concentration: tuple[str, int] | None = None  # the last concentration's drug, and where it ended
    doses = parse_doses(text)
    if doses and (names := names_read_with(text, drugs)):  # most texts: read without them
        doses = parse_doses(text, names)
    for dose in doses:
        if dose.unit == PERCENT:  # compared with the drug's concentrations only, whatever its amounts say
            drug = _drug_of_concentration(text, dose, drugs) or _continued(text, dose, concentration, drugs)
            if drug:
                found.setdefault(f"{drug} {CONCENTRATION}", []).append(dose)
                concentration = (drug, dose.end)
            continue
        if of_another_substance(text, dose, drugs) or of_another_member(text, dose, drugs) \
                or lacking_product(text, dose, drugs):
            continue
        if len(dose.parts) > 1 and (joined := joined_drugs(text, dose, drugs)) and len(joined) == len(dose.parts):
            for i, drug in enumerate(joined):  # "lopinavir/ritonavir 400/100 mg": each drug's amount
                found.setdefault(drug, []).append(part_of(dose, i))
            continue
        if named_otherwise(text, dose, drugs):  # the dose is of the name before it, unless a drug follows
            drug = drug_after(text, dose, drugs)
        else:
            drug = _of_the_name_before(text, dose, doses, drugs) or drug_of(text, dose, drugs) or default
        if drug:
            found.setdefault(drug, []).append(dose)
    return found


# Products listed by name, the first with its amount after its name and the rest with none ("Proellex 50 mg CYP1A2
# probe CYP2C9 probe CYP2C19 probe", NCT00741468): the amount is the name's right before it, not the next name's.
_LEAST_NAMES_LISTED_AFTER = 2


def _of_the_name_before(text: str, dose: Dose, doses: tuple[Dose, ...], drugs: Mapping[str, str]) -> str | None:
    """The drug named right before an amount that the text's last amount is, when two drugs or more are named after
    it with no amount of their own."""
    if dose is not doses[-1] or not (named := drug_before(text, dose, drugs)) or text[named[2]:dose.start].strip():
        return None
    after = {drugs[word] for word in words_in(text[dose.end:]) if word in drugs}
    return named[0] if len(after - {named[0]}) >= _LEAST_NAMES_LISTED_AFTER else None


PERCENT = "%"
# The word after a drug's name that keys its concentrations apart from its amounts ("bupivacaine concentration"): an
# arm's "0.5%, 20 mL" and an intervention's "0.25%, 20 mL" disagree in concentration though their volumes agree.
CONCENTRATION = "concentration"
# Words that may stand between a drug's name and its concentration: a salt, a form, a route, "at a concentration of"
# ("timolol maleate 0.5%", "bupivacaine hydrochloride (hyperbaric) 0.75%", "tacrolimus ointment 0.1%").
CONCENTRATION_LEAD_INS = FORM_WORDS | frozenset({
    "maleate", "tartrate", "sulfate", "sulphate", "citrate", "besylate", "mesylate", "fumarate", "succinate",
    "propionate", "dipropionate", "acetonide", "valerate", "butyrate", "furoate", "phosphate", "acetate", "bromide",
    "chloride", "gluconate", "digluconate", "potassium", "calcium", "magnesium", "nitrate", "lactate",
    "hyperbaric", "isobaric", "hypobaric", "heavy", "plain", "ophthalmic", "ointment", "lotion", "foam", "jelly",
    "viscous", "nasal", "vaginal", "rectal", "spinal", "epidural", "local", "anesthetic", "anaesthetic", "at",
    "concentration", "strength", "w", "v", "wt", "vol", "preservative-free", "free", "mouthwash", "rinse",
})
_CONCENTRATION_WORDS = re.compile(r"[a-z][\w-]*|[^\sa-z/():,]", re.I)
# A vehicle's concentration: "0.9% saline", "5% dextrose", "0.9% NaCl", "70% alcohol".
_VEHICLE_AFTER = re.compile(r"\s*(?:w/v\s+|normal\s+|sterile\s+)?(?:saline|dextrose|glucose|sodium\s+chloride|nacl"
                            r"|water|ethanol|alcohol|albumin|lipid|intralipid|mannitol)\b", re.I)
# Concentrations listed before another ("0.03% or ", "0.5%, 0.75% and ").
_LISTED_CONCENTRATIONS = re.compile(r"(?:\d*\.?\d+\s*%\s*(?:,|/|\bor\b|\band\b)\s*)+$", re.I)
# How far back a concentration's drug may be named.
CONCENTRATION_LOOKBACK = 60


def _drug_of_concentration(text: str, dose: Dose, drugs: Mapping[str, str]) -> str | None:
    """The drug a concentration is of: named right after it ("1% lidocaine"), or right before it with only a salt, a
    form or a route between ("Timolol maleate 0.5%", "lidocaine gel 2%"). A percentage standing elsewhere ("a 25%
    reduction in lidocaine") is no drug's concentration: none is guessed from the text's drug."""
    if placebo_of(text, dose):
        return None
    if drug := drug_after(text, dose, drugs):
        return drug
    if _VEHICLE_AFTER.match(text, dose.end):  # "ketamine in 0.9% saline": the saline's
        return None
    before = text[max(0, dose.start - CONCENTRATION_LOOKBACK):dose.start]
    if listed := _LISTED_CONCENTRATIONS.search(before):  # "tacrolimus ointment 0.03% or 0.1%"
        before = before[:listed.start()]
    for word in reversed(_CONCENTRATION_WORDS.findall(before)):
        lower = word.lower()
        if lower in drugs:
            return drugs[lower]
        if lower not in CONCENTRATION_LEAD_INS:
            return None
    return None


def _continued(text: str, dose: Dose, last: tuple[str, int] | None, drugs: Mapping[str, str]) -> str | None:
    """The drug of the concentration before this one in its sentence when no other drug is named between them
    ("bupivacaine 0.5%, 20 mL, then 0.125% infusion"): the text goes on about the same drug."""
    if last is None or _VEHICLE_AFTER.match(text, dose.end):
        return None
    between = text[last[1]:dose.start]
    if _SENTENCE_BREAK.search(between) or any(word in drugs and drugs[word] != last[0]
                                              for word in WORD_BEFORE.findall(between.lower())):
        return None
    return None if placebo_of(text, dose) else last[0]


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")


# A dose that names an arm ("the 300 mg QD arm", "the 10 mg group"), after a word of stopping it in its clause: an
# arm's description telling that another arm was stopped states no dose of its own.
_NAMES_AN_ARM = re.compile(r"\s*(?:[a-z.]{1,6}\s+){0,2}?(?:arms?|groups?|cohorts?)\b", re.I)
_STOPPED_BEFORE = re.compile(r"\b(?:terminat|discontinu|stop|clos|drop|halt|suspend)\w*\b[^.;]{0,60}$", re.I)


def _arm_stopped(text: str, dose: Dose) -> bool:
    """Whether the amount names an arm said to be stopped."""
    return _NAMES_AN_ARM.match(text, dose.end) is not None \
        and _STOPPED_BEFORE.search(text, max(0, dose.start - 80), dose.start) is not None


def not_given_here(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether a text's amount is not a dose it gives of the drug named with it: a placebo's ("placebo matching
    apixaban 5 mg"), a drug's the participants took before or go without ("switched from tacrolimus 0.1 mg/kg/day",
    "without dexamethasone 8 mg"), a combination product's ("budesonide/formoterol 160/4.5 mcg"), or the dose naming
    an arm that was stopped ("the DSMB recommended to terminate the UK-427,857 300 mg QD arm")."""
    if _arm_stopped(text, dose):
        return True
    if drug_after(text, dose, drugs) or named_otherwise(text, dose, drugs):
        return placebo_of(text, dose)
    named = drug_before(text, dose, drugs)
    # A combination's amount read for one of its drugs ("lopinavir/ritonavir 400/100 mg") is that drug's.
    joined = dose.part is None
    return placebo_of(text, dose) or bool(named) and (taken_before(text, named[1])
                                                      or joined and in_combination(text, named[1], named[2], drugs))
