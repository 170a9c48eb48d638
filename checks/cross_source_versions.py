"""One study from several source files (meta.source_records): versions that disagree or lag behind.

Only each file's latest version counts (`superseded` not true): an earlier content of a file
that has since changed is history, not a second source. Dates are compared at the coarser of the two precisions.
"""
from __future__ import annotations

from checks.cross_source_related import ENDED, stage
from checks.rule import Rule
from checks.scoped_tables import IN_SCOPE
from checks.sql_text import literal
from schemas.enums import OPEN_STATUSES as _OPEN

REGISTRY_LAYOUTS = ("ctgov_json_v2", "ctgov_xml")
REPUBLISHED_LAYOUTS = ("ctgov_classic_text", "aggregator_text", "summary_text")
_IN_REGISTRY = "('" + "', '".join(REGISTRY_LAYOUTS) + "')"
_IN_REPUBLISHED = "('" + "', '".join(REPUBLISHED_LAYOUTS) + "')"
_CURRENT = "SELECT * FROM meta.source_records WHERE superseded IS NOT TRUE"
OPEN_STATUSES = "('" + "', '".join(_OPEN) + "')"
# Only a study with several current source files has two to compare: most have one.
_SEVERAL_CURRENT = (f"SELECT * FROM ({_CURRENT}) WHERE nct_id IN (SELECT nct_id FROM ({_CURRENT}) "
                    f"GROUP BY nct_id HAVING count(*) > 1) AND {IN_SCOPE}")

# (column, how a person names it) for the values two same-day sources must agree on.
VALUE_COLUMNS = (("overall_status", "status"), ("phase", "phase"), ("enrollment", "enrollment"))
DATE_COLUMNS = (("start_date", "start date"), ("primary_completion_date", "primary completion date"),
                ("completion_date", "completion date"))


def _shown_date(side: str, column: str) -> str:
    """A date as its source gave it: 2021-09 for a month-precision date."""
    precision = f"{side}.{column}_precision"
    return (f"CASE {precision} WHEN 'year' THEN strftime({side}.{column}, '%Y') "
            f"WHEN 'month' THEN strftime({side}.{column}, '%Y-%m') ELSE strftime({side}.{column}, '%Y-%m-%d') END")


def _dates_differ(column: str, one: str = "a", other: str = "b") -> str:
    """SQL: the dates of the versions `one` and `other` (aliases) differ at the coarser of their precisions."""
    a, b = f"{one}.{column}", f"{other}.{column}"
    precisions = f"({one}.{column}_precision, {other}.{column}_precision)"
    return (f"CASE WHEN 'year' IN {precisions} THEN year({a}) <> year({b}) "
            f"WHEN 'month' IN {precisions} THEN date_trunc('month', {a}) <> date_trunc('month', {b}) "
            f"ELSE {a} <> {b} END")


def _pair_select(column: str, label: str, differs: str, shown_a: str, shown_b: str) -> str:
    return f"""
    SELECT a.nct_id,
           'The ' || a.layout || ' and ' || b.layout || ' versions last updated on ' || a.last_update_posted_date
             || ' disagree on the {label}: ' || {shown_a} || ' vs ' || {shown_b} || '.' AS message,
           a.layout || ' ' || coalesce(a.path, a.sha256) || ': {column} = ''' || {shown_a} || '''; '
             || b.layout || ' ' || coalesce(b.path, b.sha256) || ': {column} = ''' || {shown_b} || '''' AS evidence,
           ['meta.source_records.{column}', 'meta.source_records.last_update_posted_date'] AS fields
    FROM versions a JOIN versions b
      ON a.nct_id = b.nct_id AND a.last_update_posted_date = b.last_update_posted_date AND a.sha256 < b.sha256
    WHERE a.{column} IS NOT NULL AND b.{column} IS NOT NULL AND {differs}
      AND NOT {_shows_a_near_version(column, "a")} AND NOT {_shows_a_near_version(column, "b")}"""


# A republished page gives its update date without a time zone, and a site dates a posting by its own clock (a day
# ahead of the registry's US date, or behind it): a page dated a day from the registry's record may show that version.
PAGE_DATE_MARGIN_DAYS = 1


