"""Rule family `invalid_values`: values the schema refused, kept raw in meta.raw_values; parts of a record
given in a type that cannot be read (an API v2 module given as a string: meta.load_problems); and values given
in another type, or written otherwise than the registry writes them, that were read as what they spell (a flag
given as the string "Yes", a date 'Jan 2020': meta.load_problems).

A study is never lost for one odd value: the value loads as NULL and this family says so,
quoting the value as the source gave it (personal-data values are never quoted).
"""
from __future__ import annotations

from checks.date_columns import select
from checks.enrollment_placeholder import RULES as ENROLLMENT_PLACEHOLDER_RULES
from checks.rule import Rule
from checks.scoped_tables import IN_SCOPE
from checks.sql_text import BLANKS, literal, sql_text
from checks.template_record import RULES as TEMPLATE_RECORD_RULES
from checks.title_markup import RULES as TITLE_MARKUP_RULES
from flows.parsers.ctgov_json_v2_fields import WHERE_API_V2_WRITES
from flows.parsers.ctgov_xml_fields import WHERE_LEGACY_XML_WRITES
from flows.parsers.model import EMPTY_PART, READ_AS_SPELT, UNPAIRED_ESCAPE, UNREAD_PART
from schemas.enums import FORMER_DESIGN_TERMS
from warehouse.tables import PERSONAL_COLUMNS

# Longest stretch of a raw value a message quotes.
QUOTE_CHARS = 200
_PERSONAL = " OR ".join(
    f"(r.table_name = {literal(table)} AND r.column_name = {literal(column)})"
    for table, columns in PERSONAL_COLUMNS.items() for column in columns
)
_WHERE = f"r.table_name || '.' || r.column_name"
_QUOTED = f"'''' || left(r.raw_value, {QUOTE_CHARS}) || ''''"


# A design value in the registry's former vocabulary: every comma-separated part is a former term of its column.
_FORMER = " OR ".join(
    f"(r.table_name = 'designs' AND r.column_name = {literal(column)} AND list_has_all("
    f"[{', '.join(map(literal, terms))}], list_transform(string_split(lower(r.raw_value), ','), x -> trim(x))))"
    for column, terms in FORMER_DESIGN_TERMS.items()
)


def _refused_value_sql() -> str:
    """One finding per refused value of each study's current version (the same value kept once)."""
    quoted = sql_text("The source gives {col} as {raw}, but {exp} was expected; it is stored as NULL.",
                      col=_WHERE, raw=_QUOTED, exp="r.expected")
    former = sql_text("The source gives {col} as {raw}, in the registry's former vocabulary (several values, or "
                      "a retired one), where API v2 has one value; it is stored as NULL.", col=_WHERE, raw=_QUOTED)
    personal = sql_text("A value of {col} was refused (personal data, not quoted): {exp} was expected; "
                        "it is stored as NULL.", col=_WHERE, exp="r.expected")
    evidence = sql_text("{col} = {raw}; expected: {exp}", col=_WHERE, exp="r.expected",
                        raw=f"CASE WHEN {_PERSONAL} THEN '<personal data>' ELSE {_QUOTED} END")
    return f"""
        SELECT r.nct_id,
               CASE WHEN {_PERSONAL} THEN {personal} WHEN {_FORMER} THEN {former} ELSE {quoted} END AS message,
               {evidence} AS evidence, [{_WHERE}] AS fields,
               CASE WHEN s.overall_status = 'WITHHELD' OR {_FORMER} THEN 'info' END AS severity
        FROM (SELECT DISTINCT nct_id, sha256, table_name, column_name, raw_value, expected
              FROM meta.raw_values WHERE {IN_SCOPE}) r
        JOIN studies s ON s.nct_id = r.nct_id AND s.source_sha256 = r.sha256"""


