"""Rule family timeliness: the registry's deadlines — register on time, post results on time,
start when the record says it will.

Each deadline is judged as of RECORD_TODAY (the earlier of the run's as_of and the record's
snapshot), and at the coarser precision of the dates it compares.
"""
from __future__ import annotations

from checks.date_columns import (
    BY_POSTING_COLUMN, EARLIEST_STUDY_DAY, FINAL_RULE_IN_FORCE, ICMJE_ALL_PHASES, ICMJE_IN_FORCE, NEVER_STARTED,
    PHASE1_ONLY, REGISTRY_OPENED, date_of, registered, registered_studies, rule, select, shown,
)
from checks.partial_dates import RECORD_TODAY, PartialDate, after, days_after, exact
from checks.sql_text import literal, sql_text

FAMILY = "timeliness"
INTERVENTIONAL = "s.study_type = 'INTERVENTIONAL'"
# 42 CFR 11.24(a): register no later than 21 days after enrolling the first participant.
REGISTRATION_DAYS = 21
# The registry posts a record days to weeks after it is submitted.
POSTING_DAYS = 30
# 42 CFR 11.44: results are due one year after the primary completion date; a certificate of
# delay (11.44(b)) extends that by up to two more years. The final rule applies to trials whose
# primary completion is on or after its effective date (FINAL_RULE_IN_FORCE).
NOT_YET_STARTED_DAYS = 90
# A trial that reports an ACTUAL enrollment of 0, or a TERMINATED one that reports 0 of any type (an ended study's 0
# is a count, whatever type was left on it), enrolled nobody: it has no participant data to post as results, and no
# first enrolment a registration deadline ran from.
ENROLLED_NOBODY = ("coalesce(s.enrollment = 0 AND (s.enrollment_type = 'ACTUAL' OR s.overall_status = 'TERMINATED'), "
                   "FALSE)")
# A study NOT_YET_RECRUITING (or last known so, where the registry now says UNKNOWN) has enrolled nobody yet: a start
# it gives as past, typed ACTUAL or untyped, contradicts that (contradictions.not_yet_recruiting_with_actuals), and
# which of the two is wrong the record cannot tell.
NOT_YET_ENROLLING = ("coalesce(s.overall_status = 'NOT_YET_RECRUITING' OR s.overall_status = 'UNKNOWN' "
                     "AND s.last_known_status = 'NOT_YET_RECRUITING', FALSE)")


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


def _late_registration_sql() -> str:
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


# The applicable-clinical-trial test, approximated from what the record holds (as the FDAAA
# TrialsTracker does): interventional, not phase 1 only, not device feasibility, and an
# FDA-regulated drug or device. Records from before the final rule carry no FDA flags: for them
# a US site and a drug, biological, device, genetic or radiation intervention (not a placebo or sham) stand in.
# 42 CFR 11.22(b) reaches such a trial only through a site in the United States or a US territory, a US IND or IDE,
# or a product made in and exported from the US (ClinicalTrials.gov's ACT checklist names the territories' countries).
US_COUNTRIES = ("United States", "American Samoa", "Guam", "Northern Mariana Islands", "Puerto Rico",
                "U.S. Virgin Islands", "Virgin Islands (U.S.)")
_US_NAMES = "(" + ", ".join(f"'{name}'" for name in US_COUNTRIES) + ")"
US_SITE = (f"(EXISTS (SELECT 1 FROM facilities f WHERE f.nct_id = s.nct_id AND f.country IN {_US_NAMES}) "
           f"OR EXISTS (SELECT 1 FROM countries c WHERE c.nct_id = s.nct_id AND c.name IN {_US_NAMES} "
           "AND NOT coalesce(c.removed, FALSE)))")
