"""Contradictions between a design field and the words a study uses for that design: a masking of SINGLE while the
text calls the study double-blind, and an intervention model the text names otherwise (a crossover registered as
parallel, parallel groups registered as a crossover). What each reads of the text is in `design_masking_level` and
`design_model_words`."""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.design_masking_level import double_blind_claim
from checks.design_model_words import (
    CONTROL_WORDS, CROSSOVER_DESIGN, CROSSOVER_WORD, MODEL_NAMED_FIELDS, MODEL_WORDS, PARALLEL_DESIGN, PARALLEL_NAMED,
    SEQUENTIAL_WORDS, control_given_active_later, crossing_over, model_claims, named_anywhere, names_sequential,
    nested_in_groups, one_sequence,
)
from checks.design_text import NEEDLE_WORDS, Claim, sentence_at
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import DESIGN_FIELDS, NARRATIVE_FIELDS, StudyText, quote, rows_by_study, texts_mentioning

_MASKED_PARTIES = (("subject_masked", "Participant"), ("caregiver_masked", "Care Provider"),
                   ("investigator_masked", "Investigator"), ("outcomes_assessor_masked", "Outcomes Assessor"))


def _finding(nct_id: str, message: str, stated: str, field: str, quoted: tuple[Claim, ...],
             severity: str | None = None) -> Finding:
    """A finding whose evidence gives the field's value (`stated`) and quotes each claim of the text."""
    evidence = "; ".join([stated] + [quote(c.source.field, c.source.text, c.start, c.end) for c in quoted])
    return Finding(nct_id, message, evidence, tuple(dict.fromkeys((field,) + tuple(c.source.field for c in quoted))),
                   severity)


def _single_masked(row: tuple) -> str:
    """The masking as the registry shows it: "SINGLE (Investigator)", or "SINGLE" where no party is given."""
    parties = [name for (_column, name), masked in zip(_MASKED_PARTIES, row[1:]) if masked]
    return f"SINGLE ({', '.join(parties)})" if parties else "SINGLE"


def masking_single_text_double_blind(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Masking SINGLE while the study's own text calls its blinded design double-, triple- or quadruple-blind (the
    reading masking_none_text_blinded gives a masking of NONE), and never single-blind."""
    designs = rows_by_study(con, scope, "designs", ("masking",) + tuple(column for column, _name in _MASKED_PARTIES))
    texts = texts_mentioning(con, scope, DESIGN_FIELDS + NARRATIVE_FIELDS, NEEDLE_WORDS)
    for nct_id, rows in designs.items():
        if rows[0][0] != "SINGLE" or nct_id not in texts:
            continue
        if c := double_blind_claim(texts[nct_id]):
            masking = _single_masked(rows[0])
            message = (f"Masking is {masking} but the {c.source.label} says '{c.phrase}': a double-blind design masks "
                       "at least two parties.")
            yield _finding(nct_id, message, f"designs.masking = '{masking}'", "designs.masking", (c,))


# Why a crossover registered as parallel is only worth knowing where participants may also cross over.
_TREATMENT_CROSSOVER_NOTE = ("the text also lets participants cross over to another arm, a treatment crossover that a "
                             "parallel model may describe")
_ONE_WAY_NOTE = ("an arm is given a sham or placebo and the active treatment afterwards, and none the reverse: a "
                 "one-way crossover of the control arm that a parallel model may describe")


def _model_texts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> tuple[dict, dict[str, list[StudyText]]]:
    """Each scoped study's (intervention model, allocation), and its texts that may name a model."""
    designs = rows_by_study(con, scope, "designs", ("intervention_model", "allocation"))
    return designs, texts_mentioning(con, scope, MODEL_NAMED_FIELDS, MODEL_WORDS)


