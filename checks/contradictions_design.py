"""Contradictions between a study's design fields (masking, allocation, type, model) and its text.

The rules are here; what each reads of the text is in the `design_*` modules (`design_text` and the modules its
docstring lists, `design_blinded_claims`, `design_open_label_claims`, `design_randomized_claims`,
`design_randomized_material`, `design_not_randomized_claims`, `design_observational_claims`,
`design_observational_design`, `design_observational_trial`, `design_parent_study`, `design_arm_counts`,
`design_trait_cohorts`).
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

import duckdb

from checks.design_allocation_terms import RANDOMIZED, RANDOMIZING, RCT
from checks.design_arm_counts import MULTI_ARM_MODEL_ONE_ARM, RANDOMIZED_SINGLE_GROUP, SINGLE_GROUP_SEVERAL_ARMS
from checks.design_blinded_claims import (
    assigns_groups, blinded_design_claim, masking_described_open, may_assess, party_masked_claim,
)
from checks.design_masked_parts import arms_not_open, placebo_given
from checks.design_masked_people import BLINDED_CENTRAL_REVIEW, MASKED_PARTY
from checks.design_masking_terms import BLINDED
from checks.design_not_randomized_claims import of_a_group, single_arm_claim
from checks.design_observational_claims import observational_claim
from checks.design_observational_design import (
    DESIGN_NAMED_FIELDS, INTERVENTIONAL_FIELDS, INTERVENTIONAL_WORDS, OBSERVATIONAL_DESIGN_WORDS, called_interventional,
    observational_design_claim,
)
from checks.design_observational_trial import TRIAL_FIELDS, TRIAL_WORDS, placebo_group
from checks.design_open_label_claims import open_label_claim
from checks.design_parent_study import EXTENSION_TITLE
from checks.design_randomized_claims import allocates_here, first_allocating
from checks.design_trait_cohorts import randomized_trait_cohorts
from checks.design_trial_fields import observational_message, trial_by_design
from checks.design_text import NEEDLE_WORDS, Claim, claims, first_affirmed, matches, only_denied, screened
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import (
    DESIGN_FIELDS, NARRATIVE_FIELDS, StudyText, quote, rows_by_study, studies_with,
    texts_mentioning,
)
from checks.trial_text import CLINICAL_TRIAL, trial_claim

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


_EXTENSION_FIELDS = ("studies.official_title", "studies.brief_title") + NARRATIVE_FIELDS
_EXTENSION_WORDS = ("extension", "roll", "continuation", "follow")
# This study called an extension, or a follow-up of the participants of a trial it names ("This study is a long-term
# follow-up of participants from the randomized controlled trial X"); tried only where "this" starts, or "the" in a
# text that says "present" (`matches`).
_EXTENSION_SUMMARY = screened(re.compile(
    r"\b(?:this|the\s+present)\s+(?:[\w-]+,?\s+){0,4}?(?:extension|roll-?over|continuation"
    r"|follow[\s-]*up\s+(?:study\s+)?(?:of|for)\s+(?:the\s+)?(?:participants|patients|subjects)\s+"
    r"(?:from|of|who\s+completed)\s+(?:the|a)\b)\b", re.I),
    _EXTENSION_WORDS, ((("this",), 0, _EXTENSION_WORDS), (("the",), 0, ("present",))))


def _extensions(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """The scoped studies whose titles or narrative call them an extension or rollover of another study."""
    def found() -> frozenset[str]:
        texts = texts_mentioning(con, scope, _EXTENSION_FIELDS, _EXTENSION_WORDS)
        return frozenset(nct_id for nct_id, found in texts.items() if any(
            matches(t, _EXTENSION_SUMMARY) if t.narrative else EXTENSION_TITLE.search(t.text) for t in found))
    return scope.shared(("extensions", scope.nct_ids), found)


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
    treatment, nor outcomes assessed blind, which masking_none_text_party_masked reads, nor one the text withdraws,
    "in theory double-blind", as that rule reads a party's masking withdrawn, nor, in an extension, one of the parent
    study)."""
    extensions: list[frozenset[str]] = []  # read once, and only for a claim that may be a parent study's
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["masking"] != "NONE":
            continue
        if c := blinded_design_claim(texts, _extension_of(con, scope, nct_id, extensions)):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, "designs.masking = 'NONE'", c, "designs.masking")


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
        if design["masking"] != "NONE" or not assigns_groups(design) or not texts:
            continue
        # A blinded design or period, even one an extension's parent study had, is masking_none_text_blinded's.
        if blinded_design_claim(texts, _never_an_extension) is not None or masking_described_open(texts):
            continue
        extension = _extension_of(con, scope, nct_id, extensions)
        stated = "designs.masking = 'NONE'"
        if c := party_masked_claim([t for t in texts if may_assess(t)], BLINDED, extension):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}': the outcome assessor is masked " \
                      "to the assigned intervention."
            yield _finding(nct_id, message, stated, c, "designs.masking")
        elif c := party_masked_claim(texts, MASKED_PARTY, extension):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}': someone is masked to the " \
                      "assigned intervention."
            yield _finding(nct_id, message, stated, c, "designs.masking")
        elif c := party_masked_claim(texts, BLINDED_CENTRAL_REVIEW, extension):
            message = f"Masking is NONE but the {c.source.label} says '{c.phrase}': {_CENTRAL_REVIEW_NOTE}."
            found = _finding(nct_id, message, stated, c, "designs.masking")
            yield Finding(found.nct_id, found.message, found.evidence, found.fields, "info")


