"""The registry's deadlines and an NCT number's date, on records written to fool them. Late registration: a start kept
to the month (stored on its first or last day) or the year, an estimated or untyped start, a legacy record whose
submission date was stamped again later, trials begun before ICMJE's rule, phase 1 trials, observational studies,
another registry's id. Results overdue: as of the deadline's day itself, a primary completion on 29 February or kept to
the month, the final rule's effective day, a certificate of delay, results in the registry's review, a placebo typed as
a drug (a topical drug's vehicle, a saline placebo) beside no product, FDA flags absent from a legacy record. An NCT
number on a page that gives neither a posting date nor a snapshot, never judged unissued by an earlier as_of alone.
Whether each rule fires is asserted with its severity; shapes marked "new" were judged otherwise before."""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
LATE = "timeliness.late_registration"
OVERDUE = "timeliness.results_overdue"
NOT_YET_PAST = "timeliness.not_yet_recruiting_past_start"
IDENTITY = "identity.nct_number_not_yet_issued"
OLD_COPY = "freshness.copy_is_old"
WARNING, INFO, ERROR = "warning", "info", "error"

# The clean study started 2020-01-16 (ACTUAL), completed its primary outcome 2021-06-01 (ACTUAL): a phase 2 trial
# with a site in China, first posted 2019-12-02.
ON_TIME = dict(study_first_submitted_date=d(2019, 11, 20))
# A phase 2 trial of an FDA-regulated drug, registered in time, no results: due 2022-06-01.
DUE = dict(ON_TIME, is_fda_regulated_drug=True)
US_SITE = {"facilities": [{"name": "Mayo Clinic", "city": "Rochester", "country": "United States"}],
           "countries": [{"name": "United States", "removed": False}]}
LEGACY = dict(ON_TIME, is_fda_regulated_drug=None, is_fda_regulated_device=None)
NOT_YET = dict(overall_status="NOT_YET_RECRUITING", start_date_type="ESTIMATED", enrollment_type="ESTIMATED",
               primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED",
               primary_completion_date=d(2028, 1, 1), completion_date=d(2028, 6, 1))
OBSERVATIONAL = {"designs": [{"allocation": None, "intervention_model": None, "primary_purpose": None,
                              "masking": None, "observational_model": "COHORT"}]}


def _submitted(day: d, **values) -> dict:
    """The studies row first submitted on `day`, with no posting date to judge it by instead."""
    return dict(values, study_first_submitted_date=day, study_first_posted_date=None)


def _ids(*secondary: str) -> dict:
    return {"id_information": [{"id_source": "org_study_id", "id_value": "P-1"}]
            + [{"id_source": "secondary_id", "id_value": value} for value in secondary]}


def _interventions(*typed_names) -> dict:
    """A US site and the interventions (type, name), linked to no arm: a legacy record without FDA flags."""
    return {**US_SITE, "design_group_interventions": [],
            "interventions": [{"intervention_type": kind, "name": name} for kind, name in typed_names]}


def _pending(day: d) -> dict:
    return {"pending_results": [{"event": "RELEASE", "event_date_description": str(day), "event_date": day}]}


def _completed(day: d, precision: str = "day", **values) -> dict:
    """DUE with its primary completion on `day` (kept to `precision`)."""
    return dict(DUE, primary_completion_date=day, primary_completion_date_precision=precision, **values)


