"""Contradictions between a study's design fields (masking, allocation, type, model) and its text."""
from __future__ import annotations

import re
from typing import Callable, Iterator

import duckdb

from checks.date_columns import FINAL_RULE_IN_FORCE, first_public, first_public_before
from checks.design_text import (
    BLINDED, BLINDED_ARM, BLINDED_ASSESSMENT, BLINDED_CENTRAL_REVIEW, MASKED_PARTY, NEEDLE_WORDS, OBSERVATIONAL,
    OPEN_LABEL, OPEN_LABEL_WORDS, RANDOMIZED, RANDOMIZING, RCT, SINGLE_ARM, TITLE_FIELDS, Claim, claims,
    claims_not_elsewhere, denied_before, first_affirmed, folded, hyphens_wide, masked_party_named, mentions,
    of_an_earlier_part, only_denied, opens_the_title, outside_the_main_comparison, screened, sentence_at, we_conduct_it,
)
from checks.rule import CheckScope, Finding, Rule
from checks.sql_text import title_key
from checks.study_text import (
    DESIGN_FIELDS, NARRATIVE_FIELDS, StudyText, other_study, quote, rows_by_study, studies_with, texts_mentioning,
)
from checks.trial_text import CLINICAL_TRIAL, PLACEBO_GROUP, trial_claim

MASKED = ("SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE")
_DESIGN_COLUMNS = (
    "allocation", "masking", "masking_description", "subject_masked", "caregiver_masked",
    "investigator_masked", "outcomes_assessor_masked", "intervention_model",
)


def _design_texts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> dict[str, list[StudyText]]:
    """Each study's texts that may state a design: only those with a word that every match of a design pattern
    holds (`NEEDLE_WORDS`); the others have no claim of any pattern these rules ask about."""
    return texts_mentioning(con, scope, DESIGN_FIELDS + NARRATIVE_FIELDS, NEEDLE_WORDS)


def _designs_and_texts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> list[tuple[str, dict, list[StudyText]]]:
    """(nct_id, design row as a dict, the study's free text) for every scoped study with a design, made once
    per scope for the rules that all read them."""
    designs = rows_by_study(con, scope, "designs", _DESIGN_COLUMNS)
    texts = _design_texts(con, scope)
    return scope.shared(("designs and texts", scope.nct_ids), lambda: [
        (nct_id, dict(zip(_DESIGN_COLUMNS, rows[0])), texts.get(nct_id, [])) for nct_id, rows in designs.items()])


def _finding(nct_id: str, message: str, stated: str, claim: Claim, field: str) -> Finding:
    evidence = f"{stated}; {quote(claim.source.field, claim.source.text, claim.start, claim.end)}"
    return Finding(nct_id, message, evidence, (field, claim.source.field))


def _affirmed(texts: list[StudyText], pattern) -> list[Claim]:
    return [c for c in claims(texts, pattern) if not c.negated]


# An extension's titles ("Open-label Extension Study of Drug X", "A Rollover Study for Participants of Study 301") or
# narrative ("This open-label extension will ..."): its text's "previous double-blind phase" is the parent study's.
_EXTENSION_TITLE = re.compile(r"\b(?:extension|roll-?over|continuation)\b", re.I)
_EXTENSION_SUMMARY = re.compile(
    r"\b(?:this|the\s+present)\s+(?:[\w-]+,?\s+){0,4}?(?:extension|roll-?over|continuation)\b", re.I)
_EXTENSION_FIELDS = ("studies.official_title", "studies.brief_title") + NARRATIVE_FIELDS
_EXTENSION_WORDS = ("extension", "roll", "continuation")


