"""Contradictions between what a study's own words call it and what it gives: a study its titles, summaries or
design descriptions call placebo-controlled whose arms and interventions name no placebo. What is read of the text
and of the arms is in `design_placebo_claims`."""
from __future__ import annotations

from typing import Iterator

import duckdb

from checks.design_placebo_claims import (
    CLAIM_FIELDS, CLAIM_WORDS, claimed_words, names_a_placebo, placebo_claims, placebo_defined_as_listed,
    purpose_claims,
)
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import quote, rows_by_study, texts_mentioning
from flows.parsers import REGISTRY_LAYOUTS

# How many arms or interventions the evidence names before it counts the rest.
_LISTED = 4


def _listed(items: list[str]) -> str:
    """The first few of `items` joined, and how many more there are."""
    more = f" and {len(items) - _LISTED} more" if len(items) > _LISTED else ""
    return "; ".join(items[:_LISTED]) + more


def _given(arms: list[tuple], interventions: list[tuple]) -> str:
    """What the record gives, as the evidence quotes it: its arms' types and titles, its interventions' names."""
    listed = _listed([f"{arm[0] or 'no type'} '{arm[1] or ''}'" for arm in arms]) or "none"
    given = _listed([f"'{name or ''}' ({kind or 'no type'})" for kind, name, _description in interventions]) or "none"
    return f"design_groups: {listed}; interventions: {given}"


def _claimed(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> dict:
    """The first claim, the texts and whether the claim is only a purpose's ("To compare X versus placebo") of each
    interventional study of a registry layout whose texts call it placebo-controlled."""
    texts = texts_mentioning(con, scope, CLAIM_FIELDS, CLAIM_WORDS)
    # Only the studies whose texts mention a placebo are read further: the scope narrowed to them.
    studies = rows_by_study(con, scope.of(texts), "studies",
                            ("study_type", "source_layout"))
    found = {}
    for nct_id, sources in texts.items():
        study_type, layout = studies.get(nct_id, [(None, None)])[0]
        if study_type != "INTERVENTIONAL" or layout not in REGISTRY_LAYOUTS:
            continue
        if claims := placebo_claims(sources):
            found[nct_id] = (claims[0], sources, False)
        elif claims := purpose_claims(sources):
            found[nct_id] = (claims[0], sources, True)
    return found


def placebo_controlled_without_placebo(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An interventional study whose own words call it placebo-controlled while no arm is a Placebo or Sham
    Comparator and no arm, intervention or other name names a placebo; info where the record lists interventions but
    no arms. Not judged where it lists neither."""
    found = _claimed(con, scope)
    # Only the arms of the studies with a claim are read: the scope narrowed to them.
    claimed = scope.of(found)
    arms = rows_by_study(con, claimed, "design_groups", ("group_type", "title", "description"))
    interventions = rows_by_study(con, claimed, "interventions", ("intervention_type", "name", "description"))
    other_names = rows_by_study(con, claimed, "intervention_other_names", ("name",))
    for nct_id, (c, texts, purpose_only) in sorted(found.items()):
        study_arms, given = arms.get(nct_id, []), interventions.get(nct_id, [])
        if not (study_arms or given) or purpose_only and study_arms \
                or names_a_placebo(study_arms, given, other_names.get(nct_id, [])) \
                or placebo_defined_as_listed(texts, given):
            continue
        said = f"The {c.source.label} calls the study placebo-controlled ('{claimed_words(c)}')"
        evidence = f"{quote(c.source.field, c.source.text, c.start, c.end)}; {_given(study_arms, given)}"
        fields = (c.source.field, "design_groups.group_type", "interventions.name")
        if study_arms:
            message = (f"{said}, yet no arm is a Placebo or Sham Comparator and no arm or intervention names a "
                       "placebo: the placebo arm is missing, or the text is wrong.")
            yield Finding(nct_id, message, evidence, fields)
        else:
            message = (f"{said}, yet the record lists no arms and none of its interventions names a placebo: its "
                       "placebo is not listed.")
            yield Finding(nct_id, message, evidence, fields, "info")


RULES = (
    Rule("contradictions.placebo_controlled_without_placebo", "contradiction", "warning",
         "A study whose own title, summary or design description calls it placebo-controlled ('A Randomized, "
         "Double-blind, Placebo-controlled Study of Drug X', 'Drug X Versus Placebo', 'compared with placebo') gives "
         "a placebo: a record with no Placebo or Sham Comparator arm and no arm, intervention or other name that names "
         "a placebo, sham, vehicle or inactive product has lost its placebo arm, or its text is wrong, and a data "
         "team counting placebo-controlled trials by their arms misses it. Info where the record lists interventions "
         "but no arms (arm groups were optional before 2007 and such records often list only what was tested); not "
         "judged where it lists neither. Not read: a denial ('no placebo control group'), another trial's or a "
         "parent study's design, trials in general, a trial to follow, a food challenge done placebo-controlled, "
         "what the study began as, an attention placebo (a behavioural control matched for the attention the "
         "tested arm gets, registered under any name); an objective ('To compare X versus placebo') where the record "
         "lists arms. The saline or water a product is diluted in or given with is no placebo; a placebo the text "
         "says is a listed product given alone ('Placebo Patients Receive MF59 Emulsion Only') or the listed device "
         "in another mode ('placebo (AAI pacing mode)') is listed. Judged on interventional studies of "
         "ClinicalTrials.gov's own layouts.",
         ("studies.official_title", "design_groups.group_type", "interventions.name"),
         func=placebo_controlled_without_placebo, judges_absence=True),
)