def _unread_part_sql() -> str:
    """One finding per part of each study's current version given in another type or shape than the registry's (a
    module given as a string, an element given twice; the same part once), per item given as an empty object
    (armGroups [{}]), which is read as AACT reads it but gives nothing, and per text of which a character was
    written as an escape without its pair, stored with U+FFFD in its place."""
    part = "substr(p.detail, strpos(p.detail, ': ') + 2)"
    message = sql_text("Part of the record could not be read: {part}. What could not be read is not loaded.", part=part)
    empty = sql_text("Part of the record gives nothing: {part}.", part=part)
    unpaired = sql_text("Text of the record holds an escape that names no character: {part}. It is stored with "
                        "U+FFFD in the escape's place.", part=part)
    return f"""
        SELECT p.nct_id,
               CASE WHEN p.reason = {literal(EMPTY_PART)} THEN {empty}
                    WHEN p.reason = {literal(UNPAIRED_ESCAPE)} THEN {unpaired} ELSE {message} END AS message,
               {sql_text("{part} (meta.load_problems)", part=part)} AS evidence
        FROM (SELECT DISTINCT nct_id, sha256, reason, detail FROM meta.load_problems
              WHERE reason IN ({literal(UNREAD_PART)}, {literal(EMPTY_PART)}, {literal(UNPAIRED_ESCAPE)})
                    AND {IN_SCOPE}) p
        JOIN studies s ON s.nct_id = p.nct_id AND s.source_sha256 = p.sha256"""


def _read_as_spelt_sql() -> str:
    """One finding per value of each study's current version given in another type, or written otherwise than the
    registry writes it (a date 'Jan 2020', a legacy label 'Completed.'), and read as it spells."""
    value = "substr(p.detail, strpos(p.detail, ': ') + 2)"
    typed = sql_text("A value is given as a string where API v2 gives another type: {value}. It is stored as read.",
                     value=value)
    spelt = sql_text("A value is written otherwise than the registry writes it: {value}. It is stored as read.",
                     value=value)
    written_otherwise = " OR ".join(f"contains(p.detail, {literal(words)})"
                                    for words in (WHERE_API_V2_WRITES, WHERE_LEGACY_XML_WRITES))
    return f"""
        SELECT p.nct_id,
               CASE WHEN {written_otherwise} THEN {spelt} ELSE {typed} END AS message,
               {sql_text("{value} (meta.load_problems)", value=value)} AS evidence
        FROM (SELECT DISTINCT nct_id, sha256, detail FROM meta.load_problems
              WHERE reason = {literal(READ_AS_SPELT)} AND {IN_SCOPE}) p
        JOIN studies s ON s.nct_id = p.nct_id AND s.source_sha256 = p.sha256"""


# No age limit: legacy XML writes N/A (in any case, in files edited by hand), a blank age gives none.
NO_AGE_LIMIT = "('N/A', '')"


def _unreadable_age_sql() -> str:
    """One finding per eligibility age of a registry record that is not a number and a unit."""
    texts = {"bound": "a.bound", "age": "'''' || a.age || ''''"}
    return select(
        sql_text("The {bound} age {age} is not an age (a number and a unit, such as '18 Years'): it cannot be "
                 "compared with other ages or with the participants'.", **texts),
        sql_text("eligibilities.{bound}_age = {age}", **texts),
        f"upper(trim(a.age, {BLANKS})) NOT IN {NO_AGE_LIMIT} AND age_in_days(a.age) IS NULL "
        "AND s.source_layout IN ('ctgov_json_v2', 'ctgov_xml')",
        joins="JOIN (SELECT nct_id, 'minimum' AS bound, minimum_age AS age FROM eligibilities "
              "UNION ALL SELECT nct_id, 'maximum', maximum_age FROM eligibilities) a ON a.nct_id = s.nct_id")