# A placebo or sham typed as a drug or device ('Drug: Placebo' beside 'Dietary Supplement: Vitamin D3', 'Device: Sham
# stimulation' beside 'Behavioral: CBT') is the comparator, not a product the trial studies; one named with another
# product ('Placebo + metformin') is not only that.
# A topical drug's placebo is its vehicle ('Vehicle cream', 'Vehicle gel'), and a saline injection given as placebo
# ('Saline placebo', 'Normal saline (placebo)', '0.9% NaCl placebo') is one too.
_COMPARATOR_ONLY = (r"(?i)^\W*(?:matching\s+|matched\s+)?(?:placebos?|sham|sugar\s+pill|vehicle)\b"
                    r"|^\W*(?:(?:normal|physiological|0\.9\s*%)\s+)?(?:saline|nacl|sodium\s+chloride)"
                    r"(?:\s+(?:solution|injection|infusion))?\s*[(,:-]?\s*(?:as\s+)?(?:a\s+)?placebo\b")
_WITH_ANOTHER = r"(?i)[+&]|\b(?:plus|and|with|combined)\b"
PRODUCT = ("EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = s.nct_id AND i.intervention_type IN "
           "('DRUG', 'BIOLOGICAL', 'DEVICE', 'GENETIC', 'RADIATION', 'COMBINATION_PRODUCT') "
           f"AND NOT coalesce(regexp_matches(i.name, {literal(_COMPARATOR_ONLY)}) "
           f"AND NOT regexp_matches(i.name, {literal(_WITH_ANOTHER)}), FALSE))")
FLAGS_UNKNOWN = "s.is_fda_regulated_drug IS NULL AND s.is_fda_regulated_device IS NULL"
APPLICABLE = (f"{INTERVENTIONAL} AND coalesce(s.phase, '') NOT IN ('PHASE1', 'EARLY_PHASE1') "
              "AND NOT EXISTS (SELECT 1 FROM designs d WHERE d.nct_id = s.nct_id "
              "AND d.primary_purpose = 'DEVICE_FEASIBILITY') "
              f"AND (s.is_fda_regulated_drug OR s.is_fda_regulated_device "
              f"OR ({FLAGS_UNKNOWN} AND {US_SITE} AND {PRODUCT}))")
# What the record leaves open about applicability (SQL text, NULL where it shows the trial applicable). The registry
# publishes no IND or IDE: a trial that lists no site in the US or a territory and answers that its product is not
# made in and exported from the US is applicable only under a US IND or IDE, which the record rarely shows. A record
# that leaves the export question unanswered is judged applicable: the registry's form asks it where a trial of an
# FDA-regulated product has no US IND or IDE, so leaving it unanswered points to one. A record that gives no phase
# may be of a phase 1 trial.
_NO_PHASE = "The record gives no phase, so whether it is a phase 1 trial, which owes no results, cannot be told."
_NOT_REACHED = ("The trial owes results only if it runs under a US IND or IDE, which the registry does not publish: "
                "the record lists no site in the US or its territories and says its product is not made in and "
                "exported from the US.")
# A sponsor may list its US IND or IDE among the record's secondary ids ('IND 123456', 'BB-IND 12,345', 'IDE G130123'):
# the registry does not publish the one it was told, but such an id shows the trial runs under one.
_IND_ID = r"(?i)^\s*(?:bb-?)?(?:ind|ide)\s*(?:no\.?|number|num\.?)?\s*[-:#]?\s*g?\d[\d,]{3,}\s*$"


def _applicability_open(us_site: str, ind_given: str) -> str:
    """SQL text: what the record leaves open about applicability, given whether it lists a US site (`us_site`, SQL)
    and the IND or IDE its secondary ids give (`ind_given`, SQL text or NULL); NULL where it shows the trial
    applicable."""
    return (f"CASE WHEN s.phase IS NULL THEN '{_NO_PHASE}' WHEN NOT coalesce({us_site}, FALSE) "
            f"AND NOT coalesce(s.is_us_export, TRUE) AND {ind_given} IS NULL THEN '{_NOT_REACHED}' END")


