"""calculated_values gives AACT's numbers (app/models/calculated_value.rb) for a known study."""
from __future__ import annotations

from datetime import date

from tests.checks import harness


def _values(tmp_path, change=lambda s: None) -> dict:
    study = harness.clean_study()
    change(study)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    cursor = con.execute("SELECT * FROM calculated_values WHERE nct_id = 'NCT01000001'")
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone()))


def test_aact_values_of_the_clean_study(tmp_path):
    def change(s):
        s["studies"][0].update(study_first_submitted_date=date(2019, 11, 20), has_results=True,
                               results_first_submitted_date=date(2022, 6, 1))
        s["facilities"].append({"name": "Site 2", "country": "United States"})
        s["eligibilities"][0]["maximum_age"] = "N/A"
    values = _values(tmp_path, change)
    assert values == {
        "nct_id": "NCT01000001", "number_of_facilities": 2, "number_of_nsae_subjects": None,
        "number_of_sae_subjects": None, "registered_in_calendar_year": 2019,
        # 2020-01-16 .. 2021-06-01 is 502 days: 16 whole 30-day months
        "actual_duration": 16, "were_results_reported": True,
        # 2021-06-01 .. 2022-06-01 is 365 days: 12 months
        "months_to_report_results": 12, "has_us_facility": True, "has_single_facility": False,
        "minimum_age_num": 18, "minimum_age_unit": "year", "maximum_age_num": 0, "maximum_age_unit": "n/a",
        "number_of_primary_outcomes_to_measure": 1, "number_of_secondary_outcomes_to_measure": 1,
        "number_of_other_outcomes_to_measure": None, "nlm_download_date": None, "id": 1000001000001,
    }


# AACT's ctgov.calculated_values (db/structure.sql), column by column in its order
AACT_COLUMNS = ["id", "nct_id", "number_of_facilities", "number_of_nsae_subjects", "number_of_sae_subjects",
                "registered_in_calendar_year", "nlm_download_date", "actual_duration", "were_results_reported",
                "months_to_report_results", "has_us_facility", "has_single_facility", "minimum_age_num",
                "maximum_age_num", "minimum_age_unit", "maximum_age_unit", "number_of_primary_outcomes_to_measure",
                "number_of_secondary_outcomes_to_measure", "number_of_other_outcomes_to_measure"]


def test_aact_columns_in_aact_order_with_the_id_last_as_in_every_study_table(tmp_path):
    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    names = [d[0] for d in con.execute("SELECT * FROM calculated_values").description]
    assert names == AACT_COLUMNS[1:] + ["id"]
    # AACT's joins by id and by nct_id find the same study
    assert con.execute("SELECT s.nct_id, c.id FROM studies s JOIN calculated_values c USING (nct_id)").fetchall() == [
        ("NCT01000001", 1000001000001)]


def test_a_warehouse_made_before_the_aact_columns_gets_them_on_upgrade(tmp_path):
    from warehouse.connect import migrate

    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    con.execute("CREATE OR REPLACE VIEW calculated_values AS SELECT nct_id FROM studies")  # as an older file made it
    con.execute("DELETE FROM meta.schema_migrations WHERE filename = '171_calculated_values_aact_columns.sql'")
    assert migrate(con) == ["171_calculated_values_aact_columns.sql"]
    assert [d[0] for d in con.execute("SELECT * FROM calculated_values").description] == AACT_COLUMNS[1:] + ["id"]


def test_estimated_dates_and_no_sites_give_aact_nulls(tmp_path):
    def change(s):
        s["studies"][0]["primary_completion_date_type"] = "ESTIMATED"
        s["facilities"] = []
    values = _values(tmp_path, change)
    assert values["actual_duration"] is None and values["number_of_facilities"] == 0
    assert values["has_us_facility"] is None and values["has_single_facility"] is None
    assert values["were_results_reported"] is False


def test_month_end_dates_give_aact_durations(tmp_path):
    def change(s):
        s["studies"][0].update(start_date=date(2006, 11, 30), start_date_precision="month",
                               primary_completion_date=date(2008, 12, 31), primary_completion_date_precision="year")
    # AACT stores 2006-11 as 2006-11-30 and 2008 as 2008-12-31: 762 days, 25 months
    assert _values(tmp_path, change)["actual_duration"] == 25


def test_no_age_or_no_eligibility_row_gives_aact_nulls(tmp_path):
    """AACT's split_age gives [nil, nil] for a blank age (and a study without eligibilities has none); its 'N/A'
    gives 0 and 'n/a' (tested above)."""
    def no_maximum(s):
        s["eligibilities"][0].update(minimum_age="", maximum_age=None)
    values = _values(tmp_path / "a", no_maximum)
    assert [values[k] for k in ("minimum_age_num", "minimum_age_unit", "maximum_age_num", "maximum_age_unit")] == [
        None, None, None, None]
    values = _values(tmp_path / "b", lambda s: s.__setitem__("eligibilities", []))
    assert values["minimum_age_num"] is None and values["maximum_age_unit"] is None


def test_an_upgraded_warehouse_gets_null_for_absent_api_v2_ages_and_keeps_legacy_xml_na(tmp_path):
    from warehouse.connect import migrate

    study = harness.clean_study()
    study["eligibilities"][0].update(minimum_age="N/A", maximum_age="N/A")
    xml_study = harness.clean_study()
    xml_study["studies"][0]["source_layout"] = "ctgov_xml"
    xml_study["eligibilities"][0].update(maximum_age="N/A")
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study, "NCT01000002": xml_study})
    con.execute("DELETE FROM meta.schema_migrations WHERE filename = '117_calculated_values.sql'")
    assert migrate(con) == ["117_calculated_values.sql"]
    ages = con.execute("SELECT nct_id, minimum_age, maximum_age FROM eligibilities ORDER BY nct_id").fetchall()
    assert ages == [("NCT01000001", None, None), ("NCT01000002", "18 Years", "N/A")]