# name: (the studies row's changed values, tables replacing the clean study's, the rule judged, the severity it finds
# or None). "new": judged otherwise before.
SHAPES = {
    # --- late registration: the day of the start and of the registration --------------------------------------------
    "22 days after the start": (_submitted(d(2020, 2, 7)), {}, LATE, WARNING),
    "21 days after the start": (_submitted(d(2020, 2, 6)), {}, LATE, None),
    "the day it started": (_submitted(d(2020, 1, 16)), {}, LATE, None),
    "before it started": (_submitted(d(2019, 6, 1)), {}, LATE, None),
    "start 2020-01 stored on its last day, 21 days after it ends": (
        _submitted(d(2020, 2, 21), start_date=d(2020, 1, 31), start_date_precision="month"), {}, LATE, None),
    "start 2020-01 stored on its last day, 22 days after it ends": (
        _submitted(d(2020, 2, 22), start_date=d(2020, 1, 31), start_date_precision="month"), {}, LATE, WARNING),
    "start 2020-01 stored on its first day (an older warehouse), 15 days after it ends": (
        _submitted(d(2020, 2, 15), start_date=d(2020, 1, 1), start_date_precision="month"), {}, LATE, None),
    "start 2020-02 in a leap year, 21 days after its 29th": (
        _submitted(d(2020, 3, 21), start_date=d(2020, 2, 1), start_date_precision="month"), {}, LATE, None),
    "start 2020 (the year only), registered in June": (
        _submitted(d(2020, 6, 1), start_date=d(2020, 12, 31), start_date_precision="year"), {}, LATE, None),
    "start 2019 (the year only), registered 22 days after it ends": (
        _submitted(d(2020, 1, 22), start_date=d(2019, 12, 31), start_date_precision="year"), {}, LATE, WARNING),
    "an estimated start, long before the registration": (
        _submitted(d(2021, 6, 1), start_date_type="ESTIMATED"), {}, LATE, None),
    "an untyped start of a recruiting legacy record": (
        _submitted(d(2021, 6, 1), start_date_type=None, overall_status="RECRUITING",
                   primary_completion_date_type="ESTIMATED", completion_date=d(2027, 1, 1),
                   completion_date_type="ESTIMATED", primary_completion_date=d(2026, 12, 1)), {}, LATE, WARNING),
    "no start date": (_submitted(d(2021, 6, 1), start_date=None, start_date_type=None), {}, LATE, None),
    "no submission date (a page that gives none)": (
        dict(study_first_posted_date=d(2021, 6, 1), source_layout="aggregator_text"), {}, LATE, None),
    "posted in time, its submission stamped again years later": (
        dict(study_first_submitted_date=d(2006, 7, 13), study_first_posted_date=d(1999, 11, 4),
             start_date=d(1999, 10, 31), start_date_precision="month", start_date_type=None), {}, LATE, None),
    "posted 52 days after the start, its submission stamped again later": (
        dict(study_first_submitted_date=d(2006, 7, 13), study_first_posted_date=d(2005, 9, 22),
             start_date=d(2005, 8, 1), start_date_type=None), {}, LATE, WARNING),
    "begun 1995, registered with the registry's opening": (
        _submitted(d(1999, 11, 1), start_date=d(1995, 3, 31), start_date_precision="month", start_date_type=None),
        {}, LATE, INFO),
    "begun 2001, registered 2002": (_submitted(d(2002, 1, 10), start_date=d(2001, 3, 1), start_date_type=None), {},
                                    LATE, INFO),
    "begun 2005-06 (the month), registered 2006": (
        _submitted(d(2006, 3, 1), start_date=d(2005, 6, 30), start_date_precision="month"), {}, LATE, INFO),
    "begun 2005-07 (the month), registered 2006": (
        _submitted(d(2006, 3, 1), start_date=d(2005, 7, 31), start_date_precision="month"), {}, LATE, WARNING),
    "begun 2005-06-30, registered 2006": (_submitted(d(2006, 3, 1), start_date=d(2005, 6, 30)), {}, LATE, INFO),
    "begun 2005-07-01, registered 2006": (_submitted(d(2006, 3, 1), start_date=d(2005, 7, 1)), {}, LATE, WARNING),
    "phase 1 begun 2007, registered 2008": (_submitted(d(2008, 2, 1), start_date=d(2007, 5, 1), phase="PHASE1"), {},
                                            LATE, INFO),
    "phase 1 begun 2009, registered 2010": (_submitted(d(2010, 2, 1), start_date=d(2009, 5, 1), phase="PHASE1"), {},
                                            LATE, WARNING),
    "an observational study registered a year on": (
        _submitted(d(2021, 1, 16), study_type="OBSERVATIONAL", phase=None), OBSERVATIONAL, LATE, None),
    "a patient registry registered years on": (
        _submitted(d(2024, 1, 16), study_type="OBSERVATIONAL", phase=None, patient_registry=True), OBSERVATIONAL,
        LATE, None),
    "withdrawn, its start passed": (_submitted(d(2021, 1, 16), overall_status="WITHDRAWN", why_stopped="No funds",
                                               enrollment=0), {}, LATE, None),
    "completed, an actual 0 enrolled": (_submitted(d(2021, 1, 16), enrollment=0), {}, LATE, None),
    "not yet recruiting, a past start marked actual": (
        _submitted(d(2021, 1, 16), **dict(NOT_YET, start_date_type="ACTUAL")), {}, LATE, None),
    "an FDA-regulated drug and an ISRCTN id": (_submitted(d(2021, 1, 16), is_fda_regulated_drug=True),
                                               _ids("ISRCTN12345678"), LATE, WARNING),
    "a DRKS id, no FDA-regulated product": (_submitted(d(2021, 1, 16)), _ids("DRKS00012345"), LATE, INFO),
    "a CTRI id of a month after the start": (_submitted(d(2021, 1, 16)), _ids("CTRI/2020/04/012345"), LATE, WARNING),
    # --- results overdue: the deadline's day --------------------------------------------------------------------------
    "due 2022-06-01, judged on 2022-06-01": (dict(DUE, snapshot_date=d(2022, 6, 1)), {}, OVERDUE, None),
    "due 2022-06-01, judged on 2022-06-02": (dict(DUE, snapshot_date=d(2022, 6, 2)), {}, OVERDUE, WARNING),
    "completed on 29 February 2020, judged on 2021-02-28": (
        _completed(d(2020, 2, 29), snapshot_date=d(2021, 2, 28)), {}, OVERDUE, None),
    "completed on 29 February 2020, judged on 2021-03-01": (  # new
        _completed(d(2020, 2, 29), snapshot_date=d(2021, 3, 1)), {}, OVERDUE, None),
    "completed on 29 February 2020, judged on 2021-03-02": (
        _completed(d(2020, 2, 29), snapshot_date=d(2021, 3, 2)), {}, OVERDUE, WARNING),
    "completed on 1 March 2019, judged on 2020-02-29": (
        _completed(d(2019, 3, 1), start_date=d(2018, 1, 16), snapshot_date=d(2020, 2, 29)), {}, OVERDUE, None),
    "completed on 1 March 2019, judged on 2020-03-02": (
        _completed(d(2019, 3, 1), start_date=d(2018, 1, 16), snapshot_date=d(2020, 3, 2)), {}, OVERDUE, WARNING),
    "completed on 29 February, a certificate in time, judged on the third anniversary's 1 March": (  # new
        _completed(d(2020, 2, 29), disposition_first_submitted_date=d(2020, 9, 1), snapshot_date=d(2023, 3, 1)), {},
        OVERDUE, None),
    "completed on 29 February, a certificate on the first anniversary's 1 March": (  # new
        _completed(d(2020, 2, 29), disposition_first_submitted_date=d(2021, 3, 1), snapshot_date=d(2022, 6, 1)), {},
        OVERDUE, None),
    "completed on 29 February, a certificate on 2 March of the next year": (
        _completed(d(2020, 2, 29), disposition_first_submitted_date=d(2021, 3, 2), snapshot_date=d(2022, 6, 1)), {},
        OVERDUE, WARNING),
    "completed on 29 February, a certificate in time, judged on 2023-03-02": (
        _completed(d(2020, 2, 29), disposition_first_submitted_date=d(2020, 9, 1), snapshot_date=d(2023, 3, 2)), {},
        OVERDUE, WARNING),
    "completed 2021-06 (the month), judged on 2022-06-30": (
        _completed(d(2021, 6, 30), "month", snapshot_date=d(2022, 6, 30)), {}, OVERDUE, None),
    "completed 2021-06 (the month), judged on 2022-07-01": (
        _completed(d(2021, 6, 30), "month", snapshot_date=d(2022, 7, 1)), {}, OVERDUE, WARNING),
    "completed 2021-06 stored on its first day, judged on 2022-06-30": (
        _completed(d(2021, 6, 1), "month", snapshot_date=d(2022, 6, 30)), {}, OVERDUE, None),
    "completed 2021 (the year only), judged on 2022-12-31": (
        _completed(d(2021, 12, 31), "year", completion_date=d(2022, 3, 1), snapshot_date=d(2022, 12, 31)), {},
        OVERDUE, None),
    "completed on the final rule's first day": (_completed(d(2017, 1, 18), start_date=d(2016, 1, 16),
                                                           study_first_submitted_date=d(2015, 12, 1)), {}, OVERDUE,
                                                WARNING),
    "completed the day before the final rule": (_completed(d(2017, 1, 17), start_date=d(2016, 1, 16),
                                                           study_first_submitted_date=d(2015, 12, 1)), {}, OVERDUE,
                                                None),
    "completed 2017-01 (the month)": (_completed(d(2017, 1, 31), "month", start_date=d(2016, 1, 16),
                                                 study_first_submitted_date=d(2015, 12, 1)), {}, OVERDUE, None),
    "an estimated primary completion long past": (dict(DUE, primary_completion_date_type="ESTIMATED"), {}, OVERDUE,
                                                  None),
    "withdrawn": (dict(DUE, overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0), {}, OVERDUE, None),
    "terminated after enrolling 5": (dict(DUE, overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=5),
                                     {}, OVERDUE, WARNING),
    "terminated, an estimated 0": (dict(DUE, overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=0,
                                        enrollment_type="ESTIMATED"), {}, OVERDUE, None),
    "phase 1": (dict(DUE, phase="PHASE1"), {}, OVERDUE, None),
    "early phase 1": (dict(DUE, phase="EARLY_PHASE1"), {}, OVERDUE, None),
    "phase 1/2": (dict(DUE, phase="PHASE1/PHASE2"), {}, OVERDUE, WARNING),
    "phase 4": (dict(DUE, phase="PHASE4"), {}, OVERDUE, WARNING),
    "no phase given": (dict(DUE, phase=None), {}, OVERDUE, INFO),
    "observational": (dict(DUE, study_type="OBSERVATIONAL", phase=None), OBSERVATIONAL, OVERDUE, None),
    "a certificate of delay in time, within three years": (
        dict(DUE, disposition_first_submitted_date=d(2022, 5, 1), snapshot_date=d(2024, 6, 1)), {}, OVERDUE, None),
    "a certificate of delay in time, three years passed": (
        dict(DUE, disposition_first_submitted_date=d(2022, 5, 1), snapshot_date=d(2024, 6, 2)), {}, OVERDUE, WARNING),
    "a certificate of delay after the results were due": (
        dict(DUE, disposition_first_submitted_date=d(2022, 6, 2), snapshot_date=d(2023, 1, 1)), {}, OVERDUE, WARNING),
    "results submitted, in the registry's review, not posted": (
        dict(DUE, results_first_submitted_date=d(2022, 5, 1)), {}, OVERDUE, None),
    "results submitted in time, pending": (DUE, _pending(d(2022, 5, 20)), OVERDUE, None),
    "results submitted on the deadline's day, pending": (DUE, _pending(d(2022, 6, 1)), OVERDUE, None),
    "results submitted a day late, pending": (DUE, _pending(d(2022, 6, 2)), OVERDUE, INFO),
    "results submitted after the record's day, pending": (
        dict(DUE, snapshot_date=d(2023, 1, 1)), _pending(d(2023, 2, 1)), OVERDUE, WARNING),
    "a page that says it has results": (dict(DUE, has_results=True), {}, OVERDUE, None),
    "no site in the US, not exported": (dict(DUE, is_us_export=False), {}, OVERDUE, INFO),
    "no site in the US, not exported, an IND among its ids": (dict(DUE, is_us_export=False), _ids("IND 123456"),
                                                              OVERDUE, WARNING),
    "no site in the US, the export question unanswered": (DUE, {}, OVERDUE, WARNING),
    "the sponsor says neither a drug nor a device, a US site": (
        dict(DUE, is_fda_regulated_drug=False, is_fda_regulated_device=False), US_SITE, OVERDUE, None),
    "not a drug, the device flag absent, a US site": (
        dict(DUE, is_fda_regulated_drug=False, is_fda_regulated_device=None), US_SITE, OVERDUE, None),
    "device feasibility": (dict(DUE, phase="NA", is_fda_regulated_drug=False, is_fda_regulated_device=True),
                           {"designs": [{"allocation": "NA", "intervention_model": "SINGLE_GROUP",
                                         "primary_purpose": "DEVICE_FEASIBILITY", "masking": "NONE"}]},
                           OVERDUE, None),
    "timeline not loaded": (dict(is_fda_regulated_drug=True), {}, OVERDUE, None),
    # --- results overdue: a legacy record without FDA flags, judged by a US site and its interventions --------------
    "no flags, a US site, a drug": (LEGACY, _interventions(("DRUG", "Metformin")), OVERDUE, WARNING),
    "no flags, a Guam site, a drug": (LEGACY, {"countries": [{"name": "Guam", "removed": False}],
                                               "interventions": [{"intervention_type": "DRUG", "name": "Metformin"}],
                                               "design_group_interventions": []}, OVERDUE, WARNING),
    "no flags, no US site, a drug": (LEGACY, {}, OVERDUE, None),
    "no flags, a US site, behavioural only": (LEGACY, _interventions(("BEHAVIORAL", "Coaching")), OVERDUE, None),
    "no flags, a US site, a cream's vehicle beside a cosmetic": (  # new
        LEGACY, _interventions(("OTHER", "Moisturiser"), ("DRUG", "Vehicle cream")), OVERDUE, None),
    "no flags, a US site, vehicle gel beside education": (  # new
        LEGACY, _interventions(("BEHAVIORAL", "Skin care education"), ("DRUG", "Vehicle gel")), OVERDUE, None),
    "no flags, a US site, a saline placebo beside mindfulness": (  # new
        LEGACY, _interventions(("BEHAVIORAL", "Mindfulness"), ("DRUG", "Saline placebo")), OVERDUE, None),
    "no flags, a US site, normal saline (placebo) beside exercise": (  # new
        LEGACY, _interventions(("BEHAVIORAL", "Exercise"), ("DRUG", "Normal saline (placebo)")), OVERDUE, None),
    "no flags, a US site, 0.9% NaCl as placebo beside acupuncture": (  # new
        LEGACY, _interventions(("PROCEDURE", "Acupuncture"), ("DRUG", "0.9% NaCl as placebo")), OVERDUE, None),
    "no flags, a US site, hypertonic saline studied": (LEGACY, _interventions(("DRUG", "Hypertonic saline 7%")),
                                                      OVERDUE, WARNING),
    "no flags, a US site, saline against a drug": (LEGACY, _interventions(("DRUG", "Saline")), OVERDUE, WARNING),
    "no flags, a US site, tacrolimus ointment against its vehicle": (
        LEGACY, _interventions(("DRUG", "Tacrolimus ointment 0.1%"), ("DRUG", "Vehicle ointment")), OVERDUE, WARNING),
    "no flags, a US site, vehicle plus a drug": (LEGACY, _interventions(("DRUG", "Vehicle plus ruxolitinib cream")),
                                                 OVERDUE, WARNING),
    "no flags, a US site, a sham device beside CBT": (
        LEGACY, _interventions(("BEHAVIORAL", "CBT"), ("DEVICE", "Sham stimulation")), OVERDUE, None),
    # --- not yet recruiting past its start ----------------------------------------------------------------------------
    "not yet recruiting, start 91 days before": (dict(NOT_YET, start_date=d(2026, 8, 23)), {}, NOT_YET_PAST, WARNING),
    "not yet recruiting, start 90 days before": (dict(NOT_YET, start_date=d(2026, 8, 24)), {}, NOT_YET_PAST, None),
    "not yet recruiting, start 2026-08 (the month)": (dict(NOT_YET, start_date=d(2026, 8, 31),
                                                           start_date_precision="month"), {}, NOT_YET_PAST, None),
    "not yet recruiting, start 2026-07 (the month)": (dict(NOT_YET, start_date=d(2026, 7, 31),
                                                           start_date_precision="month"), {}, NOT_YET_PAST, WARNING),
    "not yet recruiting, start 2026 (the year)": (dict(NOT_YET, start_date=d(2026, 12, 31),
                                                       start_date_precision="year"), {}, NOT_YET_PAST, None),
    "not yet recruiting, its copy taken 30 days after the start": (
        dict(NOT_YET, start_date=d(2026, 1, 1), snapshot_date=d(2026, 1, 31)), {}, NOT_YET_PAST, None),
    "not yet recruiting, no start": (dict(NOT_YET, start_date=None, start_date_type=None), {}, NOT_YET_PAST, None),
    "recruiting, start long past": (dict(overall_status="RECRUITING", start_date=d(2020, 1, 1)), {}, NOT_YET_PAST,
                                    None),
    "withdrawn before it started, start long past": (
        dict(NOT_YET, overall_status="WITHDRAWN", why_stopped="No funding", start_date=d(2020, 1, 1)), {},
        NOT_YET_PAST, None),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    """Each shape's findings of the rule it names: all shapes in one warehouse, each rule evaluated once."""
    return harness.judged_shape_findings(tmp_path_factory.mktemp("timeliness_deadlines"), SHAPES, RULES)


@pytest.mark.parametrize("name", SHAPES)
def test_the_registrys_deadlines(found, name):
    _values, _tables, rule_id, expected = SHAPES[name]
    severities = {severity for rule, severity, _message, _evidence in found[name] if rule == rule_id}
    assert severities == ({expected} if expected else set()), found[name]


def test_a_deadline_on_29_february_is_said_as_the_day_the_year_ends(found):
    [(_rule, _severity, message, _evidence)] = found["completed on 29 February 2020, judged on 2021-03-02"]
    assert message == ("Primary completion was 2020-02-29 (ACTUAL) and results were due by 2021-03-01, but none were "
                       "submitted as of 2021-03-02.")


def test_a_start_kept_to_the_year_counts_the_fewest_days_it_may_mean(found):
    [(_rule, _severity, message, _evidence)] = found["start 2019 (the year only), registered 22 days after it ends"]
    assert message == ("Study was first submitted on 2020-01-22, at least 22 days after it started in 2019 (ACTUAL): "
                       "registered late.")


# --- an NCT number's date, on a record that gives no posting date ---------------------------------------------------
# A page that gives neither a posting date nor the day it was taken from the registry: the run's as_of does not show
# when it existed, so its number is unissued only if it is beyond the registry's range by the end of next year as well.
# (Numbers far beyond it: the registry grows by fewer than 600,000 a year.)
PAGE = dict(study_first_posted_date=None, snapshot_date=None, source_layout="aggregator_text")
EARLY = d(2015, 6, 1)  # a run judged as of a day long before most records existed
# (NCT number, studies values, as_of, fires, what the record shows)
NUMBERS = [
    ("NCT07000001", PAGE, EARLY, False, "new: a 2025 number on an undated page, judged as of 2015"),
    ("NCT06500000", PAGE, EARLY, False, "new: a 2024 number on an undated page, judged as of 2015"),
    ("NCT04000000", PAGE, d(2010, 1, 1), False, "new: a 2019 number on an undated page, judged as of 2010"),
    ("NCT07000002", PAGE, harness.AS_OF, False, "a 2025 number on an undated page, judged as of 2026"),
    ("NCT19900000", PAGE, EARLY, True, "far beyond the registry's range, judged as of 2015"),
    ("NCT98765432", PAGE, EARLY, True, "a placeholder on an undated page, judged as of 2015"),
    ("NCT19900001", PAGE, harness.AS_OF, True, "far beyond the registry's range, judged as of 2026"),
    ("NCT00000050", PAGE, EARLY, True, "below the first number issued"),
    ("NCT00000102", PAGE, EARLY, False, "the first number issued"),
    ("NCT07000003", dict(PAGE, snapshot_date=d(2026, 1, 5)), EARLY, False,
     "a 2025 number in a copy taken 2026, judged as of 2015"),
    ("NCT07000004", dict(PAGE, snapshot_date=d(2016, 1, 5)), harness.AS_OF, True,
     "a 2025 number in a copy taken in 2016"),
    ("NCT04215500", dict(PAGE, study_first_posted_date=d(2020, 1, 3)), EARLY, False,
     "its posting decides, not the as_of"),
    ("NCT06000000", dict(PAGE, study_first_posted_date=d(2015, 3, 1)), harness.AS_OF, True,
     "a 2023 number said to be posted in 2015"),
    ("NCT06000001", dict(PAGE, study_first_posted_date=d(2015, 3, 1)), EARLY, True,
     "a 2023 number said to be posted in 2015, judged as of 2015"),
]


@pytest.fixture(scope="module")
def numbers_flagged(tmp_path_factory) -> dict[d, dict[str, str]]:
    """The identity rule's messages by study, as of each day NUMBERS use."""
    studies = {}
    for nct_id, values, _as_of, _fires, _note in NUMBERS:
        study = harness.clean_study()
        study["studies"][0].update(values)
        studies[nct_id] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("nct_number_dates"), studies)
    try:
        flagged = {}
        for as_of in sorted({case[2] for case in NUMBERS}):
            scope = set_scope(con, None, as_of)
            flagged[as_of] = {f.nct_id: f.message for f in findings_of(con, RULES[IDENTITY], scope)}
        return flagged
    finally:
        con.close()


