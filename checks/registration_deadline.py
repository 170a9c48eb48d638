"""timeliness.late_registration: registration within 21 days of the first enrolment (42 CFR 11.24), or before
the start (ICMJE), and the other registries ICMJE accepts."""
from __future__ import annotations

from checks.date_columns import (
    BY_POSTING_COLUMN, EARLIEST_STUDY_DAY, ICMJE_ALL_PHASES, ICMJE_IN_FORCE, NEVER_STARTED, PHASE1_ONLY,
    REGISTRY_OPENED, date_of, registered, registered_studies, shown,
)
from checks.day_counts import days_text, to_the_day
from checks.enrolment_states import ENROLLED_NOBODY, INTERVENTIONAL, NOT_YET_ENROLLING
from checks.partial_dates import PartialDate, after, days_after
from checks.sql_text import literal, sql_text

# 42 CFR 11.24(a): register no later than 21 days after enrolling the first participant.
REGISTRATION_DAYS = 21
# The registry posts a record days to weeks after it is submitted.
POSTING_DAYS = 30


# The ids of the WHO's primary registries, which ICMJE accepts as well as ClinicalTrials.gov: ISRCTN, the Australian
# and New Zealand (ACTRN), Chinese (ChiCTR), Indian (CTRI), German (DRKS), Iranian (IRCT), Japanese (UMIN, jRCT),
# Korean (KCT), Dutch (NTR), Pan African (PACTR), Sri Lankan (SLCTR), Thai (TCTR), Brazilian (RBR), Lebanese (LBCTR)
# and Cuban (RPCEC) registries. A record that gives one (as its own id or a secondary id) may have been registered
# there before its start. EudraCT numbers are no such registration: the EU register made them public only from 2011.
_OTHER_REGISTRY_ID = (r"(?i)\b(?:ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-A-Z]*\d{8,}|CTRI/\d{4}/\d{2,3}/\d{5,6}|DRKS\d{8}"
                      r"|IRCT\d{8,}N\d+|(?:JPRN-)?UMIN\d{9}|jRCT[a-z]?\d{9,10}|KCT\d{7}|NTR\d{3,5}|PACTR\d{15}"
                      r"|SLCTR/\d{4}/\d{3}|TCTR\d{11}|RBR-[0-9a-z]{6,8}|LBCTR\d{10}|RPCEC\d{8})\b")
# Ids that say when the trial was registered there: CTRI's the year and month ('CTRI/2016/12/007532'), ChiCTR's and
# ACTRN's the year ('ChiCTR2000031234', 'ChiCTR-IOR-17012345', 'ACTRN12619000123456'). One registered there only
# after the 21 days from the start is no registration in time.
_REGISTERED_MONTH = r"CTRI/(\d{4})/(0[1-9]|1[0-2])/"
_REGISTERED_YEAR = r"(?i)(?:ChiCTR[-A-Z]*|ACTRN126)(\d{2})"
# A trial whose sponsor says it studies an FDA-regulated product owes ClinicalTrials.gov itself its registration
# (42 CFR 11.24): another registry's id does not excuse it.
_FDA_REGULATED = "coalesce(s.is_fda_regulated_drug OR s.is_fda_regulated_device, FALSE)"


def registered_shown(by_posting: str | None = None) -> str:
    """SQL text of the day the record was registered (registered(by_posting)), with its posting's ESTIMATED type where
    that day is its first posting and the registry gives it as an estimate."""
    on, _what, by_posting = registered(by_posting)
    return f"CASE WHEN {by_posting} THEN {shown('study_first_posted_date')} ELSE {on.text} END"


def registered_on(by_posting: str | None = None) -> str:
    """SQL text of the day the record was registered as a message says it: 'on 2021-01-01', or 'in 2001-11' where it
    was registered by a first posting kept to the month or year (a text page's)."""
    _on, _what, by_posting = registered(by_posting)
    return (f"CASE WHEN {by_posting} AND NOT {to_the_day('study_first_posted_date')} THEN 'in ' "
            f"ELSE 'on ' END || {registered_shown(by_posting)}")


def _lateness_said(start: PartialDate) -> str:
    """SQL text ending a late registration's message: what its lateness means. 'registered late' where a rule asked
    the trial to register first; a trial begun before ClinicalTrials.gov took its first records could not register
    there first, and one begun before ICMJE asked trials (from 2008-07 phase 1 trials too) to register first broke no
    rule then known to most sponsors: both are worth knowing (no outcomes were set down before the trial ran), not
    late."""
    return (f"CASE WHEN {start.hi} < {REGISTRY_OPENED} THEN ', before ClinicalTrials.gov took its first records "
            "(1999-09): it could not be registered there before it started.' "
            f"WHEN {start.hi} < {ICMJE_IN_FORCE} THEN ': registered after it started, as was usual before ICMJE asked "
            "trials starting from 2005-07-01 to register first.' "
            f"WHEN {PHASE1_ONLY} AND {start.hi} < {ICMJE_ALL_PHASES} THEN ': registered after it started, as ICMJE "
            "asked a phase 1 trial to register first only from 2008-07-01 (FDAAA never has).' "
            "ELSE ': registered late.' END")


