"""What one record says about another (related_studies) against that study's own record in `studies`.

The finding goes to the study that makes the statement; a related study that is not in the
warehouse is not compared. Labels are normalised first ("Not yet recruiting" = NOT_YET_RECRUITING,
"Phase 1/Phase 2" = PHASE1/PHASE2), and titles are compared without case, spacing or punctuation.
"""
from __future__ import annotations

from checks.rule import Rule
from checks.sql_text import literal
from schemas.enums import OPEN_STATUSES

OPEN = "(" + ", ".join(map(literal, OPEN_STATUSES)) + ")"


def _status(expr: str) -> str:
    code = f"trim(regexp_replace(upper(trim({expr})), '[^A-Z0-9]+', '_', 'g'), '_')"
    return f"CASE {code} WHEN 'UNKNOWN_STATUS' THEN 'UNKNOWN' ELSE {code} END"


def _phase(expr: str) -> str:
    code = f"regexp_replace(upper({expr}), '[^A-Z0-9/]+', '', 'g')"
    code = f"regexp_replace({code}, '^PHASE(\\d)/(\\d)$', 'PHASE\\1/PHASE\\2')"
    return f"CASE WHEN {code} IN ('N/A', 'NOTAPPLICABLE', '') THEN 'NA' ELSE {code} END"


def _title(expr: str) -> str:
    return f"trim(regexp_replace(lower(strip_accents({expr})), '[^a-z0-9]+', ' ', 'g'))"


_STATED = """
    SELECT r.nct_id, r.related_nct_id, r.stated_status, r.stated_phase, r.title AS stated_title,
           s.overall_status, s.last_known_status, s.phase, s.brief_title, s.official_title,
           s.last_update_posted_date AS own_updated,
           (SELECT coalesce(w.snapshot_date, w.last_update_posted_date) FROM studies w WHERE w.nct_id = r.nct_id)
             AS stated_on
    FROM related_studies r JOIN studies s ON s.nct_id = r.related_nct_id
    WHERE r.related_nct_id IS NOT NULL AND r.related_nct_id <> r.nct_id
"""


# The stated title beside a status or phase, so a reader sees which entry is meant.
_ABOUT = "|| coalesce(' (''' || left(stated_title, 80) || ''')', '')"


def _select(what: str, stated: str, own: str, differs: str, field: str, own_field: str, keep: str = "") -> str:
    """The SELECT of one comparison; `keep` names further columns of the statement to select."""
    about = "" if field == "title" else _ABOUT
    quoted = "'''' || {} || ''''" if field == "title" else "{}"
    shown_stated, shown_own = quoted.format(stated), quoted.format(own)
    kept = f", {keep}" if keep else ""
    return f"""
    SELECT nct_id,
           'This record says ' || related_nct_id || ' {what} ' || {shown_stated}
             || ' but that study''s own record says ' || {shown_own} || '.' AS message,
           'related_studies.{field} = ''' || {stated} || ''' for ' || related_nct_id {about}
             || '; studies.{own_field} of ' || related_nct_id || ' = ''' || {own} || '''' AS evidence{kept}
    FROM ({_STATED}) WHERE {differs}"""


# The registry shows an open study not verified for two years as UNKNOWN, beside its last known status: a list
# that gives that status (or an open one, where the record keeps no last known status) shows what was last
# reported, out of date rather than wrong.
_LAST_KNOWN = (f"overall_status = 'UNKNOWN' AND {_status('stated_status')} IN {OPEN} "
               f"AND {_status('stated_status')} = coalesce({_status('last_known_status')}, {_status('stated_status')})")
_LAST_KNOWN_MESSAGE = ("'This record says ' || related_nct_id || ' is ' || stated_status || ', its last known "
                       "status, but that study''s own record now says UNKNOWN (not verified for two years).'")
_LAST_KNOWN_EVIDENCE = ("coalesce('; studies.last_known_status of ' || related_nct_id || ' = ''' "
                        "|| last_known_status || '''', '')")
# The order in which the registry moves a study on: a list giving an earlier stage than the study's own record
# was true when it was written unless it was written after that record's last update, when the study had moved on
# already. A list of no known date (a trial-summary page shows none) is out of date, not wrong. A study is withdrawn
# only before it enrolls, and moves on from no status that ends it.
STAGES = {"NOT_YET_RECRUITING": 0, "RECRUITING": 1, "ENROLLING_BY_INVITATION": 1, "WITHDRAWN": 2,
          "ACTIVE_NOT_RECRUITING": 2, "COMPLETED": 3, "TERMINATED": 3}
