"""Rule family protocol, outcome measures: each outcome says when it is assessed (its time frame)."""
from __future__ import annotations

from checks.date_columns import before_fdaaa, before_fdaaa_evidence, rule, select
from checks.placeholder_values import NOT_YET_GIVEN, PLACEHOLDERS
from checks.sql_text import literal, sql_text
from flows.parsers import REGISTRY_LAYOUTS

FAMILY = "protocol"
# What a time frame box holds when its writer gave no time: the placeholders of any short text (the registry's own
# legacy filler "Not Provided" among them, which old records carry for a time frame never entered), a time still to
# come (placeholder_values.NOT_YET_GIVEN: "Pending", "To be confirmed"; "Not reported") or a pointer to the outcome's
# other words ("See description", "See above"), which give a time, if any, where the message says so.
TIME_FRAME_PLACEHOLDERS = PLACEHOLDERS + NOT_YET_GIVEN + ("not reported", "not defined", "xx", "xxx",
                                                          "see description", "see outcome description",
                                                          "see detailed description", "see above", "see below",
                                                          "as above", "same as above")
# A placeholder is short, whatever spacing it is given ('Not   Provided', ' N/A .').
_PLACEHOLDER_CHARS = 40
# A study with more outcomes without a time frame has the first ones named and the rest counted.
NAMED_OUTCOMES = 5
# A long measure (a sentence of what is measured) is quoted by its start.
MEASURE_CHARS = 80


def no_time_frame(expr: str) -> str:
    """SQL: the time frame `expr` is absent in effect: NULL, white space, a placeholder ('N/A', 'Not Provided',
    'TBD'), or without a letter or digit ('-')."""
    placeholders = ", ".join(literal(p) for p in TIME_FRAME_PLACEHOLDERS)
    said = f"lower(trim(regexp_replace({expr}, '\\s+', ' ', 'g'), ' .'))"
    # only a short text is compared with the placeholders: spacing it out for every time frame cost most of the rule
    return (f"({expr} IS NULL OR CASE WHEN length({expr}) <= {_PLACEHOLDER_CHARS} THEN {said} IN ({placeholders}) "
            f"ELSE false END OR NOT regexp_matches({expr}, '[\\p{{L}}\\p{{N}}]'))")


# A description that says when the outcome is assessed: a time point it is taken at ('at week 12', 'after 6 months',
# 'by Day 29', 'at the end of treatment', 'at >= 9 weeks', 'from baseline to week 12', 'at baseline and end of
# treatment'), a time after an event ('6 months after randomization') or after each of the study's repeated steps
# ('after each treatment course', 'before every infusion'), a list or a span that opens at baseline ('at baseline,
# 2 months, and 5 months', 'between baseline (V1) and exacerbations', 'from baseline to endpoint', 'at endpoint': the
# endpoint is the last visit) or a follow-up of a length ('and 3-months follow-up'). A bare length ('over 1 hour x 5
# days', 'a test of 4 to 5 hours') may be a dose or a procedure's length, and 'change from baseline' says from when,
# not when: neither is taken as a time point.
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
# A numbered time, a visit's short name among them ('at V1', 'and V3').
_NUMBERED = r"(?:(?:day|week|month|year|visit|cycle)\s*\d+|v\d{1,2}\b)"
_END_OF = r"end of (?:the )?(?:study|treatment|therapy|follow-?up)"
# The end of the study's treatment or follow-up called its endpoint ('from baseline to endpoint', 'at end-point').
_ENDPOINT = r"(?:study\s+)?end[\s-]?point\b"
# A bound before a time ('at ≥ 9 weeks', 'at > 6 months', 'at ~12 weeks').
_BOUND = r"(?:(?:≥|≤|>=|<=|>|<|~|≈)\s*)?"
_LENGTH = rf"{_BOUND}\d+(?:\.\d+)?\s*-?\s*{_UNIT}\b"
_EACH_STEP = r"(?:after|before|following|at|at the end of)\s+(?:each|every)\s+(?:[\w-]+\s+)?" \
             r"(?:course|cycle|dose|session|visit|infusion|treatment)s?\b"
# The study's first time point, which a list of time points may open with ('at baseline, 2 months, and 5 months') or
# a span run from to a time or to a visit for an event ('between baseline visit (V1) and the visit(s) in
# exacerbation').
_FIRST_POINT = r"(?:baseline|screening|inclusion|enrol?ment|randomi[sz]ation|admission)"
_LATER_POINT = (r"(?:[\w()-]+\s+){0,2}?(?:visits?|exacerbations?|relapses?|flares?|discharge|surgery|delivery|"
                rf"follow-?up|end|{_ENDPOINT})\b")
