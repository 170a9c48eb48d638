"""Deadline and status rules on record shapes a reviewer would read otherwise: a trial registered late on
ClinicalTrials.gov that gives the id of another registry ICMJE accepts, results submitted and then canceled by the
sponsor, a page that says the study has results without their dates, an enrollment marked actual without a count,
actual dates or counts of a study last known not yet recruiting, and a clincosm header against an estimated
enrollment. What fires or stays quiet is also in tests/checks/cases_*.py;
here, how loud each finding is and what it says."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
LATE = "timeliness.late_registration"
OVERDUE = "timeliness.results_overdue"
ACTUALS = "contradictions.not_yet_recruiting_with_actuals"
HEADER = "contradictions.header_metrics_differ"

# The clean study (started 2020-01-16, sites in China) first submitted 351 days after its start.
REGISTERED_LATE = dict(study_first_submitted_date=date(2021, 1, 1), study_first_posted_date=date(2021, 1, 5))
# The clean study completed 2021-06 as an FDA-regulated drug trial registered in time, no results.
DUE = dict(study_first_submitted_date=date(2019, 11, 20), is_fda_regulated_drug=True)
NOT_YET = dict(overall_status="NOT_YET_RECRUITING", start_date=date(2027, 3, 1), start_date_type="ESTIMATED",
               primary_completion_date=date(2028, 6, 1), primary_completion_date_type="ESTIMATED",
               completion_date=date(2028, 12, 1), completion_date_type="ESTIMATED")

# The registry's UNKNOWN over a record its sponsor last gave as not yet recruiting.
LAST_KNOWN = dict(overall_status="UNKNOWN", last_known_status="NOT_YET_RECRUITING", start_date=date(2020, 3, 1),
                  primary_completion_date=date(2022, 6, 1), completion_date=date(2022, 12, 1),
                  enrollment_type="ESTIMATED", last_update_posted_date=date(2020, 1, 1),
                  verification_date=date(2020, 1, 1), study_first_posted_date=date(2019, 12, 2))


def _ids(org_study_id: str, *secondary: str) -> dict:
    """The record's own id and its secondary ids."""
    return {"id_information": [{"id_source": "org_study_id", "id_value": org_study_id}]
            + [{"id_source": "secondary_id", "id_value": value} for value in secondary]}


def _pending(*events) -> dict:
    """Results submitted and not yet posted, as (event, day) pairs."""
    return {"pending_results": [{"event": event, "event_date_description": str(day), "event_date": day}
                                for event, day in events]}


# The ids of registries ICMJE accepts, as records give them (their own id or a secondary id).
OTHER_REGISTRIES = ("ISRCTN12345678", "ACTRN12619000123456", "ChiCTR2000031234", "ChiCTR-IOR-17012345",
                    "DRKS00012345", "IRCT2015050922175N1", "JPRN-UMIN000012345", "jRCTs031190001", "KCT0001234",
                    "PACTR201901123456789", "TCTR20190101001", "RBR-7b3y9k", "SLCTR/2019/001")
# Ids that are no registration in a registry ICMJE accepts: a EudraCT number (public only from 2011), NCI's CTRP id,
# the WHO's universal trial number, an ethics committee's number, a grant, a registry named without a number.
NO_REGISTRY = ("2019-001234-56", "EudraCT 2019-001234-56", "NCI-2021-08685", "U1111-1234-5678", "IRB-2019-0012",
               "R01 HL123456", "ChiCTR pending", "ISRCTN")

# Ids that say when the trial was registered there (CTRI's month, ChiCTR's and ACTRN's year), against the start on
# 2020-01-16: registered there within 21 days of it, or only later.
DATED_IN_TIME = ("CTRI/2020/02/012345", "CTRI/2019/12/012345", "ChiCTR2000031234", "ChiCTR-IOR-20012345",
                 "ACTRN12620000123456")
DATED_LATE = ("CTRI/2020/03/012345", "CTRI/2020/12/007532", "ChiCTR2100031234", "ChiCTR-IOR-21012345",
              "ACTRN12621000123456")

