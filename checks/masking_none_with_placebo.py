"""An open-label (masking NONE) trial that gives a placebo and never says it is given open label.

A placebo is an inactive product made to look like the one tested, so that whoever takes it, gives it or assesses
it cannot tell the two apart: it is given to be masked. A record whose masking is None (Open Label) while an
intervention is a placebo ('Placebo oral tablet', 'Tenofovir placebo gel') or a Placebo Comparator arm is titled as
one ('Placebo group') is found among the unmasked trials by a data team that filters on masking, when its placebo
says it is masked: the masking or the placebo is wrong. Open-label placebo designs exist (a placebo given knowingly,
a platform trial's shared control, an extension that gives its parent study's placebo arm the drug), but such a
record says so.

Only info (a plausible but unusual combination), and quiet wherever the record speaks of its blinding or of an open
label at all (`open-label`, `open label`, `unblinded`, `not blinded`, `double-blind`, `masked`, `masking`: the
masking rules that read those words judge it), where a title says it is an extension, a rollover or a continuation
of another study (whose placebo is the parent study's), where the record calls itself a platform trial, and where a
placebo is a behavioural intervention (a message experiment's 'Placebo videos') or is denied ('No placebo').
"""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.design_hyphens import hyphens_wide
from checks.design_parent_study import EXTENSION_TITLE
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import rows_by_study, studies_with, texts_of_studies

RULE_ID = "contradictions.masking_none_with_placebo"
FIELDS = ("designs.masking", "interventions.name", "design_groups.title")
# A placebo named: "Placebo", "Placebos", "placebo to azathioprine", "Tenofovir placebo gel", "Placebo-matched".
_PLACEBO = re.compile(r"\bplacebos?\b", re.I)
# Words that deny a placebo just before it: "No placebo", "without placebo", "non-placebo", "not placebo".
_DENIED_BEFORE = re.compile(hyphens_wide(r"\b(?:no|without|non|not)[\s-]+(?:an?\s+)?$"), re.I)
# How a record says it is open label, blinded or not ("Open-label", "an Open, Randomized, 6-way Cross-over Study",
# "unblinded", "not blinded", "double-blind", "masked"): any of these leaves the masking to the rules that read them.
_MASKING_SAID = re.compile(hyphens_wide(
    r"\bopen[\s-]*label|\bopen(?:\s*,\s*|\s+)(?:[\w-]+(?:\s*,\s*|\s+)){0,6}?(?:study|trial|design)\b"
    r"|\bun[\s-]*(?:blind|mask)"
    r"|\b(?:non|not|no)[\s-]+(?:be\s+)?(?:blind|mask)|\bblind(?!ness)|\bmask(?:ed|ing)\b|\bdouble[\s-]*dummy\b"),
    re.I)
# A platform trial: arms added and dropped under one protocol, often sharing an open-label placebo or control.
_PLATFORM = re.compile(r"\bplatform\s+(?:trial|study|protocol|design)|\badaptive\s+platform\b", re.I)
# The record's texts read for what it says of its masking, its design and its parent study.
TEXT_FIELDS = ("studies.official_title", "studies.brief_title", "studies.acronym", "brief_summaries.description",
               "detailed_descriptions.description", "designs.masking_description",
               "designs.intervention_model_description", "design_groups.title", "design_groups.description",
               "interventions.name", "interventions.description")
TITLE_FIELDS = ("studies.official_title", "studies.brief_title")
# A placebo row that says nothing, or only usual care, is given: "placebo" described as "No intervention", "No
# treatment", "Usual care", "No block Patients who did not receive PVB", or as people without the condition studied
# ("control subjects without a history of Lyme borreliosis"): an untreated control mislabelled, nothing to mask.
_NOTHING_GIVEN = re.compile(r"^\W*no\s+(?:intervention|treatment|drug|medication)s?\b|^\W*none\W*$"
                            r"|^\W*(?:usual|standard(?:\s+of)?|routine)\s+(?:care|treatment)\W*$"
                            r"|\b(?:did|do|does|will|would)\s+not\s+(?:receive|get|be\s+given)\b|\breceiv\w*\s+nothing\b"
                            r"|\b(?:control|healthy)\s+(?:subjects?|participants?|volunteers?|individuals?|persons?)"
                            r"\s+without\b", re.I)
# A placebo row said to be given in an earlier study: "In the primary study: 1 deep intramuscular injection".
_EARLIER_STUDY = re.compile(r"\b(?:primary|parent|previous|prior|earlier|original|preceding|feeder|core)\s+"
                            r"(?:study|studies|trial|trials|protocol)\b", re.I)
# An intervention of this type named placebo is an attention control's or a message's, not a masked product.
_NOT_A_PRODUCT = frozenset({"BEHAVIORAL"})
# The types of a product a placebo may stand for; a behavioural trial that tests none of them calls its attention
# control a placebo ("Placebo": screens "with no reinforcement for negative results", typed OTHER).
PRODUCT_TYPES = frozenset({"DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "DEVICE", "GENETIC",
                           "RADIATION"})
