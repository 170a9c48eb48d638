"""The arms a record lists against its intervention model and allocation: a single group with several arms, a
multi-arm model with one, a randomized single group with at most one (SQL)."""
from __future__ import annotations

from checks.date_columns import FINAL_RULE_IN_FORCE, first_public, first_public_before
from checks.missing_field_sources import hidden_from
from checks.sql_text import literal, one_of, title_key

# Arms as the record lists them: the same title twice is one arm listed twice, whatever its case, its runs of white
# space and a final full stop ("Drug X" and "Drug  X.", as links match them); an arm without a title is an arm.
_ARM_LABEL = title_key("title")
# Marks that may close a title without naming anything ("Arm A:", "Cohort 1 -", "Drug X;"): a single group's two
# titles that differ only by them are one arm listed twice. (A parallel model's arms are counted without this: two
# of its arms titled "Group 1" and "Group 1:" may be two arms titled carelessly.)
_CLOSING_MARKS = "' .:;,-*–—'"
_SINGLE_LABEL = f"coalesce(nullif(rtrim(g.label, {_CLOSING_MARKS}), ''), g.label)"
# Each arm with its label, and whether it has none.
_LABELLED_ARMS = (f"(SELECT *, coalesce(label, '') = '' AS untitled "
                  f"FROM (SELECT *, {_ARM_LABEL} AS label FROM design_groups))")
# A study's arm titles as evidence names them (grouped by study, its arms as `g`).
_TITLES = """concat_ws('; ', string_agg(DISTINCT g.title, '; ' ORDER BY g.title) FILTER (WHERE NOT untitled),
                     CASE count(*) FILTER (WHERE untitled) WHEN 0 THEN NULL WHEN 1 THEN '(an arm without a title)'
                          ELSE '(' || count(*) FILTER (WHERE untitled) || ' arms without a title)' END)"""
_ARM_COUNTS = f"""
    SELECT d.nct_id, d.intervention_model, any_value(d.allocation) AS allocation,
           count(DISTINCT nullif(g.label, '')) + count(*) FILTER (WHERE untitled) AS arms,
           count(DISTINCT CASE WHEN NOT untitled THEN {_SINGLE_LABEL} END) + count(*) FILTER (WHERE untitled)
             AS single_group_arms,
           {_TITLES} AS titles
    FROM designs d JOIN {_LABELLED_ARMS} g USING (nct_id)
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
_PEOPLE = (r"\b(?:groups?|cohorts?|arms?|patients?|participants?|subjects?|volunteers?|healthy|people|individuals?"
           r"|donors?|women|men|children)\b")
# An extension study (by its titles) whose arms are named for the parent study's treatment: every arm title names a
# sequence or an earlier treatment ("Placebo / Drug X", "Drug X to Drug X", "Placebo → Drug X", "Prior placebo"), and
# one names placebo or the earlier study ("Previously on placebo", "Double-blind period drug X"). Its participants
# all take the extension's treatment, grouped by what they took before. Arms of two doses ("Drug X 10 mg/kg" and
# "Drug X 20 mg/kg") name no earlier treatment.
_EXTENSION_TITLED = r"\b(?:extension|roll-?over|continuation)\b"
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
_GROUPS_READ = f"""
    WITH counted AS MATERIALIZED (
        SELECT * FROM ({_ARM_COUNTS}) WHERE intervention_model = 'SINGLE_GROUP' AND single_group_arms > 1
    ),
    read AS (
        SELECT g.nct_id,
               count(DISTINCT CASE WHEN NOT untitled AND NOT regexp_matches(lower(g.title), '{_NOT_ASSIGNED_GROUP}')
                                    AND NOT regexp_full_match(rtrim(g.label, {_CLOSING_MARKS}),
                                                              '{_EVERY_PARTICIPANT}|{_RUN_IN_PERIOD}')
                                    AND NOT (regexp_matches(lower(g.title), '{_TEST_CONTROL}')
                                             AND NOT regexp_matches(lower(g.title), '{_PEOPLE}'))
                                   THEN {_SINGLE_LABEL} END)
                 + count(*) FILTER (WHERE untitled) AS assigned,
               bool_and(regexp_matches(lower(coalesce(g.description, '')), '{_RANDOMIZED_WITHIN}')
                        AND NOT regexp_matches(lower(g.description), '{_RANDOMIZED_TO_THE_ARM}')) AS randomized_within,
               bool_and(regexp_matches(lower(coalesce(g.title, '')), '{_SEQUENCE_NAMED}'))
                 AND bool_or(regexp_matches(lower(coalesce(g.title, '')), '{_PARENT_NAMED}')) AS parent_named
        FROM {_LABELLED_ARMS} g SEMI JOIN counted USING (nct_id)
        GROUP BY g.nct_id
    )
    SELECT counted.*, read.assigned, read.parent_named, read.randomized_within FROM counted JOIN read USING (nct_id)