# Without the first-submission date the record's timeline was not loaded, so "no results" is unknown.
TIMELINE_KNOWN = "s.study_first_submitted_date IS NOT NULL"
# A page that says the study has results without giving their dates (a trial-summary page's "Has Results: Yes")
# has them.
NO_RESULTS = ("s.results_first_submitted_date IS NULL AND s.results_first_posted_date IS NULL "
              "AND NOT coalesce(s.has_results, FALSE)")
# A primary completion on 29 February has no anniversary in a common year: its year ends on 1 March, the later of the
# two days it may mean (DuckDB's interval would give 28 February, a day sooner than a sponsor may read it).
_LEAP_DAY = "strftime({day}, '%m-%d') = '02-29'"


def _years_after_completion(years: str) -> str:
    """SQL: the day `years` (SQL) years after the last day the primary completion may mean."""
    completed = date_of("primary_completion_date").hi
    return (f"(CASE WHEN {_LEAP_DAY.format(day=completed)} THEN {completed} + INTERVAL 1 DAY ELSE {completed} END "
            f"+ to_years({years}))")


# 42 CFR 11.44(b): a certificate of delay counts only when submitted before the results were due (a year after
# primary completion); one submitted later extends nothing.
_CERTIFIED_IN_TIME = f"s.disposition_first_submitted_date <= {_years_after_completion('1')}"
DELAY_YEARS = f"(CASE WHEN coalesce({_CERTIFIED_IN_TIME}, FALSE) THEN 3 ELSE 1 END)"


def _or_null(expr: str) -> str:
    return f"coalesce(CAST({expr} AS VARCHAR), 'NULL')"


def _results_due_by() -> PartialDate:
    """The results deadline: a year after primary completion, three with a certificate of delay submitted within
    the first."""
    return exact(_years_after_completion(DELAY_YEARS))


def results_due(due: PartialDate | None = None) -> str:
    """SQL condition on `studies s`: an applicable trial whose results deadline (`due`, else computed here) had passed
    on the record's day."""
    completion = date_of("primary_completion_date")
    return (f"{APPLICABLE} AND {TIMELINE_KNOWN} AND coalesce(s.overall_status, '') <> 'WITHDRAWN' "
            f"AND NOT {ENROLLED_NOBODY} "
            f"AND s.primary_completion_date_type = 'ACTUAL' AND {completion.lo} >= {FINAL_RULE_IN_FORCE} "
            f"AND {after(RECORD_TODAY, due or _results_due_by())}")


# Each study with its results deadline, a column computed once: written out in each of the rule's messages and tests,
# its CASEs over the primary completion and the certificate of delay cost most of the rule's planning.
_DUE_STUDIES = f"(SELECT *, {_years_after_completion(DELAY_YEARS)} AS results_due_by FROM studies s)"


# Results submitted and not yet posted (pending_results) on the record's day: the first submission, how often the
# registry's review returned them and when last, and whether the sponsor's last act withdrew them (UNRELEASE).
# The sponsor's last act on its submitted results is the last one the record lists (rows keep its order, which is
# the order of events): a canceled submission the registry dates 'Unknown' has no day to order it by.
PENDING = """LEFT JOIN (
        SELECT nct_id, min(event_date) FILTER (WHERE event = 'RELEASE') AS submitted,
               count(*) FILTER (WHERE event = 'RESET') AS returned,
               max(event_date) FILTER (WHERE event = 'RESET') AS returned_on,
               arg_max(event, id) FILTER (WHERE event IN ('RELEASE', 'UNRELEASE')) AS last_act,
               arg_max_null(event, id) AS last_event, arg_max_null(event_date, id) AS last_event_on
        FROM pending_results GROUP BY nct_id) p ON p.nct_id = s.nct_id"""
