"""Defects of every class of the check catalogue put into real registry records, as a data team or the registry's own
errors put them: each is found by a rule of its class, at the severity the policy gives, and adds no other flag.

Seven API v2 records of the shared corpus, chosen by a fixed rule (the first in file order of each kind: interventional
and observational, open and closed, with and without results, first posted before and under FDAAA), each changed in
several real forms of a defect and loaded beside its unchanged copy; every rule runs once over the one warehouse.
A finding the unchanged copy lacks is the change's: it must be of a rule the case expects, or one the changed record
truly earns besides (a status left open past its planned end also keeps an estimate long past).
"""
from __future__ import annotations

from datetime import date

import pytest

import checks
from tests.checks import harness
from tests.checks.injected_defects import DROP, Injected, appending, arm_repeated, both, chosen_records, \
    criteria_line_added, criteria_line_repeated, judged, setting
from tests.shared_corpus import needs_corpus

pytestmark = needs_corpus

ERROR, WARNING, INFO = "error", "warning", "info"
# The records (chosen_records), by what each is.
PRE_FDAAA = "NCT00000410"  # interventional, completed in 2015, first posted 1999: surgery against care
PRE_FDAAA_RESULTS = "NCT00356603"  # interventional, single group, ended 2006, with results: sumatriptan
RESULTS = "NCT00712335"  # interventional, randomized, single-masked, five arms, with results: asthma drugs
CLOSED = "NCT00868335"  # interventional, randomized, unmasked, completed 2015: a disc prosthesis
OBSERVATIONAL = "NCT00934284"  # observational, completed 2008
OPEN = "NCT01515527"  # interventional, single group, recruiting, an FDA-regulated drug with US sites: leukaemia
OBSERVATIONAL_OPEN = "NCT03058588"  # observational, recruiting

START_PC, START_C = "dates.start_after_primary_completion", "dates.start_after_completion"
PC_C = "dates.primary_completion_after_completion"
ACTUAL = "dates.actual_after_last_update"
STALE = "dates.status_stale_after_completion"
KEPT = "dates.estimate_kept_long_past"
REGISTERED = "dates.registered_after_completion"
VERIFIED = "dates.verification_stale"
IMPLAUSIBLE = "dates.implausible_date"
TIME_FRAME = "dates.primary_completion_before_time_frame"
ENDED_AHEAD = "dates.ended_status_completion_ahead"
UPDATE_ORDER = "dates.last_update_before_first_posted"
LATE = "timeliness.late_registration"
OVERDUE = "timeliness.results_overdue"
NYR_PAST_START = "timeliness.not_yet_recruiting_past_start"
NO_REASON = "status.stopped_without_reason"
OPEN_ACTUAL = "status.open_status_actual_primary_completion"
WITHDRAWN = "status.withdrawn_with_enrollment"
NO_TITLE, NO_CONDITIONS = "missing_fields.no_title", "missing_fields.no_conditions"
NO_SUMMARY, NO_ENROLLMENT = "missing_fields.no_brief_summary", "missing_fields.no_enrollment"
NO_PRIMARY = "missing_fields.no_primary_outcome"
NO_TIME_FRAME = "protocol.outcome_without_time_frame"
BLINDED = ("contradictions.masking_none_text_blinded", "contradictions.masking_none_text_party_masked")
OPEN_LABEL = "contradictions.masking_set_text_open_label"
OBSERVATIONAL_TEXT, TRIAL_TEXT = "contradictions.study_type_text_observational", "contradictions.study_type_text_trial"
RANDOMIZED_TEXT = "contradictions.allocation_text_randomized"
SEVERAL_ARMS = "contradictions.single_group_several_arms"
DUPLICATE_ARM, DUPLICATE_CRITERION = "contradictions.duplicate_arm", "contradictions.duplicate_criterion"
CRITERIA_SEX, CRITERIA_AGE = "contradictions.criteria_sex_differs", "contradictions.criteria_age_differs"
DOSE, DRUG = "contradictions.arm_dose_differs", "contradictions.drug_not_an_intervention"
TITLE_PHASE = "contradictions.title_phase_differs"
ESTIMATED_ENROLLMENT = "contradictions.closed_status_estimated_enrollment"

STATUS = "statusModule"
START, PRIMARY, COMPLETION = f"{STATUS}.startDateStruct", f"{STATUS}.primaryCompletionDateStruct", \
    f"{STATUS}.completionDateStruct"
OVERALL, WHY = f"{STATUS}.overallStatus", f"{STATUS}.whyStopped"
ENROLLMENT = "designModule.enrollmentInfo"
MASKING = "designModule.designInfo.maskingInfo"
TITLE, OFFICIAL = "identificationModule.briefTitle", "identificationModule.officialTitle"
SUMMARY, DETAIL = "descriptionModule.briefSummary", "descriptionModule.detailedDescription"
ARMS, INTERVENTIONS = "armsInterventionsModule.armGroups", "armsInterventionsModule.interventions"
CRITERIA = "eligibilityModule.eligibilityCriteria"
OUTCOMES = "outcomesModule"
# A numbered inclusion criterion of the open record.
PREGNANCY_TEST = ("5. A negative urine pregnancy test is required within 1 week for all women of childbearing "
                  "potential prior to enrolling on this trial.")


