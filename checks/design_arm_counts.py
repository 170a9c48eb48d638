"""The arms a record lists against its intervention model and allocation: a single group with several arms, a
multi-arm model with one, a randomized single group with at most one (SQL)."""
from __future__ import annotations

from checks.date_columns import FINAL_RULE_IN_FORCE, first_public, first_public_before
from checks.design_arm_groups import (
    ARM_COUNTS, ARM_TITLES, EXTENSION_TITLED, GROUPS_READ, LABELLED_ARMS, PEOPLE, SEVERAL_GROUPS,
)
from checks.design_randomization_texts import (
    BOTH_SIDES_ARM, CLUSTER_START_TEXT, COMPARED_QUOTES, DEVICES_ONLY, DIAGNOSTIC, EVERY_ARM_TEXT, METHODS_COMPARED,
    ONE_SIDE_ARM, SIDES_TEXT, TEXTS_READ, WITHIN_TEXT,
    quotes, texts_of,
)
from checks.missing_field_sources import hidden_from
from checks.sql_text import literal, one_of

# The registry offered SEQUENTIAL (cohorts assigned one after another, as in dose escalation) only from the
# Final Rule's data elements of 2017-01-18: an earlier record's cohorts had no model but SINGLE_GROUP to choose.
# Arms between which participants are randomized are compared in parallel, in any year; arms within each of which they
# are randomized (drug or placebo in each dose cohort) are cohorts still.
_UNRANDOMIZED = "(a.allocation IS DISTINCT FROM 'RANDOMIZED' OR a.randomized_within)"
_COHORTS_BEFORE_SEQUENTIAL = f"{first_public('s')} < {FINAL_RULE_IN_FORCE} AND {_UNRANDOMIZED}"
_EXTENSION_OF_PARENT_ARMS = (f"a.parent_named AND {_UNRANDOMIZED} AND (regexp_matches(lower(s.official_title), "
                             f"'{EXTENSION_TITLED}') OR regexp_matches(lower(s.brief_title), '{EXTENSION_TITLED}'))")
MULTI_ARM_MODEL_ONE_ARM = f"""
    SELECT nct_id,
           'The intervention model is ' || intervention_model || ' but the study lists only one arm.' AS message,
           'designs.intervention_model = ''' || intervention_model || '''; design_groups.title: ' || titles AS evidence,
           CASE WHEN intervention_model = 'CROSSOVER' THEN 'info' END AS severity
    FROM ({ARM_COUNTS}) WHERE intervention_model IN ('PARALLEL', 'CROSSOVER', 'FACTORIAL') AND arms = 1
"""
# A page of a layout that shows no arms (a trial summary's) says nothing of how many the study lists: not judged.
_NO_ARMS_SHOWN = hidden_from(("design_groups",))
_ARMS_HIDDEN = f"s.source_layout IN {one_of(_NO_ARMS_SHOWN)}" if _NO_ARMS_SHOWN else "FALSE"
# A page whose arms could not be read (a compact meddatax page whose lines read more than one way) neither: its load
# problem says so ("unreadable section: ...; arms and interventions not read").
_ARMS_UNREAD = "p.reason LIKE 'unreadable section%' AND regexp_matches(p.detail, '\\barms\\b.*\\bnot read\\b')"
_NOTHING_TO_RANDOMIZE = literal(": a single group leaves nothing to randomize participants between.")
_WITHIN_EACH = literal("; its text places what is randomized within each participant (a part of the body, or the "
                       "order of treatments each takes), not between groups.")
_CLUSTERS_START = literal("; its text randomizes when each cluster (a site, a ward) starts the intervention, as a "
                           "stepped wedge does, not participants between groups.")
_DEVICES_EACH = literal("; a diagnostic study that compares devices or tests may use each on every participant, in "
                        "an order at random, not randomize between groups.")