_FROM_FIRST_POINT = (rf"at\s+(?:the\s+)?{_FIRST_POINT}\s*(?:,|and|&)\s*(?:at\s+)?(?:the\s+)?(?:{_LENGTH}|{_NUMBERED}"
                     rf"|{_END_OF}|{_ENDPOINT})|between\s+(?:the\s+)?{_FIRST_POINT}\b[^.;]{{0,40}}?\band\s+(?:the\s+)?"
                     rf"(?:{_NUMBERED}|{_LATER_POINT})|(?:from\s+(?:the\s+)?{_FIRST_POINT}\b[^.;]{{0,40}}?"
                     rf"|{_FIRST_POINT}\s+)\bto\s+(?:the\s+)?(?:{_NUMBERED}|{_LATER_POINT})")
# A follow-up of a length, a visit every participant attends ('3-months follow-up', '12 months of follow-up').
_FOLLOW_UP = rf"\d+(?:\.\d+)?\s*-?\s*{_UNIT}\s+(?:of\s+)?follow[\s-]?up\b"
_TIME_POINT = (rf"(?i)\b(?:(?:at|after|by|until|through|within|up to)\s+(?:the\s+)?(?:{_LENGTH}|{_NUMBERED}|{_END_OF}"
               rf"|{_ENDPOINT}|discharge)|(?:to|and)\s+(?:the\s+)?(?:{_NUMBERED}|{_END_OF})|{_FROM_FIRST_POINT}"
               rf"|\d+\s*-?\s*{_UNIT}\s+(?:after|post|following|from)\b|{_EACH_STEP}|{_FOLLOW_UP})")


def described_time(expr: str) -> str:
    """SQL: the outcome's description or measure `expr` says when it is assessed ('from baseline to week 12')."""
    return f"regexp_matches(coalesce({expr}, ''), {literal(_TIME_POINT)})"


def _clipped(expr: str) -> str:
    """SQL: the measure `expr` as a message quotes it: its first MEASURE_CHARS characters, '…' marking a cut."""
    text = f"trim(regexp_replace({expr}, '\\s+', ' ', 'g'))"
    return (f"CASE WHEN length({text}) > {MEASURE_CHARS} THEN rtrim(left({text}, {MEASURE_CHARS - 1})) || '…' "
            f"ELSE {text} END")


def _measured(expr: str) -> str:
    """SQL: the outcome row names a measure: a row without one, or with a placeholder for one ('None', 'N/A', 'Not
    applicable': a record that lists no secondary outcome so), is no outcome (no_primary_outcome judges that)."""
    placeholders = ", ".join(literal(p) for p in PLACEHOLDERS)
    # only a short measure may be a placeholder; a list, not IN, which DuckDB planned as a costly join here
    start = f"lower(trim(left({expr}, {_PLACEHOLDER_CHARS}), ' .'))"
    return (f"(regexp_matches(coalesce({expr}, ''), '[\\p{{L}}\\p{{N}}]') "
            f"AND NOT (length({expr}) <= {_PLACEHOLDER_CHARS} AND list_contains([{placeholders}], {start})))")


# The study's outcomes without a time frame, primary first, in the record's order: how many, the first ones
# named with their type for the message, and how each time frame was given for the evidence.
# The time frames are screened alone first: a filter on the measure as well made DuckDB read every measure's text.
_UNTIMED = f"""
    WITH untimed AS MATERIALIZED (SELECT * FROM design_outcomes o WHERE {no_time_frame('o.time_frame')})
    SELECT nct_id, count(*) AS n, count(*) FILTER (WHERE described OR measured_when) AS described,
           count(*) FILTER (WHERE measured_when AND NOT described) AS in_measure,
           string_agg(named, ', ' ORDER BY rank) FILTER (WHERE rank <= {NAMED_OUTCOMES}) AS named,
           string_agg(given, '; ' ORDER BY rank) FILTER (WHERE rank <= {NAMED_OUTCOMES}) AS given
    FROM (SELECT o.nct_id,
                 '''' || {_clipped('o.measure')} || ''' (' || coalesce(o.outcome_type, 'no type') || ')' AS named,
                 coalesce(o.outcome_type, 'no type') || ' ''' || {_clipped('o.measure')} || ''': time_frame='
                   || coalesce('''' || o.time_frame || '''', 'NULL')
                   || CASE WHEN described THEN '; description=''' || {_clipped('o.description')} || '''' ELSE '' END
                   AS given,
                 described, measured_when,
                 row_number() OVER (PARTITION BY o.nct_id ORDER BY CASE o.outcome_type WHEN 'primary' THEN 0
                   WHEN 'secondary' THEN 1 ELSE 2 END, o.id NULLS LAST, o.measure) AS rank
          FROM (SELECT *, {described_time('description')} AS described, {described_time('measure')} AS measured_when
                FROM untimed) o
          WHERE {_measured('o.measure')})
    GROUP BY nct_id"""