def _crossovers(designs: dict, texts: dict[str, list[StudyText]]) -> dict[str, tuple[str, Claim]]:
    """(model, first claim) of each study with a parallel or randomized single-group model whose words call it a
    crossover, not a part of it, not one fixed sequence in a single group, not one run inside each of the groups of
    a parallel study that does not randomize them, and never parallel-group."""
    found = {}
    for nct_id, sources in texts.items():
        model, allocation = designs.get(nct_id, [(None, None)])[0]
        if model not in ("PARALLEL", "SINGLE_GROUP"):
            continue
        crossovers = model_claims(sources, CROSSOVER_DESIGN)
        if model == "SINGLE_GROUP":
            crossovers = [c for c in crossovers if allocation == "RANDOMIZED" and not one_sequence(c)]
        if model == "PARALLEL" and allocation == "NON_RANDOMIZED" and nested_in_groups(sources):
            continue
        if crossovers and not named_anywhere(sources, PARALLEL_NAMED):
            found[nct_id] = (model, crossovers[0])
    return found


def model_text_crossover(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Model PARALLEL, or SINGLE_GROUP in a randomized study, while the study's own words call it a crossover (not a
    part of it, not one fixed sequence in a single group, not one inside each group of groups not randomized, and not
    where they also call it parallel-group); info where the text also lets participants cross over to another arm, or
    where, in a parallel model, an arm is given a sham or placebo and the active treatment afterwards."""
    found = _crossovers(*_model_texts(con, scope))
    # Only the texts of the studies with a claim are read for participants crossing over: the scope narrowed to them.
    claimed = scope.of(found)
    all_texts = texts_mentioning(con, claimed, DESIGN_FIELDS + NARRATIVE_FIELDS, ("cross",))
    arms = texts_mentioning(con, claimed, ("design_groups.description",), CONTROL_WORDS)
    for nct_id, (model, c) in sorted(found.items()):
        stated = f"designs.intervention_model = '{model}'"
        message = f"Intervention model is {model} but the {c.source.label} says '{c.phrase}'"
        if (crossing := crossing_over(all_texts.get(nct_id, []))) is not None:
            yield _finding(nct_id, f"{message}: {_TREATMENT_CROSSOVER_NOTE}.", stated, "designs.intervention_model",
                           (c, crossing), "info")
        elif model == "PARALLEL" and (later := control_given_active_later(arms.get(nct_id, []))) is not None:
            yield _finding(nct_id, f"{message}: {_ONE_WAY_NOTE}.", stated, "designs.intervention_model", (c, later),
                           "info")
        else:
            yield _finding(nct_id, f"{message}.", stated, "designs.intervention_model", (c,))


# An arm's description read for the study's design under a crossover model ("Parallel study design, 4 treatment
# groups"), and the words of a crossover's own steps that make it speak of one of them instead ("In period 1 the two
# parallel groups receive drug X or placebo", "Sequence AB, then a washout").
_ARM_DESCRIPTION = ("design_groups.description",)
_CROSSOVER_STEP = re.compile(r"\b(?:periods?|sequences?|wash[\s-]*outs?|treatment\s+(?:phases?|blocks?)"
                             r"|(?:first|second|third)\s+(?:phase|stage|part)|phase\s+(?:[ab]|one|two|three))\b", re.I)


def _arm_parallels(arms: list[StudyText]) -> list[Claim]:
    """The parallel groups arm descriptions name of the study's design, not of a period or a sequence of the
    crossover (a sentence that names one)."""
    return [c for c in model_claims(arms, PARALLEL_DESIGN)
            if not _CROSSOVER_STEP.search(c.source.text, *sentence_at(c.source.text, c.start))]


def _parallels(designs: dict, texts: dict[str, list[StudyText]],
               arms: dict[str, list[StudyText]]) -> dict[str, tuple[str, str, Claim]]:
    """(model, allocation, first claim) of each study with a crossover, sequential or single-group model whose words
    (or, for a crossover, its arm descriptions) call it parallel-group, and never a crossover."""
    found = {}
    for nct_id in sorted(texts.keys() | arms.keys()):
        model, allocation = designs.get(nct_id, [(None, None)])[0]
        if model not in ("CROSSOVER", "SEQUENTIAL", "SINGLE_GROUP"):
            continue
        sources, described = texts.get(nct_id, []), arms.get(nct_id, []) if model == "CROSSOVER" else []
        parallels = model_claims(sources, PARALLEL_DESIGN) + _arm_parallels(described)
        if parallels and not named_anywhere(sources + described, CROSSOVER_WORD):
            found[nct_id] = (model, allocation, parallels[0])
    return found


def model_text_parallel(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Model CROSSOVER or SEQUENTIAL, or SINGLE_GROUP, while the study's own words call it parallel-group (not a part
    of it, and not where they also call it a crossover; for SEQUENTIAL, not where its titles, summaries or model
    description also name ascending-dose cohorts or a sequential part); a crossover's arm descriptions are read too,
    where they speak of the study's design and not of a period or a sequence; info for a single group not randomized,
    whose parallel groups may be populations given one intervention."""
    designs, texts = _model_texts(con, scope)
    crossovers = scope.of(n for n, rows in designs.items() if rows[0][0] == "CROSSOVER")
    found = _parallels(designs, texts, texts_mentioning(con, crossovers, _ARM_DESCRIPTION, MODEL_WORDS))
    # Only the sequential models' texts are read for a sequential design: the scope narrowed to them.
    sequential = scope.of(n for n, (model, _allocation, _c) in found.items() if model == "SEQUENTIAL")
    named_sequential = texts_mentioning(con, sequential, MODEL_NAMED_FIELDS, SEQUENTIAL_WORDS)
    for nct_id, (model, allocation, c) in found.items():
        if model == "SEQUENTIAL" and names_sequential(named_sequential.get(nct_id, [])):
            continue  # parallel groups within cohorts dosed in turn: both words are right
        severity = "info" if model == "SINGLE_GROUP" and allocation != "RANDOMIZED" else None
        message = f"Intervention model is {model} but the {c.source.label} says '{c.phrase}'."
        yield _finding(nct_id, message, f"designs.intervention_model = '{model}'", "designs.intervention_model", (c,),
                       severity)