# A US site and no FDA flags (a record from before the final rule): the interventions (type, name) stand in for them.
US_SITE = {"facilities": [{"name": "Mayo Clinic", "city": "Rochester", "country": "United States"}],
           "countries": [{"name": "United States", "removed": False}]}
COMPARATORS_ONLY = ((("DIETARY_SUPPLEMENT", "Vitamin D3"), ("DRUG", "Placebo")),
                    (("BEHAVIORAL", "Cognitive behavioral therapy"), ("DEVICE", "Sham tDCS")),
                    (("BEHAVIORAL", "Exercise"), ("DRUG", "Matching placebo tablets")),
                    (("BEHAVIORAL", "Open-label placebo education"), ("DRUG", "Sugar pill")))
WITH_A_PRODUCT = ((("DRUG", "Placebo + metformin"),),
                  (("DRUG", "Placebo plus standard chemotherapy"),),
                  (("DRUG", "Metformin"), ("DRUG", "Placebo")),
                  (("BIOLOGICAL", "Placebo vaccine"), ("BIOLOGICAL", "Fluzone Quadrivalent")),
                  (("DEVICE", "Shampoo applicator"),))


def _interventions(*typed_names) -> dict:
    """A US site, and the interventions given as (type, name), linked to no arm."""
    return {**US_SITE, "design_group_interventions": [],
            "interventions": [{"intervention_type": kind, "name": name} for kind, name in typed_names]}


# shape: (nct_id, studies values, other tables)
SHAPES = {
    **{f"late, {value}": (f"NCT0500{n:04d}", REGISTERED_LATE, _ids("P-1", value))
       for n, value in enumerate(OTHER_REGISTRIES)},
    **{f"late, {value}": (f"NCT0510{n:04d}", REGISTERED_LATE, _ids("P-1", value))
       for n, value in enumerate(NO_REGISTRY)},
    **{f"late, dated {value}": (f"NCT0520{n:04d}", REGISTERED_LATE, _ids(value))
       for n, value in enumerate(DATED_IN_TIME + DATED_LATE, start=10)},
    "late, its own id from CTRI": ("NCT05200001", {**REGISTERED_LATE, "start_date": date(2020, 8, 10)},
                                   _ids("CTRI/2020/08/027279")),
    "late, FDA-regulated drug, ISRCTN": ("NCT05200002", {**REGISTERED_LATE, "is_fda_regulated_drug": True},
                                         _ids("P-1", "ISRCTN12345678")),
    "late before ICMJE, ISRCTN": ("NCT05200003", dict(start_date=date(2003, 1, 1),
                                                      study_first_submitted_date=date(2005, 9, 1),
                                                      study_first_posted_date=date(2005, 9, 2)),
                                  _ids("P-1", "ISRCTN12345678")),
    "results submitted in time, canceled": ("NCT05300001", DUE, _pending(("RELEASE", date(2022, 5, 30)),
                                                                         ("UNRELEASE", date(2022, 6, 10)))),
    "results submitted late, canceled, resubmitted": ("NCT05300002", DUE, _pending(
        ("RELEASE", date(2023, 1, 10)), ("UNRELEASE", date(2023, 1, 20)), ("RELEASE", date(2023, 2, 1)))),
    "a page with results, no dates": ("NCT05300003", {**DUE, "has_results": True, "source_layout": "summary_text"},
                                      {}),
    "a page without results": ("NCT05300004", {**DUE, "has_results": False, "source_layout": "summary_text"}, {}),
    **{f"no FDA flags, {shown}": (f"NCT0530{n:04d}", {"study_first_submitted_date": date(2019, 11, 20)},
                                  _interventions(*shown))
       for n, shown in enumerate(COMPARATORS_ONLY + WITH_A_PRODUCT, start=10)},
    "not yet recruiting, actual without a count": ("NCT05400001", {**NOT_YET, "enrollment": None,
                                                                   "enrollment_type": "ACTUAL"}, {}),
    "not yet recruiting, actual 30": ("NCT05400002", {**NOT_YET, "enrollment": 30, "enrollment_type": "ACTUAL"}, {}),
    "last known not yet recruiting, actual start": ("NCT05400003", {**NOT_YET, **LAST_KNOWN,
                                                                    "start_date_type": "ACTUAL"}, {}),
    "last known not yet recruiting, actual 0": ("NCT05400004", {**NOT_YET, **LAST_KNOWN, "enrollment": 0,
                                                                "enrollment_type": "ACTUAL"}, {}),
    "last known not yet recruiting, estimates": ("NCT05400005", {**NOT_YET, **LAST_KNOWN}, {}),
    "last known recruiting, actual start": ("NCT05400006", {**NOT_YET, **LAST_KNOWN, "start_date_type": "ACTUAL",
                                                            "last_known_status": "RECRUITING"}, {}),
    "header 12, an estimate of 40": ("NCT05500001", {"source_layout": "ctgov_classic_text",
                                                     "enrollment_type": "ESTIMATED"},
                                     {"page_header_metrics": [{"enrollment": 12, "sites": 1, "arms": 2}]}),
    "header 12, a legacy count of 40": ("NCT05500002", {"source_layout": "ctgov_classic_text",
                                                        "enrollment_type": None},
                                        {"page_header_metrics": [{"enrollment": 12, "sites": 1, "arms": 2}]}),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the four rules: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("timeliness_status"), SHAPES,
                                  [RULES[rule_id] for rule_id in (LATE, OVERDUE, ACTUALS, HEADER)])