def masking_set_text_open_label(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Masking SINGLE..QUADRUPLE while the text says open label or no masking (not an open-label arm or treatment
    beside a placebo or sham the study gives, or beside two arms not said to be open label, which is another part
    of the study)."""
    masked = [(nct_id, design, texts) for nct_id, design, texts in _designs_and_texts(con, scope)
              if design["masking"] in MASKED]
    compared = placebo_given(con, scope)
    arms_compared = arms_not_open(con, scope, {nct_id for nct_id, _, _ in masked})
    for nct_id, design, texts in masked:
        if c := open_label_claim(design, texts, nct_id in compared, nct_id in arms_compared):
            message = f"Masking is {design['masking']} but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, f"designs.masking = '{design['masking']}'", c, "designs.masking")


def _one_arm_of(con: duckdb.DuckDBPyConnection, scope: CheckScope, nct_id: str,
                one_arm: list[frozenset[str]]) -> Callable[[], bool]:
    """Whether the study lists exactly one arm, asked only when needed: the scope's one-arm studies are read once
    into `one_arm`."""
    def listed_one() -> bool:
        if not one_arm:
            arms = rows_by_study(con, scope, "design_groups", ("group_type",))
            one_arm.append(frozenset(study for study, rows in arms.items() if len(rows) == 1))
        return nct_id in one_arm[0]
    return listed_one


def allocation_text_randomized(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Allocation NON_RANDOMIZED or NA while the text says participants are randomized (not the order of conditions
    each participant goes through, nor, outside a crossover model, the order of their tasks, tests or questionnaires;
    not exams allotted at random to their readers, nor a randomized trial weighed as possible; for NON_RANDOMIZED,
    not a study randomized in part or in one part, named or labelled; in an extension, not a part done before; in a
    record of one arm, not its participants said to be randomized to this arm). A part is named before the word ("In
    Part B, ...") or after it ("With a Randomized Phase II Part"); a study is randomized in part where a group or part
    is said, close by, not to be ("CLL was not randomized")."""
    extensions: list[frozenset[str]] = []  # read once, and only for a claim that may be a parent study's
    one_arm: list[frozenset[str]] = []  # read once, and only for a claim of an arm's own participants
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["allocation"] not in ("NON_RANDOMIZED", "NA"):
            continue
        allocating = functools.partial(allocates_here, partial_fits=design["allocation"] == "NON_RANDOMIZED",
                                       tasks_fit=design["intervention_model"] != "CROSSOVER",
                                       one_arm=_one_arm_of(con, scope, nct_id, one_arm),
                                       extension=_extension_of(con, scope, nct_id, extensions))
        # "randomized", then the verb or "at random" ("We will randomise 60 patients", "allocated at random"), then
        # "an RCT".
        found = (first_allocating(texts, pattern, allocating) for pattern in (RANDOMIZED, RANDOMIZING, RCT))
        if c := next((claim for claim in found if claim is not None), None):
            message = f"Allocation is {design['allocation']} but the {c.source.label} says '{c.phrase}'."
            stated = f"designs.allocation = '{design['allocation']}'"
            yield _finding(nct_id, message, stated, c, "designs.allocation")


def allocation_text_not_randomized(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Allocation RANDOMIZED while the text only ever calls the study non-randomized, or calls it single-arm and never
    randomized (and never says it randomizes), not only a group or part of it."""
    for nct_id, design, texts in _designs_and_texts(con, scope):
        if design["allocation"] != "RANDOMIZED":
            continue
        c = only_denied(texts, RANDOMIZED)
        if c is not None and of_a_group(c):  # every claim is denied: the first that is not of a group
            c = next((claim for claim in claims(texts, RANDOMIZED) if not of_a_group(claim)), None)
        if c is None:
            c = single_arm_claim(texts)
        if c and not first_affirmed(texts, RANDOMIZING):
            message = f"Allocation is RANDOMIZED but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, "designs.allocation = 'RANDOMIZED'", c, "designs.allocation")


def study_type_text_observational(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Study type INTERVENTIONAL while the text calls this study observational (not another observational study,
    a part of this one, or a method, visit or period called observational), or names this study's design as one
    that is observational (a cohort, case-control, cross-sectional or retrospective study). Not where the text also
    calls this study, or another of its parts, interventional or experimental: the record's type is then one its
    text gives (a case-control stage before an interventional one). Where the record's own design is a trial's
    (randomized, or masked with a placebo or sham arm), the message names the text's word as the likely slip."""
    types = rows_by_study(con, scope, "studies", ("study_type",))
    models = rows_by_study(con, scope, "designs", ("intervention_model",))
    texts = _design_texts(con, scope)
    design_texts = texts_mentioning(con, scope, DESIGN_NAMED_FIELDS, OBSERVATIONAL_DESIGN_WORDS)
    found = {}
    for nct_id, rows in types.items():
        if rows[0][0] != "INTERVENTIONAL":
            continue
        c = observational_claim(texts.get(nct_id, []))
        if c is None and nct_id in design_texts:
            single_group = any(row[0] == "SINGLE_GROUP" for row in models.get(nct_id, []))
            c = observational_design_claim(design_texts[nct_id], single_group)
        if c:
            found[nct_id] = c
    # Only the texts of the studies with a claim are read for an interventional one: the scope narrowed to them.
    claimed = scope.of(found)
    interventional = texts_mentioning(con, claimed, INTERVENTIONAL_FIELDS, INTERVENTIONAL_WORDS) if found else {}
    trials = trial_by_design(con, claimed) if found else {}
    for nct_id, c in found.items():
        if not called_interventional(interventional.get(nct_id, [])):
            message, stated = observational_message(c.source.label, c.phrase, trials.get(nct_id))
            yield _finding(nct_id, message, stated, c, "studies.study_type")


def study_type_text_trial(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Study type OBSERVATIONAL while the text calls this study a randomized, placebo-controlled or blinded trial,
    or a clinical trial beside a group given placebo or a sham."""
    # Only the observational studies' texts are screened (a few in ten): the scope narrowed to them shares the reads.
    observational = scope.of(scope.nct_ids & studies_with(con, scope, "studies", "study_type", ("OBSERVATIONAL",)))
    texts = texts_mentioning(con, observational, TRIAL_FIELDS, TRIAL_WORDS)
    groups = rows_by_study(con, observational, "design_groups", ("group_type", "title"))
    stated = "studies.study_type = 'OBSERVATIONAL'"
    for nct_id in sorted(texts):
        if c := trial_claim(texts[nct_id]):
            message = f"Study type is OBSERVATIONAL but the {c.source.label} says '{c.phrase}'."
            yield _finding(nct_id, message, stated, c, "studies.study_type")
        elif (group := placebo_group(groups.get(nct_id, []))) and (c := trial_claim(texts[nct_id], CLINICAL_TRIAL)):
            message = (f"Study type is OBSERVATIONAL but the {c.source.label} says '{c.phrase}' and a group is "
                       f"given placebo or a sham ('{group}').")
            found = _finding(nct_id, message, stated, c, "studies.study_type")
            yield Finding(nct_id, message, f"{found.evidence}; design_groups.title: '{group}'",
                          found.fields + ("design_groups.title",))


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
         "whatever its text calls it), and a person must read which. Where the record's own design is a trial's "
         "(allocation RANDOMIZED, or a masking beside a placebo or sham arm), the message says the text's word is "
         "the likely slip.",
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
         "run-in period, an arm of all participants or the positive or negative control of a skin test given to "
         "every participant (\"Histamine Positive Skin Test Control\") is no second group, and titles that differ "
         "only by closing marks (\"Arm A\" and \"Arm A:\") are one arm; arms, unrandomized and none named for "
         "people, that the record's words have every participant go through (\"Each patient ... will experience the "
         "same modes of sample collection\", \"by two observers each\") are one group's procedures. A record "
         "first posted before 2017-01-18 (first "
         "submitted, where a legacy XML record gives no posted date) had no SEQUENTIAL model for cohorts given one "
         "after another, such as dose-escalation cohorts: info, unless its participants are randomized between the "
         "arms, which makes them parallel in any year (cohorts each of whose descriptions randomizes its own "
         "participants, to drug or placebo, are cohorts still). So is an extension whose participants all take its "
         "treatment, in arms named for what they took in the parent study (\"Placebo / Drug X\"), and an unrandomized "
         "diagnostic or screening study of devices or tests only whose titles, brief summary or model description "
         "compare them, no arm named for people: its arms are the tests every participant may take (\"Routine blood "
         "serum IgE levels will be compared with the newly developed microarray-based diagnostic test system\"). "
         "Two arms that are the two sides of every participant, in a split-body design its text names (\"Split-face "
         "Study\", \"test lens in one eye and control lens in the other eye\") or that both arms' descriptions give "
         "(\"one side of the face was treated ... with a Sham light\"), are one group: not flagged.",
         ("designs.intervention_model", "design_groups"), sql=SINGLE_GROUP_SEVERAL_ARMS),
    Rule("contradictions.randomized_single_group", "contradiction", "warning",
         "A randomized allocation assigns participants to groups by chance; a single-group model that lists at most "
         "one arm assigned an intervention leaves nothing to randomize between, so the allocation or the model is "
         "wrong (most often a parallel trial registered as a single group, its arms left out, as older records often "
         "are). Where the text places what is randomized within each participant (a split-mouth or paired-eye "
         "design, the opposite side as control, the order of treatments of a crossover, the sites of a skin patch "
         "test's patches and controls), there is something to "
         "randomize: info (a crossover's model is model_text_crossover's to judge); so is a stepped wedge, which "
         "randomizes when each cluster starts the intervention, and a diagnostic or screening "
         "study of devices or tests only whose titles or brief summary compare them, which may use each on every "
         "participant in an order at random. Several arms are "
         "single_group_several_arms's finding.",
         ("designs.allocation", "designs.intervention_model", "design_groups"), sql=RANDOMIZED_SINGLE_GROUP,
         judges_absence=True),
    Rule("contradictions.multi_arm_model_one_arm", "contradiction", "warning",
         "Parallel and factorial models compare arms; one arm means the model or the arms are wrong. A crossover's "
         "participants may all take every intervention in turn, in random order, within one arm group (\"each "
         "subject will be administered, in randomized order, single doses of five formulations\"): info.",
         ("designs.intervention_model", "design_groups"), sql=MULTI_ARM_MODEL_ONE_ARM),
    Rule("contradictions.randomized_trait_cohorts", "contradiction", "warning",
         "A randomized allocation assigns participants to arms by chance, but a trait they already have (walking "
         "or not, healthy or a patient, responding or not) cannot be assigned: arms that are cohorts by such a "
         "trait, all given the same one intervention, with no word of randomization or stratification anywhere in "
         "the record, leave nothing randomized, so the allocation (most often NON_RANDOMIZED meant) or the arms are "
         "wrong. Crossover and factorial models, arms typed as placebo or sham comparators or no intervention, arms "
         "given several "
         "interventions or a placebo, and a negated trait that names a treatment (\"without ultrasound guidance\") "
         "are not read.",
         ("designs.allocation", "design_groups.title", "design_group_interventions"),
         func=randomized_trait_cohorts, judges_absence=True),
)
