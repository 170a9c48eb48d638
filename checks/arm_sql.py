"""SQL pieces the rules on arms share, over the arm g of the study s: the registry's arm types as its pages label
them, an arm as a message names it, what the arm says of itself, and the arm's links to interventions
(design_group_interventions, by the ids the load gave them), which a rule reads on ClinicalTrials.gov's own layouts
only (`ON_REGISTRY_LAYOUT`).
"""
from __future__ import annotations

from checks.sql_text import literal, one_of
from flows.parsers import REGISTRY_LAYOUTS

ON_REGISTRY_LAYOUT = f"s.source_layout IN {one_of(REGISTRY_LAYOUTS)}"
# The registry's arm types as its pages label them.
TYPE_LABELS = {"EXPERIMENTAL": "Experimental", "ACTIVE_COMPARATOR": "Active Comparator",
               "PLACEBO_COMPARATOR": "Placebo Comparator", "SHAM_COMPARATOR": "Sham Comparator",
               "NO_INTERVENTION": "No Intervention", "OTHER": "Other"}
# The types of an arm given what is tested or a known effective treatment: never a placebo's.
ACTIVE_TYPES = ("EXPERIMENTAL", "ACTIVE_COMPARATOR")
COMPARATOR_TYPES = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")


def type_label_sql(expr: str) -> str:
    """SQL: the arm type `expr` as the registry's pages label it ('Placebo Comparator')."""
    cases = " ".join(f"WHEN {literal(value)} THEN {literal(label)}" for value, label in TYPE_LABELS.items())
    return f"CASE {expr} {cases} ELSE {expr} END"


def named_sql(alias: str = "g") -> str:
    """SQL: the arm as a message names it: 'The arm "Placebo"', or 'An arm without a title'."""
    return (f"CASE WHEN coalesce(trim({alias}.title), '') = '' THEN 'An arm without a title' "
            f"ELSE concat('The arm \"', {alias}.title, '\"') END")


def matches_sql(expr: str, pattern: str) -> str:
    """SQL: the text `expr` (NULL as empty) matches the regular expression `pattern`, case aside."""
    return f"regexp_matches(coalesce({expr}, ''), {literal(pattern)}, 'i')"


# How a link's intervention is quoted: '"Placebo" (DRUG)'; by the link's own name where it names no listed one.
_GIVEN = ("concat('\"', coalesce(i.name, l.intervention), '\"', "
          "CASE WHEN i.intervention_type IS NOT NULL THEN concat(' (', i.intervention_type, ')') END)")


def linked_sql(arms: str, columns: str, joins: str = "") -> str:
    """SQL: one row per arm (nct_id, arm_id) among the arms `arms` (SQL over design_groups) selects that the record
    links to interventions: `given`, the interventions linked ('"Placebo" (DRUG); "Metformin" (DRUG)'), and
    `columns` (aggregates over the links l and their interventions i, whose columns are NULL where a link names no
    intervention the record lists; `joins` adds tables). Links are followed by the ids the load gave them: the arm
    and the intervention a link names, as a registry record's labels match them."""
    return (f"SELECT l.nct_id, l.design_group_id AS arm_id, "
            f"array_to_string(list_sort(list_distinct(list({_GIVEN}))), '; ') AS given, {columns} "
            f"FROM design_group_interventions l "
            f"SEMI JOIN (SELECT nct_id, id FROM design_groups WHERE {arms}) t "
            f"ON t.nct_id = l.nct_id AND t.id = l.design_group_id "
            f"LEFT JOIN interventions i ON i.nct_id = l.nct_id AND i.id = l.intervention_id "
            f"{joins} GROUP BY ALL")


def of_arm_sql(alias: str = "a") -> str:
    """SQL join condition: the links' row `alias` is of the arm g."""
    return f"{alias}.nct_id = g.nct_id AND {alias}.arm_id = g.id"


# What a linked intervention i says of itself: its name, description and other names (o, joined by OTHER_NAMES).
INTERVENTION_SAYS = "concat_ws(' ', i.name, i.description, o.other_names)"
OTHER_NAMES = ("LEFT JOIN (SELECT nct_id, intervention_id, string_agg(name, ' ') AS other_names "
               "FROM intervention_other_names GROUP BY ALL) o ON o.nct_id = i.nct_id AND o.intervention_id = i.id")

# What the arm g says of itself: its title and description.
ARM_TEXT = "concat_ws(' ', g.title, g.description)"
# How much of an arm's description the evidence quotes: its start says what the arm is given.
DESCRIPTION_QUOTED = 200