def actual(day: str) -> dict:
    """A date struct the registry types ACTUAL."""
    return {"date": day, "type": "ACTUAL"}


def estimated(day: str) -> dict:
    """A date struct the registry types ESTIMATED."""
    return {"date": day, "type": "ESTIMATED"}


def ended(day: str, kind=actual) -> tuple[tuple[str, dict], ...]:
    """The primary completion and the completion both on `day`."""
    return (PRIMARY, kind(day)), (COMPLETION, kind(day))


def registered(submitted: str, posted: str, updated: str, update_posted: str) -> tuple[tuple[str, object], ...]:
    """The registry's timeline of a record first submitted and posted, and last updated, on these days."""
    return ((f"{STATUS}.studyFirstSubmitDate", submitted), (f"{STATUS}.studyFirstSubmitQcDate", submitted),
            (f"{STATUS}.studyFirstPostDateStruct", actual(posted)), (f"{STATUS}.lastUpdateSubmitDate", updated),
            (f"{STATUS}.lastUpdatePostDateStruct", actual(update_posted)),
            (f"{STATUS}.statusVerifiedDate", update_posted[:7]))


CASES = [
    # Start after completion: a day against a month, a month, an estimate against an actual, a year typed wrong.
    Injected("start day after a month-only completion", RESULTS, setting((START, actual("2011-06-15"))),
             (START_C, START_PC), ERROR),
    Injected("start month after completion", CLOSED, setting((START, {"date": "2016-01"})), (START_C, START_PC), ERROR),
    Injected("estimated start after an actual completion", RESULTS, setting((START, estimated("2011-09"))),
             (START_C, START_PC), ERROR, (KEPT,)),
    Injected("completion typed a decade early", CLOSED, setting(*ended("2005-10")), (START_C, START_PC), ERROR,
             (REGISTERED,)),
    Injected("planned start after the planned ends", OPEN, setting((START, estimated("2024-03-15"))),
             (START_C, START_PC), ERROR),
    Injected("start in the month a month-only completion gives: no order to judge", RESULTS,
             setting((START, actual("2011-05-20"))), (), "", (TIME_FRAME,)),
    Injected("actual start after a planned completion left in the past", OBSERVATIONAL_OPEN,
             setting(*ended("2016-12-31", estimated)), (START_C, START_PC), ERROR, (STALE, KEPT)),
    Injected("quiet: a withdrawn study's planned start after the day it stopped", CLOSED,
             setting((OVERALL, "WITHDRAWN"), (WHY, "No funding"), (ENROLLMENT, {"count": 0, "type": "ACTUAL"}),
                     (START, estimated("2016-01"))), (), ""),
    # Primary completion after completion.
    Injected("primary completion month after completion", CLOSED, setting((PRIMARY, actual("2016-01"))), (PC_C,),
             ERROR),
    Injected("primary completion day after completion day", RESULTS,
             setting((PRIMARY, actual("2011-05-31")), (COMPLETION, actual("2011-05-10"))), (PC_C,), ERROR),
    Injected("planned primary completion after the planned completion", OPEN,
             setting((PRIMARY, estimated("2025-06-30"))), (PC_C,), ERROR),
    Injected("terminated with its primary completion after its completion", CLOSED,
             setting((OVERALL, "TERMINATED"), (WHY, "Slow accrual"), (PRIMARY, actual("2015-12-15")),
                     (COMPLETION, actual("2015-11-30"))), (PC_C,), ERROR),
    Injected("quiet: primary completion month holding the completion day", CLOSED,
             setting((COMPLETION, actual("2015-10-15"))), (), ""),
    # An ACTUAL date after the last update.
    Injected("actual completion month after the last update", CLOSED, setting((COMPLETION, actual("2016-06"))),
             (ACTUAL,), ERROR),
    Injected("actual completion day after the last update", CLOSED, setting((COMPLETION, actual("2016-04-30"))),
             (ACTUAL,), ERROR),
    Injected("actual start after the last update", OPEN, setting((START, actual("2023-09-04"))), (ACTUAL,), ERROR),
    Injected("observational actual ends after the last update", OBSERVATIONAL, setting(*ended("2025-01")),
             (ACTUAL,), ERROR),
    Injected("actual primary completion after the last update of a record with results", RESULTS,
             setting(*ended("2012-06")), (ACTUAL,), ERROR),
    Injected("completed with an estimated completion after the last update", CLOSED,
             setting((COMPLETION, estimated("2017-06"))), (ENDED_AHEAD,), ERROR, (KEPT,)),
    Injected("quiet: actual completion in the last update's month", CLOSED, setting((COMPLETION, actual("2016-03"))),
             (), ""),
    # An open status past the completion.
    Injected("recruiting past an estimated completion", CLOSED,
             setting((OVERALL, "RECRUITING"), *ended("2015-10", estimated)), (STALE,), WARNING, (KEPT, VERIFIED)),
    Injected("enrolling by invitation past an actual completion", CLOSED,
             setting((OVERALL, "ENROLLING_BY_INVITATION")), (STALE,), WARNING, (VERIFIED, OPEN_ACTUAL)),
    Injected("quiet: the registry's UNKNOWN past the completion", CLOSED,
             setting((OVERALL, "UNKNOWN"), (f"{STATUS}.lastKnownStatus", "RECRUITING"),
                     *ended("2015-10", estimated)), (), "", (KEPT,)),
    Injected("suspended past an actual completion", CLOSED, setting((OVERALL, "SUSPENDED"),
                                                                   (WHY, "Funding ended")), (STALE,), WARNING),
    Injected("recruiting past a planned completion", OPEN, setting(*ended("2022-06-30", estimated)), (STALE,),
             WARNING, (KEPT,)),
    Injected("observational recruiting past a planned completion", OBSERVATIONAL_OPEN,
             setting(*ended("2022-12-31", estimated)), (STALE,), WARNING, (KEPT,)),
    Injected("not yet recruiting long past its dates", CLOSED,
             setting((OVERALL, "NOT_YET_RECRUITING"), (START, estimated("2007-12")), *ended("2015-10", estimated),
                     (ENROLLMENT, {"count": 24, "type": "ESTIMATED"})),
             (STALE,), WARNING, (KEPT, NYR_PAST_START, VERIFIED)),
    Injected("recruiting with an actual primary completion", OPEN, setting((PRIMARY, actual("2023-06-30"))),
             (OPEN_ACTUAL,), WARNING),
    # Registered after completion.
    Injected("first posted years after completion", CLOSED,
             setting(*registered("2018-05-02", "2018-05-07", "2018-06-01", "2018-06-05")), (REGISTERED,), WARNING,
             (LATE,)),
    Injected("quiet: registered in the month a month-only completion gives", CLOSED,
             setting(*registered("2015-10-20", "2015-10-22", "2016-03-20", "2016-03-22")), (), "", (LATE,)),
    Injected("observational first posted years after completion", OBSERVATIONAL,
             setting(*registered("2012-05-02", "2012-05-07", "2024-12-09", "2024-12-13")), (REGISTERED,), INFO),
    Injected("a 1999 registration moved after completion", PRE_FDAAA,
             setting(*registered("2016-01-10", "2016-01-12", "2016-02-01", "2016-02-03")), (REGISTERED,), WARNING,
             (LATE,)),
    # Enrollment.
    Injected("enrollment missing", CLOSED, setting((ENROLLMENT, DROP)), (NO_ENROLLMENT,), WARNING),
    Injected("enrollment 0 on a completed study", CLOSED, setting((ENROLLMENT, {"count": 0, "type": "ACTUAL"})),
             (NO_ENROLLMENT,), WARNING),
    Injected("estimated enrollment 0 on a completed study", RESULTS,
             setting((ENROLLMENT, {"count": 0, "type": "ESTIMATED"})), (NO_ENROLLMENT,), WARNING,
             (ESTIMATED_ENROLLMENT,)),
    Injected("enrollment missing before FDAAA", PRE_FDAAA, setting((ENROLLMENT, DROP)), (NO_ENROLLMENT,), INFO),
    Injected("enrollment missing on a recruiting study", OPEN, setting((ENROLLMENT, DROP)), (NO_ENROLLMENT,),
             WARNING),
    Injected("observational enrollment missing", OBSERVATIONAL, setting((ENROLLMENT, DROP)), (NO_ENROLLMENT,),
             WARNING),
    Injected("withdrawn with an actual enrollment", CLOSED,
             setting((OVERALL, "WITHDRAWN"), (WHY, "Sponsor decision")), (WITHDRAWN,), ERROR),
    Injected("withdrawn keeping its estimated enrollment", OPEN,
             setting((OVERALL, "WITHDRAWN"), (WHY, "PI left the institution")), (WITHDRAWN,), INFO),
    # Masking NONE against a blinded design in the text.
    Injected("double-blind in the detailed description", CLOSED,
             appending(DETAIL, "\n\nThis is a randomised, double-blind trial: neither the patients nor the "
                               "assessing radiologist know whether a prosthesis was placed."), BLINDED, WARNING),
    Injected("double-masked in the brief summary", CLOSED,
             appending(SUMMARY, " Patients and outcome assessors are double-masked to the allocation."),
             BLINDED, WARNING),
    Injected("blinded in an arm description", CLOSED,
             setting((f"{ARMS}.0.description", "Anterior cervical discectomy, no disc prosthesis. Patients are "
                                               "blinded to the allocation.")), BLINDED, WARNING),
    Injected("placebo-controlled, blinded in the brief summary", PRE_FDAAA,
             appending(SUMMARY, "\n\nThe trial is randomized, placebo-controlled, blinded."), BLINDED, WARNING,
             # the record (surgery against usual care) gives no placebo
             ("contradictions.placebo_controlled_without_placebo",)),
    Injected("double blind without a hyphen", PRE_FDAAA,
             appending(SUMMARY, " This is a double blind study."), BLINDED, WARNING),
    # Masking set against an open-label title.
    Injected("open-label official title on a single-masked trial", RESULTS,
             appending(OFFICIAL, "An Open-label, Randomised Study: ", before=True), (OPEN_LABEL,), WARNING),
    Injected("open label brief title on a single-masked trial", RESULTS, appending(TITLE, " (Open Label)"),
             (OPEN_LABEL,), WARNING),
    Injected("open-label title on a double-masked trial", CLOSED,
             both(setting((MASKING, {"masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "OUTCOMES_ASSESSOR"]})),
                  appending(OFFICIAL, ": an Open-Label Randomized Trial")), (OPEN_LABEL,), WARNING),
    # Study type against the text.
    Injected("this observational study on an interventional record", CLOSED,
             appending(SUMMARY, "This observational study follows patients after anterior cervical discectomy. ",
                       before=True), (OBSERVATIONAL_TEXT,), WARNING),
    Injected("prospective observational cohort on an interventional record", RESULTS,
             appending(SUMMARY, "This is a prospective, observational cohort study of asthmatic smokers and "
                                "non-smokers.\n\n", before=True), (OBSERVATIONAL_TEXT,), WARNING),
    Injected("prospective cohort on an interventional record", RESULTS,
             appending(SUMMARY, "This is a prospective cohort study of asthmatic smokers and non-smokers.\n\n",
                       before=True), (OBSERVATIONAL_TEXT,), WARNING),
    Injected("randomised controlled trial on an observational record", OBSERVATIONAL,
             appending(SUMMARY, "This randomised controlled trial assigns patients to physical therapy or none. ",
                       before=True), (TRIAL_TEXT,), WARNING),
    # Allocation against the text.
    Injected("randomized title on a single-group study", OPEN,
             appending(OFFICIAL, "A Randomized ", before=True), (RANDOMIZED_TEXT,), WARNING),
    Injected("randomised 1:1 on a non-randomized study", PRE_FDAAA_RESULTS,
             appending(SUMMARY, " Patients will be randomised 1:1 to sumatriptan 3 mg or 6 mg."),
             (RANDOMIZED_TEXT,), WARNING),
    Injected("randomly assigned on a single-group study", OPEN,
             appending(DETAIL, "\n\nParticipants are randomly assigned (1:1) to cladribine plus LDAC or "
                               "decitabine."), (RANDOMIZED_TEXT,), WARNING),
    # A single-group model with several arms.
    Injected("single group with a second arm", OPEN,
             both(setting((f"{ARMS}.1", {"label": "Decitabine alone", "type": "EXPERIMENTAL",
                                         "description": "Decitabine IV over 1 to 2 hours, daily on days 1-5.",
                                         "interventionNames": ["Drug: Decitabine"]})),
                  setting((f"{INTERVENTIONS}.2.armGroupLabels.1", "Decitabine alone"))), (SEVERAL_ARMS,), INFO),
    Injected("single group with three arms, randomized", PRE_FDAAA_RESULTS,
             both(setting(("designModule.designInfo.allocation", "RANDOMIZED")),
                  setting((f"{ARMS}.1", {"label": "Sumatriptan 6 mg", "type": "EXPERIMENTAL",
                                         "description": "Sumatriptan 6 mg", "interventionNames":
                                             ["Drug: Sumatriptan Succinate"]}),
                          (f"{ARMS}.2", {"label": "Placebo", "type": "PLACEBO_COMPARATOR",
                                         "description": "Matching placebo injection", "interventionNames":
                                             ["Drug: Sumatriptan Succinate"]}),
                          (f"{INTERVENTIONS}.0.armGroupLabels", ["Sumatriptan", "Sumatriptan 6 mg", "Placebo"]))),
             # The placebo arm is linked only to the drug the other arms get, as the change links it; its matching
             # placebo sits in a record that stays open label.
             (SEVERAL_ARMS,), WARNING, ("protocol.arm_linked_to_wrong_intervention",
                                        "contradictions.masking_none_with_placebo")),
    Injected("single group of five arms", RESULTS,
             setting(("designModule.designInfo.interventionModel", "SINGLE_GROUP")), (SEVERAL_ARMS,), WARNING),
    # The same arm twice.
    Injected("an arm listed twice", RESULTS, arm_repeated(1), (DUPLICATE_ARM,), WARNING),
    Injected("an observational cohort listed twice", OBSERVATIONAL, arm_repeated(0), (DUPLICATE_ARM,), WARNING),
    Injected("an arm listed twice in another case", OBSERVATIONAL, arm_repeated(0, "injection only"),
             (DUPLICATE_ARM,), WARNING),
    # A criterion stated twice.
    Injected("a bulleted criterion repeated", CLOSED,
             criteria_line_repeated("* monoradicular syndrome caused by compression at C5-6 or C6-7",
                                    "* informed consent"), (DUPLICATE_CRITERION,), INFO),
    Injected("a numbered criterion repeated under its own number", OPEN,
             criteria_line_repeated(PREGNANCY_TEST, PREGNANCY_TEST), (DUPLICATE_CRITERION,), INFO),
    # Sex against the criteria.
    Injected("female-only record whose criteria admit men", CLOSED,
             both(setting(("eligibilityModule.sex", "FEMALE")),
                  criteria_line_added("* Men aged 18 to 55 years", "* informed consent")),
             (CRITERIA_SEX,), WARNING),
    Injected("male-only record of female patients", PRE_FDAAA_RESULTS,
             both(setting(("eligibilityModule.sex", "MALE")),
                  criteria_line_added("* Female patients aged 18 to 65 years", "Inclusion criteria:\n")),
             (CRITERIA_SEX,), WARNING),
    # The minimum age against the criteria.
    Injected("minimum age 21 against criteria aged 18-55", CLOSED,
             both(setting(("eligibilityModule.minimumAge", "21 Years")),
                  criteria_line_added("* aged 18-55 years", "* informed consent")), (CRITERIA_AGE,), WARNING),
    Injected("minimum age 18 against criteria aged 20 to 65", PRE_FDAAA_RESULTS,
             criteria_line_added("* Aged 20 to 65 years", "Inclusion criteria:\n"), (CRITERIA_AGE,), WARNING),
    # An arm's dose against its intervention's.
    # Doses of one frequency that differ, or that differ by a power of ten alone, are a warning; other differences
    # are info (a per-day total, another phase or step may differ so).
    Injected("arm 10 mg against intervention 20 mg", RESULTS,
             setting((f"{INTERVENTIONS}.1.description", "PO 20 mg QHS for 3 weeks")), (DOSE,), INFO),
    Injected("arm 10 mg against intervention 100 mg", RESULTS,
             setting((f"{INTERVENTIONS}.1.description", "PO 100 mg QHS for 3 weeks")), (DOSE,), WARNING),
    Injected("arm 250 mcg against intervention 500 mcg", RESULTS,
             setting((f"{INTERVENTIONS}.0.description", "DPI 500 mcg BID for 3 weeks")), (DOSE,), WARNING),
    Injected("arm 3 mg against intervention 6 mg", PRE_FDAAA_RESULTS,
             both(setting((f"{ARMS}.0.description", "Sumatriptan 3 mg subcutaneous self-injection")),
                  setting((f"{INTERVENTIONS}.0.description", "Sumatriptan succinate 6 mg subcutaneous injection"))),
             (DOSE,), INFO),
    # An outcome naming a drug that is no intervention.
    Injected("outcome naming tiotropium", RESULTS,
             setting((f"{OUTCOMES}.primaryOutcomes.1", {"measure": "Change in FEV1 after 24 weeks of tiotropium",
                                                        "timeFrame": "24 weeks"})), (DRUG,), WARNING),
    Injected("outcome naming ruxolitinib", OPEN,
             setting((f"{OUTCOMES}.secondaryOutcomes", [{"measure": "Response rate to ruxolitinib",
                                                         "timeFrame": "Up to 3 years"}])), (DRUG,), WARNING),
    Injected("outcome naming venetoclax", OPEN,
             setting((f"{OUTCOMES}.secondaryOutcomes", [{"measure": "Response rate to venetoclax",
                                                         "timeFrame": "Up to 3 years"}])), (DRUG,), WARNING),
    # The title's phase against the record's.
    Injected("phase 3 title on a phase 4 record", RESULTS,
             appending(OFFICIAL, "A Randomized Phase III Study: ", before=True), (TITLE_PHASE,), WARNING),
    Injected("phase III title on a phase 2 record", OPEN,
             setting((OFFICIAL, "Phase III Study of Cladribine Plus Low Dose Cytarabine (LDAC) in Patients With "
                                "Untreated Acute Myeloid Leukemia (AML)")), (TITLE_PHASE,), WARNING),
    # Stopped without a reason.
    Injected("terminated without a reason", CLOSED, setting((OVERALL, "TERMINATED")), (NO_REASON,), WARNING),
    Injected("withdrawn with N/A for a reason", OPEN,
             setting((OVERALL, "WITHDRAWN"), (WHY, "N/A"), (ENROLLMENT, {"count": 0, "type": "ACTUAL"})),
             (NO_REASON,), WARNING),
    Injected("suspended with Other for a reason", OPEN, setting((OVERALL, "SUSPENDED"), (WHY, "Other")),
             (NO_REASON,), WARNING),
    Injected("terminated without a reason, run past FDAAA", PRE_FDAAA, setting((OVERALL, "TERMINATED")),
             (NO_REASON,), WARNING),
    Injected("terminated without a reason before FDAAA", PRE_FDAAA_RESULTS, setting((OVERALL, "TERMINATED")),
             (NO_REASON,), INFO),
    # Missing fields.
    Injected("no title", CLOSED, setting((TITLE, DROP), (OFFICIAL, DROP)), (NO_TITLE,), ERROR),
    Injected("title TBD", CLOSED, setting((TITLE, "TBD"), (OFFICIAL, DROP)), (NO_TITLE,), ERROR),
    Injected("no conditions", CLOSED, setting(("conditionsModule.conditions", DROP)), (NO_CONDITIONS,), WARNING),
    Injected("condition N/A", OBSERVATIONAL, setting(("conditionsModule.conditions", ["N/A"])), (NO_CONDITIONS,),
             WARNING),
    Injected("no brief summary", CLOSED, setting((SUMMARY, DROP)), (NO_SUMMARY,), INFO),
    Injected("brief summary N/A", RESULTS, setting((SUMMARY, "N/A")), (NO_SUMMARY,), INFO),
    Injected("no primary outcome", CLOSED, setting((f"{OUTCOMES}.primaryOutcomes", DROP)), (NO_PRIMARY,), WARNING),
    Injected("primary outcome TBD", OPEN, setting((f"{OUTCOMES}.primaryOutcomes.0.measure", "TBD")), (NO_PRIMARY,),
             WARNING),
    Injected("no primary outcome before FDAAA", PRE_FDAAA, setting((f"{OUTCOMES}.primaryOutcomes", DROP)),
             (NO_PRIMARY,), INFO),
    # An outcome without a time frame.
    Injected("primary outcome without a time frame", CLOSED,
             setting((f"{OUTCOMES}.primaryOutcomes.0.timeFrame", DROP)), (NO_TIME_FRAME,), WARNING),
    Injected("secondary outcome time frame N/A", RESULTS,
             setting((f"{OUTCOMES}.secondaryOutcomes.0.timeFrame", "N/A")), (NO_TIME_FRAME,), WARNING),
    Injected("outcome without a time frame before FDAAA", PRE_FDAAA,
             setting((f"{OUTCOMES}.primaryOutcomes.0.timeFrame", DROP)), (NO_TIME_FRAME,), INFO),
    # Results overdue.
    Injected("completed drug trial without results", OPEN,
             setting((OVERALL, "COMPLETED"), *ended("2022-03-31"), (ENROLLMENT, {"count": 140, "type": "ACTUAL"})),
             (OVERDUE,), WARNING),
    # Late registration.
    Injected("started eleven months before its submission", OPEN, setting((START, actual("2011-03-01"))), (LATE,),
             WARNING),
    # The registry's other timeliness and date rules.
    Injected("open study verified three years before", OPEN, setting((f"{STATUS}.statusVerifiedDate", "2020-05")),
             (VERIFIED,), WARNING),
    Injected("completed study keeping an estimated completion", CLOSED, setting(*ended("2015-10", estimated)),
             (KEPT,), WARNING),
    Injected("not yet recruiting ten months past its start", OPEN,
             setting((OVERALL, "NOT_YET_RECRUITING"), (START, estimated("2023-01-15"))), (NYR_PAST_START,),
             WARNING, (KEPT, "status.site_status_differs")),
    Injected("a start in 1900", CLOSED, setting((START, {"date": "1900-01"})), (IMPLAUSIBLE,), WARNING),
    Injected("a planned completion in 2099", OPEN, setting((COMPLETION, estimated("2099-12-31"))), (IMPLAUSIBLE,),
             WARNING),
    Injected("an interventional start in 1930", CLOSED, setting((START, {"date": "1930-06"})), (IMPLAUSIBLE,),
             WARNING),
    Injected("not yet recruiting with a planned start in 1900", OPEN,
             setting((OVERALL, "NOT_YET_RECRUITING"), (START, estimated("1900-01-01"))), (IMPLAUSIBLE,), WARNING,
             (KEPT, "status.site_status_differs")),
    Injected("an observational planned end in 2100", OBSERVATIONAL_OPEN, setting(*ended("2100-01-01", estimated)),
             (IMPLAUSIBLE,), WARNING),
    Injected("active, not recruiting, verified three years before", OPEN,
             setting((OVERALL, "ACTIVE_NOT_RECRUITING"), (f"{STATUS}.statusVerifiedDate", "2020-05")), (VERIFIED,),
             WARNING),
    Injected("started a month-only period before its submission", OPEN, setting((START, actual("2011-06"))),
             (LATE,), WARNING),
    Injected("completed drug trial without results, month-only primary completion", OPEN,
             setting((OVERALL, "COMPLETED"), *ended("2022-03"), (ENROLLMENT, {"count": 140, "type": "ACTUAL"})),
             (OVERDUE,), WARNING),
    Injected("quiet: a completed phase 1 drug trial without results", OPEN,
             setting((OVERALL, "COMPLETED"), *ended("2022-03-31"), (ENROLLMENT, {"count": 140, "type": "ACTUAL"}),
                     ("designModule.phases", ["PHASE1"])), (), "", (TITLE_PHASE,)),
    Injected("not yet recruiting past a month-only start", OPEN,
             setting((OVERALL, "NOT_YET_RECRUITING"), (START, estimated("2023-02"))), (NYR_PAST_START,), WARNING,
             (KEPT, "status.site_status_differs")),
    # Reasons for stopping that give none.
    Injected("terminated: not specified", CLOSED, setting((OVERALL, "TERMINATED"), (WHY, "Not specified")),
             (NO_REASON,), WARNING),
    Injected("terminated: the status said again", CLOSED, setting((OVERALL, "TERMINATED"), (WHY, "Terminated")),
             (NO_REASON,), WARNING),
    Injected("terminated: pointing to a description the record lacks", PRE_FDAAA_RESULTS,
             setting((OVERALL, "TERMINATED"), (WHY, "See detailed description")), (NO_REASON,), INFO),
    Injected("terminated: a dash", RESULTS, setting((OVERALL, "TERMINATED"), (WHY, "-")), (NO_REASON,), WARNING),
    Injected("completed with a reason it stopped early", CLOSED, setting((WHY, "Terminated early due to futility")),
             ("status.completed_with_reason_stopped",), WARNING),
    Injected("enrolling by invitation with an actual primary completion", OPEN,
             setting((OVERALL, "ENROLLING_BY_INVITATION"), (PRIMARY, actual("2023-06-30"))), (OPEN_ACTUAL,),
             WARNING, ("status.site_status_differs",)),
    # More missing fields, as placeholders and pointers give them.
    Injected("condition a dash", CLOSED, setting(("conditionsModule.conditions", ["-"])), (NO_CONDITIONS,), WARNING),
    Injected("condition Not applicable", OPEN, setting(("conditionsModule.conditions", ["Not applicable"])),
             (NO_CONDITIONS,), WARNING),
    Injected("condition No aplica", OBSERVATIONAL_OPEN, setting(("conditionsModule.conditions", ["No aplica"])),
             (NO_CONDITIONS,), WARNING),
    Injected("brief summary repeating the title", CLOSED,
             setting((SUMMARY, "Cervical Spine; Movement Before and After Anterior Cervical Discectomy, With or "
                               "Without a Cervical Disc Prosthesis")), (NO_SUMMARY,), INFO),
    Injected("brief summary pointing to a description the record lacks", PRE_FDAAA_RESULTS,
             setting((SUMMARY, "Please see detailed description.")), (NO_SUMMARY,), INFO),
    Injected("quiet: brief summary pointing to the record's description", CLOSED,
             setting((SUMMARY, "See detailed description.")), (), ""),
    Injected("primary outcome See protocol", CLOSED,
             setting((f"{OUTCOMES}.primaryOutcomes", [{"measure": "See protocol", "timeFrame": "12 months"}])),
             (NO_PRIMARY,), WARNING),
    Injected("no eligibility criteria", CLOSED, setting((CRITERIA, DROP)), ("missing_fields.no_eligibility_criteria",),
             INFO),
    Injected("criteria of headings alone", OPEN,
             setting((CRITERIA, "Inclusion Criteria:\n\n*\n\nExclusion Criteria:\n\n*")),
             ("missing_fields.no_eligibility_criteria",), INFO),
    Injected("no lead sponsor nor organization", CLOSED,
             setting(("sponsorCollaboratorsModule.leadSponsor", DROP), ("identificationModule.organization", DROP)),
             ("missing_fields.no_lead_sponsor",), WARNING),
    Injected("no start date", CLOSED, setting((START, DROP)), ("missing_fields.no_start_date",), WARNING),
    Injected("no start date before FDAAA", PRE_FDAAA_RESULTS, setting((START, DROP)),
             ("missing_fields.no_start_date",), INFO, (LATE,)),
    Injected("no completion dates", OPEN, setting((COMPLETION, DROP), (PRIMARY, DROP)),
             ("missing_fields.no_completion_date",), WARNING),
    Injected("no phase on a drug trial", OPEN, setting(("designModule.phases", DROP)), ("missing_fields.no_phase",),
             WARNING),
    Injected("title N/A", OPEN, setting((TITLE, "N/A"), (OFFICIAL, "N/A")), (NO_TITLE,), ERROR),
    Injected("title a template's XXX", CLOSED, setting((TITLE, "XXX"), (OFFICIAL, DROP)), (NO_TITLE,), ERROR),
    Injected("brief summary Coming soon", CLOSED, setting((SUMMARY, "Coming soon.")), (NO_SUMMARY,), INFO),
    Injected("brief summary a template's xxx", RESULTS, setting((SUMMARY, "xxx")), (NO_SUMMARY,), INFO),
    Injected("condition To be defined", OBSERVATIONAL_OPEN, setting(("conditionsModule.conditions", ["To be defined"])),
             (NO_CONDITIONS,), WARNING),
    Injected("primary outcome To follow", OPEN, setting((f"{OUTCOMES}.primaryOutcomes.0.measure", "To follow")),
             (NO_PRIMARY,), WARNING),
    Injected("primary outcome time frame TBD", OPEN, setting((f"{OUTCOMES}.primaryOutcomes.0.timeFrame", "TBD")),
             (NO_TIME_FRAME,), WARNING),
    Injected("primary outcome time frame Coming soon", RESULTS,
             setting((f"{OUTCOMES}.primaryOutcomes.0.timeFrame", "Coming soon")), (NO_TIME_FRAME,), WARNING),
    Injected("primary outcome time frame See description", RESULTS,
             setting((f"{OUTCOMES}.primaryOutcomes.0.timeFrame", "See description")), (NO_TIME_FRAME,), WARNING),
]
# The cases as the warehouse takes them (a case marked as a known miss is a pytest.param).
INJECTED = [case.values[0] if hasattr(case, "values") else case for case in CASES]


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """Every rule's findings on every case's changed record and on each record unchanged."""
    return judged(tmp_path_factory.mktemp("injected"), chosen_records(), INJECTED)


def new_findings(found, case: Injected) -> list[tuple[str, str, str]]:
    """The findings of a case's changed record that its unchanged record lacks (by rule and message)."""
    before = {(rule, message) for rule, _severity, message in found.unchanged[case.record]}
    return [f for f in found.changed[case.name] if (f[0], f[2]) not in before]


def test_the_records_are_chosen_by_kind():
    assert list(chosen_records()) == [PRE_FDAAA, PRE_FDAAA_RESULTS, RESULTS, CLOSED, OBSERVATIONAL, OPEN,
                                      OBSERVATIONAL_OPEN]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in INJECTED])
def test_an_injected_defect_is_found_at_its_severity_without_other_flags(found, case):
    new = new_findings(found, case)
    caught = [(rule, severity) for rule, severity, _message in new if rule in case.rules]
    others = [(rule, severity, message) for rule, severity, message in new
              if rule not in case.rules and rule not in case.follows]
    if case.rules:
        assert caught, new
        assert {severity for _rule, severity in caught} == {case.severity}, new
    assert not others


# Words a writer puts where the value is still to come, or a template's blank, in the fields the missing-field rules
# read: each gives no value (each was read as a value before). (field, text, rule that finds it missing)
NOT_YET_GIVEN = [
    ("summary", "Coming soon", NO_SUMMARY), ("summary", "Coming soon.", NO_SUMMARY), ("summary", "XXX", NO_SUMMARY),
    ("summary", "To be updated", NO_SUMMARY), ("summary", "Will be provided.", NO_SUMMARY),
    ("condition", "To be defined", NO_CONDITIONS), ("condition", "Not defined", NO_CONDITIONS),
    ("condition", "xx", NO_CONDITIONS), ("condition", "To be specified", NO_CONDITIONS),
    ("measure", "To follow", NO_PRIMARY), ("measure", "Will be added", NO_PRIMARY), ("measure", "xxxx", NO_PRIMARY),
    ("title", "XXX", NO_TITLE), ("title", "Coming Soon", NO_TITLE), ("title", "Will be updated", NO_TITLE),
]
# Values that only look so: names and measures with those words in them.
GIVEN = [
    ("condition", "47,XXX", NO_CONDITIONS), ("condition", "Triple X Syndrome", NO_CONDITIONS),
    ("condition", "XXY", NO_CONDITIONS), ("condition", "Loss to Follow-up", NO_CONDITIONS),
    ("measure", "Time to follow-up visit", NO_PRIMARY), ("measure", "Coming out to family", NO_PRIMARY),
    ("summary", "Coming soon: a trial of baricitinib in primary Sjogren's syndrome.", NO_SUMMARY),
    ("title", "To Follow or Not", NO_TITLE),
]


def _with_text(field: str, text: str) -> tuple[dict, dict]:
    """The studies row's changes and the replaced tables of a clean study giving `text` as its `field`."""
    if field == "title":
        return {"brief_title": text, "official_title": None}, {}
    if field == "summary":
        return {}, {"brief_summaries": [{"description": text}]}
    if field == "condition":
        return {}, {"conditions": [{"name": text}]}
    return {}, {"design_outcomes": [{"outcome_type": "primary", "measure": text, "time_frame": "12 weeks"}]}


# A start before 1940 is a typo dates.implausible_date flags: no lateness, nor a wait past it, is counted from it
# (each was found before). (the studies row's changes, rule, whether it fires)
STARTS = {
    "registered 2009, started 1900": (dict(start_date=date(1900, 1, 31), start_date_precision="month"), LATE, False),
    "registered 2009, started 1930-06": (dict(start_date=date(1930, 6, 30), start_date_precision="month"), LATE,
                                         False),
    "registered 2009, started 1939-12-31": (dict(start_date=date(1939, 12, 31)), LATE, False),
    "registered 2009, started 1940-01-01": (dict(start_date=date(1940, 1, 1)), LATE, True),
    "registered 2009, started 1985": (dict(start_date=date(1985, 12, 31), start_date_precision="year"), LATE, True),
    "registered 2009, started 2008-01": (dict(start_date=date(2008, 1, 31), start_date_precision="month"), LATE,
                                         True),
    "not yet recruiting, start 1900": (dict(overall_status="NOT_YET_RECRUITING", start_date=date(1900, 1, 1),
                                            start_date_type="ESTIMATED"), NYR_PAST_START, False),
    "not yet recruiting, start 1939-12": (dict(overall_status="NOT_YET_RECRUITING", start_date=date(1939, 12, 31),
                                               start_date_precision="month", start_date_type="ESTIMATED"),
                                          NYR_PAST_START, False),
    "not yet recruiting, start 2025-01": (dict(overall_status="NOT_YET_RECRUITING", start_date=date(2025, 1, 31),
                                               start_date_precision="month", start_date_type="ESTIMATED"),
                                          NYR_PAST_START, True),
}
REGISTERED_2009 = dict(study_first_submitted_date=date(2009, 3, 23), study_first_posted_date=date(2009, 3, 24))


@pytest.fixture(scope="module")
def shape_found(tmp_path_factory):
    """The findings of the placeholder and start shapes, each under the rule it names, on one warehouse."""
    shapes = {f"{field}:{text}": (*_with_text(field, text), rule, None) for field, text, rule in NOT_YET_GIVEN + GIVEN}
    shapes.update({name: ({**REGISTERED_2009, **values}, {}, rule, None) for name, (values, rule, _) in STARTS.items()})
    by_id = {rule.id: rule for rule in checks.all_rules()}
    return harness.judged_shape_findings(tmp_path_factory.mktemp("shapes"), shapes, by_id)


@pytest.mark.parametrize("field, text, rule", NOT_YET_GIVEN, ids=[f"{c[0]}:{c[1]}" for c in NOT_YET_GIVEN])
def test_a_value_still_to_come_or_a_templates_blank_is_missing(shape_found, field, text, rule):
    assert [f[0] for f in shape_found[f"{field}:{text}"]] == [rule]


@pytest.mark.parametrize("field, text, rule", GIVEN, ids=[f"{c[0]}:{c[1]}" for c in GIVEN])
def test_a_value_with_those_words_in_it_is_given(shape_found, field, text, rule):
    assert shape_found[f"{field}:{text}"] == []


@pytest.mark.parametrize("name", list(STARTS))
def test_no_days_are_counted_from_a_start_before_1940(shape_found, name):
    _values, rule, fires = STARTS[name]
    assert [f[0] for f in shape_found[name]] == ([rule] if fires else []), shape_found[name]