_ARMS_SAID = f"""CASE WHEN c.nct_id IS NULL THEN ' and the study lists no arms'
                      WHEN r.nct_id IS NULL THEN ' and the study lists one arm'
                      WHEN r.assigned = 0 THEN ' and the study lists no arm assigned an intervention'
                      ELSE ' and the study lists only one arm assigned an intervention' END"""
RANDOMIZED_SINGLE_GROUP = f"""
    WITH read AS MATERIALIZED ({GROUPS_READ}),
    randomized AS MATERIALIZED (
        SELECT DISTINCT nct_id FROM designs ANTI JOIN (SELECT nct_id FROM read WHERE assigned > 1) USING (nct_id)
        WHERE allocation = 'RANDOMIZED' AND intervention_model = 'SINGLE_GROUP'
    ),
    texts AS MATERIALIZED ({TEXTS_READ})
    SELECT s.nct_id,
           'Allocation is RANDOMIZED but the intervention model is SINGLE_GROUP' || {_ARMS_SAID} ||
           CASE WHEN sw.quote IS NOT NULL THEN {_CLUSTERS_START} WHEN w.quote IS NOT NULL THEN {_WITHIN_EACH}
                WHEN m.quote IS NOT NULL THEN {_DEVICES_EACH} ELSE {_NOTHING_TO_RANDOMIZE} END AS message,
           'designs.allocation = ''RANDOMIZED''; designs.intervention_model = ''SINGLE_GROUP''; ' ||
           CASE WHEN c.nct_id IS NULL THEN 'design_groups: none' ELSE 'design_groups.title: ' || c.titles END ||
           coalesce('; ' || coalesce(sw.quote, w.quote, m.quote), '') AS evidence,
           CASE WHEN coalesce(sw.quote, w.quote, m.quote) IS NOT NULL THEN 'info' END AS severity
    FROM randomized JOIN studies s USING (nct_id)
    LEFT JOIN (SELECT g.nct_id, {ARM_TITLES} AS titles FROM {LABELLED_ARMS} g SEMI JOIN randomized USING (nct_id)
               GROUP BY g.nct_id) c USING (nct_id)
    LEFT JOIN read r USING (nct_id)
    LEFT JOIN ({quotes(CLUSTER_START_TEXT)}) sw USING (nct_id)
    LEFT JOIN ({quotes(WITHIN_TEXT)}) w USING (nct_id)
    LEFT JOIN ({COMPARED_QUOTES}) m USING (nct_id)
    WHERE NOT ({_ARMS_HIDDEN}) AND NOT EXISTS (
        SELECT 1 FROM meta.load_problems p WHERE p.nct_id = s.nct_id AND p.sha256 = s.source_sha256 AND {_ARMS_UNREAD})
"""

# A diagnostic or screening study of devices or tests only whose titles, brief summary or model description compare
# them ("Routine blood serum IgE levels will be compared with the newly developed microarray-based diagnostic test
# system"), unrandomized, whose arms are named for the tests and none for people: every participant may take each
# test, in one group, the arms being the tests, not groups assigned one (info).
_TESTS_COMPARED_FIELDS = one_of(("studies.official_title", "studies.brief_title",
                                 "designs.intervention_model_description", "brief_summaries.description"))
_TESTS_COMPARED = quotes(METHODS_COMPARED, f"field IN {_TESTS_COMPARED_FIELDS} AND {DIAGNOSTIC} AND {DEVICES_ONLY}")
_ARMS_OF_PEOPLE = (f"EXISTS (SELECT 1 FROM design_groups p WHERE p.nct_id = a.nct_id "
                   f"AND regexp_matches(lower(coalesce(p.title, '')), '{PEOPLE}'))")
_TESTS_EACH = f"(m.quote IS NOT NULL AND a.allocation IS DISTINCT FROM 'RANDOMIZED' AND NOT {_ARMS_OF_PEOPLE})"
_TESTS_SAID = literal("; a diagnostic study that compares tests or devices may give each to every participant, its "
                      "arms the tests, not groups")
