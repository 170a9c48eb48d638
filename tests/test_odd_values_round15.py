"""Odd values in machine records: each loads its study and is read, kept or quoted as the source gives it."""
from __future__ import annotations

import json

import pytest

from tests.test_bad_input import XML_TEMPLATE, rejects, study_json, write


def _issues(run, rule: str) -> list[str]:
    """Messages of one rule, in order."""
    return [message for (message,) in run.con.execute(
        "SELECT message FROM quality_issues WHERE rule_id = ? ORDER BY message", [rule]).fetchall()]


@pytest.mark.parametrize("ages, flags, odd", [
    ([None], (None, None, None), "'null'"),
    (["ADULT", None], (True, None, None), "'null'"),
    (["", "ADULT"], (True, None, None), "''"),
    (["ADULT", "OLDER_ADULT"], (True, False, True), None),
    (["CHILD"], (False, True, False), None),
], ids=["null", "adult-and-null", "blank-and-adult", "adult-and-older", "child"])
def test_an_age_group_array_with_a_null_or_blank_item_is_flagged_not_read_as_naming_no_group(
        run, tmp_path, ages, flags, odd):
    """stdAges [null] once loaded as adult, child and older adult all False, with nothing said."""
    record = study_json("NCT09150001")
    record["protocolSection"]["eligibilityModule"]["stdAges"] = ages
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute("SELECT adult, child, older_adult FROM eligibilities").fetchall() == [flags]
    expected = [] if odd is None else [
        f"Part of the record could not be read: stdAges holds {odd}, not one of ADULT, CHILD, OLDER_ADULT. "
        "What could not be read is not loaded."]
    assert _issues(run, "invalid_values.unread_part") == expected


def test_a_masked_roles_array_holding_null_leaves_the_roles_unknown_and_is_flagged(run, tmp_path):
    record = study_json("NCT09150002")
    record["protocolSection"]["designModule"]["designInfo"]["maskingInfo"] = {"masking": "DOUBLE",
                                                                              "whoMasked": [None]}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    run(tmp_path / "in")
    assert run.con.execute("SELECT subject_masked, investigator_masked FROM designs").fetchall() == [(None, None)]
    [message] = _issues(run, "invalid_values.unread_part")
    assert "whoMasked holds 'null'" in message


@pytest.mark.parametrize("count, raw", [
    ("1e30", "1e+30"),
    ("9223372036854775808", "9223372036854775808"),
    ("100000001", "100000001"),
], ids=["exponent", "past-int64", "past-the-most"])
def test_a_json_count_past_the_most_a_count_may_be_is_quoted_as_given_and_said_too_large(run, tmp_path, count, raw):
    """A count past int64 was once said to be no whole number; 1e30 was quoted as 31 digits the record lacks."""
    record = study_json("NCT09150004")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": "<count>", "type": "ACTUAL"}
    body = json.dumps(record).replace('"<count>"', count, 1)  # as the JSON writes it: 1e30, not 1e+30
    write(tmp_path / "in", "a.json", body.encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(None,)]
    assert run.con.execute("SELECT raw_value, expected FROM meta.raw_values").fetchall() == [
        (raw, "a whole number at most 100000000")]


def test_a_json_count_at_the_most_a_count_may_be_loads(run, tmp_path):
    record = study_json("NCT09150005")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 100_000_000, "type": "ACTUAL"}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    run(tmp_path / "in")
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(100_000_000,)]
    assert run.con.execute("SELECT count(*) FROM meta.raw_values").fetchone() == (0,)


@pytest.mark.parametrize("old, new, element", [
    ("<phase>Phase 3</phase>", "<phase>Phase 2</phase>\n  <phase>Phase 3</phase>", "phase"),
    ('<enrollment type="Actual">111</enrollment>',
     '<enrollment type="Actual">111</enrollment>\n  <enrollment type="Anticipated">150</enrollment>', "enrollment"),
], ids=["phase", "enrollment"])
def test_a_legacy_element_given_twice_where_the_registry_gives_it_once_is_flagged(run, tmp_path, old, new, element):
    """A second <phase> (a hand edit, two records merged) was once passed over with nothing said."""
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    assert old in xml
    write(tmp_path / "in", "a.xml", xml.replace(old, new, 1).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert _issues(run, "invalid_values.unread_part") == [
        f"Part of the record could not be read: <{element}> is given 2 times, where the registry gives it once: the "
        "first is read. What could not be read is not loaded."]


def test_legacy_elements_the_registry_repeats_are_not_flagged(run, tmp_path):
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    old = "<condition>Bladder Cancer</condition>"
    write(tmp_path / "in", "a.xml", xml.replace(old, f"{old}\n  <condition>Urothelial Carcinoma</condition>\n"
                                                   "  <keyword>bladder</keyword>\n  <keyword>cystectomy</keyword>",
                                                1).encode())
    run(tmp_path / "in")
    assert run.con.execute("SELECT count(*) FROM conditions").fetchone()[0] >= 2
    assert _issues(run, "invalid_values.unread_part") == []


@pytest.mark.parametrize("count, raw", [("1e400", "1e400"), ("-1e400", "-1e400"), ("1" + "0" * 400, "1" + "0" * 400)],
                         ids=["exponent", "negative", "400-digits"])
def test_a_json_number_past_the_largest_a_double_holds_loads_its_study_and_is_quoted(run, tmp_path, count, raw):
    """orjson refuses such a number: the whole file was once rejected as invalid JSON, its study lost."""
    record = study_json("NCT09150006")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": "<count>", "type": "ACTUAL"}
    write(tmp_path / "in", "a.json", json.dumps(record).replace('"<count>"', count, 1).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(None,)]
    assert run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall() == [(raw,)]
    assert run.con.execute("SELECT count(*) FROM quality_issues WHERE rule_id = 'invalid_values.refused_value'"
                           ).fetchone() == (1,)


def test_a_json_file_with_nan_is_still_rejected_as_invalid_json(run, tmp_path):
    """NaN is no JSON value: the file stays rejected, not read by the decoder that keeps large numbers."""
    record = study_json("NCT09150007")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": "<count>", "type": "ACTUAL"}
    body = json.dumps(record).replace('"<count>"', "1e400", 1).replace('"ACTUAL"', "NaN", 1)
    write(tmp_path / "in", "a.json", body.encode())
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (0, 1)
    assert rejects(run) == {"a.json": "invalid JSON"}