"""
# Those of them that list several groups assigned an intervention.
_SEVERAL_GROUPS = f"SELECT * FROM ({_GROUPS_READ}) WHERE assigned > 1"
# The registry offered SEQUENTIAL (cohorts assigned one after another, as in dose escalation) only from the
# Final Rule's data elements of 2017-01-18: an earlier record's cohorts had no model but SINGLE_GROUP to choose.
# Arms between which participants are randomized are compared in parallel, in any year; arms within each of which they
# are randomized (drug or placebo in each dose cohort) are cohorts still.
_UNRANDOMIZED = "(a.allocation IS DISTINCT FROM 'RANDOMIZED' OR a.randomized_within)"
_COHORTS_BEFORE_SEQUENTIAL = f"{first_public('s')} < {FINAL_RULE_IN_FORCE} AND {_UNRANDOMIZED}"
_EXTENSION_OF_PARENT_ARMS = (f"a.parent_named AND {_UNRANDOMIZED} AND (regexp_matches(lower(s.official_title), "
                             f"'{_EXTENSION_TITLED}') OR regexp_matches(lower(s.brief_title), '{_EXTENSION_TITLED}'))")
MULTI_ARM_MODEL_ONE_ARM = f"""
    SELECT nct_id,
           'The intervention model is ' || intervention_model || ' but the study lists only one arm.' AS message,
           'designs.intervention_model = ''' || intervention_model || '''; design_groups.title: ' || titles AS evidence,
           CASE WHEN intervention_model = 'CROSSOVER' THEN 'info' END AS severity
    FROM ({_ARM_COUNTS}) WHERE intervention_model IN ('PARALLEL', 'CROSSOVER', 'FACTORIAL') AND arms = 1
"""
# Text that places what is randomized within each participant (RE2, case aside): a part of each participant's body
# ("split-mouth", "one eye randomly assigned to laser", "the control is the patient's opposite side of the body"),
# each participant as their own control, or the order of treatments each takes in turn, as a crossover does ("in
# random order", "randomized to one of two sequences", "a randomized, double-blind, crossover study"). A side is one
# of the body ("one side of the mouth"), not a side effect; a half one of the face or mouth, not half the patients.
_SIDE = r"sides?(?:\s+(?:of|as|to|in|is|are|was|were|will|served|serves)\b|\s*[.,;:)])"
_HALF = (r"(?:half|halves)\s+of\s+(?:the\s+|their\s+|his\s+|her\s+|each\s+)?"
         r"(?:face|mouth|body|jaw|scalp|arch|back|head)\b")
_BODY_PART = (r"(?:(?:eyes?|hemi-?faces?|quadrants?|teeth|tooth|jaws?|arches|legs?|feet|foot|limbs?|knees?|ears?"
              rf"|nostrils?|forearms?|thighs?|axillae|axillas?|buttocks?)\b|{_HALF}|{_SIDE})")
_ONE_OF_EACH = r"\b(?:one|each|either|left|right|fellow|contralateral)\s+(?:[\w'-]+\s+){0,2}?"
_THE_OTHER = r"\b(?:contralateral|opposite|fellow|other|untreated)\s+(?:[\w'-]+\s+){0,2}?"
_CROSSOVER = r"(?:cross|change)-?\s?over"
_DESIGN_WORD = (r"(?:randomi[sz]ed|double|single|open|triple|blind(?:ed)?|label(?:led)?|masked|placebo|sham|active"
                r"|(?:placebo|sham|active)-controlled|controlled|pilot|clinical|prospective"
                r"|\w+-(?:way|period|sequence|group|treatment)|(?:double|single|triple)-blind(?:ed)?|open-label)")
_WITHIN_PARTICIPANT = (
    r"\bsplit[\s-]+(?:mouth|face|body|scalp)\b",
    rf"{_ONE_OF_EACH}{_BODY_PART}[^.;]{{0,60}}?\brandom",
    rf"\brandom[^.;]{{0,60}}?{_ONE_OF_EACH}{_BODY_PART}",
    rf"{_THE_OTHER}{_BODY_PART}[^.;]{{0,40}}?\bcontrols?\b",
    rf"\bcontrols?\b[^.;]{{0,40}}?{_THE_OTHER}{_BODY_PART}",
    r"\b(?:his|her|their|its)\s+own\s+controls?\b",
    r"\b(?:intra-?(?:individual|patient|subject)|within[\s-](?:subjects?|patients?|participants?|individuals?))\s+"
    r"(?:design|comparison|control|randomi)",
    r"\bin\s+(?:a\s+)?random(?:ized|ised)?\s+(?:order|sequence)",
    r"\brandom(?:i[sz]ed|ly\s+(?:assigned|allocated))\s+(?:to\s+)?"
    r"(?:the\s+|an?\s+|one\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?)?"
    r"(?:treatment\s+)?(?:orders?|sequences?)\b",
    r"\b(?:random\w*|counter-?balanced)\s+(?:[\w():,-]+\s+){0,6}?(?:to|for)\s+(?:the\s+)?order\b",
    r"\b(?:order|sequence)\s+(?:of\s+[^.;]{0,40}?)?(?:is|are|was|were|will\s+be)\s+randomi[sz]ed",
    r"\brandomi[sz]ation\s+of\s+(?:the\s+)?(?:order|sequence|timing)\b",
    rf"\b{_CROSSOVER}(?:,?\s+{_DESIGN_WORD}){{0,4}},?\s+(?:design|study|trial|fashion|manner|experiment)\b",
    rf"\b{_DESIGN_WORD},?\s+{_CROSSOVER}\b",
    rf"\b{_CROSSOVER}\s+to\s+the\s+other\b",
)
_WITHIN_TEXT = literal("|".join(f"(?:{pattern})" for pattern in _WITHIN_PARTICIPANT))
# A stepped wedge randomizes when each cluster (a site, a ward) starts the intervention all of them take in turn: not
# participants between groups, nor what each participant takes ("a stepped-wedge design", "cluster-randomization of
# the order of initiation", "sites will be randomized to the order in which they start").
_CLUSTER = r"(?:clusters?|sites?|wards?|units?|hospitals?|practices?|clinics?|schools?|communit(?:y|ies)|villages?)"
_CLUSTER_START_TEXT = literal(
    r"\bstepped[\s-]*wedge\b"
    r"|\bcluster[\s-]*randomi[sz]ation\s+of\s+(?:the\s+)?(?:order|sequence|timing)\b"
    rf"|\b{_CLUSTER}\s+(?:will\s+be\s+|are\s+|were\s+)?randomi[sz]ed\s+to\s+(?:the\s+)?(?:order|sequence|timing)\b")
# Where a record may say so, in the order its words are quoted from.
_DESIGN_TEXTS = (("studies.official_title", "studies", "official_title"),
                 ("studies.brief_title", "studies", "brief_title"),
                 ("designs.intervention_model_description", "designs", "intervention_model_description"),
                 ("brief_summaries.description", "brief_summaries", "description"),
                 ("detailed_descriptions.description", "detailed_descriptions", "description"),
                 ("design_groups.description", "design_groups", "description"),
                 ("interventions.description", "interventions", "description"))


def _texts_of(studies: str) -> str:
    """SQL: the design texts (nct_id, rank, field, text) of the studies the query `studies` names."""
    texts = ' UNION ALL '.join(f"SELECT nct_id, {rank} AS rank, {literal(field)} AS field, {column} AS text "
                               f"FROM {table}" for rank, (field, table, column) in enumerate(_DESIGN_TEXTS))
    return f"SELECT * FROM ({texts}) SEMI JOIN {studies} USING (nct_id)"


# The texts of the randomized single groups, kept apart so that the expression reads only theirs, and the first words
# of them that place what is randomized within each participant, on one line without a list's marks.
_TEXTS_READ = _texts_of("randomized")


def _quotes(pattern: str, where: str = "TRUE") -> str:
    """SQL: per study, the first of its texts (of those `where` keeps) that match `pattern` (a SQL literal), quoted
    with up to 40 characters either side, on one line without a list's marks."""
    quoted = f"regexp_extract(text, '[^.;\\n]{{0,40}}(?:' || {pattern} || ')[^.;\\n]{{0,40}}', 0, 'i')"
    one_line = f"regexp_replace(trim({quoted}, ' -*' || chr(9) || chr(10) || chr(13)), '\\s+', ' ', 'g')"
    return (f"SELECT nct_id, arg_min(field || ': ''' || {one_line} || '''', rank) AS quote "
            f"FROM texts WHERE {where} AND regexp_matches(text, {pattern}, 'i') GROUP BY nct_id")


# A diagnostic or screening study of devices or tests only whose titles or brief summary compare them ("Comparison of
# Swab Types for Specimen Collection", "Correlation Study of the New Monitor and Its Predicate"): such a study often
# measures every participant with each device, in an order that may be randomized, in one group.
_METHODS_COMPARED = literal(r"\b(?:compar\w*|correlat\w*|agreement|concordan\w*|versus|vs)\b")
_DEVICES_ONLY = """EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = texts.nct_id)
    AND NOT EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = texts.nct_id
                    AND i.intervention_type IS DISTINCT FROM 'DEVICE'
                    AND i.intervention_type IS DISTINCT FROM 'DIAGNOSTIC_TEST')"""
_DIAGNOSTIC = "EXISTS (SELECT 1 FROM designs d WHERE d.nct_id = texts.nct_id AND d.primary_purpose IN " \
              "('DIAGNOSTIC', 'SCREENING'))"
_NAMING_FIELDS = one_of(("studies.official_title", "studies.brief_title", "brief_summaries.description"))
_COMPARED_QUOTES = _quotes(_METHODS_COMPARED, f"field IN {_NAMING_FIELDS} AND {_DIAGNOSTIC} AND {_DEVICES_ONLY}")
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
    WITH read AS MATERIALIZED ({_GROUPS_READ}),
    randomized AS MATERIALIZED (
        SELECT DISTINCT nct_id FROM designs ANTI JOIN (SELECT nct_id FROM read WHERE assigned > 1) USING (nct_id)
        WHERE allocation = 'RANDOMIZED' AND intervention_model = 'SINGLE_GROUP'
    ),
    texts AS MATERIALIZED ({_TEXTS_READ})
    SELECT s.nct_id,
           'Allocation is RANDOMIZED but the intervention model is SINGLE_GROUP' || {_ARMS_SAID} ||
           CASE WHEN sw.quote IS NOT NULL THEN {_CLUSTERS_START} WHEN w.quote IS NOT NULL THEN {_WITHIN_EACH}
                WHEN m.quote IS NOT NULL THEN {_DEVICES_EACH} ELSE {_NOTHING_TO_RANDOMIZE} END AS message,
           'designs.allocation = ''RANDOMIZED''; designs.intervention_model = ''SINGLE_GROUP''; ' ||
           CASE WHEN c.nct_id IS NULL THEN 'design_groups: none' ELSE 'design_groups.title: ' || c.titles END ||
           coalesce('; ' || coalesce(sw.quote, w.quote, m.quote), '') AS evidence,
           CASE WHEN coalesce(sw.quote, w.quote, m.quote) IS NOT NULL THEN 'info' END AS severity
    FROM randomized JOIN studies s USING (nct_id)
    LEFT JOIN (SELECT g.nct_id, {_TITLES} AS titles FROM {_LABELLED_ARMS} g SEMI JOIN randomized USING (nct_id)
               GROUP BY g.nct_id) c USING (nct_id)
    LEFT JOIN read r USING (nct_id)
    LEFT JOIN ({_quotes(_CLUSTER_START_TEXT)}) sw USING (nct_id)
    LEFT JOIN ({_quotes(_WITHIN_TEXT)}) w USING (nct_id)
    LEFT JOIN ({_COMPARED_QUOTES}) m USING (nct_id)
    WHERE NOT ({_ARMS_HIDDEN}) AND NOT EXISTS (
        SELECT 1 FROM meta.load_problems p WHERE p.nct_id = s.nct_id AND p.sha256 = s.source_sha256 AND {_ARMS_UNREAD})
"""

# A diagnostic or screening study of devices or tests only whose titles, brief summary or model description compare
# them ("Routine blood serum IgE levels will be compared with the newly developed microarray-based diagnostic test
# system"), unrandomized, whose arms are named for the tests and none for people: every participant may take each
# test, in one group, the arms being the tests, not groups assigned one (info).
_TESTS_COMPARED_FIELDS = one_of(("studies.official_title", "studies.brief_title",
                                 "designs.intervention_model_description", "brief_summaries.description"))
_TESTS_COMPARED = _quotes(_METHODS_COMPARED, f"field IN {_TESTS_COMPARED_FIELDS} AND {_DIAGNOSTIC} AND {_DEVICES_ONLY}")
_ARMS_OF_PEOPLE = (f"EXISTS (SELECT 1 FROM design_groups p WHERE p.nct_id = a.nct_id "
                   f"AND regexp_matches(lower(coalesce(p.title, '')), '{_PEOPLE}'))")
_TESTS_EACH = f"(m.quote IS NOT NULL AND a.allocation IS DISTINCT FROM 'RANDOMIZED' AND NOT {_ARMS_OF_PEOPLE})"
_TESTS_SAID = literal("; a diagnostic study that compares tests or devices may give each to every participant, its "
                      "arms the tests, not groups")
SINGLE_GROUP_SEVERAL_ARMS = f"""
    WITH several AS MATERIALIZED ({_SEVERAL_GROUPS}),
    texts AS MATERIALIZED ({_texts_of("several")})
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
"""