def _of(found, shape: str, rule_id: str) -> list[tuple[str, str, str]]:
    return [(severity, message, evidence) for rule, severity, message, evidence in found[shape] if rule == rule_id]


@pytest.mark.parametrize("registry_id", OTHER_REGISTRIES)
def test_a_late_registration_that_gives_another_registrys_id_is_info_and_names_it(found, registry_id):
    [(severity, message, evidence)] = _of(found, f"late, {registry_id}", LATE)
    assert severity == "info"
    assert message == ("Study was first submitted on 2021-01-01, 351 days after it started on 2020-01-16 (ACTUAL): "
                       f"registered late. It gives the id {registry_id} of another registry that ICMJE accepts, "
                       "where it may have been registered before it started.")
    assert evidence.endswith(f"; other registry id={registry_id}")


def test_a_registrys_id_given_as_the_records_own_id_counts(found):
    [(severity, message, _)] = _of(found, "late, its own id from CTRI", LATE)
    assert severity == "info" and "It gives the id CTRI/2020/08/027279 of another registry" in message


@pytest.mark.parametrize("registry_id, severity", [(value, "info") for value in DATED_IN_TIME]
                         + [(value, "warning") for value in DATED_LATE])
def test_an_id_that_shows_a_registration_after_the_21_days_excuses_nothing(found, registry_id, severity):
    [(found_severity, message, evidence)] = _of(found, f"late, dated {registry_id}", LATE)
    assert (found_severity, "another registry" in message, "other registry id" in evidence) == (
        severity, severity == "info", severity == "info")


@pytest.mark.parametrize("value", NO_REGISTRY)
def test_an_id_of_no_registry_icmje_accepts_leaves_the_late_registration_a_warning(found, value):
    [(severity, message, evidence)] = _of(found, f"late, {value}", LATE)
    assert (severity, message.endswith("registered late."), "other registry" in evidence) == ("warning", True, False)


def test_an_fda_regulated_trial_owes_clinicaltrials_gov_its_registration_whatever_else_it_gives(found):
    [(severity, message, evidence)] = _of(found, "late, FDA-regulated drug, ISRCTN", LATE)
    assert (severity, message.endswith("registered late."), "other registry" in evidence) == ("warning", True, False)


def test_a_registration_before_icmje_is_info_whatever_other_registry_it_names(found):
    # ISRCTN, like most registries ICMJE accepts, opened after such a trial started
    assert _of(found, "late before ICMJE, ISRCTN", LATE) == [(
        "info", "Study was first submitted on 2005-09-01, 974 days after it started on 2003-01-01 (ACTUAL): "
                "registered after it started, as was usual before ICMJE asked trials starting from 2005-07-01 to "
                "register first.",
        "study_first_submitted_date=2005-09-01; start_date=2003-01-01 (ACTUAL); days after start=974")]


