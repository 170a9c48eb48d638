"""Trial-summary pages shaped as the site's other study pages (key blocks ordered or spelt otherwise, wrapped
names, repeated 'See also' rows, typed counts, dates in numbers): each reading beside a nearby page that reads as
it did."""
from __future__ import annotations

from datetime import date

from flows.parsers import summary_text
from flows.parsers.model import Refused

KEYS = ["NCT number NCT09000601", "Study type Interventional", "Source Example University Hospital",
        "Status Recruiting", "Phase Phase 2"]


def _page(keys=KEYS, conditions="Asthma", see_also=(), sep="\n") -> bytes:
    lines = ["Clinical Trials Logo", "", "Clinical Trial Summary", "", "A trial of exercise in asthma.", "", "",
             "Clinical Trial Description", "", "Participants are followed for 12 weeks.", "", "", "Study Design", "",
             "", "Related Conditions & MeSH terms", "", conditions, "", "", *keys, "", "See also",
             "  Status Clinical Trial Phase", *see_also]
    return sep.join(lines).encode()


def _read(page: bytes):
    parsed = summary_text.parse(page)
    (record,) = parsed.records
    return record, [(problem.reason, problem.detail) for problem in parsed.problems]


# The key block -------------------------------------------------------------------------------------------------


def test_key_lines_with_a_colon_after_the_key_are_read_as_without():
    keys = ["NCT number: NCT09000601", "Study type: Observational", "Source: Example University Hospital",
            "Status: Active, not recruiting", "Phase: N/A", "Start date: 2019-03", "Accepts healthy volunteers: No"]
    record, problems = _read(_page(keys=keys))
    assert record.nct_id == "NCT09000601"
    assert (record.study["overall_status"], record.study["phase"], record.study["study_type"]) == (
        "ACTIVE_NOT_RECRUITING", "NA", "OBSERVATIONAL")
    assert (record.study["source"], record.study["start_date"]) == ("Example University Hospital", date(2019, 3, 31))
    assert record.tables["eligibilities"][0]["healthy_volunteers"] is False
    assert problems == []


def test_a_line_with_an_unknown_key_and_a_colon_is_still_named():
    record, problems = _read(_page(keys=[*KEYS, "Funding: NIH"]))
    assert record.study["overall_status"] == "RECRUITING"
    assert problems == [("unknown label", "key block line starting 'Funding:'")]


def test_key_lines_above_the_nct_number_line_are_the_key_block_not_conditions():
    keys = ["Status Unknown status", "Study type Interventional", "NCT number NCT09000601", "Source Example Hospital"]
    for sep in ("\n", "\n\n"):
        record, problems = _read(_page(keys=keys, conditions="", sep=sep))
        assert (record.study["overall_status"], record.study["study_type"]) == ("UNKNOWN", "INTERVENTIONAL")
        assert "conditions" not in record.tables
        assert problems == []


def test_a_condition_right_above_the_key_block_that_spells_a_key_of_it_stays_a_condition():
    record, problems = _read(_page(conditions="Seizures\nStatus Epilepticus\nNCT number NCT09000601",
                                   keys=KEYS[1:]))
    assert record.tables["conditions"] == [{"name": "Seizures"}, {"name": "Status Epilepticus"}]
    assert record.study["overall_status"] == "RECRUITING"
    assert problems == []


def test_a_sponsor_name_wrapped_onto_the_next_line_is_one_name():
    keys = ["NCT number NCT09000601", "Source Assistance Publique - Hôpitaux de", "Paris", "Status Recruiting",
            "Collaborator Ministry of Health and", "Social Affairs (France)", "Collaborator Institut National (Centre",
            "Régional)", "Collaborator Example Foundation", "for rare diseases"]
    record, problems = _read(_page(keys=keys))
    assert record.study["source"] == "Assistance Publique - Hôpitaux de Paris"
    assert [row["name"] for row in record.tables["sponsors"]] == [
        "Assistance Publique - Hôpitaux de Paris", "Ministry of Health and Social Affairs (France)",
        "Institut National (Centre Régional)", "Example Foundation for rare diseases"]
    assert problems == []


def test_a_line_after_a_finished_sponsor_name_is_named_not_joined_to_it():
    keys = ["NCT number NCT09000601", "Source Example University Hospital", "Research Council", "Status Recruiting",
            "Accepts healthy volunteers Yes", "and others"]
    record, problems = _read(_page(keys=keys))
    assert record.study["source"] == "Example University Hospital"
    assert problems == [("unknown label", "key block line starting 'Research'"),
                        ("unknown label", "key block line starting 'and'")]


# Values --------------------------------------------------------------------------------------------------------


def test_an_enrollment_or_date_with_its_type_before_it_is_read_with_that_type():
    record, problems = _read(_page(keys=[*KEYS, "Enrollment Estimated: 1,200", "Start date Actual: March 2019"]))
    assert (record.study["enrollment"], record.study["enrollment_type"]) == (1200, "ESTIMATED")
    assert (record.study["start_date"], record.study["start_date_type"]) == (date(2019, 3, 31), "ACTUAL")
    assert problems == []
    record, _ = _read(_page(keys=[*KEYS, "Enrollment 60", "Start date March 2019"]))
    assert (record.study["enrollment"], record.study["enrollment_type"], record.study["start_date_type"]) == (
        60, None, None)
    record, _ = _read(_page(keys=[*KEYS, "Enrollment About: 60"]))
    assert record.study["enrollment"] == "About: 60"


def test_a_date_in_numbers_is_read_only_when_one_order_of_day_and_month_is_a_date():
    readings = {}
    for shown in ("03/15/2019", "15/03/2019", "15.03.2019", "05/05/2019", "03/04/2019", "13/13/2019"):
        record, _ = _read(_page(keys=[*KEYS, f"Completion date {shown}"]))
        readings[shown] = (record.study["completion_date"], record.study["completion_date_precision"])
    assert readings == {"03/15/2019": (date(2019, 3, 15), "day"), "15/03/2019": (date(2019, 3, 15), "day"),
                        "15.03.2019": (date(2019, 3, 15), "day"), "05/05/2019": (date(2019, 5, 5), "day"),
                        "03/04/2019": (Refused("03/04/2019", "a date of one reading (the page's dates do not fix "
                                                             "whether day or month comes first)"), None),
                        "13/13/2019": (Refused("13/13/2019", "a date ('April 2, 2020', 'March 2020', '2020-04-02')"),
                                       None)}


# 'See also' rows -----------------------------------------------------------------------------------------------


def test_a_see_also_trial_listed_twice_alike_is_one_row_and_listed_otherwise_is_two():
    record, problems = _read(_page(see_also=[
        "Completed NCT03529955 - Apremilast in Dermatomyositis - a pilot Phase 2",
        "Recruiting NCT05375435 - Extension of NCT03529955 Phase 4",
        "COMPLETED NCT03529955 - Apremilast in Dermatomyositis - a pilot Phase 2",
        "Terminated NCT03529955 - Apremilast in Dermatomyositis - a pilot Phase 2"]))
    assert record.tables["related_studies"] == [
        {"related_nct_id": "NCT03529955", "stated_status": "COMPLETED", "stated_phase": "PHASE2",
         "title": "Apremilast in Dermatomyositis - a pilot"},
        {"related_nct_id": "NCT05375435", "stated_status": "RECRUITING", "stated_phase": "PHASE4",
         "title": "Extension of NCT03529955"},
        {"related_nct_id": "NCT03529955", "stated_status": "TERMINATED", "stated_phase": "PHASE2",
         "title": "Apremilast in Dermatomyositis - a pilot"}]
    assert problems == []