@pytest.mark.parametrize("case", NUMBERS, ids=[case[4] for case in NUMBERS])
def test_an_nct_number_is_dated_by_what_the_record_shows(numbers_flagged, case):
    nct_id, _values, as_of, fires, note = case
    assert (nct_id in numbers_flagged[as_of]) is fires, note


def test_an_undated_pages_number_is_still_said_as_of_the_run(numbers_flagged):
    assert numbers_flagged[EARLY]["NCT98765432"] == (
        "The NCT number NCT98765432 had not been issued by the end of 2016 (as of 2015-06-01): the identifier is "
        "likely fake or mistyped.")


# --- how old our copy is (the registry posts on weekdays) ----------------------------------------------------------
COPIES = {
    "taken Friday 2026-11-06: 11 business days": (d(2026, 11, 6), True),
    "taken Monday 2026-11-09: 10 business days": (d(2026, 11, 9), False),
    "taken Saturday 2026-11-07: 10 business days": (d(2026, 11, 7), False),
    "taken after as_of": (d(2026, 12, 1), False),
    "no snapshot date": (None, False),
    "taken a year before": (d(2025, 11, 22), True),
}


def test_how_old_our_copy_is(tmp_path):
    shapes = {name: (f"NCT0{n:07d}", {"snapshot_date": day}, {})
              for n, (name, (day, _fires)) in enumerate(COPIES.items(), 1)}
    found = harness.shape_findings(tmp_path, shapes, [RULES[OLD_COPY]])
    assert {name: bool(found[name]) for name in COPIES} == {name: fires for name, (_day, fires) in COPIES.items()}
    assert {severity for name in COPIES for _rule, severity, _m, _e in found[name]} == {INFO}
