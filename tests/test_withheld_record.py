"""A WITHHELD record (a trial of a device not yet approved or cleared, which FDAAA 801 keeps from public
view) loads as the registry posts it, and no rule blames its sponsor for what the registry holds back."""
from __future__ import annotations

from pathlib import Path

# The shape of a real legacy record of such a trial: its id, a placeholder title, redacted names, the dates
# of posting, and the legacy schema's "N/A" for a study type it does not give.
WITHHELD_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clinical_study>
  <required_header>
    <download_date>ClinicalTrials.gov processed this data on May 11, 2018</download_date>
    <url>https://clinicaltrials.gov/show/NCT03100001</url>
  </required_header>
  <id_info><org_study_id>DEV-17-02</org_study_id><nct_id>NCT03100001</nct_id></id_info>
  <brief_title>[Trial of device that is not approved or cleared by the U.S. FDA]</brief_title>
  <official_title>[Trial of device that is not approved or cleared by the U.S. FDA]</official_title>
  <sponsors><lead_sponsor><agency>[Redacted]</agency></lead_sponsor></sponsors>
  <source>[Redacted]</source>
  <overall_status>Withheld</overall_status>
  <study_type>N/A</study_type>
  <study_first_submitted>June 1, 2017</study_first_submitted>
  <study_first_posted type="Actual">June 9, 2017</study_first_posted>
  <last_update_submitted>June 21, 2017</last_update_submitted>
  <last_update_posted type="Actual">June 22, 2017</last_update_posted>
  <responsible_party><name_title>[Redacted]</name_title><organization>[Redacted]</organization></responsible_party>
</clinical_study>
"""


def _issues(con, nct_id: str) -> list[tuple[str, str]]:
    return con.execute("SELECT rule_id, severity FROM quality_issues WHERE nct_id = ? ORDER BY rule_id",
                       [nct_id]).fetchall()


def test_a_withheld_record_loads_without_blaming_its_sponsor(run, tmp_path):
    source = tmp_path / "records"
    source.mkdir()
    (source / "NCT03100001.xml").write_text(WITHHELD_XML)
    # The same record with the status the registry gives an ordinary trial is judged as one.
    (source / "NCT03100002.xml").write_text(WITHHELD_XML.replace("NCT03100001", "NCT03100002")
                                            .replace("<overall_status>Withheld", "<overall_status>Recruiting")
                                            .replace("<study_type>N/A", "<study_type>Interventional"))
    result = run(Path(source))
    assert (result.studies_loaded, result.rejected) == (2, 0)
    con = run.con
    assert con.execute("SELECT overall_status, study_type FROM studies WHERE nct_id = 'NCT03100001'").fetchone() == (
        "WITHHELD", None)
    withheld = _issues(con, "NCT03100001")
    assert [r for r, _ in withheld if r.startswith("missing_fields.")] == []
    # what stays is worth knowing and says nothing against the sponsor: the legacy study type N/A, quoted and
    # kept raw, and how old the copy is
    assert ("invalid_values.refused_value", "info") in withheld
    assert {severity for _, severity in withheld} == {"info"}
    raw = con.execute("SELECT column_name, raw_value FROM meta.raw_values WHERE nct_id = 'NCT03100001'").fetchall()
    assert raw == [("study_type", "N/A")]
    ordinary = {rule for rule, _ in _issues(con, "NCT03100002")}
    assert {"missing_fields.no_conditions", "missing_fields.no_enrollment",
            "missing_fields.no_start_date"} <= ordinary


def test_a_refused_value_of_any_other_record_is_a_warning(run, tmp_path):
    source = tmp_path / "records"
    source.mkdir()
    (source / "NCT03100003.xml").write_text(WITHHELD_XML.replace("NCT03100001", "NCT03100003")
                                            .replace("<overall_status>Withheld", "<overall_status>Completed"))
    run(Path(source))
    assert ("invalid_values.refused_value", "warning") in _issues(run.con, "NCT03100003")