SUBMITTED = "p.submitted IS NOT NULL AND p.last_act = 'RELEASE'"
# 42 CFR 11.64(b): results the registry's quality-control review returned are to be corrected within 25 calendar days
# of its comments, whenever they were first submitted. Results whose last event is such a return (a RESET, no RELEASE
# after it), more than 25 days before the record's day, are back with the sponsor past that time: not in review, owed
# again, whether their first submission was late or on time.
CORRECTION_DAYS = 25
RETURNED_UNCORRECTED = ("(p.last_event = 'RESET' AND p.last_event_on IS NOT NULL "
                        f"AND {after(RECORD_TODAY, exact('p.last_event_on'), CORRECTION_DAYS)})")
# Results the sponsor submitted and then withdrew (its last act UNRELEASE: the submission canceled): none are
# submitted.
CANCELED = "p.submitted IS NOT NULL AND p.last_act = 'UNRELEASE'"
# The day of the review's last return as a message says it: the registry gives some as 'Unknown'.
_RETURNED_DAY = "coalesce(strftime(p.returned_on, '%Y-%m-%d'), 'a day the registry gives as Unknown')"


def _results_overdue_sql() -> str:
    due = exact("s.results_due_by")
    submitted = exact("p.submitted")
    # Due a year from a primary completion kept to the month or year: its last day is the latest the deadline may
    # mean, and the days late from it the fewest.
    days_late = days_text(submitted, due, to_the_day("primary_completion_date"))
    on_time = f"NOT {after(submitted, due)}"
    texts = {"pc": shown("primary_completion_date"), "due": due.text, "now": RECORD_TODAY.text,
             "cert": _or_null(f"strftime(s.disposition_first_submitted_date, '%Y-%m-%d') || CASE WHEN NOT "
                              f"{_CERTIFIED_IN_TIME} THEN ' (after the results were due: extends nothing)' "
                              "ELSE '' END"),
             "drug": _or_null("s.is_fda_regulated_drug"), "device": _or_null("s.is_fda_regulated_device"),
             "phase": _or_null("s.phase"), "sub": submitted.text, "late": days_late,
             "timing": f"CASE WHEN {on_time} THEN 'on time' ELSE {days_late} || ' days late' END",
             "review": "CASE p.returned WHEN 0 THEN 'the registry''s review has not returned them' "
                       f"WHEN 1 THEN 'the registry''s review returned them once, on ' || {_RETURNED_DAY} "
                       "ELSE 'the registry''s review returned them ' || p.returned || ' times, last on ' "
                       f"|| {_RETURNED_DAY} END"}
    late = sql_text("Primary completion was {pc} and results were due by {due}; they were first submitted on "
                    "{sub}, {late} days late, and are not posted as of {now}: {review}.", **texts)
    returned = sql_text("Primary completion was {pc} and results were due by {due}; they were first submitted on "
                        "{sub}, {timing}, {review}, and they were not submitted again as of {now}: past the "
                        "25 days 42 CFR 11.64(b) gives to correct them, the results are owed again.", **texts)
    none = sql_text("Primary completion was {pc} and results were due by {due}, but none were "
                    "submitted as of {now}.", **texts)
    canceled = sql_text("Primary completion was {pc} and results were due by {due}; results submitted on {sub} "
                        "were later canceled by the sponsor, and none are submitted as of {now}.", **texts)
    submitted_by_then = f"{SUBMITTED} AND p.submitted <= {RECORD_TODAY.lo}"
    canceled_by_then = f"{CANCELED} AND p.submitted <= {RECORD_TODAY.lo}"
    returned_by_then = f"({submitted_by_then} AND {RETURNED_UNCORRECTED})"
    message = (f"CASE WHEN {returned_by_then} THEN {returned} WHEN {submitted_by_then} THEN {late} "
               f"WHEN {canceled_by_then} THEN {canceled} ELSE {none} END")
    evidence = sql_text(
        "primary_completion_date={pc}; results_first_submitted_date=NULL; results submitted, not posted "
        "(pending_results)={pending}; certificate of delay submitted={cert}; due={due}; judged as of={now}; "
        "phase={phase}; is_fda_regulated_drug={drug}; is_fda_regulated_device={device}; is_us_export={export}",
        pending=f"CASE WHEN {returned_by_then} THEN {submitted.text} || ', returned by the review on ' || "
                "strftime(p.last_event_on, '%Y-%m-%d') || ', not submitted again' "
                f"WHEN {submitted_by_then} THEN {submitted.text} WHEN {canceled_by_then} "
                f"THEN {submitted.text} || ', canceled by the sponsor' ELSE 'NULL' END",
        export=_or_null("s.is_us_export"), **texts)
    where = (f"{results_due(due)} AND {NO_RESULTS} "
             f"AND NOT coalesce({submitted_by_then} AND {on_time} AND NOT {RETURNED_UNCORRECTED}, FALSE)")
    found = (f"SELECT s.nct_id, s.phase, s.is_us_export, {message} AS message, {evidence} AS evidence, "
             f"coalesce({submitted_by_then} AND NOT {returned_by_then}, FALSE) AS submitted_late "
             f"FROM {_DUE_STUDIES} s {PENDING} WHERE {where}")
    # The site countries and secondary ids of the studies found only: what their records leave open about
    # applicability. A registry record (the only kind whose timeline is loaded) lists each of its sites' countries
    # among its countries, a far shorter table than its sites.
    sites = (f"SELECT c.nct_id, string_agg(DISTINCT c.name, ', ' ORDER BY c.name) AS countries, "
             f"bool_or(c.name IN {_US_NAMES}) AS us FROM countries c SEMI JOIN found USING (nct_id) "
             "WHERE NOT coalesce(c.removed, FALSE) GROUP BY c.nct_id")
    inds = ("SELECT x.nct_id, string_agg(DISTINCT trim(x.id_value), ', ' ORDER BY trim(x.id_value)) AS given "
            "FROM id_information x SEMI JOIN found USING (nct_id) "
            f"WHERE (x.id_value ILIKE '%ind%' OR x.id_value ILIKE '%ide%') AND regexp_matches(x.id_value, "
            f"'{_IND_ID}') GROUP BY x.nct_id")
    open_ = _applicability_open("si.us", "ind.given")
    return (f"WITH found AS MATERIALIZED ({found}) "
            f"SELECT s.nct_id, s.message || coalesce(' ' || {open_}, '') AS message, "
            "s.evidence || '; site countries=' || coalesce(si.countries, 'none listed') "
            "|| coalesce('; US IND or IDE among its secondary ids=' || ind.given, '') AS evidence, "
            f"CASE WHEN s.submitted_late OR {open_} IS NOT NULL THEN 'info' END AS severity "
            f"FROM found s LEFT JOIN ({sites}) si USING (nct_id) LEFT JOIN ({inds}) ind USING (nct_id)")