def late_registration_sql() -> str:
    """SQL of timeliness.late_registration: interventional trials registered more than 21 days after they started."""
    on, what, by_posting = registered(BY_POSTING_COLUMN)
    start = date_of("start_date")
    column = f"CASE WHEN {by_posting} THEN 'study_first_posted_date' ELSE 'study_first_submitted_date' END"
    # The days from a start (or a posting) kept to the month or year are the fewest its readings give: 'at least'.
    exact_days = f"{to_the_day('start_date')} AND (NOT {by_posting} OR {to_the_day('study_first_posted_date')})"
    # A date kept to the month or year is a period: the study started in it, not on it.
    started = f"CASE WHEN {to_the_day('start_date')} THEN 'on ' ELSE 'in ' END || {shown('start_date')}"
    texts = {"what": what, "col": column, "sub": registered_shown(by_posting), "st": shown("start_date"),
             "n": days_text(on, start, exact_days), "started": started, "on": registered_on(by_posting)}
    # Judged on a posting (a submission date stamped again later), the registry's review is allowed 30 days more.
    allowed = f"(CASE WHEN {by_posting} THEN {REGISTRATION_DAYS + POSTING_DAYS} ELSE {REGISTRATION_DAYS} END)"
    texts["judged"] = _lateness_said(start)
    message = sql_text("Study was {what} {on}, {n} days after it started {started}{judged}", **texts)
    evidence = sql_text("{col}={sub}; start_date={st}; days after start={n}", **{**texts, "n": days_after(on, start)})
    severity = (f"CASE WHEN {start.hi} < {ICMJE_IN_FORCE} "
                f"OR {PHASE1_ONLY} AND {start.hi} < {ICMJE_ALL_PHASES} THEN 'info' END")
    where = (f"{INTERVENTIONAL} AND coalesce(s.start_date_type, 'ACTUAL') = 'ACTUAL' AND NOT {NEVER_STARTED} "
             f"AND NOT {ENROLLED_NOBODY} AND NOT {NOT_YET_ENROLLING} "
             f"AND s.study_first_submitted_date IS NOT NULL AND {start.lo} >= {EARLIEST_STUDY_DAY} "
             f"AND {after(on, start, allowed)}")
    found = (f"SELECT s.nct_id, {message} AS message, {evidence} AS evidence, {severity} AS severity, "
             f"{_FDA_REGULATED} AS fda, {start.hi} AS started_by FROM {registered_studies()} s WHERE {where}")
    return _with_other_registry(found)


def _with_other_registry(found: str) -> str:
    """The late registrations `found` (nct_id, message, evidence, severity; fda: the sponsor says the trial studies
    an FDA-regulated product; started_by: the last day its start may mean), each whose record gives a WHO primary
    registry's id (one that does not show a registration there after the 21 days) and whose sponsor does not say
    it studies an FDA-regulated product said so, at info: the trial may have been registered there in time, as
    ICMJE accepts, and the record cannot tell when. A late registration already info (a trial started before ICMJE
    asked for registration, when most of those registries did not yet exist) is left as it is."""
    month, year = literal(_REGISTERED_MONTH), literal(_REGISTERED_YEAR)
    registered_from = (f"CASE WHEN regexp_matches(x.id_value, {month}) THEN make_date("
                       f"CAST(regexp_extract(x.id_value, {month}, 1) AS INTEGER), "
                       f"CAST(regexp_extract(x.id_value, {month}, 2) AS INTEGER), 1) "
                       f"WHEN regexp_matches(x.id_value, {year}) THEN make_date("
                       f"2000 + CAST(regexp_extract(x.id_value, {year}, 1) AS INTEGER), 1, 1) END")
    in_time = f"({registered_from} IS NULL OR {registered_from} - f.started_by <= {REGISTRATION_DAYS})"
    ids = ("SELECT x.nct_id, string_agg(DISTINCT regexp_extract(x.id_value, "
           f"{literal(_OTHER_REGISTRY_ID)}), ', ') AS other FROM id_information x JOIN found f USING (nct_id) "
           f"WHERE f.severity IS NULL AND NOT f.fda AND regexp_matches(x.id_value, {literal(_OTHER_REGISTRY_ID)}) "
           f"AND {in_time} GROUP BY x.nct_id")
    said = sql_text(" It gives the id {ids} of another registry that ICMJE accepts, where it may have been "
                    "registered before it started.", ids="r.other")
    return (f"WITH found AS MATERIALIZED ({found}) "
            f"SELECT f.nct_id, f.message || CASE WHEN r.other IS NOT NULL THEN {said} ELSE '' END AS message, "
            "f.evidence || coalesce('; other registry id=' || r.other, '') AS evidence, "
            "CASE WHEN r.other IS NOT NULL THEN 'info' ELSE f.severity END AS severity "
            f"FROM found f LEFT JOIN ({ids}) r USING (nct_id)")