# A split-body design gives every participant each arm, one on each side ("one side of the face was treated with a
# Sham light and the other half with a light emitting diode"; every arm "one side of the face was treated ...",
# NCT00818246): one group, its arms the sides. Two arms, the two sides: not dose groups each given on a side at random
# ("1μg/ml ESAT6-CFP10 ... in the RIGHT or LEFT forearm according to a randomisation scheme", four arms, NCT01999231;
# "400 µg implant in the study eye and sham in the fellow eye", NCT00661479), nor arms each given on both sides
# ("infiltrated on each the right and left side of the abdomen", NCT01582477).
_ARM_ON_ONE_SIDE = (f"coalesce(regexp_matches(description, {ONE_SIDE_ARM}, 'i') "
                    f"AND NOT regexp_matches(description, {BOTH_SIDES_ARM}, 'i'), FALSE)")
_SPLIT_BODY = f"""SELECT nct_id FROM several WHERE single_group_arms = 2 AND (
    nct_id IN (SELECT nct_id FROM texts WHERE regexp_matches(text, {SIDES_TEXT}, 'i'))
    OR nct_id IN (SELECT nct_id FROM design_groups SEMI JOIN several USING (nct_id) GROUP BY nct_id
                  HAVING count(*) = 2 AND bool_and({_ARM_ON_ONE_SIDE})))"""
# Arms the record's words have every participant go through ("Each patient enrolled in the study will experience the
# same modes of sample collection", "will undergo a lung ultrasound, by two observers each"): one group's procedures,
# each participant taking all of them, not groups. Not arms between which participants are randomized, nor arms named
# for people ("Group A", "Healthy volunteers"), which are groups whatever each is said to undergo.
_EVERY_ARM = f"""SELECT nct_id FROM several a WHERE a.allocation IS DISTINCT FROM 'RANDOMIZED' AND NOT {_ARMS_OF_PEOPLE}
    AND nct_id IN (SELECT nct_id FROM texts WHERE regexp_matches(text, {EVERY_ARM_TEXT}, 'i'))"""
SINGLE_GROUP_SEVERAL_ARMS = f"""
    WITH several AS MATERIALIZED ({SEVERAL_GROUPS}),
    texts AS MATERIALIZED ({texts_of("several")})
    SELECT a.nct_id,
           'The intervention model is SINGLE_GROUP but the study lists ' || single_group_arms || ' different arms.'
             AS message,
           'designs.intervention_model = ''SINGLE_GROUP''; design_groups.title: ' || titles ||
           CASE WHEN a.allocation = 'RANDOMIZED' THEN '; designs.allocation = ''RANDOMIZED''' ELSE '' END ||
           CASE WHEN a.allocation = 'RANDOMIZED' AND a.randomized_within
                THEN '; each arm''s description randomizes its own participants between treatments' ELSE '' END ||
           CASE WHEN {_COHORTS_BEFORE_SEQUENTIAL}
                THEN {first_public_before(FINAL_RULE_IN_FORCE, "the registry offered SEQUENTIAL (2017-01-18)")}
                ELSE '' END ||
           CASE WHEN coalesce({_EXTENSION_OF_PARENT_ARMS}, FALSE)
                THEN '; an extension study whose arms are named for the parent study''s treatment' ELSE '' END ||
           CASE WHEN {_TESTS_EACH} THEN '; ' || m.quote || {_TESTS_SAID} ELSE '' END
             AS evidence,
           CASE WHEN {_COHORTS_BEFORE_SEQUENTIAL} OR coalesce({_EXTENSION_OF_PARENT_ARMS}, FALSE) OR {_TESTS_EACH}
                THEN 'info' END AS severity
    FROM several a JOIN studies s USING (nct_id)
    LEFT JOIN ({_TESTS_COMPARED}) m USING (nct_id)
    ANTI JOIN ({_SPLIT_BODY}) USING (nct_id)
    ANTI JOIN ({_EVERY_ARM}) USING (nct_id)
"""
