"""The arms a record lists against its intervention model: a single group with several arms, a multi-arm model with
one (SQL)."""
from __future__ import annotations

from checks.date_columns import FINAL_RULE_IN_FORCE, first_public, first_public_before
from checks.sql_text import title_key

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