def test_results_submitted_then_canceled_are_said_so(found):
    [(severity, message, evidence)] = _of(found, "results submitted in time, canceled", OVERDUE)
    assert severity == "warning"
    assert message == ("Primary completion was 2021-06-01 (ACTUAL) and results were due by 2022-06-01; results "
                       "submitted on 2022-05-30 were later canceled by the sponsor, and none are submitted as of "
                       "2026-11-22.")
    assert "results submitted, not posted (pending_results)=2022-05-30, canceled by the sponsor;" in evidence


def test_results_submitted_again_after_a_cancel_are_submitted_late(found):
    [(severity, message, _)] = _of(found, "results submitted late, canceled, resubmitted", OVERDUE)
    assert severity == "info" and "they were first submitted on 2023-01-10, 223 days late" in message


def test_a_page_that_says_the_study_has_results_owes_none(found):
    assert _of(found, "a page with results, no dates", OVERDUE) == []
    [(severity, message, _)] = _of(found, "a page without results", OVERDUE)
    assert severity == "warning" and message.endswith("but none were submitted as of 2026-11-22.")


def test_an_actual_enrollment_without_a_count_is_said_so(found):
    assert [(s, m) for s, m, _ in _of(found, "not yet recruiting, actual without a count", ACTUALS)] == [
        ("warning", "The study is NOT_YET_RECRUITING but its enrollment (no count given) is marked actual.")]
    assert [(s, m) for s, m, _ in _of(found, "not yet recruiting, actual 30", ACTUALS)] == [
        ("error", "The study is NOT_YET_RECRUITING but its enrollment of 30 is marked actual.")]


@pytest.mark.parametrize("shape, said", [("header 12, an estimate of 40", "40 (ESTIMATED)"),
                                         ("header 12, a legacy count of 40", "40")])
def test_a_header_enrollment_is_set_against_the_records_enrollment_as_typed(found, shape, said):
    [(severity, message, _)] = _of(found, shape, HEADER)
    assert (severity, message) == ("warning", f"The page header says 12 participants but the record's enrollment is "
                                              f"{said}.")


@pytest.mark.parametrize("shape, said", [
    ("last known not yet recruiting, actual start",
     ("error", "The study's last known status is NOT_YET_RECRUITING (now UNKNOWN) but its start date 2020-03-01 is "
               "marked actual.", "studies.overall_status = 'UNKNOWN'; studies.last_known_status = "
                                 "'NOT_YET_RECRUITING'; studies.start_date = 2020-03-01 (ACTUAL)")),
    ("last known not yet recruiting, actual 0",
     ("warning", "The study's last known status is NOT_YET_RECRUITING (now UNKNOWN) but its enrollment of 0 is "
                 "marked actual.", "studies.overall_status = 'UNKNOWN'; studies.last_known_status = "
                                   "'NOT_YET_RECRUITING'; studies.enrollment = 0 (ACTUAL)")),
])
def test_a_study_last_known_not_yet_recruiting_is_judged_by_what_its_sponsor_said(found, shape, said):
    assert _of(found, shape, ACTUALS) == [said]


@pytest.mark.parametrize("shape", ["last known not yet recruiting, estimates", "last known recruiting, actual start"])
def test_a_study_last_known_otherwise_or_with_estimates_only_is_no_contradiction(found, shape):
    assert _of(found, shape, ACTUALS) == []


@pytest.mark.parametrize("shown, fires", [(shown, False) for shown in COMPARATORS_ONLY]
                         + [(shown, True) for shown in WITH_A_PRODUCT])
def test_a_placebo_or_sham_is_no_product_that_makes_a_trial_owe_results(found, shown, fires):
    assert bool(_of(found, f"no FDA flags, {shown}", OVERDUE)) is fires
