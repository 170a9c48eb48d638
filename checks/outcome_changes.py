"""Changes between versions of one study: a changed primary outcome (outcome switching).

A registered primary outcome is the promise a trial is judged by; changing it after the
fact is the registry's best-known quality signal. Only versions that show primary outcomes
are compared (a page layout without outcomes says nothing), one per last-update date, and a
change of time frame, case, accents, spacing, punctuation or order alone is not a switch.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import duckdb

from checks.missing_fields import PLACEHOLDERS
from checks.rule import CheckScope, Finding, Rule
from checks.scoped_tables import IN_SCOPE
from warehouse.versions import describe

# Only a study with versions of two last-update dates can have changed: most have one.
REGISTRY_FIRST = "CASE r.layout WHEN 'ctgov_json_v2' THEN 0 WHEN 'ctgov_xml' THEN 1 ELSE 2 END"
VERSIONS_WITH_OUTCOMES = f"""
    SELECT r.nct_id, r.sha256, r.path, r.layout, r.last_update_posted_date, v.primary_outcome_measures
    FROM meta.source_records r
    JOIN meta.version_fields v USING (nct_id, sha256)
    WHERE r.nct_id IN (SELECT nct_id FROM meta.source_records WHERE {IN_SCOPE} AND last_update_posted_date IS NOT NULL
                       GROUP BY nct_id HAVING count(DISTINCT last_update_posted_date) > 1)
      AND r.last_update_posted_date IS NOT NULL
      AND len(v.primary_outcome_measures) > 0
    QUALIFY row_number() OVER (PARTITION BY r.nct_id, r.last_update_posted_date
                               ORDER BY {REGISTRY_FIRST}, r.sha256) = 1
    ORDER BY r.nct_id, r.last_update_posted_date
"""


# Marks that change what a measure means ('HbA1c < 7%' is not 'HbA1c > 7%'); other punctuation (hyphens,
# quotes, commas, brackets, API v2's markdown escapes such as '\\<') is how a measure is written, not what it is.
_MEANING_MARKS = re.compile(r"[<>≤≥=%+]")
_WORD = re.compile(r"[^\W_]+")
# A list number or letter that opens a measure ("1. Overall survival", "(2) Response rate", "a) Safety"): where the
# measure stood in a list, not what it measures. A number that counts something ("12-month survival", "1.5 mg") is
# followed by no closing bracket nor a full stop other than a decimal point, and a letter with a full stop may
# abbreviate a genus ("A. fumigatus").
_LIST_MARK = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z])\)|\d{1,2}\.(?!\d))\s*", re.I)
# One comparison written two ways: '≥ 7%' and '>= 7%', '=<' and '<='.
_COMPARISONS = (("≥", ">="), ("≤", "<="), ("=>", ">="), ("=<", "<="))
# An abbreviation in brackets after the words it abbreviates ('Overall Survival (OS)', 'Dose-Limiting Toxicities
# (DLTs)'): it restates them, so a version that adds or drops it measures the same.
_ABBREVIATION = re.compile(r"\(\s*([^\W\d_]{2,8})\s*\)")
# A measure a page cut short ('... According to the American College of Rheumatology...'): its words so far.
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")
# A cut-short measure is held to another only when enough of it is left to tell which measure it is.
CUT_SHORT_MIN_WORDS = 5


def _restated(text: str, match: re.Match) -> bool:
    """The bracketed abbreviation is the initials of the words just before it (a plural 's' aside)."""
    letters = match.group(1).casefold()
    words = _WORD.findall(text[:match.start()])
    readings = (letters, letters[:-1]) if letters.endswith("s") and len(letters) > 2 else (letters,)
    return any(len(words) >= len(r) and "".join(word[0] for word in words[-len(r):]) == r for r in readings)


def _without_abbreviations(text: str) -> str:
    """The measure without the bracketed abbreviations that restate the words before them."""
    return _ABBREVIATION.sub(lambda m: " " if _restated(text, m) else m.group(0), text)


def wording(measure: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A measure as compared between versions: its words (without case or accents, nor a list number that opens it,
    nor a bracketed abbreviation of the words before it) and its meaning marks (one comparison written one way)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", measure) if not unicodedata.combining(c)).casefold()
    text = _without_abbreviations(_LIST_MARK.sub("", text, count=1))
    for written, meant in _COMPARISONS:
        text = text.replace(written, meant)
    return tuple(_WORD.findall(text)), tuple(_MEANING_MARKS.findall(text))


def _is_placeholder(measure: str) -> bool:
    """A form's filler ('TBD', 'N/A', 'Not provided') where a measure belongs: the version shows no measure."""
    return measure.strip(" .\t\n\r\u00a0").casefold() in PLACEHOLDERS


def _measures(version: dict) -> set[tuple]:
    """The version's measures as compared, each with whether a page cut it short."""
    return {(key, bool(_CUT_SHORT.search(measure)))
            for measure in version["primary_outcome_measures"] or [] if not _is_placeholder(measure)
            for key in [wording(measure)] if key != ((), ())}


def _prefix_of(cut: tuple, whole: tuple) -> bool:
    """A cut-short measure's words begin the other's (its last word may itself be cut), with enough of them left."""
    (words, marks), (all_words, all_marks) = cut, whole
    if len(words) < CUT_SHORT_MIN_WORDS or len(words) > len(all_words) or all_marks[:len(marks)] != marks:
        return False
    return all_words[:len(words) - 1] == words[:-1] and all_words[len(words) - 1].startswith(words[-1])


def _found_in(measure: tuple, others: set[tuple]) -> bool:
    """The measure is among the other version's: the same, or one of the two cut short from the other."""
    key, cut = measure
    return any(key == other or (cut and _prefix_of(key, other)) or (other_cut and _prefix_of(other, key))
               for other, other_cut in others)


def _same_measures(old: set[tuple], new: set[tuple]) -> bool:
    """Both versions measure the same: each measure of one is found in the other."""
    if {key for key, _ in old} == {key for key, _ in new}:
        return True
    return all(_found_in(m, new) for m in old) and all(_found_in(m, old) for m in new)


def _finding(old: dict, new: dict) -> Finding:
    before = "; ".join(old["primary_outcome_measures"])
    after = "; ".join(new["primary_outcome_measures"])
    message = (f"The primary outcome changed between the version last updated {old['last_update_posted_date']} "
               f"and the one last updated {new['last_update_posted_date']}: '{before}' became '{after}'.")
    evidence = f"{describe(old)}: primary outcome = '{before}'; {describe(new)}: primary outcome = '{after}'"
    return Finding(old["nct_id"], message, evidence)


def primary_outcome_changed(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterable[Finding]:
    """Consecutive versions of a study whose primary outcome measures differ."""
    cursor = con.execute(VERSIONS_WITH_OUTCOMES)
    names = [d[0] for d in cursor.description]
    previous: dict | None = None
    previous_measures: set[tuple] = set()
    for row in cursor.fetchall():
        version = dict(zip(names, row))
        measures = _measures(version)
        if not measures:  # only fillers: the version shows no primary outcome
            continue
        if previous and previous["nct_id"] == version["nct_id"] and not _same_measures(previous_measures, measures):
            yield _finding(previous, version)
        previous, previous_measures = version, measures


RULES = (
    Rule("outcome_changes.primary_outcome_changed", "contradiction", "warning",
         "A primary outcome changed between registered versions (outcome switching) must be justified "
         "before the trial's results are trusted.",
         ("design_outcomes.measure", "meta.version_fields.primary_outcome_measures"),
         func=primary_outcome_changed, judges_absence=True),
)
