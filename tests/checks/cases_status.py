"""Cases for checks.status: the overall status against the reason for stopping, the primary
completion type and the enrollment."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


def _clean(_s) -> None:
    """No change: the clean study."""


STOPPED = "status.stopped_without_reason"
OPEN_ACTUAL = "status.open_status_actual_primary_completion"
WITHDRAWN = "status.withdrawn_with_enrollment"
SITES = "status.site_status_differs"


def sites(overall: str, *statuses: str | None, layout: str = "ctgov_json_v2"):
    """A change that sets the overall status, one site per status given, and the layout."""
    def change(s):
        s["studies"][0].update(overall_status=overall, source_layout=layout, primary_completion_date_type="ESTIMATED",
                               completion_date_type="ESTIMATED", enrollment_type="ESTIMATED")
        site = s["facilities"][0]
        s["facilities"] = [{**site, "name": f"Site {i}", "status": status} for i, status in enumerate(statuses)]
    return change

CASES = [
    Case(STOPPED, True, study(overall_status="TERMINATED", enrollment=12)),
    Case(STOPPED, True, study(overall_status="SUSPENDED", why_stopped="  "), note="blank reason"),
    Case(STOPPED, True, study(overall_status="WITHDRAWN", enrollment=0), note="withdrawn"),
    Case(STOPPED, True, study(overall_status="TERMINATED", study_first_posted_date=d(2005, 3, 1)),
         note="before FDAAA: fires at info"),
    Case(STOPPED, False, study(overall_status="TERMINATED", why_stopped="Sponsor decision")),
    Case(STOPPED, True, study(overall_status="TERMINATED", source_layout="summary_text"),
         note="a trial summary shows the reason wherever the record gives one"),
    Case(STOPPED, False, study(overall_status="TERMINATED", source_layout="aggregator_text"),
         note="a meddatax page may show no reason (compact)"),
    Case(STOPPED, False, _clean, note="completed"),

    Case(OPEN_ACTUAL, True, study(overall_status="RECRUITING"), note="recruiting, primary completion ACTUAL"),
    Case(OPEN_ACTUAL, True, study(overall_status="NOT_YET_RECRUITING"), note="cannot be right: error"),
    Case(OPEN_ACTUAL, True, study(overall_status="ENROLLING_BY_INVITATION")),
    Case(OPEN_ACTUAL, False, study(overall_status="RECRUITING", primary_completion_date_type="ESTIMATED")),
    Case(OPEN_ACTUAL, False, study(overall_status="ACTIVE_NOT_RECRUITING"),
         note="active, not recruiting: follow-up may continue past primary completion"),
    Case(OPEN_ACTUAL, False, _clean, note="completed"),

    Case(WITHDRAWN, True, study(overall_status="WITHDRAWN", why_stopped="No funding"),
         note="ACTUAL 40: error"),
    Case(WITHDRAWN, True, study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment_type="ESTIMATED"),
         note="planned 40 left over: info"),
    Case(WITHDRAWN, False, study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0)),
    Case(WITHDRAWN, False, study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=None,
                                 enrollment_type=None)),
    Case(WITHDRAWN, False, study(overall_status="TERMINATED", why_stopped="Slow accrual"), note="terminated"),
    Case(WITHDRAWN, False, _clean, note="completed"),
]

# Expanded-access statuses, legacy records and withdrawn plans.
EXPANDED_ACCESS = dict(study_type="EXPANDED_ACCESS", phase=None, enrollment=None, enrollment_type=None,
                       start_date=None, start_date_type=None, primary_completion_date=None,
                       primary_completion_date_type=None, completion_date=None, completion_date_type=None)

CASES += [
    Case(STOPPED, False, study(overall_status="NO_LONGER_AVAILABLE", **EXPANDED_ACCESS),
         note="expanded access no longer available: no reason asked"),
    Case(STOPPED, False, study(overall_status="TEMPORARILY_NOT_AVAILABLE", **EXPANDED_ACCESS)),
    Case(STOPPED, False, study(overall_status="WITHHELD", **EXPANDED_ACCESS)),
    Case(STOPPED, True, study(overall_status="TERMINATED", start_date=d(2002, 1, 1), primary_completion_date=None,
                              completion_date=d(2004, 1, 1), study_first_submitted_date=d(2001, 12, 1),
                              study_first_posted_date=d(2001, 12, 5), last_update_posted_date=d(2005, 6, 24)),
         note="legacy record terminated 2004: info"),
    Case(OPEN_ACTUAL, False, study(overall_status="RECRUITING", primary_completion_date_type=None),
         note="legacy record without date types"),
    Case(OPEN_ACTUAL, False, study(overall_status="AVAILABLE", **EXPANDED_ACCESS), note="expanded access"),
    Case(WITHDRAWN, True, study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment_type=None),
         note="legacy count without a type: info"),
]

# A reason for stopping that names none: a placeholder, or the status said again (NCT00462254: "Study
# discontinued."). Anything that names a cause is a reason, however short or in whatever script.
CASES += [
    Case(STOPPED, True, study(overall_status="TERMINATED", why_stopped="N/A"), note="N/A"),
    Case(STOPPED, True, study(overall_status="TERMINATED", why_stopped="Other"), note="Other"),
    Case(STOPPED, True, study(overall_status="TERMINATED", why_stopped="-"), note="a dash"),
    Case(STOPPED, True, study(overall_status="SUSPENDED", why_stopped="NA", primary_completion_date_type="ESTIMATED",
                              completion_date_type="ESTIMATED"), note="NA, suspended"),
    Case(STOPPED, True, study(overall_status="WITHDRAWN", why_stopped="none", enrollment=0), note="none, withdrawn"),
    Case(STOPPED, True, study(overall_status="TERMINATED", why_stopped="Unknown reasons"), note="unknown reasons"),
    Case(STOPPED, True, study(overall_status="TERMINATED", why_stopped="Study discontinued.",
                              study_first_posted_date=d(2007, 4, 18)),
         note="the status said again (NCT00462254): info before FDAAA"),
    Case(STOPPED, True, study(overall_status="WITHDRAWN", why_stopped="Withdrawn", enrollment=0),
         note="withdrawn, said again"),
    Case(STOPPED, False, study(overall_status="TERMINATED", why_stopped="Other - PI left institution"),
         note="other, then the reason"),
    Case(STOPPED, False, study(overall_status="TERMINATED", why_stopped="Another sponsor took over the programme"),
         note="'another' is no placeholder"),
    Case(STOPPED, False, study(overall_status="TERMINATED", why_stopped="Study terminated by sponsor"),
         note="who stopped it"),
    Case(STOPPED, False, study(overall_status="TERMINATED", why_stopped="资金不足"), note="a reason in another script"),
    Case(STOPPED, False, study(overall_status="WITHDRAWN", why_stopped="Study not started: no funding", enrollment=0),
         note="a reason after the status"),
    Case(OPEN_ACTUAL, True, study(overall_status="RECRUITING", primary_completion_date=d(2026, 11, 22),
                                  last_update_posted_date=d(2026, 11, 22), completion_date=d(2027, 1, 1),
                                  completion_date_type="ESTIMATED"),
         note="primary completion ACTUAL today, still recruiting"),
    Case(OPEN_ACTUAL, False, study(overall_status="ACTIVE_NOT_RECRUITING", completion_date_type="ESTIMATED"),
         note="follow-up after primary completion"),
    Case(WITHDRAWN, True, study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=1),
         note="one participant ACTUAL"),
]

# A reason said to be missing is no reason; a reason that opens with "No" names what was missing.
CASES += [
    Case(STOPPED, True, study(overall_status="TERMINATED", why_stopped="No reason given"), note="no reason given"),
    Case(STOPPED, True, study(overall_status="SUSPENDED", why_stopped="Not specified"), note="not specified"),
    Case(STOPPED, False, study(overall_status="WITHDRAWN", enrollment=0, why_stopped="No funding"),
         note="no funding is a reason"),
    Case(STOPPED, False, study(overall_status="TERMINATED", why_stopped="Not enough participants"),
         note="not enough participants is a reason"),
]

# The overall status against its sites' statuses.
CASES += [
    Case(SITES, True, sites("NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"), note="a site enrolls by invitation"),
    Case(SITES, True, sites("NOT_YET_RECRUITING", "NOT_YET_RECRUITING", "RECRUITING"), note="one site recruits"),
    Case(SITES, True, sites("NOT_YET_RECRUITING", "COMPLETED", "NOT_YET_RECRUITING"), note="a site completed"),
    Case(SITES, True, sites("RECRUITING", "NOT_YET_RECRUITING", "NOT_YET_RECRUITING"), note="no site has begun"),
    Case(SITES, True, sites("RECRUITING", "WITHDRAWN", "ACTIVE_NOT_RECRUITING", "COMPLETED"),
         note="every site closed or withdrawn"),
    Case(SITES, True, sites("RECRUITING", "SUSPENDED"), note="the one site suspended"),
    Case(SITES, False, sites("NOT_YET_RECRUITING", "NOT_YET_RECRUITING", "WITHDRAWN"), note="no site has begun"),
    Case(SITES, False, sites("RECRUITING", "NOT_YET_RECRUITING", "RECRUITING"), note="one site recruits"),
    Case(SITES, False, sites("RECRUITING", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING"),
         note="a site enrolls by invitation"),
    Case(SITES, False, sites("RECRUITING", "NOT_YET_RECRUITING", None), note="a site gives no status: unknown"),
    Case(SITES, False, sites("RECRUITING", None, None), note="no site gives a status"),
    Case(SITES, False, sites("ACTIVE_NOT_RECRUITING", "RECRUITING"),
         note="a closed study's stale site status: not this rule's"),
    Case(SITES, False, sites("NOT_YET_RECRUITING", "RECRUITING", layout="ctgov_classic_text"),
         note="a republished page: its site statuses are read from the page"),
    Case(SITES, False, _clean, note="completed, its site without a status"),
]

COMPLETED_REASON = "status.completed_with_reason_stopped"
CASES += [
    Case(COMPLETED_REASON, True, study(why_stopped="Terminated early due to sufficient data acquired"),
         note="completed, terminated early: warning"),
    Case(COMPLETED_REASON, True, study(why_stopped="Study stopped for futility at the interim analysis"),
         note="stopped for futility: warning"),
    Case(COMPLETED_REASON, True, study(why_stopped="Enrollment paused during the COVID-19 pandemic"),
         note="a pause the study came back from: info"),
    Case(COMPLETED_REASON, False, study(why_stopped="N/A"), note="a placeholder names no reason"),
    Case(COMPLETED_REASON, False, study(why_stopped=None), note="no reason"),
    Case(COMPLETED_REASON, False, study(overall_status="TERMINATED", why_stopped="Terminated early for futility"),
         note="terminated: the reason is asked"),
    Case(COMPLETED_REASON, True, study(why_stopped="Terminated early", source_layout="aggregator_text"),
         note="a reason a republished page shows"),
]

# A completed study's reason that only says it ran its course, and an early end said in the status's own words.
CASES += [
    Case(COMPLETED_REASON, False, study(why_stopped="Study completed as planned"), note="the status said again"),
    Case(COMPLETED_REASON, False, study(why_stopped="Recruitment closed after the target sample size was reached"),
         note="accrual ran its course"),
    Case(COMPLETED_REASON, False, study(why_stopped="The study was not stopped; it completed normally"),
         note="a denial"),
    Case(COMPLETED_REASON, True, study(why_stopped="Terminated early"),
         note="an early end in the status's own words: warning"),
]