def to_the_day(*names: str) -> str:
    """SQL: each of the `studies s` date columns `names` is given to the day (a NULL precision counts as 'day')."""
    return " AND ".join(f"coalesce(s.{name}_precision, 'day') = 'day'" for name in names)


def days_text(later: PartialDate, earlier: PartialDate, exact_days: str) -> str:
    """SQL text of the days from `earlier` to `later`: '284', or 'at least 284' where `exact_days` (SQL) does not
    hold. A date given to the month or year may mean any day of it, and the count is the fewest its readings give:
    a start of 2025-02 lay 284 to 311 days before 2025-12-09."""
    return f"concat(CASE WHEN {exact_days} THEN '' ELSE 'at least ' END, {days_after(later, earlier)})"


def _not_yet_recruiting_sql() -> str:
    texts = {"st": shown("start_date"), "now": RECORD_TODAY.text,
             "n": days_text(RECORD_TODAY, date_of("start_date"), to_the_day("start_date"))}
    return select(
        sql_text("Status is NOT_YET_RECRUITING but the start date {st} was {n} days before {now}.",
                 **texts),
        sql_text("overall_status=NOT_YET_RECRUITING; start_date={st}; judged as of={now}", **texts),
        f"s.overall_status = 'NOT_YET_RECRUITING' AND {date_of('start_date').lo} >= {EARLIEST_STUDY_DAY} "
        f"AND {after(RECORD_TODAY, date_of('start_date'), NOT_YET_STARTED_DAYS)}")


