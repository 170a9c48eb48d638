"""dates.primary_completion_before_time_frame on a long-term follow-up whose time points count from another study's
first dose: "persistence of antibodies against hepatitis B at 30, 42, 54 and 66 months after the first dose of the
hepatitis B primary vaccination course", in a record titled "Long-term Study of Immune Response Persistence of ...
Vaccines" whose summary calls it "the present long-term follow-up study" of those "who participated in the primary
study" (NCT00343915). Its time frame "At Months 30, 42, 54 & 66" is not counted from its own start. A study that gives
the primary vaccination course itself, or whose summary speaks of follow-up in other words, is still read.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks import time_frames
from tests.checks import harness

VACCINE_TITLE = "Immunogenicity of Two Schedules of a Hepatitis B Vaccine in Subjects Aged 11-15 Years"
MONTHS = "To evaluate antibodies against hepatitis B at 30, 42, 54 and 66 months after the first dose of the primary " \
         "vaccination course."


def persistence_record(summary: str, detail: str = "Participants give a blood sample at each visit.",
                       title: str = VACCINE_TITLE):
    """A change: a study started in April 2004 whose primary completion is January 2008 (45 months on) and whose
    primary outcome is measured "At Months 30, 42, 54 & 66", with the summary, description and official title given."""
    def change(s):
        s["studies"][0].update({
            "official_title": title, "brief_title": title,
            "start_date": date(2004, 4, 1), "start_date_precision": "month",
            "primary_completion_date": date(2008, 1, 1), "primary_completion_date_precision": "month",
            "completion_date": date(2008, 1, 1), "completion_date_precision": "month"})
        s["brief_summaries"] = [{"description": summary}]
        s["detailed_descriptions"] = [{"description": detail}]
        s["design_outcomes"] = [{"outcome_type": "primary", "measure": "Anti-HBs seroprotected subjects",
                                 "time_frame": "At Months 30, 42, 54 & 66", "description": "Antibody concentration"}]
    return change


# nct_id: (fires, change)
FOLLOW_UP_CASES = {
    # The summary calls the study a follow-up of another study's participants.
    "NCT02720001": (False, persistence_record(
        f"{MONTHS} At the time of enrollment in the present long-term follow-up study subjects were aged 13 to 18.")),
    "NCT02720002": (False, persistence_record(
        MONTHS, "No additional subjects will be recruited during this long-term follow-up study.")),
    "NCT02720003": (False, persistence_record(
        MONTHS, "All subjects who participated in the primary study and consented were contacted by the "
                "investigators.")),
    "NCT02720004": (False, persistence_record(MONTHS, "Subjects who were vaccinated in the parent study return for a "
                                                      "blood sample.")),
    # The title says so: a long-term study of immune response persistence.
    "NCT02720005": (False, persistence_record(MONTHS, title="Long-term Study of Immune Response Persistence of a "
                                                            "Thiomersal-free Hepatitis B Vaccine")),
    # A study that gives the primary vaccination course itself: its months count from its own start.
    "NCT02720011": (True, persistence_record(MONTHS)),
    "NCT02720012": (True, persistence_record(MONTHS, "A follow-up study of these subjects may be planned later.")),
    "NCT02720013": (True, persistence_record(MONTHS, "Subjects who participated in a previous trial of a hepatitis B "
                                                     "vaccine are excluded.")),
    "NCT02720014": (True, persistence_record(MONTHS, "The follow-up visits of this study are held at the clinic.")),
    "NCT02720015": (True, persistence_record(MONTHS, title="Antibody Response Persistence After Two Schedules of a "
                                                           "Hepatitis B Vaccine in Adolescents")),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the time-frame rule flags, on one warehouse holding every case."""
    built = harness.changed_studies({nct_id: change for nct_id, (_fires, change) in FOLLOW_UP_CASES.items()})
    return harness.flagged_studies(tmp_path_factory.mktemp("follow_up"), built, time_frames.RULES)[time_frames.RULE_ID]


@pytest.mark.parametrize("nct_id", FOLLOW_UP_CASES)
def test_a_follow_up_its_summary_or_title_names_counts_from_another_study(flagged, nct_id):
    assert (nct_id in flagged) is FOLLOW_UP_CASES[nct_id][0]