def _extensions(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """The scoped studies whose titles or narrative call them an extension or rollover of another study."""
    def found() -> frozenset[str]:
        texts = texts_mentioning(con, scope, _EXTENSION_FIELDS, _EXTENSION_WORDS)
        return frozenset(nct_id for nct_id, found in texts.items() if any(
            (_EXTENSION_SUMMARY if t.narrative else _EXTENSION_TITLE).search(t.text) for t in found))
    return scope.shared(("extensions", scope.nct_ids), found)


# An arm's text that names an open-label treatment ("Double-blind Placebo / Open-label Drug X", "DB placebo - OLE drug
# X"): in an extension, its double-blind treatment is the one given before, in the parent study.
_OPEN_LABEL_NAMED = re.compile(hyphens_wide(r"\bopen[\s-]*label(?:ed)?\b|(?-i:\bOLE?\b)"), re.I)


def _of_the_parent_study(claim: Claim) -> bool:
    """Whether the claim, in an extension, may be of the parent study: of a part done before ("the previous
    double-blind phase"), or in an arm's text that names the open-label treatment given after the double-blind one."""
    return of_an_earlier_part(claim) or (claim.source.field in ARM_FIELDS
                                         and _OPEN_LABEL_NAMED.search(claim.source.text) is not None)


# A blinded run-in or lead-in every participant passes through before the study's treatment ("a single-blind placebo
# run-in", "a 2-week single-blind sham lead-in period"): it screens out placebo responders or checks adherence; the
# masking, set for the study's comparison, does not describe it.
_RUN_IN_AFTER = re.compile(hyphens_wide(
    r"[\s,]+(?:(?:placebo|sham|vehicle)[\s-]+)?(?:(?:\d+|one|two|three|four)[\s-]+(?:days?|weeks?)[\s-]+)?"
    r"(?:(?:placebo|sham|vehicle)[\s-]+)?(?:run[\s-]?in|lead[\s-]?in)\b"), re.I)


def _of_a_run_in(claim: Claim) -> bool:
    """Whether a blinding claim is of a run-in or lead-in ("single-blind placebo run-in")."""
    return _RUN_IN_AFTER.match(claim.source.text, claim.end) is not None


# Outcomes assessed blind ("double-blind assessment of the primary endpoint", "blinded outcome assessment", "the
# scans will be read in a double-blind manner"): the outcome assessor is the masked party, which
# masking_none_text_party_masked names; not a blinded design. Not a study named so ("A Double-blind Assessment of the
# Efficacy of Drug X").
_ASSESSMENT_AFTER = re.compile(hyphens_wide(
    r"[\s-]+(?:(?:outcomes?|end[\s-]?points?|primary|secondary|clinical|independent|central|radiological)[\s-]+){0,2}"
    r"(?:assessments?|assessors?|raters?|ratings?|readers?|readings?|scoring|adjudication)\b"
    r"(?!\s+of\s+(?:the\s+)?(?:efficacy|safety|effects?|tolerability|benefits?|usefulness|value)\b"
    r"|\s+(?:period|phase|part|stage|visits?|schedule)\b)"), re.I)
_MANNER_AFTER = re.compile(r"\s+(?:manner|fashion)\b", re.I)
# Words (folded) one of which every claim of outcomes assessed blind holds soon after "blind" or "mask".
_ASSESSMENT_WORDS = ("assess", "rater", "rating", "reader", "reading", "scoring", "adjudicat", "manner", "fashion")
# How far after "blind" a claim's words of assessing may end ("blind endpoint radiological adjudication").
_ASSESSMENT_REACH = 60
# The verbs and nouns of assessing outcomes, said in a clause before "in a double-blind manner" ("Outcomes will be
# assessed in a double-blind manner", "Radiographs will be scored in a blinded fashion").
_ASSESSED_BEFORE = re.compile(
    r"(?:\b(?:be|is|are|was|were)\s+(?:\w+\s+)?|(?=\b(?:assessments|ratings|readings|scoring|grading"
    r"|adjudication)\s+(?:will|are|were)\b))(?P<words>(?:assessed|evaluated|scored|rated|read|graded|measured"
    r"|reviewed|interpreted|adjudicated|assessments|ratings|readings|scoring|grading|adjudication)\b[^,;:.]*)$", re.I)
# How far before "in a double-blind manner" the assessing words are looked for.
_ASSESSED_REACH = 80


def _of_an_assessment(claim: Claim) -> tuple[int, int] | None:
    """Where the words of a blinding claim of outcome assessment start and end ("double-blind assessment", "assessed
    in a double-blind manner"), or None when the claim says nothing of assessment."""
    text = claim.source.text
    if m := _ASSESSMENT_AFTER.match(text, claim.end):
        return claim.start, m.end()
    if m := _MANNER_AFTER.match(text, claim.end):
        assessed = _ASSESSED_BEFORE.search(text, max(0, claim.start - _ASSESSED_REACH), claim.start)
        return None if assessed is None else (assessed.start("words"), m.end())
    return None


def _may_assess(source: StudyText) -> bool:
    """Whether the text may hold a claim of outcomes assessed blind: a word of assessing follows closely after
    "blind" or "mask" (or the text cannot be folded to tell)."""
    lowered = folded(source)
    if lowered is None:
        return True
    for stem in ("blind", "mask"):
        at = lowered.find(stem)
        while at >= 0:
            near = lowered[at:at + _ASSESSMENT_REACH]
            for word in _ASSESSMENT_WORDS:
                if word in near:
                    return True
            at = lowered.find(stem, at + 1)
    return False


def _blinded_design_claim(texts: list[StudyText], extension: Callable[[], bool]) -> Claim | None:
    """The first affirmed claim of a blinded design or period: not a blinded run-in before the study's treatment, not
    outcomes assessed blind (a masked party), nor, in an extension (`extension()`), a claim of the parent study."""
    c = first_affirmed(texts, BLINDED)
    if c is not None and (_of_a_run_in(c) or _of_an_assessment(c) is not None or _of_the_parent_study(c)):
        c = next((claim for claim in _affirmed(texts, BLINDED)
                  if not _of_a_run_in(claim) and _of_an_assessment(claim) is None
                  and not (_of_the_parent_study(claim) and extension())), None)
    return c


def _extension_of(con: duckdb.DuckDBPyConnection, scope: CheckScope, nct_id: str,
                  extensions: list[frozenset[str]]) -> Callable[[], bool]:
    """Whether the study calls itself an extension, asked only when needed: the scope's extensions are read once
    into `extensions`."""
    def extension() -> bool:
        if not extensions:
            extensions.append(_extensions(con, scope))
        return nct_id in extensions[0]
    return extension


def masking_none_text_blinded(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Masking NONE while the text describes a blinded design or period (not a blinded run-in before the study's
    treatment, nor outcomes assessed blind, which masking_none_text_party_masked reads, nor, in an extension, one of
    the parent study)."""
    extensions: list[frozenset[str]] = []  # read once, and only for a claim that may be a parent study's
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["masking"] != "NONE":
            continue
        if c := _blinded_design_claim(texts, _extension_of(con, scope, nct_id, extensions)):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, "designs.masking = 'NONE'", c, "designs.masking")


# A sentence that names the study participants came from ("outcome assessors of the parent study were blinded"):
# in an extension, that study's masking.
_PARENT_STUDY = re.compile(
    r"\b(?:parent|core|previous|prior|preceding|original|originating|feeder|antecedent|lead-in|main)\s+"
    r"(?:[\w-]+\s+)?(?:study|trial|protocol|phase|period)\b", re.I)


def _assigns_groups(design: dict) -> bool:
    """Whether participants are randomized between interventions: only then can anyone be masked to a
    participant's assigned intervention. In a single-arm study a "blinded" review is blinded to something else (the
    investigator's assessment, the patient's identity); the groups of a non-randomized study are often populations
    (patients and healthy volunteers) that readers "blinded to group" are masked to, not interventions."""
    return design["allocation"] == "RANDOMIZED" and design["intervention_model"] != "SINGLE_GROUP"


def _masking_described_open(texts: list[StudyText]) -> bool:
    """Whether the masking description says open label or no masking ("Open label; outcome assessors blinded",
    "None (Open Label)"): the registrant set NONE knowing who is masked."""
    return any(t.field == "designs.masking_description" and first_affirmed([t], OPEN_LABEL) is not None
               for t in texts)


def _party_masked_claim(texts: list[StudyText], pattern: re.Pattern, extension: Callable[[], bool]) -> Claim | None:
    """The first affirmed claim of the pattern that names a party the registry records masked to the assigned
    intervention, in a sentence of the study's main comparison (not a sub-study, a part or a subgroup, nor trials
    in general; in an extension, `extension()`, not the parent study's). Of BLINDED, only a claim of outcomes assessed
    blind ("double-blind assessment", "assessed in a double-blind manner"), spanning its words of assessment."""
    for c in claims_not_elsewhere(texts, pattern):
        if c.negated:
            continue
        if pattern is MASKED_PARTY and not masked_party_named(c):
            continue
        if pattern is BLINDED:
            words = _of_an_assessment(c)
            if words is None or _of_a_run_in(c):
                continue
            c = Claim(c.source, *words, False)
        if outside_the_main_comparison(c):
            continue
        if (of_an_earlier_part(c) or _PARENT_STUDY.search(c.source.text)) and extension():
            continue
        return c
    return None


# Why a finding of a blinded central review is only worth knowing.
_CENTRAL_REVIEW_NOTE = ("open-label trials whose scans a blinded central review reads are commonly registered as "
                        "NONE; Single (Outcomes Assessor) would say so")


def _never_an_extension() -> bool:
    """Read every claim as this study's own, as if the study were no extension."""
    return False


def masking_none_text_party_masked(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Masking NONE in a randomized study while its text says someone the registry's masking records (the outcome
    assessor above all) is masked to the assigned intervention: the registry's Single (Outcomes Assessor) and its
    kin describe that design. Outcomes said to be assessed double-blind ("double-blind assessment of the primary
    endpoint") name the outcome assessor. Info where only a blinded central review of scans is named. Not where the
    text describes a blinded design (masking_none_text_blinded says so), nor where the masking description itself
    says open label."""
    extensions: list[frozenset[str]] = []  # read once, and only for a claim that may be a parent study's
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["masking"] != "NONE" or not _assigns_groups(design) or not texts:
            continue
        # A blinded design or period, even one an extension's parent study had, is masking_none_text_blinded's.
        if _blinded_design_claim(texts, _never_an_extension) is not None or _masking_described_open(texts):
            continue
        extension = _extension_of(con, scope, nct_id, extensions)
        stated = "designs.masking = 'NONE'"
        if c := _party_masked_claim([t for t in texts if _may_assess(t)], BLINDED, extension):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}': the outcome assessor is masked " \
                      "to the assigned intervention."
            yield _finding(nct_id, message, stated, c, "designs.masking")
        elif c := _party_masked_claim(texts, MASKED_PARTY, extension):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}': someone is masked to the " \
                      "assigned intervention."
            yield _finding(nct_id, message, stated, c, "designs.masking")
        elif c := _party_masked_claim(texts, BLINDED_CENTRAL_REVIEW, extension):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}': {_CENTRAL_REVIEW_NOTE}."
            found = _finding(nct_id, message, stated, c, "designs.masking")
            yield Finding(found.nct_id, found.message, found.evidence, found.fields, "info")


def _assessor_only(design: dict) -> bool:
    """Whether the design masks the outcomes assessor alone, or may: one party masked (SINGLE) whom the source does
    not name (a meddatax compact page and pre-2017 'Single Blind' records show no roles), which a PROBE trial's open
    label for participants and staff, its outcomes assessed blind, fits."""
    others = (design["subject_masked"], design["caregiver_masked"], design["investigator_masked"])
    unnamed = design["outcomes_assessor_masked"] is None and all(o is None for o in others)
    if design.get("masking") == "SINGLE" and unnamed:
        return True
    return bool(design["outcomes_assessor_masked"]) and not any(others)


# The texts of one arm or intervention, which may describe one part of the study only.
ARM_FIELDS = ("design_groups.title", "design_groups.description", "interventions.description")
COMPARATORS = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")


def _masked_part(texts: list[StudyText], comparator: bool) -> bool:
    """Whether the study has a masked part: a placebo or sham arm (`comparator`), or an arm or intervention said
    to be blinded. An arm or intervention said to be open label beside it belongs to another part of the study (an
    open-label extension or phase, an open-label reference arm), which the masking, set for the masked
    comparison, does not describe."""
    return comparator or first_affirmed([t for t in texts if t.field in ARM_FIELDS], BLINDED_ARM) is not None


# A text that says open label beside a masked comparison (a placebo, a sham, something blinded) describes another
# part of the study: "randomized to placebo or HPMPC ...; then eligible to receive open-label HPMPC", "the first
# dose will be randomized and blinded, the second open-label". Not a blinding denied ("the trial is not blinded", "a
# non-blinded trial"), nor a condition that is masked ("masked hypertension").
_COMPARATOR_WORD = re.compile(r"\b(?:placebo|sham|vehicle)\b", re.I)


# People the registry's masking does not record, named as the only ones blinded ("Laboratory staff will be blinded to
# treatment allocation", "only the statistician is blinded", "blinded central laboratory"): no masked comparison.
_UNRECORDED = (r"(?:(?:central|local|study|trial)\s+)?(?:laborator(?:y|ies)|labs?|(?:bio)?statisticians?|sponsors?"
               r"|data\s+(?:managers?|analysts?|management)|analysts?|(?-i:DSMBs?|DMCs?|IDMCs?|DSMCs?)"
               r"|data\s+(?:and\s+safety\s+)?monitoring\s+(?:board|committee)s?)"
               r"(?:\s+(?:staff|personnel|team|technicians?|members?|analysts?))?")
_UNRECORDED_BLINDED_BEFORE = re.compile(
    r"(?:^|[.;:(]\s*|\b(?:only|while|but|whereas)\s+)(?:only\s+)?(?:the\s+)?" + _UNRECORDED
    + r"\s+(?:will\s+(?:be|remain)|shall\s+be|are|is|were|was|remains?)\s+(?:kept\s+|also\s+)?$", re.I)
_UNRECORDED_AFTER = re.compile(r"\s+" + _UNRECORDED + r"\b", re.I)


def _unrecorded_party_blinded(text: str, at: int, end: int) -> bool:
    """Whether the 'blinded' at text[at:end] is said only of people the registry's masking does not record."""
    return (_UNRECORDED_BLINDED_BEFORE.search(text, max(0, at - 80), at) is not None
            or _UNRECORDED_AFTER.match(text, end) is not None)


def _masked_comparison(text: str) -> bool:
    """Whether the text speaks of a masked comparison: a placebo, a sham, a vehicle, or something blinded (not only
    people the registry's masking does not record, such as laboratory staff)."""
    if _COMPARATOR_WORD.search(text):
        return True
    return any(not denied_before(text, m.start()) and not _unrecorded_party_blinded(text, m.start(), m.end())
               for m in BLINDED_ARM.finditer(text))


def _unmasked(texts: list[StudyText]) -> list[StudyText]:
    """The texts that speak of no masked comparison."""
    return [t for t in texts if not _masked_comparison(t.text)]


# A title that opens with an open-label extension or rollover ("Open-Label Extension Study of Drug X in Participants
# Who Completed Study ABC-301", "A Phase 3, Open-label, Multicenter, Long-term Extension Study"): the extension is the
# title's study, and its open label this study's design (elsewhere, "open-label extension" names a part of a masked
# study, which OPEN_LABEL does not read).
_OPEN_EXTENSION_TITLE = re.compile(hyphens_wide(
    r"\bopen[\s-]*label(?:l?ed)?,?\s+(?:(?:long[\s-]*term|multi[\s-]?cent(?:er|re|ric)|multi[\s-]?national"
    r"|international|safety|phase\s+(?:[1-4]|i{1,3}|iv)[ab]?),?\s+){0,3}(?:extension|roll[\s-]?over|continuation)\b"
    r"(?!\s+(?:phase|period|part|stage|portion|arm|cohort)\b)"), re.I)

# Blinding named in any form ("The blind of the parent study is kept", "until the parent study is unblinded").
_BLINDING_NAMED = re.compile(r"\b(?:un)?(?:blind|mask)", re.I)


def _open_extension_title(texts: list[StudyText], comparator: bool) -> Claim | None:
    """The title's lead that calls the study an open-label extension or rollover, where the study has no placebo or
    sham arm (`comparator`) and no text speaks of a placebo, a sham or someone blinded."""
    if comparator:
        return None
    for source in texts:
        if source.field not in TITLE_FIELDS:
            continue
        for m in _OPEN_EXTENSION_TITLE.finditer(source.text):
            if opens_the_title(source.text, m.start()) and not denied_before(source.text, m.start()):
                if any(_masked_comparison(t.text) for t in texts):
                    return None
                return Claim(source, m.start(), m.end(), False)
    return None


def _blind_kept_in_extension(texts: list[StudyText]) -> bool:
    """Whether a title calls the study an extension or rollover and a text names blinding in any form ("The blind of
    the parent study is kept until it is completed", "until the parent study is unblinded"): an extension may keep
    its parent study's blind, and the masking with it."""
    return any(t.field in TITLE_FIELDS and _EXTENSION_TITLE.search(t.text) for t in texts) and any(
        _BLINDING_NAMED.search(t.text) for t in texts)


def _open_label_claim(design: dict, texts: list[StudyText], comparator: bool = False) -> Claim | None:
    """The open-label statement that contradicts a masked design, if there is one.

    What `_open_label_claim_of_every_claim` says, asking only what the answer needs: the masking
    description's claims first, then only the first open-label claim of all texts (no claim after it is
    judged), and whether the texts speak of blinding only when there is one.
    """
    assessor_only = _assessor_only(design)
    for source in texts:
        if source.field != "designs.masking_description":
            continue
        for c in claims([source], OPEN_LABEL):
            if c.negated or (assessor_only and OPEN_LABEL_WORDS.match(c.phrase)):
                continue  # assessor only: open label for participants and staff, outcomes assessed blind
            if not (BLINDED_ASSESSMENT.search(source.text) or BLINDED.search(source.text)
                    or _masked_comparison(source.text)):
                return c
            break  # this text says blinded too: none of its claims is stated plainly
    # "open label" elsewhere fits a design that blinds someone (a PROBE trial's assessors).
    if assessor_only:
        return None
    first = first_affirmed(texts, OPEN_LABEL) or _open_extension_title(texts, comparator)
    if first is None or mentions(texts, BLINDED) or mentions(texts, BLINDED_ASSESSMENT) \
            or _blind_kept_in_extension(texts):
        return None
    if _masked_comparison(first.source.text):
        first = first_affirmed(_unmasked(texts), OPEN_LABEL)
        if first is None:
            return None
    if first.source.field in ARM_FIELDS and _masked_part(texts, comparator):
        return first_affirmed([t for t in _unmasked(texts) if t.field not in ARM_FIELDS], OPEN_LABEL)
    return first


def _open_label_claim_of_every_claim(design: dict, texts: list[StudyText], comparator: bool = False) -> Claim | None:
    """`_open_label_claim` from every open-label claim of the texts (the plain reading, kept for tests)."""
    opens = _affirmed(texts, OPEN_LABEL) or [c for c in [_open_extension_title(texts, comparator)] if c is not None]
    if _assessor_only(design):  # open label for participants and staff, outcomes assessed blind
        opens = [c for c in opens if not OPEN_LABEL_WORDS.match(c.phrase)]
    stated = [c for c in opens if c.source.field == "designs.masking_description"
              and not BLINDED_ASSESSMENT.search(c.source.text) and not BLINDED.search(c.source.text)
              and not _masked_comparison(c.source.text)]
    if stated:
        return stated[0]
    # "open label" elsewhere fits a design that blinds someone (a PROBE trial's assessors).
    if not opens or mentions(texts, BLINDED) or mentions(texts, BLINDED_ASSESSMENT) or _assessor_only(design) \
            or _blind_kept_in_extension(texts):
        return None
    opens = [c for c in opens if not _masked_comparison(c.source.text)]
    if _masked_part(texts, comparator):  # an open-label arm is another part of the study
        opens = [c for c in opens if c.source.field not in ARM_FIELDS]
    return opens[0] if opens else None


def masking_set_text_open_label(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Masking SINGLE..QUADRUPLE while the text says open label or no masking."""
    compared = studies_with(con, scope, "design_groups", "group_type", COMPARATORS)
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["masking"] not in MASKED:
            continue
        if c := _open_label_claim(design, texts, nct_id in compared):
            message = f"Masking is {design['masking']} but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, f"designs.masking = '{design['masking']}'", c, "designs.masking")


# Randomising the order of conditions each participant goes through ("randomisation of the order of stimuli"):
# not an allocation of participants to groups, and a single group's allocation stays N/A. (A randomized sequence
# of a crossover is its groups: still an allocation.)
_ORDER_RANDOMIZED = re.compile(
    r"\s+(?:of\s+(?:the\s+)?)?order\b|\s+(?:[\w-]+\s+){0,2}?order\s+of\b"
    # "tested in a randomized, blinded order"
    r"|,\s+(?!in\b)[\w-]+\s+order\b"
    r"|\s+within\s+(?:each\s+)?(?:participants?|subjects?|patients?|individuals?)\b"
    # "Also randomized, will be the three different study sessions" (NCT05695846)
    r"|,?\s+(?:will\s+be|is|are)\s+the\s+(?:[\w-]+\s+){0,3}?(?:sessions?|conditions?|orders?|sequences?|visits?)\b",
    re.I)
# "the side and order of the tests will be randomized" (NCT05699317), "The order of infused material as well as the
# volume of infused material in all sessions will be randomized" (NCT05695846): the order is what is randomized, or
# is not ("The order of the questionnaires will not be randomized").
_ORDER_BEFORE = re.compile(
    r"\b(?:order|sequence)s?\b[^.;]{0,90}?\b(?:will\s+(?:not\s+)?be|(?:is|are|was|were)(?:\s+not)?)\s+$", re.I)
# Stimuli or items each participant goes through, shuffled across the blocks or sessions of the experiment ("Stimuli
# will be randomized across blocks", "the word lists are randomized between sessions", "randomized within each
# session", "randomized within blocks of trials"): no allocation of participants. (Not "between visits 1 and 2", a
# time, nor "within blocks", which may be participants' block randomization.)
_ACROSS_SESSIONS_AFTER = re.compile(
    r"\s+(?:(?:across|between)\s+(?:the\s+|all\s+)?(?:blocks|sessions|runs)\b(?!\s*\d)"
    r"|within\s+each\s+(?:session|run)\b"
    # "Conditions will be randomized within blocks of trials": the trials of an experiment each participant does.
    r"|within\s+(?:each\s+)?blocks?\s+of\s+(?:\d+\s+)?(?:trials|stimuli|items|images|words|tasks)\b)", re.I)
# A body part of each participant randomized, as in split-mouth, paired-eye or bilateral designs ("In each patient,
# one eye will be randomized to drug X and the fellow eye to placebo", "the two legs of each participant will be
# randomized"): every participant is in one group, which a single group's allocation N/A describes.
_PART_OF_PARTICIPANT_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:one|each|the|either|both|two|their|contralateral|fellow|left|right"
    r"|(?:participant|patient|subject)(?:s'|'s|s)?)\s+)(?:[\w'-]+\s+){0,2}?(?:eyes?|sides?|legs?|hands?|feet|foot"
    r"|teeth|tooth|quadrants?|halves|half|hemi-?faces?|limbs?|knees?|ears?|breasts?|hemispheres?|jaws?|arches)"
    r"(?:\s+(?:of|in)\s+(?:[\w'-]+\s+){0,2}[\w'-]+)?"
    r"\s+(?:will\s+be|shall\s+be|is|are|was|were)\s+$", re.I)


# A number, code or kit given at random or by a randomization system, which sponsors' systems give in single-arm
# studies too ("each subject will be assigned a randomization number via IWRS", "randomly assigned a unique study
# code", "the IXRS will be used for randomization of drug kits"): no allocation of participants to groups.
_IDENTIFIER_AFTER = re.compile(
    r"\s+(?:(?:numbers?|no\.|system|IWRS|IXRS|IVRS)\b"
    r"|(?:an?\s+)?(?:(?:unique|individual|study|subject|participant|patient|identification|kit)\s+){0,2}"
    r"(?:numbers?|codes?|ids?|identifiers?|kits?)\b"
    r"|of\s+(?:the\s+)?(?:(?:drug|study|medication|treatment)\s+)?(?:kits?|supplies|vials|packs?|boxes)\b)", re.I)


# Data divided at random into the sets a prediction model is built and tested on ("The images will be randomly
# divided into a training set and a validation set", "randomized into derivation and validation cohorts"): no
# allocation of participants to interventions.
_DATA_SETS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?into\s+(?:(?:an?|the|two|three)\s+)?(?:[\w()%-]+\s+){0,2}?(?:training|derivation"
    r"|development|validation|test(?:ing)?|discovery|learning|modell?ing|internal|external)\b", re.I)


# Material of the study randomized before it is tested or read ("Pathology slides will be randomized and read by two
# pathologists", "Plasma samples will be assayed in randomized blocks"): no allocation of participants.
_MATERIAL_BEFORE = re.compile(
    r"\b(?:samples?|specimens?|slides?|images?|scans?|plates?|wells?|aliquots?|recordings?|videos?|photographs?"
    r"|radiographs?|x-rays?|biopsies|stimuli|stimulus|items|word\s+lists)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:will\s+be|shall\s+be|is|are|was|were)\s+"
    r"(?:[\w-]+\s+in\s+(?:an?\s+)?)?$", re.I)
# Words before such material that make it a trait of people ("Patients with abnormal scans will be randomized",
# "Participants whose samples are positive are randomized"): they are randomized.
_OF_PEOPLE_BEFORE = re.compile(r"\b(?:with|without|whose|having|who|had|has|have|if|when)\b[^.;:]*$", re.I)


# The same material named right after the term ("Randomization of samples across plates will minimize batch
# effects", "randomization of the stimuli"), and a subset of people chosen at random for an added measure ("A
# randomized subset of participants will undergo MRI"): no allocation of participants to interventions.
_MATERIAL_AFTER = re.compile(
    r"\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:samples|specimens|slides|images|scans|plates|aliquots|recordings"
    r"|videos|stimuli|items)\b|sub-?(?:sets?|samples?)\s+of\b)", re.I)


def _material_randomized(text: str, at: int) -> bool:
    """Whether the 'randomized' claim at text[at:] is said of samples or images, not of people who have them."""
    m = _MATERIAL_BEFORE.search(text, max(0, at - 60), at)
    return m is not None and _OF_PEOPLE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None


# Randomization declined ("Patients who refuse randomization will be followed in a preference cohort", "those who
# decline to be randomized"): the people it speaks of are not randomized.
_DECLINED_BEFORE = re.compile(r"\b(?:declin|refus)(?:e|es|ed|ing)\s+(?:(?:to\s+be|the|their)\s+)?$", re.I)


def _allocates(claim: Claim) -> bool:
    """Whether a 'randomized' claim speaks of allocating participants, not of the order of conditions, of what
    each participant goes through ("stories will be randomized within participants", NCT05687994), of a number
    or kit given at random, of data divided into a model's training and validation sets, of samples or images
    randomized before they are read, of stimuli shuffled across an experiment's sessions, of a subset chosen for an
    added measure, or of randomization that people decline."""
    text = claim.source.text
    return not (_ORDER_RANDOMIZED.match(text, claim.end) or _ACROSS_SESSIONS_AFTER.match(text, claim.end)
                or _MATERIAL_AFTER.match(text, claim.end) or _ORDER_BEFORE.search(text, max(0, claim.start - 130),
                                                                                  claim.start)
                or _PART_OF_PARTICIPANT_BEFORE.search(text, max(0, claim.start - 90), claim.start)
                or _IDENTIFIER_AFTER.match(text, claim.end) or _DATA_SETS_AFTER.match(text, claim.end)
                or _DECLINED_BEFORE.search(text, max(0, claim.start - 30), claim.start)
                or _material_randomized(text, claim.start))


# What each participant goes through in one visit or session, in an order drawn at random ("randomly assigned to one of
# six task orders", "randomized to one of four counterbalanced orders of the tests", "randomly assigned to the order in
# which they complete the questionnaires"): outside a crossover model, no allocation of participants to interventions.
# (A sequence, period or treatment order is a crossover's allocation, whatever the model says.)
_TASKS = (r"(?:tasks?|tests?|testing|stimul(?:us|i)|questionnaires?|surveys?|sessions?|blocks?|items?|assessments?"
          r"|measurements?|videos?|images?|pictures?|word[\s-]+lists?|scales?|interviews?)")
_TASK_ORDER_AFTER = re.compile(
    r"\s+(?:to|into|in)\s+(?:(?:one|each|any|either)\s+of\s+)?(?:the\s+|an?\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|ten|possible|different|counterbalanced|balanced|pre-?specified"
    r"|predefined|fixed|random)\s+){0,2}"
    r"(?:" + _TASKS + r"\s+(?:orders?|sequences?)\b"
    r"|(?:orders?|sequences?)\s+(?:of|in\s+which)\s+(?:[\w-]+\s+){0,4}?" + _TASKS + r"\b)", re.I)


# The same said of the tasks themselves ("In this study, the tasks are randomized within blocks", "The tests will be
# randomized", "Trial types are randomized within blocks", the kinds of an experiment's trials), not of people who
# have them ("Participants whose tests are positive are randomized").
_TASKS_BEFORE = re.compile(
    r"\b(?:tasks|tests|questionnaires|surveys|assessments|measurements|interviews|scales|trial\s+types"
    r"|(?:task|test|experimental)\s+trials)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:will\s+be|shall\s+be|are|were)\s+$", re.I)


def _orders_tasks(claim: Claim) -> bool:
    """Whether a 'randomized' claim draws the order of the tasks, tests, stimuli or questionnaires each participant
    goes through, not a sequence of treatments."""
    text = claim.source.text
    if _TASK_ORDER_AFTER.match(text, claim.end):
        return True
    m = _TASKS_BEFORE.search(text, max(0, claim.start - 60), claim.start)
    return m is not None and _OF_PEOPLE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None


# "A partially randomized study": some participants are randomized and others not, which a non-randomized
# allocation may well describe, unless the text also says participants are randomized.
_PARTIAL_BEFORE = re.compile(r"\b(?:partially|partly|part)[\s-]*$", re.I)


def _partial(claim: Claim) -> bool:
    """Whether a 'randomized' claim is of a study randomized in part only."""
    return _PARTIAL_BEFORE.search(claim.source.text, max(0, claim.start - 12), claim.start) is not None


def allocation_text_randomized(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Allocation NON_RANDOMIZED or NA while the text says participants are randomized (not the order of conditions
    each participant goes through, nor, outside a crossover model, the order of their tasks, tests or questionnaires;
    for NON_RANDOMIZED, not a study randomized in part; in an extension, not a part done before)."""
    extensions = None
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["allocation"] not in ("NON_RANDOMIZED", "NA"):
            continue
        partial_fits = design["allocation"] == "NON_RANDOMIZED"
        tasks_fit = design["intervention_model"] != "CROSSOVER"
        c = None
        # "randomized", then the verb or "at random" ("We will randomise 60 patients", "allocated at random"), then
        # "an RCT".
        for pattern in (RANDOMIZED, RANDOMIZING, RCT):
            c = first_affirmed(texts, pattern)
            earlier = False
            if c is not None and of_an_earlier_part(c):
                extensions = _extensions(con, scope) if extensions is None else extensions
                earlier = nct_id in extensions
            if c is not None and (not _allocates(c) or partial_fits and _partial(c) or earlier
                                  or tasks_fit and _orders_tasks(c)):
                c = next((claim for claim in _affirmed(texts, pattern)
                          if _allocates(claim) and not (partial_fits and _partial(claim))
                          and not (earlier and of_an_earlier_part(claim))
                          and not (tasks_fit and _orders_tasks(claim))), None)
            if c is not None:
                break
        if c:
            message = f"Allocation is {design['allocation']} but the {c.source.label} says '{c.phrase}'."
            stated = f"designs.allocation = '{design['allocation']}'"
            yield _finding(nct_id, message, stated, c, "designs.allocation")


# "Non-randomized" said of a group or part beside the randomized ones ("a non-randomised historical control group",
# "Non-randomized cohort", "patients in this non-randomised arm", "a non-randomized safety lead-in"): not of the
# study's allocation. So are the people it is said of right after it ("Non-randomized patients (those who refuse) will
# be followed as a registry cohort"): others are randomized.
_GROUP_AFTER = re.compile(
    # Not the study's one group ("non-randomised single group", "Non-randomized, one-arm"): its allocation.
    r"(?:,?\s+(?!(?:study|trial|design|comparison)\b)[\w-]+){0,3}?,?\s+(?<!\bsingle\s)(?<!\bsingle-)(?<!\bone\s)"
    r"(?<!\bone-)(?:cohorts?|groups?|arms?|controls?"
    r"|comparators?|registry|population|extension|part|phase(?!\s+(?:[0-4]|i{1,3}|iv)\b)|period|stage"
    r"|sub-?study|lead-in|run-in)(?![\w-])"
    r"|\s+(?:patients|participants|subjects|individuals|people|volunteers)\b"
    # Data, samples or places beside the randomized ones ("compared with non-randomized data from the national
    # registry", "non-randomized samples from the biobank", "non-randomized sites serve as comparison sites").
    r"|\s+(?:data|samples?|specimens?|sites|cent(?:er|re)s|hospitals|clinics|practices)\b"
    r"(?![\s,]+(?:[\w-]+\s+){0,2}?(?:study|trial|design)\b)", re.I)


# A part of the study said to be non-randomized ("The safety run-in is non-randomized", "Part 1 (dose escalation) is
# not randomized"): the other parts may be randomized.
# So are the people who are not randomized ("Participants who are not randomized will be followed as a reference
# cohort"): others are.
_PART_IS_BEFORE = re.compile(
    r"(?:\b(?:run-?in|lead-?in|part|phase|period|stage|cohort|arm|group|extension|portion|segment|sub-?study)s?"
    r"(?:\s+(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three))?(?:\s*\([^()]{0,40}\))?"
    r"|\b(?:patients|participants|subjects|individuals|people|those)\s+(?:who|that))\s+"
    r"(?:is|are|was|were|will\s+be|remains?)\s+(?:not\s+)?$", re.I)
# Participants not randomized one by one ("Patients are not individually randomized; the clinics are", "not
# randomized at the individual level", "no individual randomization", "No randomization of individuals will be done"):
# a cluster trial's words, which deny no randomization of its clusters.
_INDIVIDUALLY_BEFORE = re.compile(r"\bindividual(?:ly|[\s-]+level)?\s+$", re.I)
_INDIVIDUALLY_AFTER = re.compile(
    r"\s+(?:individually|at\s+(?:the\s+)?(?:individual|patient|participant|person)(?:\s+level)?"
    r"|of\s+(?:the\s+)?individual(?:s|\s+(?:patients|participants|subjects)))\b", re.I)


def _of_a_group(claim: Claim) -> bool:
    """Whether a 'non-randomized' claim qualifies a group or part of the study (or data, samples or places beside it)
    rather than its allocation, denies only that participants are randomized one by one (a cluster trial), or
    denies randomizing what is no allocation of participants ("The order of the tasks will not be randomized")."""
    text, before = claim.source.text, max(0, claim.start - 80)
    return (not _allocates(claim) or _GROUP_AFTER.match(text, claim.end) is not None
            or _PART_IS_BEFORE.search(text, before, claim.start) is not None
            or _INDIVIDUALLY_BEFORE.search(text, before, claim.start) is not None
            or _INDIVIDUALLY_AFTER.match(text, claim.end) is not None)


def _single_arm_claim(texts: list[StudyText]) -> Claim | None:
    """The first affirmed claim that this study has one arm ("This is a single-arm study"), not a group or part of
    it, where the text never calls the study randomized ("randomized", "RCT"): a study of one arm allocates no one."""
    c = next((claim for claim in _affirmed(texts, SINGLE_ARM) if not _of_a_group(claim)), None)
    if c is None or first_affirmed(texts, RANDOMIZED) is not None or first_affirmed(texts, RCT) is not None:
        return None
    return c


def allocation_text_not_randomized(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Allocation RANDOMIZED while the text only ever calls the study non-randomized, or calls it single-arm and never
    randomized (and never says it randomizes), not only a group or part of it."""
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["allocation"] != "RANDOMIZED":
            continue
        c = only_denied(texts, RANDOMIZED)
        if c is not None and _of_a_group(c):  # every claim is denied: the first that is not of a group
            c = next((claim for claim in claims(texts, RANDOMIZED) if not _of_a_group(claim)), None)
        if c is None:
            c = _single_arm_claim(texts)
        if c and not first_affirmed(texts, RANDOMIZING):
            message = f"Allocation is RANDOMIZED but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, "designs.allocation = 'RANDOMIZED'", c, "designs.allocation")


# An observational study a trial's text names as another: one its people are put in or come from ("Patients who do not
# consent to randomization will be included in the observational registry study", "Ineligible patients will be
# registered in an observational cohort study"), one its controls or data come from or that it is compared with
# ("Historical controls will be taken from an observational study", "compared with an external observational cohort
# study", "compared with those of an observational study conducted in 2015"), or one that hosts the trial ("a
# randomized trial within an observational cohort study", "This trial uses the infrastructure of an observational
# cohort study"). Not "this observational study", which is the study itself.
_OTHER_OBSERVATIONAL_BEFORE = re.compile(
    r"\b(?:within|from|(?:compared|comparison)\s+(?:with|to)(?:\s+(?:those|data|results|findings|outcomes|patients"
    r"|participants)\s+(?:of|from|in))?|(?:included|enrolled|registered|recruited|followed"
    r"|entered|conducted|performed|embedded|participat(?:e|es|ing|ion)|take\s+part|taking\s+part|enrol(?:l)?ment"
    r"|infrastructure|framework|platform|setting)\s+(?:in|within|into|of))\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?$",
    re.I)
# A part of the study named right before the term ("Stage 1 (observational study): patients are followed for 3 months",
# "Part 1 Observational Study and Part 2 Randomized Trial of Drug X", "Cohort B: observational study of untreated
# patients"): that part's design, beside the interventional one. Not a trial's phase ("Phase II: Observational Study
# of Drug X", "This is a Phase 4, observational study"), which is the study's, nor a part that is this study ("This
# Part 2 observational study follows patients from Part 1").
_PART_NAMED_BEFORE = re.compile(
    r"(?<!\bthis\s)\b(?:part|stage|step|period|cohort|arm|group|module|component|sub-?study)\s+"
    r"(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\s*(?:[(:,\u2013-]\s*|(?:is|will\s+be)\s+)?(?:an?\s+)?$"
    # "The second part of the study will be an observational study of 12 months"
    r"|\b(?:first|second|third|final|last|later|subsequent)\s+(?:part|stage|phase|period|step)\s+"
    r"(?:of\s+(?:the|this)\s+(?:study|trial)\s+)?(?:is|will\s+be|consists\s+of)\s+(?:an?\s+)?$", re.I)
# A sentence that opens with a part of the study named ("Stage (1): It will be a case control study ...", "Part 1 will
# be a prospective observational study", "Cohort A - a retrospective cohort study of untreated patients", "In Part 2,
# a cross-sectional survey ...", "In the first stage, an observational study ..."): what it says is that part's
# design, beside the other parts'. Not a trial's phase ("Phase II: Observational Study of Drug X"), nor a disease's
# stage ("Stage II-III colon cancer patients will join this prospective cohort study", "Stage 4 melanoma: a
# retrospective cohort study").
_PART_LABEL = (r"(?:part|stage|step|period|cohort|arm|group|module|component|sub-?study)\s*"
               r"(?:\(\s*(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\s*\)|(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\b)")
_PART_OPENS = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:"
    rf"(?:in|during|for)\s+(?:the\s+)?{_PART_LABEL}\s*,"
    rf"|(?:the\s+)?{_PART_LABEL}(?=\s*[:)]|\s+[\u2013-]\s|\s+(?:is|will|was|consists|comprises|includes|involves)\b)"
    r"|(?:(?:in|during|for)\s+)?the\s+(?:first|second|third|final|last|initial|later)\s+(?:part|stage|phase|period"
    r"|step)\b)", re.I)
# What follows the term when the term only qualifies it ("observational study visits every 3 months after the treatment
# period", "assessed using observational research methods", "The observational study data will be compared with trial
# data"): a method, a visit, a period or another study's data, not this study's design.
_QUALIFIED_AFTER = re.compile(
    r"\s+(?:visits?|methods?|methodolog(?:y|ies)|techniques?|tools?|instruments?|data|period|phase|stage"
    r"|follow[\s-]?up)\b", re.I)
# This study named right before the term ("This observational study period lasts 12 months"): its own design.
_THIS_STUDY_BEFORE = re.compile(r"\b(?:this|our|the\s+present|the\s+current)\s+(?:[\w-]+,?\s+){0,3}?$", re.I)
# How far before a term the words that make it another study's or a part's are looked for.
_OBSERVATIONAL_REACH = 80


def _another_observational_study(claim: Claim) -> bool:
    """Whether the 'observational study' claim names another study (one the trial's people are put in, its controls
    or data come from, it is compared with, or that hosts it), a part of the study named right before it or opening
    its sentence, or only qualifies a method, a visit or a period not said to be this study's, rather than calling
    this study observational."""
    text, before = claim.source.text, max(0, claim.start - _OBSERVATIONAL_REACH)
    return (_OTHER_OBSERVATIONAL_BEFORE.search(text, before, claim.start) is not None
            or _PART_NAMED_BEFORE.search(text, before, claim.start) is not None
            or _PART_OPENS.match(text, sentence_at(text, claim.start)[0]) is not None
            or _QUALIFIED_AFTER.match(text, claim.end) is not None
            and _THIS_STUDY_BEFORE.search(text, before, claim.start) is None)


def _observational_claim(texts: list[StudyText]) -> Claim | None:
    """The first affirmed claim that calls this study observational: not one of another observational study, of a
    part of the study, or of a method, a visit or a period (`_another_observational_study`)."""
    c = first_affirmed(texts, OBSERVATIONAL)
    if c is not None and _another_observational_study(c):
        c = next((claim for claim in _affirmed(texts, OBSERVATIONAL) if not _another_observational_study(claim)), None)
    return c


# Words that may qualify an observational design ("a prospective, multicentre, population-based cohort study").
_DESIGN_QUALIFIER = hyphens_wide(
    r"(?:prospective|retrospective|ambispective|longitudinal|observational|descriptive|analytic(?:al)?|comparative"
    r"|exploratory|pilot|historical|matched|multi[\s-]?cent(?:er|re|ric)|single[\s-]?cent(?:er|re|ric)"
    r"|mono[\s-]?cent(?:er|re|ric)|(?:population|hospital|community|registry|clinic)[\s-]*based|nation(?:al|wide)"
    r"|multi[\s-]?national|international|\d+[\s-](?:years?|months?|weeks?))")
# An observational design by its name: a cohort followed ("a cohort pilot study"), cases compared with controls, a
# population sampled at one time ("cross-sectional survey"), records looked back on ("retrospective chart review"), a
# registry ("a prospective patient registry", "this observational registry"); not a trial a registry hosts ("a
# registry trial", "a registry-based randomized trial", "registry RCT").
_DESIGN_NAMED = hyphens_wide(
    r"(?:cohort|case[\s-]*control|cross[\s-]*sectional)\s+(?:(?:pilot|feasibility)\s+)?(?:study|design|survey"
    r"|research)\b"
    r"|retrospective,?\s+(?:[\w-]+,?\s+){0,2}?(?:study|analysis|chart\s+review|review)\b"
    r"|(?:patient\s+|disease\s+)?registry\b(?![\s-]*(?:based|trials?|rcts?|randomi[sz]ed|platform)\b)")
_DESIGN_TERM = rf"(?P<term>(?:{_DESIGN_QUALIFIER},?\s+(?:and\s+)?){{0,4}}(?:{_DESIGN_NAMED}))"
# Such a design said of this study: "This is a prospective cohort study", "This retrospective cohort study", "The
# present study is a cross-sectional study", "The study was designed as a case-control study", "We will conduct a
# prospective cohort study", "It is a retrospective study". A denial breaks the words the pattern needs ("This is not
# a cohort study", "this is a randomised trial, not a cohort study"), as does a study named otherwise ("our previous
# cohort study", "a randomised trial within a prospective cohort study").
_OBSERVATIONAL_DESIGN = re.compile(
    r"(?:\b(?:this|our|the\s+(?:present|current))\s+(?:(?:study|trial|research|project|investigation)\s+"
    r"(?:is|was|will\s+be|represents)\s+(?:(?:designed|conducted|planned)\s+as\s+)?an?\s+)?"
    r"|\bthe\s+(?:study|trial)\s+(?:is|was|will\s+be)\s+(?:(?:designed|conducted|planned)\s+as\s+)?an?\s+"
    r"|\b(?:it|this)\s+(?:is|was|will\s+be)\s+an?\s+"
    r"|\bwe\s+(?:will\s+|shall\s+)?(?:conduct(?:ed)?|perform(?:ed)?|carr(?:y|ied)\s+out|undert(?:ake|ook)"
    r"|design(?:ed)?)\s+an?\s+)" + _DESIGN_TERM, re.I)
# A title that is such a design ("Prospective Cohort Study of Montelukast in Asthma", "Smoking and Asthma: A
# Retrospective Cohort Study"): opening it or after its colon or dash, not named as another study within it ("A
# Randomised Trial Within a Prospective Cohort Study").
_OBSERVATIONAL_DESIGN_TITLE = re.compile(
    rf"(?:^|[:(\u2013\u2014]\s*|\s-\s)(?:an?\s+)?{_DESIGN_TERM}", re.I)
_TITLE_FIELDS = TITLE_FIELDS
# Where a study names its own design: titles, summaries and the model's description, not its arms or interventions.
_DESIGN_NAMED_FIELDS = _TITLE_FIELDS + NARRATIVE_FIELDS + ("designs.intervention_model_description",)
# Words every observational design named holds (folded), for the texts worth reading.
_OBSERVATIONAL_DESIGN_WORDS = ("cohort", "sectional", "case", "retrospective", "registry")
# A registry, which a randomized trial's text may call the cohort of those it does not randomize ("This observational
# registry follows the patients who decline randomization"): this study's design only on a single-group record. Not
# a design based on one ("a registry-based cohort study").
_REGISTRY_NOUN = r"\bregistry\b(?![\s-]*based)"
_REGISTRY = re.compile(_REGISTRY_NOUN, re.I)
# What a single-group study that calls itself so is not, whatever it calls its treated participants: a design that
# looks back on what was already done, one it says is observational, or a registry (the registry's own name for an
# observational study of patients, "Observational [Patient Registry]").
_NOT_ONE_TREATED_GROUP = re.compile(r"\bretrospective|\bobservational|" + _REGISTRY_NOUN, re.I)
# A registry the trial's participants or data go into ("After treatment, patients enter this registry", "Data will be
# entered into this registry", "followed in this registry"): one beside the trial.
_INTO_BEFORE = re.compile(r"\b(?:in|into|within|from|to|enter(?:s|ed|ing)?|join(?:s|ed|ing)?)\s+$", re.I)


# Words one of which every observational design's name holds (folded), where the patterns above are tried: around
# each, from as far before it as this study may be named ("This study is designed as a prospective, multicentre,
# population-based cohort study") to past the design's noun. "case" counts only right before "control".
_DESIGN_WORDS = ("cohort", "sectional", "retrospective", "case", "registry")
_LEAD_REACH, _TERM_REACH = 160, 80


def _design_matches(source: StudyText, pattern: re.Pattern) -> Iterator[re.Match]:
    """The matches of `pattern` in the text, tried only around the words every match holds: most texts are not
    searched at all."""
    text, lowered = source.text, folded(source) or source.text.lower()
    places = sorted(at for word in _DESIGN_WORDS for at in _places(lowered, word)
                    if word != "case" or "control" in lowered[at:at + 14])
    found_to = -1
    for at in places:
        if at < found_to:
            continue  # within a match already found
        m = pattern.search(text, max(0, at - _LEAD_REACH), min(len(text), at + _TERM_REACH))
        if m is not None and m.end() > found_to:
            found_to = m.end()
            yield m


def _places(lowered: str, word: str) -> Iterator[int]:
    """The offsets of a word in the folded text."""
    at = lowered.find(word)
    while at >= 0:
        yield at
        at = lowered.find(word, at + 1)


def _observational_design_claim(texts: list[StudyText], single_group: bool) -> Claim | None:
    """The first claim that calls this study a cohort, case-control or cross-sectional study, a retrospective one or,
    on a single-group record, a registry, in a sentence that points at no other study and opens with none of its parts
    (`_PART_OPENS`). A single-group study that follows its treated participants as "a prospective cohort" uses the
    word loosely: only a design that looks back, one called observational, or a registry counts there."""
    for source in texts:
        title = source.field in _TITLE_FIELDS
        matches = _OBSERVATIONAL_DESIGN_TITLE.finditer(source.text) if title else _design_matches(
            source, _OBSERVATIONAL_DESIGN)
        for m in matches:
            term = m.group("term")
            if (not _NOT_ONE_TREATED_GROUP.search(term)) if single_group else _REGISTRY.search(term):
                continue
            if _REGISTRY.search(term) and _INTO_BEFORE.search(source.text, max(0, m.start() - 20), m.start()):
                continue
            start, end = sentence_at(source.text, m.start("term"))
            sentence = source.text[start:end]
            if not denied_before(source.text, m.start()) and not _PART_OPENS.match(sentence) and (
                    other_study(sentence) is None or we_conduct_it(sentence)):
                return Claim(source, m.start("term"), m.end("term"), False)
    return None


# This study or a part of it called interventional or experimental ("Stage (2): It will be an interventional
# non-experimental study", "a prospective, interventional, single-arm trial", "a quasi-experimental design", "The
# second part is an experimental phase", "Cohort B (interventional)", "Study type: Interventional"); not
# "non-interventional", an experimental drug, arm or group, nor such studies in general ("experimental studies").
# Each match holds one of the words (folded).
_INTERVENTIONAL_WORDS = ("interventional", "experimental")
_INTERVENTIONAL = screened(re.compile(hyphens_wide(
    r"(?<![\w-])(?<!\bnon\s)(?:quasi[\s-]?)?(?:interventional|experimental)"
    r"(?:,?\s+(?:and\s+)?(?!(?:and|or|of|in|to|for|with|drugs?|arms?|groups?)\b)[\w-]+){0,2}?,?\s+"
    r"(?:study|trial|design|research|phase|part|stage|period|component|sub-?study|cohort)\b"
    r"(?!\s+(?:drugs?|medications?|products?|treatments?|agents?|therap\w*|interventions?|visits?|sites?"
    r"|procedures?)\b)"
    rf"|\b{_PART_LABEL}\s*[(:,\u2013-]\s*(?:an?\s+)?(?:interventional|experimental)\b"
    r"(?!\s+(?:drugs?|arms?|groups?|treatments?)\b)"
    r"|\b(?:study|trial)\s+(?:type\s*:?\s*|(?:is|was|will\s+be)\s+)interventional\b"), re.I),
    _INTERVENTIONAL_WORDS)
_INTERVENTIONAL_FIELDS = DESIGN_FIELDS + NARRATIVE_FIELDS


def _called_interventional(texts: list[StudyText]) -> bool:
    """Whether a text calls this study, or a part of it, interventional or experimental, in a sentence that points
    at no other study and does not deny it."""
    return any(not c.negated for c in claims_not_elsewhere(texts, _INTERVENTIONAL))


def study_type_text_observational(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Study type INTERVENTIONAL while the text calls this study observational (not another observational study,
    a part of this one, or a method, visit or period called observational), or names this study's design as one
    that is observational (a cohort, case-control, cross-sectional or retrospective study). Not where the text also
    calls this study, or another of its parts, interventional or experimental: the record's type is then one its
    text gives (a case-control stage before an interventional one)."""
    types = rows_by_study(con, scope, "studies", ("study_type",))
    models = rows_by_study(con, scope, "designs", ("intervention_model",))
    texts = _design_texts(con, scope)
    design_texts = texts_mentioning(con, scope, _DESIGN_NAMED_FIELDS, _OBSERVATIONAL_DESIGN_WORDS)
    found = {}
    for nct_id, rows in types.items():
        if rows[0][0] != "INTERVENTIONAL":
            continue
        c = _observational_claim(texts.get(nct_id, []))
        if c is None and nct_id in design_texts:
            single_group = any(row[0] == "SINGLE_GROUP" for row in models.get(nct_id, []))
            c = _observational_design_claim(design_texts[nct_id], single_group)
        if c:
            found[nct_id] = c
    # Only the texts of the studies with a claim are read for an interventional one: the scope narrowed to them.
    claimed = CheckScope(scope.as_of, frozenset(found), scope.cache)
    interventional = texts_mentioning(con, claimed, _INTERVENTIONAL_FIELDS, _INTERVENTIONAL_WORDS) if found else {}
    for nct_id, c in found.items():
        if not _called_interventional(interventional.get(nct_id, [])):
            message = f"Study type is INTERVENTIONAL but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, "studies.study_type = 'INTERVENTIONAL'", c, "studies.study_type")


# Where an observational study says what it is. Not its groups: an observational study's cohorts are often named
# for the trial their participants came from ("patients given placebo in the parent trial").
TRIAL_FIELDS = ("studies.official_title", "studies.brief_title") + NARRATIVE_FIELDS
# Words every claim of checks.trial_text holds.
_TRIAL_WORDS = ("random", "controlled", "blind", "mask", "rct", "clinical")


# A group's title that names what its people were given before, in another trial ("Former placebo recipients",
# "Previously received placebo", "Placebo in parent study", "Placebo arm of study ABC-301"), or how they responded to
# a placebo ("Placebo responders"): an observational follow-up's cohorts, named for the trial they came from, that
# this study gives nothing.
_GIVEN_BEFORE_GROUP = re.compile(
    r"\b(?:former(?:ly)?|previous(?:ly)?|prior|parent|original(?:ly)?|earlier)\b"
    r"|\b(?:in|from|of)\s+(?:the\s+)?(?!this\b)(?:[\w-]+\s+){0,2}?(?:study|trial|protocol)\b"
    r"|\bplacebo[\s-]+(?:non-?)?respon(?:ders?|se)\b", re.I)


def _placebo_group(groups: list[tuple]) -> str | None:
    """The title of the first of a study's groups (group_type, title) given placebo or a sham (by its type or
    title), if it has one: not a group named for the placebo its people were given in another trial."""
    return next((title or group_type for group_type, title in groups
                 if group_type in COMPARATORS or PLACEBO_GROUP.search(title or "")
                 and not _GIVEN_BEFORE_GROUP.search(title)), None)


def study_type_text_trial(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Study type OBSERVATIONAL while the text calls this study a randomized, placebo-controlled or blinded trial,
    or a clinical trial beside a group given placebo or a sham."""
    # Only the observational studies' texts are screened (a few in ten): the scope narrowed to them shares the reads.
    observational = CheckScope(scope.as_of, scope.nct_ids & studies_with(con, scope, "studies", "study_type",
                                                                         ("OBSERVATIONAL",)), scope.cache)
    texts = texts_mentioning(con, observational, TRIAL_FIELDS, _TRIAL_WORDS)
    groups = rows_by_study(con, observational, "design_groups", ("group_type", "title"))
    stated = "studies.study_type = 'OBSERVATIONAL'"
    for nct_id in sorted(texts):
        if c := trial_claim(texts[nct_id]):
            message = f"Study type is OBSERVATIONAL but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, stated, c, "studies.study_type")
        elif (group := _placebo_group(groups.get(nct_id, []))) and (c := trial_claim(texts[nct_id], CLINICAL_TRIAL)):
            message = (f"Study type is OBSERVATIONAL but the {c.source.label} says '{c.phrase}' and a group is "
                       f"given placebo or a sham ('{group}').")
            found = _finding(nct_id, message, stated, c, "studies.study_type")
            yield Finding(nct_id, message, f"{found.evidence}; design_groups.title: '{group}'",
                          found.fields + ("design_groups.title",))


# Arms as the record lists them: the same title twice is one arm listed twice, whatever its case, its runs of white
# space and a final full stop ("Drug X" and "Drug  X.", as links match them); an arm without a title is an arm.
_ARM_LABEL = title_key("title")
# Marks that may close a title without naming anything ("Arm A:", "Cohort 1 -", "Drug X;"): a single group's two
# titles that differ only by them are one arm listed twice. (A parallel model's arms are counted without this: two
# of its arms titled "Group 1" and "Group 1:" may be two arms titled carelessly.)
_CLOSING_MARKS = "' .:;,-*–—'"
_SINGLE_LABEL = f"coalesce(nullif(rtrim(g.label, {_CLOSING_MARKS}), ''), g.label)"
_ARM_COUNTS = f"""
    SELECT d.nct_id, d.intervention_model, any_value(d.allocation) AS allocation,
           count(DISTINCT nullif(g.label, '')) + count(*) FILTER (WHERE untitled) AS arms,
           count(DISTINCT CASE WHEN NOT untitled THEN {_SINGLE_LABEL} END) + count(*) FILTER (WHERE untitled)
             AS single_group_arms,
           concat_ws('; ', string_agg(DISTINCT g.title, '; ' ORDER BY g.title) FILTER (WHERE NOT untitled),
                     CASE count(*) FILTER (WHERE untitled) WHEN 0 THEN NULL WHEN 1 THEN '(an arm without a title)'
                          ELSE '(' || count(*) FILTER (WHERE untitled) || ' arms without a title)' END) AS titles
    FROM designs d JOIN (SELECT *, coalesce(label, '') = '' AS untitled
                         FROM (SELECT *, {_ARM_LABEL} AS label FROM design_groups)) g USING (nct_id)
    GROUP BY d.nct_id, d.intervention_model
"""
# Groups a single-group record may list beside its one group without being a second group assigned an
# intervention (RE2, on the lower-cased title): a historical, external or synthetic control whose people the study
# does not enrol ("Historical control", "Matched external control cohort", "Retrospective chart review"), and people
# who failed screening or were not enrolled.
_NOT_ASSIGNED_GROUP = (
    r"\bhistoric(?:al|ally)?\b"
    r"|\b(?:external|synthetic|virtual|retrospective|literature)[\s-]+(?:(?:matched|patient|patients|data)[\s-]+)?"
    r"(?:control|comparator|cohort|arm|group|data|chart)s?\b"
    r"|\bscreen(?:ing)?[\s-]*fail|\b(?:not[\s-]+enrolled|ineligible|non[\s-]*eligible)\b")
# Titles that are no group of their own (RE2, the whole of the lower-cased title): every participant of the study
# ("All participants", "All enrolled subjects", "Overall study"), listed beside its own subgroups, and a run-in or
# lead-in period every participant passes through ("Placebo run-in", "Single-blind placebo lead-in period", "Placebo
# lead-in"); not a group named after one ("Run-in responders"), nor a safety lead-in cohort given the study's treatment.
_EVERY_PARTICIPANT = (
    r"(?:all|entire|whole|total|overall)\s+(?:(?:study|enrolled|treated|eligible|included|evaluable)\s+)?"
    r"(?:participants|patients|subjects|volunteers|population|cohort|study\s+population)"
    r"(?:\s+(?:enrolled|treated|included))?|overall(?:\s+study)?|all")
_RUN_IN_PERIOD = (r"(?:[\w-]+\s+){0,3}(?:run-?in|(?:run|lead)[\s-]*in\s+(?:period|phase)"
                  r"|(?:placebo|sham|vehicle)\s+lead-?in)(?:\s+(?:period|phase))?")
# An extension study (by its titles) whose arms are named for the parent study's treatment: every arm title names a
# sequence or an earlier treatment ("Placebo / Drug X", "Drug X to Drug X", "Placebo → Drug X", "Prior placebo"), and
# one names placebo or the earlier study ("Previously on placebo", "Double-blind period drug X"). Its participants
# all take the extension's treatment, grouped by what they took before. Arms of two doses ("Drug X 10 mg/kg" and
# "Drug X 20 mg/kg") name no earlier treatment.
_EXTENSION_TITLED = r"\b(?:extension|roll-?over|continuation)\b"
_EARLIER_TREATMENT = (r"\b(?:prior|previous(?:ly)?|former(?:ly)?|parent|core|feeder|originally|from"
                      r"|(?:double[\s-]*blind|db)\s+(?:period|phase|study|treatment))\b")
_SEQUENCE_NAMED = rf"/|→|->|\bto\b|{_EARLIER_TREATMENT}"
_PARENT_NAMED = rf"\bplacebo\b|{_EARLIER_TREATMENT}"
# The single-group studies that list several arms, with the groups of them that are assigned an intervention and
# whether every arm is named for a parent study's treatment. The titles are read only for these few studies.
_SEVERAL_GROUPS = f"""
    WITH counted AS MATERIALIZED (
        SELECT * FROM ({_ARM_COUNTS}) WHERE intervention_model = 'SINGLE_GROUP' AND single_group_arms > 1
    ),
    read AS (
        SELECT g.nct_id,
               count(DISTINCT CASE WHEN NOT untitled AND NOT regexp_matches(lower(g.title), '{_NOT_ASSIGNED_GROUP}')
                                    AND NOT regexp_full_match(rtrim(g.label, {_CLOSING_MARKS}),
                                                              '{_EVERY_PARTICIPANT}|{_RUN_IN_PERIOD}')
                                   THEN {_SINGLE_LABEL} END)
                 + count(*) FILTER (WHERE untitled) AS assigned,
               bool_and(regexp_matches(lower(coalesce(g.title, '')), '{_SEQUENCE_NAMED}'))
                 AND bool_or(regexp_matches(lower(coalesce(g.title, '')), '{_PARENT_NAMED}')) AS parent_named
        FROM (SELECT *, coalesce(label, '') = '' AS untitled
              FROM (SELECT *, {_ARM_LABEL} AS label FROM design_groups)) g
        SEMI JOIN counted USING (nct_id)
        GROUP BY g.nct_id
    )
    SELECT counted.*, read.parent_named FROM counted JOIN read USING (nct_id) WHERE read.assigned > 1
"""
# The registry offered SEQUENTIAL (cohorts assigned one after another, as in dose escalation) only from the
# Final Rule's data elements of 2017-01-18: an earlier record's cohorts had no model but SINGLE_GROUP to choose.
# Arms between which participants are randomized are compared in parallel, in any year.
_UNRANDOMIZED = "a.allocation IS DISTINCT FROM 'RANDOMIZED'"
_COHORTS_BEFORE_SEQUENTIAL = f"{first_public('s')} < {FINAL_RULE_IN_FORCE} AND {_UNRANDOMIZED}"
_EXTENSION_OF_PARENT_ARMS = (f"a.parent_named AND {_UNRANDOMIZED} AND (regexp_matches(lower(s.official_title), "
                             f"'{_EXTENSION_TITLED}') OR regexp_matches(lower(s.brief_title), '{_EXTENSION_TITLED}'))")
SINGLE_GROUP_SEVERAL_ARMS = f"""
    SELECT a.nct_id,
           'The intervention model is SINGLE_GROUP but the study lists ' || single_group_arms || ' different arms.'
             AS message,
           'designs.intervention_model = ''SINGLE_GROUP''; design_groups.title: ' || titles ||
           CASE WHEN a.allocation = 'RANDOMIZED' THEN '; designs.allocation = ''RANDOMIZED''' ELSE '' END ||
           CASE WHEN {_COHORTS_BEFORE_SEQUENTIAL}
                THEN {first_public_before(FINAL_RULE_IN_FORCE, "the registry offered SEQUENTIAL (2017-01-18)")}
                ELSE '' END ||
           CASE WHEN coalesce({_EXTENSION_OF_PARENT_ARMS}, FALSE)
                THEN '; an extension study whose arms are named for the parent study''s treatment' ELSE '' END
             AS evidence,
           CASE WHEN {_COHORTS_BEFORE_SEQUENTIAL} OR coalesce({_EXTENSION_OF_PARENT_ARMS}, FALSE) THEN 'info' END
             AS severity
    FROM ({_SEVERAL_GROUPS}) a JOIN studies s USING (nct_id)
"""
MULTI_ARM_MODEL_ONE_ARM = f"""
    SELECT nct_id,
           'The intervention model is ' || intervention_model || ' but the study lists only one arm.' AS message,
           'designs.intervention_model = ''' || intervention_model || '''; design_groups.title: ' || titles AS evidence,
           CASE WHEN intervention_model = 'CROSSOVER' THEN 'info' END AS severity
    FROM ({_ARM_COUNTS}) WHERE intervention_model IN ('PARALLEL', 'CROSSOVER', 'FACTORIAL') AND arms = 1
"""

RULES = (
    Rule("contradictions.masking_none_text_blinded", "contradiction", "warning",
         "An open-label record whose text describes blinding misleads anyone filtering by masking.",
         ("designs.masking", "design_groups.description", "brief_summaries.description"),
         func=masking_none_text_blinded, in_worker=True),
    Rule("contradictions.masking_none_text_party_masked", "contradiction", "warning",
         "An open-label (NONE) record of a randomized study whose text says its outcome assessor (or another party "
         "the registry records) is masked to the assigned intervention contradicts the registry's masking element, "
         "which has Single (Outcomes Assessor) for that design; a data team selecting unmasked trials picks it. Info "
         "where only a blinded independent central review of scans is named, which open-label oncology trials "
         "commonly register as NONE.",
         ("designs.masking", "designs.masking_description", "brief_summaries.description"),
         func=masking_none_text_party_masked, in_worker=True),
    Rule("contradictions.masking_set_text_open_label", "contradiction", "warning",
         "A masked record whose text says open label or no masking cannot be trusted on blinding.",
         ("designs.masking", "designs.masking_description", "brief_summaries.description"),
         func=masking_set_text_open_label, in_worker=True),
    Rule("contradictions.allocation_text_randomized", "contradiction", "warning",
         "A non-randomized allocation contradicts text that says participants are randomized.",
         ("designs.allocation", "brief_summaries.description"), func=allocation_text_randomized, in_worker=True),
    Rule("contradictions.allocation_text_not_randomized", "contradiction", "warning",
         "A randomized allocation contradicts text that calls the study non-randomized.",
         ("designs.allocation", "brief_summaries.description"), func=allocation_text_not_randomized, in_worker=True),
    Rule("contradictions.study_type_text_observational", "contradiction", "warning",
         "An interventional record whose own text calls it observational contradicts itself: the study type or "
         "the text is wrong (a study that assigns its participants an intervention by protocol is interventional "
         "whatever its text calls it), and a person must read which.",
         ("studies.study_type", "detailed_descriptions.description"), func=study_type_text_observational,
         in_worker=True),
    Rule("contradictions.study_type_text_trial", "contradiction", "warning",
         "An observational record whose own text calls it a randomized, placebo-controlled or blinded trial (or a "
         "clinical trial with a placebo group) contradicts itself: the study type or the text is wrong (a study "
         "that assigns its participants an intervention by protocol is interventional whatever its type says), "
         "and a person must read which.",
         ("studies.study_type", "detailed_descriptions.description"), func=study_type_text_trial, in_worker=True),
    Rule("contradictions.single_group_several_arms", "contradiction", "warning",
         "A single-group model has one arm; several arms mean the model or the arms are wrong. Listed beside "
         "the one group, a historical, external or synthetic control the study does not enrol, screen failures, a "
         "run-in period or an arm of all participants is no second group, and titles that differ only by closing "
         "marks (\"Arm A\" and \"Arm A:\") are one arm. A record first posted before 2017-01-18 (first "
         "submitted, where a legacy XML record gives no posted date) had no SEQUENTIAL model for cohorts given one "
         "after another, such as dose-escalation cohorts: info, unless its participants are randomized between the "
         "arms, which makes them parallel in any year. So is an extension whose participants all take its "
         "treatment, in arms named for what they took in the parent study (\"Placebo / Drug X\").",
         ("designs.intervention_model", "design_groups"), sql=SINGLE_GROUP_SEVERAL_ARMS),
    Rule("contradictions.multi_arm_model_one_arm", "contradiction", "warning",
         "Parallel and factorial models compare arms; one arm means the model or the arms are wrong. A crossover's "
         "participants may all take every intervention in turn, in random order, within one arm group (\"each "
         "subject will be administered, in randomized order, single doses of five formulations\"): info.",
         ("designs.intervention_model", "design_groups"), sql=MULTI_ARM_MODEL_ONE_ARM),
)