def _shows_a_near_version(column: str, side: str) -> str:
    """SQL: the version `side` (alias) is a republished page whose `column` is that of a registry version dated a day
    from it: a page dated as one version may show the next (or the one before) by its site's clock, a copy of that
    version rather than a misread copy of this one."""
    same = (f"NOT ({_dates_differ(column, 'n', side)})" if column.endswith("_date")
            else f"n.{column}::VARCHAR = {side}.{column}::VARCHAR")
    return f"""({side}.layout IN {_IN_REPUBLISHED} AND EXISTS (
        SELECT 1 FROM versions n WHERE n.nct_id = {side}.nct_id AND n.layout IN {_IN_REGISTRY}
          AND n.last_update_posted_date <> {side}.last_update_posted_date
          AND abs(n.last_update_posted_date - {side}.last_update_posted_date) <= {PAGE_DATE_MARGIN_DAYS}
          AND n.{column} IS NOT NULL AND {same}))"""


# The registry shows a study as UNKNOWN once its open status has gone unverified for two years past its completion
# date, without posting a new version: copies of one version taken before and after that day say an open status
# and UNKNOWN, and both are right.
_BECAME_UNKNOWN = (f"'UNKNOWN' IN (a.overall_status, b.overall_status) AND (a.overall_status IN {OPEN_STATUSES} "
                   f"OR b.overall_status IN {OPEN_STATUSES})")


def _values_differ(column: str) -> str:
    """SQL: the two values differ (a status an open one became as UNKNOWN is the same status)."""
    differs = f"a.{column}::VARCHAR <> b.{column}::VARCHAR"
    return f"{differs} AND NOT ({_BECAME_UNKNOWN})" if column == "overall_status" else differs


SAME_UPDATE_DISAGREES = f"WITH versions AS MATERIALIZED ({_SEVERAL_CURRENT}) " + " UNION ALL ".join(
    [_pair_select(c, label, _values_differ(c), f"a.{c}::VARCHAR", f"b.{c}::VARCHAR")
     for c, label in VALUE_COLUMNS]
    + [_pair_select(c, label, _dates_differ(c), _shown_date("a", c), _shown_date("b", c)) for c, label in DATE_COLUMNS]
)

# The registry's newest version of each study with a current republished page in scope: the
# reference the page is held to.
_REGISTRY_NEWEST = f"""
    SELECT * FROM meta.source_records
    WHERE layout IN {_IN_REGISTRY} AND last_update_posted_date IS NOT NULL
      AND nct_id IN (SELECT nct_id FROM ({_CURRENT}) WHERE layout IN {_IN_REPUBLISHED} AND {IN_SCOPE})
    QUALIFY row_number() OVER (PARTITION BY nct_id ORDER BY last_update_posted_date DESC,
                               layout = 'ctgov_json_v2' DESC, sha256) = 1
"""
_PAGE_VS_REGISTRY = f"""
    SELECT p.nct_id, p.layout, coalesce(p.path, p.sha256) AS page, p.last_update_posted_date AS page_updated,
           p.overall_status AS page_status, r.layout AS registry_layout, coalesce(r.path, r.sha256) AS registry,
           r.last_update_posted_date AS registry_updated, r.overall_status AS registry_status
    FROM ({_CURRENT}) p JOIN ({_REGISTRY_NEWEST}) r USING (nct_id)
    WHERE p.layout IN {_IN_REPUBLISHED}
"""

# A page older than the registry's record by more than a day (a page dated a day before it may copy that very
# version) that gives the record's status, or none, may show superseded dates and enrollment.
REPUBLISHED_PAGE_OUTDATED = f"""
    SELECT nct_id,
           'The ' || layout || ' page was last updated on ' || page_updated
             || ', before the registry record''s update of ' || registry_updated || '.' AS message,
           layout || ' ' || page || ': last_update_posted_date = ' || page_updated || '; '
             || registry_layout || ' ' || registry || ': last_update_posted_date = ' || registry_updated AS evidence
    FROM ({_PAGE_VS_REGISTRY})
    WHERE page_updated < registry_updated - {PAGE_DATE_MARGIN_DAYS}
      AND (page_status IS NULL OR page_status IS NOT DISTINCT FROM registry_status)
"""