def _outcome_without_time_frame_sql() -> str:
    more = f"CASE WHEN u.n > {NAMED_OUTCOMES} THEN ' and ' || (u.n - {NAMED_OUTCOMES}) || ' more' ELSE '' END"
    more_given = f"CASE WHEN u.n > {NAMED_OUTCOMES} THEN '; ' || (u.n - {NAMED_OUTCOMES}) || ' more alike' ELSE '' END"
    texts = {"n": "u.n", "d": "u.described", "named": "u.named", "more": more, "given": "u.given",
             "more_given": more_given, "say": "CASE WHEN u.described = 1 THEN 'says' ELSE 'say' END"}
    one = sql_text("The outcome {named} gives no time frame, so when it is assessed cannot be told.", **texts)
    several = sql_text("{n} outcomes give no time frame, so when they are assessed cannot be told: {named}{more}.",
                       **texts)
    # Where a description says when, the time is told, though not where the registry asks for it.
    one_described = sql_text("The outcome {named} gives no time frame; only its description says when it is "
                             "assessed.", **texts)
    all_described = sql_text("{n} outcomes give no time frame; only their descriptions say when they are assessed: "
                             "{named}{more}.", **texts)
    some_described = sql_text("{n} outcomes give no time frame ({d} {say} when they are assessed only in their "
                              "descriptions): {named}{more}.", **texts)
    # A measure may say when itself ('Response rate at the end of chemoradiotherapy (12 weeks after completion)').
    one_in_measure = sql_text("The outcome {named} gives no time frame; only its measure says when it is assessed.",
                              **texts)
    all_in_wording = sql_text("{n} outcomes give no time frame; only their measures or descriptions say when they "
                              "are assessed: {named}{more}.", **texts)
    some_in_wording = sql_text("{n} outcomes give no time frame ({d} {say} when they are assessed only in their "
                               "measures or descriptions): {named}{more}.", **texts)
    layouts = ", ".join(literal(layout) for layout in REGISTRY_LAYOUTS)
    return select(
        f"CASE WHEN u.n = 1 AND u.in_measure = 1 THEN {one_in_measure} "
        f"WHEN u.n = 1 AND u.described = 1 THEN {one_described} WHEN u.n = 1 THEN {one} "
        f"WHEN u.described = u.n AND u.in_measure = 0 THEN {all_described} "
        f"WHEN u.described = u.n THEN {all_in_wording} "
        f"WHEN u.described > 0 AND u.in_measure = 0 THEN {some_described} WHEN u.described > 0 THEN {some_in_wording} "
        f"ELSE {several} END",
        sql_text("{given}{more_given}", **texts) + f" || {before_fdaaa_evidence()}",
        f"s.source_layout IN ({layouts})",
        joins=f"JOIN ({_UNTIMED}) u ON u.nct_id = s.nct_id",
        severity=f"CASE WHEN {before_fdaaa()} THEN 'info' END")


RULES = (
    rule("outcome_without_time_frame", "warning",
         "Each primary, secondary and other outcome measure gives its time frame, the time point(s) at which it is "
         "assessed (42 CFR 11.10(b); a required element of the registry's data element definitions since FDAAA "
         "801); without it the outcome cannot be compared with the results or with a later version, the way "
         "outcome switching is found. A time frame given only as a placeholder ('N/A', 'Not Provided', 'TBD', '-', "
         "'Pending') or as a pointer to the outcome's other words ('See description', 'See above') is none; one "
         "said only in the outcome's description is absent where the registry and a comparison look for it (the "
         "message says the description tells it). An outcome row that is itself a placeholder ('None', "
         "'N/A': no secondary outcome) is no outcome. Records first posted before FDAAA (2007-09-27), or "
         "first submitted before it where a legacy XML record gives no posted date: info. Judged on "
         "ClinicalTrials.gov's own layouts only.",
         ("design_outcomes.time_frame", "design_outcomes.measure", "design_outcomes.description"),
         _outcome_without_time_frame_sql(),
         family=FAMILY, category="missing_field"),
)