RULES = (
    rule("late_registration", "warning",
         "42 CFR 11.24 requires registration within 21 days of the first enrolment, and ICMJE "
         "journals registration before it; a late record may have chosen its outcomes after the "
         "fact. Judged on the first submission (on the first posting, with 30 days for the registry's review, "
         "where the record was posted before the day it gives as submitted: a date stamped again later); "
         "trials started before ICMJE's 2005 rule, and phase 1 trials started before it covered them "
         "(2008-07): info. A trial that enrolled nobody (a WITHDRAWN study, an ACTUAL enrollment of 0, a "
         "TERMINATED trial's 0) had no first enrolment, so no deadline ran; a trial NOT_YET_RECRUITING (or last "
         "known so) that gives a past start contradicts itself, and which is wrong the record cannot tell. ICMJE "
         "accepts any WHO primary registry: a record that gives such a registry's id (ISRCTN, ChiCTR, CTRI, DRKS...), "
         "not one dated after the 21 days, may have been registered there in time: info, naming it, unless its "
         "sponsor says it studies an FDA-regulated product, which 42 CFR 11.24 has registered here. A start before "
         "1940 is a typo (dates.implausible_date), no day to count from.",
         ("studies.study_first_submitted_date", "studies.study_first_posted_date", "studies.start_date",
          "id_information.id_value"),
         _late_registration_sql(),
         family=FAMILY),
    rule("results_overdue", "warning",
         "42 CFR 11.44: an applicable clinical trial posts results within a year of its primary "
         "completion (three with a certificate of delay submitted within that year; one submitted later extends "
         "nothing). Applicability is approximated "
         "(interventional, not phase 1 only, FDA-regulated drug or device; for records without "
         "the FDA flags, a US site and a drug or device, a placebo or sham none), so a person confirms it. "
         "42 CFR 11.22(b) reaches a trial "
         "through a site in the US or a US territory, a US IND or IDE, or a product made in and exported from the "
         "US; the registry publishes no IND or IDE, so a trial that lists no such site, says its product is not "
         "exported and gives no IND or IDE among its secondary ids, or that gives no phase (it may be phase 1), is not "
         "shown to owe results: info, saying so. "
         "Results submitted on time and not yet posted (in the registry's quality-control review: pending_results) "
         "are not overdue; "
         "submitted late and not yet posted: info, with the days late and the review's returns; but where the "
         "review's return is the last event, more than the 25 days 42 CFR 11.64(b) gives to correct results before "
         "the record's day, the results are back with the sponsor and owed again, whether first submitted late or on "
         "time: a warning that says when they were submitted and returned. Submitted and then canceled by the "
         "sponsor: said so. A trial that enrolled nobody (an ACTUAL enrollment of 0, or a TERMINATED trial's 0) has no "
         "results to post; a page that says the study has results has them.",
         ("studies.primary_completion_date", "studies.results_first_submitted_date",
          "studies.disposition_first_submitted_date", "studies.has_results", "pending_results", "studies.is_us_export",
          "facilities.country",
          "id_information.id_value"),
         _results_overdue_sql(),
         family=FAMILY, category="missing_field"),
    rule("not_yet_recruiting_past_start", "warning",
         "A study still NOT_YET_RECRUITING more than 90 days after its start date has a stale "
         "status or start date (42 CFR 11.64: changes within 30 days). A start before 1940 is a typo "
         "(dates.implausible_date), no day to count from.",
         ("studies.overall_status", "studies.start_date"), _not_yet_recruiting_sql(), family=FAMILY),
)