# A page that gives no update date, or one dated a day from the registry's record, may copy the registry's very
# version from before the registry showed its open status as UNKNOWN (without a new version): then both are right,
# and nothing tells it from an older page.
_PAGE_BEFORE_UNKNOWN = (f"coalesce(abs(page_updated - registry_updated) <= {PAGE_DATE_MARGIN_DAYS}, true) "
                        f"AND registry_status = 'UNKNOWN' AND page_status IN {OPEN_STATUSES}")


# A page older than the registry's record (by more than a day: a page dated a day from it may copy the same version)
# that gives an earlier stage than the record's (recruiting, completed since) shows the study as it was when the page
# was last updated: out of date rather than at odds with the registry. A study moves on from no status that ends it.
_EARLIER_STAGE = (f"page_updated < registry_updated - {PAGE_DATE_MARGIN_DAYS} "
                  f"AND {stage('page_status')} < {stage('registry_status')} "
                  f"AND page_status NOT IN ({', '.join(map(literal, ENDED))})")
_OUT_OF_DATE_MESSAGE = ("'The ' || layout || ' page (last updated ' || page_updated || ') still says the study is ' "
                        "|| page_status || ' but the registry record, updated since (' || registry_updated || '), says "
                        "' || registry_status || ': the page is out of date.'")
REPUBLISHED_STATUS_DIFFERS = f"""
    SELECT nct_id,
           CASE WHEN coalesce({_EARLIER_STAGE}, false) THEN {_OUT_OF_DATE_MESSAGE}
           ELSE 'The ' || layout || ' page (' || coalesce('last updated ' || page_updated, 'no update date given')
             || ') says the study is ' || page_status || ' but the registry record (last updated ' || registry_updated
             || ') says ' || registry_status || '.' END AS message,
           layout || ' ' || page || ': overall_status = ''' || page_status || ''', last_update_posted_date = '
             || coalesce(page_updated::VARCHAR, 'NULL') || '; ' || registry_layout || ' ' || registry
             || ': overall_status = ''' || registry_status || ''', last_update_posted_date = ' || registry_updated
             AS evidence
    FROM ({_PAGE_VS_REGISTRY})
    WHERE page_status <> registry_status AND page_updated IS DISTINCT FROM registry_updated
      AND NOT ({_PAGE_BEFORE_UNKNOWN})
"""

RULES = (
    Rule("cross_source.same_update_disagrees", "contradiction", "error",
         "Two copies of one record version must carry the same values; one of them was misread or altered. (An "
         "open status in one and UNKNOWN in the other agree: the registry shows UNKNOWN once an open status goes "
         "unverified, without posting a new version; a page giving the value of a registry version dated a day "
         "from it may show that version by its site's clock.)",
         ("meta.source_records",), sql=SAME_UPDATE_DISAGREES),
    Rule("cross_source.republished_page_outdated", "contradiction", "warning",
         "A republished page older than the registry record may show superseded dates and enrollment (a page "
         "that shows no status too; one whose status differs is republished_status_differs). (A page dated a day "
         "before the registry's record may copy that version: a page gives no time zone.)",
         ("meta.source_records.last_update_posted_date",), sql=REPUBLISHED_PAGE_OUTDATED),
    Rule("cross_source.republished_status_differs", "contradiction", "warning",
         "A republished page whose status differs from the registry's misleads anyone tracking the trial; "
         "the two are different versions, so the registry's record may be right (a warning, not an error; an older "
         "page giving an earlier stage is said to be out of date). (An "
         "open status of a page undated or dated a day from the registry's record, against the registry's UNKNOWN, "
         "may be a copy of the same version.)",
         ("meta.source_records.overall_status", "meta.source_records.last_update_posted_date"),
         sql=REPUBLISHED_STATUS_DIFFERS),
)