# Products a placebo pill or injection cannot be made to look like: a placebo set only against a device, a procedure
# or radiation ("oral placebo tablet" against CPAP) is an attention control that whoever takes it can tell apart.
_OTHER_KIND = frozenset({"DEVICE", "PROCEDURE", "RADIATION"})
_PLACEBO_LIKE = frozenset({"DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "GENETIC"})
NAME_CHARS = 60


def names_placebo(text: str | None) -> bool:
    """Whether a name names a placebo it gives: 'Placebo oral tablet', 'Tenofovir placebo gel' (not 'No placebo')."""
    return any(not _DENIED_BEFORE.search(text[:m.start()]) for m in _PLACEBO.finditer(text or ""))


def placebo_given(interventions: list[tuple], arms: list[tuple]) -> str | None:
    """What the record gives as a placebo, quoted for a message: an intervention (type, name and optionally
    description) named placebo, or else a Placebo Comparator arm (type, title and optionally description) titled as
    one; None where there is none, one is behavioural or described as nothing or usual care given ("No
    intervention", "Usual care", "did not receive") or as given in an earlier study, the trial tests only behavioural
    interventions (its "placebo" is an attention control), the placebo stands only against a device, a procedure or
    radiation, or the record has one arm (a placebo in a fixed sequence each participant takes)."""
    named = [(row[0], row[1]) for row in interventions if names_placebo(row[1])]
    nothing = [row for row in interventions + arms if names_placebo(row[1]) and _nothing_given(row)]
    if nothing or any(kind in _NOT_A_PRODUCT for kind, _name in named) or _attention_control(interventions) \
            or _set_against_another_kind(interventions) or len(arms) == 1:
        return None
    if named:
        return f"the intervention '{_short(named[0][1])}'"
    titled = [row[1] for row in arms if row[0] == "PLACEBO_COMPARATOR" and names_placebo(row[1])]
    if titled and not any(row[0] in _NOT_A_PRODUCT for row in interventions):
        return f"the Placebo Comparator arm '{_short(titled[0])}'"
    return None


def _nothing_given(row: tuple) -> bool:
    """Whether a row (type, name, description) named placebo is described as nothing or usual care given, or as
    given in an earlier study."""
    if len(row) < 3 or not row[2]:
        return False
    return _NOTHING_GIVEN.search(row[2]) is not None or _EARLIER_STUDY.search(row[2]) is not None


def _attention_control(interventions: list[tuple]) -> bool:
    """Whether the interventions (type, name, ...) are a behavioural trial's: a behavioural one, and no product
    besides the placebo."""
    kinds = {row[0] for row in interventions if not names_placebo(row[1])}
    return "BEHAVIORAL" in kinds and not kinds & PRODUCT_TYPES


def _set_against_another_kind(interventions: list[tuple]) -> bool:
    """Whether the products besides the placebo (type, name, ...) are only devices, procedures or radiation, which
    a placebo cannot look like."""
    kinds = {row[0] for row in interventions if not names_placebo(row[1])}
    return bool(kinds & _OTHER_KIND) and not kinds & _PLACEBO_LIKE


def _short(text: str) -> str:
    """A name as a message quotes it: spaces joined, the first NAME_CHARS."""
    return " ".join(text.split())[:NAME_CHARS]


def says_open_or_other_design(texts: list[tuple[str, str]]) -> bool:
    """Whether the record's texts (field, text) speak of its masking or open label, call it a platform trial, or
    title it an extension, rollover or continuation of another study."""
    return any(_MASKING_SAID.search(text) or _PLATFORM.search(text)
               or (field in TITLE_FIELDS and EXTENSION_TITLE.search(text)) for field, text in texts)


def study_masking_placebo_findings(nct_id: str, masking: str | None, interventions: list[tuple], arms: list[tuple],
                                   texts: list[tuple[str, str]]) -> Iterator[Finding]:
    """A finding when masking is NONE while the record gives a placebo (`placebo_given`: interventions and arms as
    (type, name or title, description)) and none of its texts (field, text), names or titles says open label or
    blinding, calls it a platform trial or titles it an extension."""
    if masking != "NONE" or (given := placebo_given(interventions, arms)) is None:
        return
    named = [("interventions.name", row[1]) for row in interventions if row[1]]
    if says_open_or_other_design(texts + named + [("design_groups.title", row[1]) for row in arms if row[1]]):
        return
    message = (f"Masking is None (Open Label) while the record gives a placebo ({given}) and none of its texts says "
               "the study is open label: a placebo is given to be masked, so the masking or the placebo is wrong, "
               "or the record leaves out that its placebo is given open label.")
    evidence = f"designs.masking='NONE'; placebo: {given}"
    yield Finding(nct_id, message, evidence)


def masking_none_with_placebo(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An interventional study whose masking is NONE while it gives a placebo and never says it is open label."""
    read = (studies_with(con, scope, "studies", "study_type", ("INTERVENTIONAL",))
            & studies_with(con, scope, "designs", "masking", ("NONE",)))
    judged = scope.of(scope.nct_ids & read)
    listed = rows_by_study(con, judged, "interventions", ("intervention_type", "name", "description"))
    arms = rows_by_study(con, judged, "design_groups", ("group_type", "title", "description"))
    given = [n for n in sorted(judged.nct_ids) if placebo_given(listed.get(n, []), arms.get(n, []))]
    texts = {field: texts_of_studies(con, judged, (field,), given) for field in TEXT_FIELDS}
    for nct_id in given:
        study_texts = [(field, text) for field in TEXT_FIELDS for text in texts[field].get(nct_id, ())]
        yield from study_masking_placebo_findings(nct_id, "NONE", listed.get(nct_id, []), arms.get(nct_id, []),
                                                  study_texts)


RULES = (
    Rule(RULE_ID, "contradiction", "info",
         "A placebo is given to be masked: a record whose masking is None (Open Label) while an intervention is a "
         "placebo, or a Placebo Comparator arm is titled as one, and none of whose texts says it is open label, "
         "blinded or a platform trial, nor titles it an extension of another study, is found among unmasked trials "
         "though its placebo says it is masked: the masking or the placebo is wrong, or the record leaves out that "
         "the placebo is given open label. Info: open-label placebo designs exist.",
         FIELDS, func=masking_none_with_placebo, in_worker=True),
)
