"""Rejects mean rejected: meta.rejects holds only inputs that did not load; problems of loaded files sit apart."""
from __future__ import annotations

import json
import shutil

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def _two_study_array(target) -> None:
    """A JSON array: a valid study, one with a phase API v2 does not know, and one with no valid NCT id."""
    good = json.loads((GOLDEN / "ctgov_json_v2" / "interventional_month_dates.json").read_text())
    odd = json.loads(json.dumps(good))
    odd["protocolSection"]["identificationModule"]["nctId"] = "NCT99999901"
    odd["protocolSection"]["designModule"]["phases"] = ["PHASE5"]
    no_id = json.loads(json.dumps(good))
    no_id["protocolSection"]["identificationModule"]["nctId"] = "NCT999"
    (target / "two_studies.json").write_text(json.dumps([good, odd, no_id]))


def _page_with_three_header_numbers(target) -> None:
    page = (GOLDEN / "ctgov_classic_text" / "001_NCT05792462.txt").read_text()
    page = page.replace("12\n1\n1\n18.1\n0.7\n", "12\n1\n0.7\n", 1)
    (target / "short_header.txt").write_text(page.replace("Allocation:\n", "Funding Route:\nGrant\nAllocation:\n", 1))


def test_rejects_count_the_inputs_that_did_not_load_and_problems_stay_apart(run, samples):
    _two_study_array(samples)
    _page_with_three_header_numbers(samples)
    (samples / "empty.txt").write_bytes(b"")
    (samples / "noise.txt").write_text("nothing a registry would publish\n" * 3)
    (samples / "cut.txt").write_text((GOLDEN / "ctgov_classic_text" / "001_NCT05792462.txt").read_text()[:900])
    result = run(samples)
    assert (result.loaded, result.rejected) == (7, 3)
    rejected = dict(run.con.execute(
        "SELECT regexp_extract(path, '[^/]+$'), reason FROM meta.rejects WHERE run_id = ?", [result.run_id]).fetchall())
    assert set(rejected) == {"empty.txt", "noise.txt", "cut.txt"}
    problems = run.con.execute(
        "SELECT regexp_extract(path, '[^/]+$'), nct_id, stage, reason FROM meta.load_problems ORDER BY 1").fetchall()
    assert ("short_header.txt", "NCT05792462", "parse", "clincosm header numbers ambiguous") in problems
    assert ("short_header.txt", "NCT05792462", "parse", "unknown label") in problems
    assert ("two_studies.json", None, "parse", "nctId is not NCT followed by 8 digits") in problems
    # one odd value does not lose its study: it loads, the value kept raw
    assert run.con.execute("SELECT nct_id, column_name, raw_value FROM meta.raw_values").fetchall() == [
        ("NCT99999901", "phase", "PHASE5")]
    outcomes = dict(run.con.execute(
        "SELECT regexp_extract(path, '[^/]+$'), outcome FROM meta.source_files").fetchall())
    assert outcomes["two_studies.json"] == outcomes["short_header.txt"] == "loaded"


def test_a_rejected_file_with_several_causes_is_one_reject_naming_them_all(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = json.loads((GOLDEN / "ctgov_json_v2" / "interventional_month_dates.json").read_text())
    studies = []
    for bad_id in ("NCT123", "XYZ00000001"):  # no study without a valid NCT id: the file cannot load
        study = json.loads(json.dumps(good))
        study["protocolSection"]["identificationModule"]["nctId"] = bad_id
        studies.append(study)
    (folder / "all_bad.json").write_text(json.dumps(studies))
    shutil.copy(GOLDEN / "ctgov_json_v2" / "interventional_month_dates.json", folder / "good.json")
    result = run(folder)
    assert (result.loaded, result.rejected) == (1, 1)
    (row,) = run.con.execute("SELECT path, reason, detail FROM meta.rejects").fetchall()
    assert row[0].endswith("all_bad.json") and row[1] == "nctId is not NCT followed by 8 digits"
    assert "'NCT123'" in row[2] and "also: nctId is not NCT followed by 8 digits" in row[2]


def test_the_summary_says_once_per_layout_what_it_never_shows(run, samples):
    from flows.summary import to_markdown

    result = run(samples)
    assert set(result.not_carried) == {"aggregator_text", "ctgov_classic_text", "summary_text"}
    assert "eligibilities.criteria" in result.not_carried["summary_text"]
    assert result.not_carried["ctgov_classic_text"] == ["studies.source"]  # it shows the lead sponsor only
    assert "design_outcomes.measure" in result.not_carried["aggregator_text"]
    text = to_markdown(result)
    assert all(text.count(f"- `{layout}`: ") == 1
               for layout in ("summary_text", "aggregator_text", "ctgov_classic_text"))
    flagged = run.con.execute("SELECT nct_id FROM quality_issues WHERE rule_id IN "
                              "('missing_fields.no_primary_outcome', 'missing_fields.no_eligibility_criteria') "
                              "ORDER BY 1").fetchall()
    assert flagged == []  # 002 and 004 are meddatax pages, 003 a trial-summary page: none shows outcomes
    arms = run.con.execute("SELECT count(*) FROM design_groups WHERE nct_id = 'NCT05300932'").fetchone()[0]
    duplicate = run.con.execute("SELECT count(*) FROM quality_issues WHERE rule_id = 'contradictions.duplicate_arm' "
                                "AND nct_id = 'NCT05300932'").fetchone()[0]
    assert (arms, duplicate) == (2, 0)  # seed 002: two arms, each with its own intervention


def test_a_file_named_after_another_study_loads_its_record_and_says_so(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    golden = GOLDEN / "ctgov_json_v2" / "interventional_month_dates.json"
    inside = json.loads(golden.read_text())["protocolSection"]["identificationModule"]["nctId"]
    shutil.copy(golden, folder / "NCT02278341.json")  # a download saved under another study's number
    study = json.loads(golden.read_text())
    study["protocolSection"]["identificationModule"]["briefTitle"] += " (amended)"
    (folder / f"{inside}_v2.json").write_text(json.dumps(study))  # named after the study it holds: nothing to say
    result = run(folder)
    assert (result.loaded, result.rejected) == (2, 0)
    problems = run.con.execute("SELECT regexp_extract(path, '[^/]+$'), nct_id, reason, detail FROM meta.load_problems")
    assert problems.fetchall() == [("NCT02278341.json", inside, "file named after another study",
                                    f"the file name says NCT02278341; it holds {inside}")]