RULES = (
    Rule("contradictions.masking_single_text_double_blind", "contradiction", "warning",
         "A single-masked record whose own text calls the study double-, triple- or quadruple-blind (and never "
         "single-blind) understates its blinding: a double-blind design masks at least two parties, the participant "
         "and the investigator as a rule, and a data team selecting double-blind trials by masking misses it.",
         ("designs.masking", "brief_summaries.description"), func=masking_single_text_double_blind, in_worker=True),
    Rule("contradictions.model_text_crossover", "contradiction", "warning",
         "A parallel model gives each participant one intervention, a crossover every participant each in turn: a "
         "record whose own title or design sentence calls the study a crossover, and never parallel-group, has the "
         "model or the text wrong (a randomized crossover registered as a single group too). Info where the text "
         "also lets participants cross over to another arm, a treatment crossover a parallel model may describe, and "
         "where an arm of a parallel model is given a sham or placebo and the active treatment afterwards (and none "
         "the reverse), a one-way crossover of the control arm. Quiet for a crossover run inside each group of a "
         "parallel study whose groups are not randomized (populations such as diabetic and not).",
         ("designs.intervention_model", "studies.official_title"), func=model_text_crossover, in_worker=True),
    Rule("contradictions.model_text_parallel", "contradiction", "warning",
         "A crossover, sequential or single-group model contradicts a record whose own title or design sentence "
         "calls the study parallel-group (and never a crossover). A crossover's arm descriptions are read too "
         "('Parallel study design, 4 treatment groups'), not where their sentence speaks of a period, a sequence or "
         "a washout of the crossover itself. Info for a single group not randomized: its parallel groups may be "
         "populations that all take one intervention. Quiet for a sequential model whose titles, summaries or model "
         "description also name ascending-dose cohorts or a part they call sequential ('Parallel Group, Single "
         "Ascending Dose Study'): parallel groups within cohorts dosed in turn.",
         ("designs.intervention_model", "studies.official_title"), func=model_text_parallel, in_worker=True),
)