RULES = (
    Rule(
        id="invalid_values.refused_value",
        category="invalid_value",
        severity="warning",
        rationale="A value outside the registry's value sets or formats (an enum API v2 does not know, "
                  "a malformed date, a count that is not a number) cannot be compared or counted; the "
                  "study loads with it NULL, and a person must read the source to know what was meant. "
                  "A WITHHELD record (FDAAA 801 keeps a trial of a device not yet cleared from view) is the "
                  "registry's placeholder, whose legacy study type N/A is its own: info. So is a design value in "
                  "the registry's former vocabulary (a time perspective 'Longitudinal, Prospective' of 2007): "
                  "the record's own, though API v2 holds one value of today's terms.",
        fields=("meta.raw_values",),
        sql=_refused_value_sql(),
    ),
    Rule(
        id="invalid_values.unread_part",
        category="invalid_value",
        severity="warning",
        rationale="A part of a record given in another type than the registry's (an API v2 module given as a "
                  "string, an arm given as a string in armGroups, a legacy XML element that holds elements where "
                  "it should hold text) cannot be read: what it holds loads as absent, and a person must read the "
                  "source. So is a legacy XML element given twice where the registry gives it once (two <phase>, "
                  "two <gender> in <eligibility>): the first is read, the second is not loaded; and one that gives "
                  "no text, only attributes (<overall_status value=\"Completed\"/>), or attributes legacy XML does "
                  "not give beside its text (<start_date type=\"Actual\" day=\"5\">). An item of an API v2 array "
                  "given as an empty object (armGroups [{}]), which the registry never writes, is said too: it loads "
                  "as AACT loads it, an arm of no values counted among the arms. So is an API v2 text (a title, "
                  "a description, a site's name) that writes a character as a \\uD800-\\uDFFF escape without its "
                  "pair, which names no character: the text is stored with U+FFFD in its place, and the finding "
                  "quotes it around the escape, written out (a coded value so written is refused instead: "
                  "invalid_values.refused_value; a person's value is named, never quoted). Otherwise the finding names "
                  "the part and its type, never its value; an array of the registry's values (stdAges, whoMasked) that "
                  "holds one API v2 does not know (or a null) is named with that value, and its flags that cannot "
                  "be told stay NULL.",
        fields=("meta.load_problems",),
        sql=_unread_part_sql(),
    ),
    Rule(
        id="invalid_values.read_from_text",
        category="invalid_value",
        severity="info",
        rationale="API v2 gives a count or a coordinate as a JSON number and a flag as a JSON boolean. A record "
                  "that gives one as a string that spells it (enrollmentInfo.count '+12', geoPoint.lat '45.75', "
                  "isFdaRegulatedDrug 'Yes') was written or changed outside the registry's API: the value is read "
                  "as it spells and loaded, and the finding quotes what the source gave (the first of each field), "
                  "so that a person can tell. So is a value written otherwise than the registry writes it, as a "
                  "republished copy may write it: a date 'Jan 2020' or '2020-1-5' (API v2 writes 2020-01, "
                  "2020-01-05), a legacy XML date '2020-03' (legacy XML writes March 2020), a month or a year given "
                  "for a date the registry gives to the day (a submission '2020-01', stored as its last day, a "
                  "convention, not the record's day), a count 120.0, a phases list in AACT's joined form "
                  "[\"PHASE1/PHASE2\"], a legacy XML label with a "
                  "closing period ('Completed.'). A string that spells no such value, or one past its bound, is "
                  "refused instead (invalid_values.refused_value).",
        fields=("meta.load_problems",),
        sql=_read_as_spelt_sql(),
    ),
    Rule(
        id="invalid_values.unreadable_age",
        category="invalid_value",
        severity="warning",
        rationale="The registry writes an age limit as a number and a unit ('18 Years', '6 Months') or N/A; "
                  "an age given otherwise ('abc', '18', '-3 Years') is kept as given, as AACT keeps it, but "
                  "cannot be compared, so the age checks and calculated_values cannot read it. Judged on "
                  "ClinicalTrials.gov's own layouts only: a text page's wording is not the registry's. N/A in any "
                  "case, or a blank age, sets no limit: it is no unreadable age.",
        fields=("eligibilities.minimum_age", "eligibilities.maximum_age"),
        sql=_unreadable_age_sql(),
    ),
) + ENROLLMENT_PLACEHOLDER_RULES + TITLE_MARKUP_RULES + TEMPLATE_RECORD_RULES
