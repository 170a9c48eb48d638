"""The arms a record lists, counted as its intervention model would count them: a single group's several arms,
and which of them are groups assigned an intervention (SQL)."""
from __future__ import annotations

from checks.sql_text import title_key

# Arms as the record lists them: the same title twice is one arm listed twice, whatever its case, its runs of white
# space and a final full stop ("Drug X" and "Drug  X.", as links match them); an arm without a title is an arm.
_ARM_LABEL = title_key("title")
# Marks that may close a title without naming anything ("Arm A:", "Cohort 1 -", "Drug X;"): a single group's two
# titles that differ only by them are one arm listed twice. (A parallel model's arms are counted without this: two
# of its arms titled "Group 1" and "Group 1:" may be two arms titled carelessly.)
_CLOSING_MARKS = "' .:;,-*–—'"
_SINGLE_LABEL = f"coalesce(nullif(rtrim(g.label, {_CLOSING_MARKS}), ''), g.label)"
# Each arm with its label, and whether it has none.
LABELLED_ARMS = (f"(SELECT *, coalesce(label, '') = '' AS untitled "
                  f"FROM (SELECT *, {_ARM_LABEL} AS label FROM design_groups))")
# A study's arm titles as evidence names them (grouped by study, its arms as `g`).
ARM_TITLES = """concat_ws('; ', string_agg(DISTINCT g.title, '; ' ORDER BY g.title) FILTER (WHERE NOT untitled),
                     CASE count(*) FILTER (WHERE untitled) WHEN 0 THEN NULL WHEN 1 THEN '(an arm without a title)'
                          ELSE '(' || count(*) FILTER (WHERE untitled) || ' arms without a title)' END)"""
ARM_COUNTS = f"""
    SELECT d.nct_id, d.intervention_model, any_value(d.allocation) AS allocation,
           count(DISTINCT nullif(g.label, '')) + count(*) FILTER (WHERE untitled) AS arms,
           count(DISTINCT CASE WHEN NOT untitled THEN {_SINGLE_LABEL} END) + count(*) FILTER (WHERE untitled)
             AS single_group_arms,
           {ARM_TITLES} AS titles
    FROM designs d JOIN {LABELLED_ARMS} g USING (nct_id)
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
# A positive or negative control of a test of reactions (a skin-prick or patch test) that every participant is given
# beside the product tested, at another site ("Histamine Positive Skin Test Control", "Aqueous Negative Control"): no
# group of its own. Not people ("Negative control group", "Healthy volunteers as negative controls", "HPV-negative
# controls").
_TEST_CONTROL = r"(?:^|[^\w-])(?:positive|negative)[\s-]+(?:skin[\s-]+(?:prick[\s-]+)?test[\s-]+)?controls?\b"
PEOPLE = (r"\b(?:groups?|cohorts?|arms?|patients?|participants?|subjects?|volunteers?|healthy|people|individuals?"
           r"|donors?|women|men|children)\b")
# An extension study (by its titles) whose arms are named for the parent study's treatment: every arm title names a
# sequence or an earlier treatment ("Placebo / Drug X", "Drug X to Drug X", "Placebo → Drug X", "Prior placebo"), and
# one names placebo or the earlier study ("Previously on placebo", "Double-blind period drug X"). Its participants
# all take the extension's treatment, grouped by what they took before. Arms of two doses ("Drug X 10 mg/kg" and
# "Drug X 20 mg/kg") name no earlier treatment.
EXTENSION_TITLED = r"\b(?:extension|roll-?over|continuation)\b"
_EARLIER_TREATMENT = (r"\b(?:prior|previous(?:ly)?|former(?:ly)?|parent|core|feeder|originally|from"
                      r"|(?:double[\s-]*blind|db)\s+(?:period|phase|study|treatment))\b")
# An arm whose description randomizes its own participants between treatments ("Subjects in Cohort 1 will be
# randomized to receive 5 mg of drug X or placebo"): a cohort of a dose escalation, randomized within, not between the
# arms. Not participants randomized to the arm itself ("Patients randomized to this arm receive drug X or drug Y").
_RANDOMIZED_WITHIN = r"\brandomi[sz]\w*\s+(?:[\w():-]+\s+){0,4}?(?:to|between)\s+[^.;]{1,120}?\b(?:or|versus|vs)\b"
_RANDOMIZED_TO_THE_ARM = (r"\brandomi[sz]\w*\s+(?:\w+\s+){0,2}?(?:to|into)\s+(?:this|the|each)\s+(?:[\w-]+\s+)?"
                          r"(?:arm|group)")
_SEQUENCE_NAMED = rf"/|→|->|\bto\b|{_EARLIER_TREATMENT}"
_PARENT_NAMED = rf"\bplacebo\b|{_EARLIER_TREATMENT}"
# The single-group studies that list several arms, with how many of them are groups assigned an intervention and
# whether every arm is named for a parent study's treatment. The titles are read only for these few studies.
GROUPS_READ = f"""
    WITH counted AS MATERIALIZED (
        SELECT * FROM ({ARM_COUNTS}) WHERE intervention_model = 'SINGLE_GROUP' AND single_group_arms > 1
    ),
    read AS (
        SELECT g.nct_id,
               count(DISTINCT CASE WHEN NOT untitled AND NOT regexp_matches(lower(g.title), '{_NOT_ASSIGNED_GROUP}')
                                    AND NOT regexp_full_match(rtrim(g.label, {_CLOSING_MARKS}),
                                                              '{_EVERY_PARTICIPANT}|{_RUN_IN_PERIOD}')
                                    AND NOT (regexp_matches(lower(g.title), '{_TEST_CONTROL}')
                                             AND NOT regexp_matches(lower(g.title), '{PEOPLE}'))
                                   THEN {_SINGLE_LABEL} END)
                 + count(*) FILTER (WHERE untitled) AS assigned,
               bool_and(regexp_matches(lower(coalesce(g.description, '')), '{_RANDOMIZED_WITHIN}')
                        AND NOT regexp_matches(lower(g.description), '{_RANDOMIZED_TO_THE_ARM}')) AS randomized_within,
               bool_and(regexp_matches(lower(coalesce(g.title, '')), '{_SEQUENCE_NAMED}'))
                 AND bool_or(regexp_matches(lower(coalesce(g.title, '')), '{_PARENT_NAMED}')) AS parent_named
        FROM {LABELLED_ARMS} g SEMI JOIN counted USING (nct_id)
        GROUP BY g.nct_id
    )
    SELECT counted.*, read.assigned, read.parent_named, read.randomized_within FROM counted JOIN read USING (nct_id)
"""
# Those of them that list several groups assigned an intervention.
SEVERAL_GROUPS = f"SELECT * FROM ({GROUPS_READ}) WHERE assigned > 1"