ENDED = ("WITHDRAWN", "COMPLETED", "TERMINATED")


def _stage(expr: str) -> str:
    cases = " ".join(f"WHEN {literal(status)} THEN {stage}" for status, stage in STAGES.items())
    return f"(CASE {_status(expr)} {cases} END)"


_MOVED_ON = (f"{_stage('stated_status')} < {_stage('overall_status')} "
             f"AND {_status('stated_status')} NOT IN ({', '.join(map(literal, ENDED))}) "
             "AND NOT coalesce(stated_on >= own_updated, false)")
_MOVED_ON_MESSAGE = ("'This record says ' || related_nct_id || ' is ' || stated_status || ' but that study''s own "
                     "record says ' || overall_status || ', a later stage: this record may have listed it before it "
                     "moved on (out of date rather than wrong).'")
_MOVED_ON_EVIDENCE = ("'; ' || coalesce('this record dated ' || stated_on, 'this record gives no date') || ', that "
                      "study''s own record updated ' || coalesce(own_updated::VARCHAR, 'on no date given')")
_STATUS_DIFFERS = _select(
    "is", "stated_status", "overall_status",
    f"stated_status IS NOT NULL AND overall_status IS NOT NULL "
    f"AND {_status('stated_status')} <> {_status('overall_status')}",
    "stated_status", "overall_status",
    keep=f"related_nct_id, stated_status, last_known_status, overall_status, stated_on, own_updated, "
         f"coalesce({_LAST_KNOWN}, false) AS last_reported, coalesce({_MOVED_ON}, false) AS moved_on",
)
RELATED_STATUS_DIFFERS = f"""
    SELECT nct_id, CASE WHEN last_reported THEN {_LAST_KNOWN_MESSAGE}
                        WHEN moved_on THEN {_MOVED_ON_MESSAGE} ELSE message END AS message,
           evidence || CASE WHEN last_reported THEN {_LAST_KNOWN_EVIDENCE}
                            WHEN moved_on THEN {_MOVED_ON_EVIDENCE} ELSE '' END AS evidence,
           CASE WHEN last_reported OR moved_on THEN 'info' END AS severity
    FROM ({_STATUS_DIFFERS})"""
RELATED_PHASE_DIFFERS = _select(
    "is in", "stated_phase", "phase",
    f"stated_phase IS NOT NULL AND phase IS NOT NULL AND {_phase('stated_phase')} <> {_phase('phase')}",
    "stated_phase", "phase",
)
# A stated title cut short with an ellipsis is compared as a prefix.
_TITLE_MATCHES = " OR ".join(
    f"{_title(own)} = {_title('stated_title')} OR (regexp_matches(stated_title, '(\\.\\.\\.|…)\\s*$') "
    f"AND starts_with({_title(own)}, {_title('stated_title')}))"
    for own in ("brief_title", "official_title")
)
RELATED_TITLE_DIFFERS = _select(
    "is titled", "stated_title", "brief_title",
    f"stated_title IS NOT NULL AND trim(stated_title) <> '' AND brief_title IS NOT NULL "
    f"AND NOT coalesce({_TITLE_MATCHES}, false)",
    "title", "brief_title",
)

RULES = (
    Rule("cross_source.related_study_status_differs", "contradiction", "warning",
         "A related-trials list that misstates another trial's status sends readers to closed or open trials wrongly; "
         "one giving the last known status of a study the registry now shows as UNKNOWN is out of date: info, "
         "as is one giving an earlier stage (not yet recruiting, recruiting, active) than the study's own record "
         "unless the list is dated after that record's last update.",
         ("related_studies.stated_status", "studies.overall_status"), sql=RELATED_STATUS_DIFFERS, reads_other_studies=True),
    Rule("cross_source.related_study_phase_differs", "contradiction", "warning",
         "A related-trials list that misstates another trial's phase misclassifies it for anyone comparing trials.",
         ("related_studies.stated_phase", "studies.phase"), sql=RELATED_PHASE_DIFFERS, reads_other_studies=True),
    Rule("cross_source.related_study_title_differs", "contradiction", "info",
         "A related-trials entry whose title is not the trial's title may point at the wrong trial.",
         ("related_studies.title", "studies.brief_title"), sql=RELATED_TITLE_DIFFERS, reads_other_studies=True),
)
