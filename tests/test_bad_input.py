"""Hostile and odd inputs: each is rejected with a true reason or loaded correctly, and nothing else is lost."""
from __future__ import annotations

import bz2
import codecs
import gzip
import io
import json
import lzma
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from warehouse.connect import DDL_DIR

ROOT = Path(__file__).resolve().parent.parent
JSON_TEMPLATE = ROOT / "tests/golden/ctgov_json_v2/interventional_month_dates.json"
XML_TEMPLATE = ROOT / "tests/golden/ctgov_xml/interventional_masked_arms.xml"


def study_json(nct_id: str, title: str = "A study", updated: str | None = None) -> dict:
    """The golden API v2 record with a new id and title (and last-update date)."""
    record = json.loads(JSON_TEMPLATE.read_text())
    protocol = record["protocolSection"]
    protocol["identificationModule"].update(nctId=nct_id, briefTitle=title)
    if updated:
        protocol["statusModule"]["lastUpdatePostDateStruct"] = {"date": updated, "type": "ACTUAL"}
    return record


def write(folder: Path, name: str, data: bytes) -> Path:
    """Write one input file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def rejects(run) -> dict[str, str]:
    """File name -> reason of every reject row."""
    rows = run.con.execute("SELECT path, reason FROM meta.rejects").fetchall()
    return {Path(path.split("!")[-1]).name if "!" not in path else path.split("/")[-1]: reason
            for path, reason in rows}


def assert_counts_add_up(result) -> None:
    """Every file is loaded, rejected or skipped; none lost."""
    assert result.files_seen == result.loaded + result.rejected + result.skipped


def test_empty_binary_and_truncated_files_are_rejected_with_their_reason(run, tmp_path):
    src = tmp_path / "in"
    good = json.dumps(study_json("NCT09000001")).encode()
    write(src, "empty.json", b"")
    write(src, "binary.dat", bytes(range(256)) * 8)
    write(src, "truncated.json", good[: len(good) // 2])
    write(src, "truncated.xml", XML_TEMPLATE.read_bytes()[:3000])
    write(src, "good.json", good)
    result = run(src, check=False)
    reasons = rejects(run)
    assert reasons["empty.json"] == "empty file"
    assert reasons["binary.dat"] == "binary data"
    assert {"truncated.json", "truncated.xml"} <= set(reasons)
    assert result.loaded == 1 and result.rejected == 4
    assert_counts_add_up(result)


def test_an_html_page_is_rejected_as_one_and_other_markup_as_unknown(run, tmp_path):
    """A ClinicalTrials.gov Archive page saved as HTML (fabianvf/ClinicalTrialsParser holds such pages): the reject
    says what it is and what to fetch instead. A page that opens with a comment or a doctype is one too."""
    src = tmp_path / "in"
    write(src, "archive.html", b'<html>\n<head>\n<META http-equiv="Content-Type" content="text/html; charset=UTF-8">'
          b"\n<title>NCT00000122 on 2014_03_14: ClinicalTrials.gov Archive</title></head><body></body></html>")
    write(src, "saved.htm", b"\xef\xbb\xbf<!-- saved from url=(0045) -->\n<!DOCTYPE html><html lang='en'></html>")
    write(src, "notes.txt", b"<htmlish> is not a web page\n")
    result = run(src, check=False)
    assert rejects(run) == {"archive.html": "HTML page", "saved.htm": "HTML page", "notes.txt": "unknown layout"}
    detail = run.con.execute("SELECT detail FROM meta.rejects WHERE path LIKE '%archive.html'").fetchone()[0]
    assert "API v2 JSON or legacy XML" in detail
    assert_counts_add_up(result)


def test_a_classic_api_response_is_rejected_as_such_and_other_json_as_unknown(run, tmp_path):
    """The retired v1 API's records look like API v2's with PascalCase keys: the reject says what to do."""
    src = tmp_path / "in"
    v1 = {"FullStudiesResponse": {"APIVrs": "1.01.05", "NStudiesFound": 1, "FullStudies": [{"Rank": 1, "Study": {
        "ProtocolSection": {"IdentificationModule": {"NCTId": "NCT00023673", "BriefTitle": "A trial"}}}}]}}
    write(src, "v1.json", json.dumps(v1, indent=2).encode())
    write(src, "v1_study.json", json.dumps(v1["FullStudiesResponse"]["FullStudies"][0]["Study"]).encode())
    write(src, "other.json", json.dumps({"records": [1, 2], "note": "ProtocolSection is named here only"}).encode())
    result = run(src, check=False)
    reasons = rejects(run)
    assert reasons == {"v1.json": "classic API (v1) response", "v1_study.json": "classic API (v1) response",
                       "other.json": "unknown layout"}
    detail = run.con.execute("SELECT detail FROM meta.rejects WHERE path LIKE '%v1.json'").fetchone()[0]
    assert "API v2" in detail
    assert_counts_add_up(result)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_json_in_utf16_or_with_a_bom_is_read_not_called_binary(run, tmp_path, encoding):
    text = json.dumps(study_json("NCT09000002", "Étude à double insu"), ensure_ascii=False)
    write(tmp_path / "in", "study.json", text.encode(encoding))
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    title = run.con.execute("SELECT brief_title FROM studies").fetchone()[0]
    assert title == "Étude à double insu"


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_json_in_utf32_with_its_byte_order_mark_is_read(run, tmp_path, encoding):
    text = json.dumps(study_json("NCT09000013", "Étude à double insu"), ensure_ascii=False)
    write(tmp_path / "in", "study.json", (codecs.BOM_UTF32_BE if encoding == "utf-32-be" else b"") +
          text.encode(encoding))
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute("SELECT brief_title FROM studies").fetchone()[0] == "Étude à double insu"


def test_xml_in_utf16_with_its_declaration_is_read(run, tmp_path):
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"') if "encoding=" in xml else xml
    write(tmp_path / "in", "study.xml", xml.encode("utf-16"))
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)


@pytest.mark.parametrize("where", ["title", "description"])  # read first, and past what detection reads
def test_latin1_json_or_xml_is_rejected_saying_where_it_is_not_utf8(run, tmp_path, where):
    record = study_json("NCT09000003", "Étude" if where == "title" else "A study")
    if where == "description":
        record["protocolSection"]["descriptionModule"]["detailedDescription"] = "Words. " * 3000 + "Étude"
    data = json.dumps(record, ensure_ascii=False).encode("latin-1")
    xml = XML_TEMPLATE.read_text(encoding="utf-8").replace('<?xml version="1.0" encoding="UTF-8"?>', "")
    xml = xml.replace("</brief_title>", " Étude</brief_title>" if where == "title" else "</brief_title>", 1)
    xml = xml.replace("</clinical_study>", "<keyword>" + "w " * 5000 + "Étude</keyword></clinical_study>")
    write(tmp_path / "in", "latin1.json", data)
    write(tmp_path / "in", "latin1.xml", xml.encode("latin-1"))
    result = run(tmp_path / "in", check=False)
    assert result.rejected == 2
    found = dict(run.con.execute("SELECT regexp_extract(path, '[.](json|xml)$', 1), detail FROM meta.rejects")
                 .fetchall())
    for kind, raw in (("json", data), ("xml", xml.encode("latin-1"))):
        at = raw.index("É".encode("latin-1"))
        assert f"not UTF-8: byte 0xc9 at offset {at}" in found[kind], found


def test_the_same_study_with_conflicting_content_keeps_the_latest_and_every_version(run, tmp_path):
    src = tmp_path / "in"
    write(src, "a.json", json.dumps(study_json("NCT09000004", "Old title", "2024-01-05")).encode())
    write(src, "b.json", json.dumps(study_json("NCT09000004", "New title", "2025-03-01")).encode())
    result = run(src, check=False)
    assert result.loaded == 2
    assert run.con.execute("SELECT brief_title FROM studies").fetchall() == [("New title",)]
    assert run.con.execute("SELECT count(*) FROM meta.source_records").fetchone()[0] == 2


def test_values_and_parts_of_the_wrong_type_load_their_study_and_are_flagged(run, tmp_path):
    record = study_json("NCT09000011")
    record["protocolSection"]["designModule"]["designInfo"] = "Randomized, double blind"
    record["protocolSection"]["armsInterventionsModule"]["armGroups"][0] = "Arm A: drug X"
    record["protocolSection"]["statusModule"]["whyStopped"] = ["Funding", "Sponsor"]
    record["protocolSection"]["contactsLocationsModule"] = {"centralContacts": "Jane Roe, +1 555 0100"}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0)
    problems = run.con.execute("SELECT detail FROM meta.load_problems ORDER BY detail").fetchall()
    # The arm not read leaves the link naming it without an arm to join (design_group_id NULL): said too.
    assert problems == [("design_group_interventions.design_group 'Surgery' is the title of no design_groups row "
                         "(design_group_interventions.design_group_id is NULL)",),
                        ("document: armGroups[0] is a string, not an object",),
                        ("document: centralContacts is a string, not an array",),
                        ("document: designInfo is a string, not an object",)]
    issues = run.con.execute("SELECT rule_id, message FROM quality_issues WHERE category = 'invalid_value' "
                             "ORDER BY rule_id, message").fetchall()
    assert [rule for rule, _ in issues] == ["invalid_values.refused_value"] + ["invalid_values.unread_part"] * 3
    assert "'[\"Funding\", \"Sponsor\"]'" in issues[0][1]
    assert all("Jane" not in message and "555" not in message for _, message in issues)


@pytest.mark.parametrize("dates", [
    ["2300-01-01", "2021-03-15"],  # datetime64[ns] ends in 2262: the year is a typo, not a reason to lose the study
    ["0020-01-01", "1600-06", "9999-12-31", "2021-03"],
    ["2300-01-01", "2023-13-45", "2021-03-15"],  # beside a date that is refused
])
def test_a_date_of_any_year_loads_its_study_and_the_date_rules_judge_it(run, tmp_path, dates):
    for number, date in enumerate(dates):
        record = study_json(f"NCT0900010{number}")
        record["protocolSection"]["statusModule"]["startDateStruct"] = {"date": date, "type": "ACTUAL"}
        write(tmp_path / "in", f"{number}.json", json.dumps(record).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (len(dates), 0)
    starts = dict(run.con.execute("SELECT nct_id, strftime(start_date, '%Y-%m') FROM studies").fetchall())
    assert [starts[f"NCT0900010{n}"] for n in range(len(dates))] == [
        None if date == "2023-13-45" else date[:7] if len(date) > 4 else f"{date}-12" for date in dates]
    implausible = {nct_id for (nct_id,) in run.con.execute(
        "SELECT nct_id FROM quality_issues WHERE rule_id = 'dates.implausible_date'").fetchall()}
    assert implausible == {f"NCT0900010{n}" for n, date in enumerate(dates) if not date.startswith("202")}
    refused = run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall()
    assert refused == ([("2023-13-45",)] if "2023-13-45" in dates else [])


@pytest.mark.parametrize("count, loaded", [
    ("+12", 12), ("0012", 12), ("1,000", None), ("12.0", None), ("1e3", None), ("0x10", None), ("True", None),
    ("+8801811237435", None), ("12 participants", None), ("\u00b2", None), ("1\u00b2", None),
], ids=lambda value: repr(value))
@pytest.mark.parametrize("beside", [False, True], ids=["alone", "beside-a-count"])
def test_an_enrollment_given_as_text_loads_its_study_alone_in_its_batch_as_beside_others(run, tmp_path, count,
                                                                                         loaded, beside):
    """A column of text only (a study alone in its batch) once failed whole, rejecting its study, and took
    '0x10' for 16; beside a study that gives a number the same value was refused in its own cell."""
    record = study_json("NCT09000032")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": count, "type": "ACTUAL"}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    if beside:
        write(tmp_path / "in", "b.json", json.dumps(study_json("NCT09000033")).encode())
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (1 + beside, 0), rejects(run)
    assert run.con.execute("SELECT enrollment FROM studies WHERE nct_id = 'NCT09000032'").fetchone() == (loaded,)
    kept = run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall()
    assert kept == ([] if loaded is not None else [(count,)])


@pytest.mark.parametrize("where, key, given, column, loaded, kind", [
    ("designModule", "enrollmentInfo", {"count": "+12", "type": "ACTUAL"}, "enrollment", 12, "a number"),
    ("designModule", "enrollmentInfo", {"count": " 0012 ", "type": "ACTUAL"}, "enrollment", 12, "a number"),
    ("oversightModule", "oversightHasDmc", "Yes", "has_dmc", True, "a JSON boolean"),
    ("oversightModule", "isFdaRegulatedDrug", "false", "is_fda_regulated_drug", False, "a JSON boolean"),
], ids=["plus-sign", "leading-zeros", "Yes", "false"])
def test_a_json_value_given_as_a_string_that_spells_it_loads_as_read_and_is_flagged_quoting_it(
        run, tmp_path, where, key, given, column, loaded, kind):
    record = study_json("NCT09000034")
    record["protocolSection"].setdefault(where, {})[key] = given
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute(f"SELECT {column} FROM studies").fetchall() == [(loaded,)]
    assert run.con.execute("SELECT count(*) FROM meta.raw_values").fetchone() == (0,)
    issues = run.con.execute("SELECT severity, message FROM quality_issues "
                             "WHERE rule_id = 'invalid_values.read_from_text'").fetchall()
    quoted = given["count"] if isinstance(given, dict) else given
    name = "enrollmentInfo.count" if isinstance(given, dict) else key
    assert issues == [("info", f"A value is given as a string where API v2 gives another type: {name} is the "
                               f"string '{quoted}', not {kind}: read as {str(loaded).lower()}. It is stored as read.")]


def test_site_coordinates_given_as_strings_load_as_read_flagged_once_and_one_past_its_bound_is_refused(run, tmp_path):
    record = study_json("NCT09000036")
    record["protocolSection"]["contactsLocationsModule"] = {"locations": [
        {"facility": f"Site {n}", "country": "France", "geoPoint": {"lat": lat, "lon": 4.85}}
        for n, lat in enumerate(["45.75", " -33.9", "95", 12.5])]}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    run(tmp_path / "in")
    assert run.con.execute("SELECT latitude FROM facilities ORDER BY name").fetchall() == [
        (45.75,), (-33.9,), (None,), (12.5,)]
    assert run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall() == [("95",)]
    issues = run.con.execute("SELECT rule_id, message FROM quality_issues WHERE rule_id LIKE 'invalid_values.%' "
                             "ORDER BY rule_id").fetchall()
    assert [rule for rule, _ in issues] == ["invalid_values.read_from_text", "invalid_values.refused_value"]
    assert "geoPoint.lat is the string '45.75', not a number: read as 45.75." in issues[0][1]


@pytest.mark.parametrize("count, loaded", [("9" * 5000, None), ("0" * 5000 + "7", 7)], ids=["nines", "zeros"])
def test_a_json_count_given_as_thousands_of_digits_is_read_or_refused_not_its_study(run, tmp_path, count, loaded):
    """int() refuses a string of 4,300 digits and more: such a count once failed the mapping of its study."""
    record = study_json("NCT09000037")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": count, "type": "ACTUAL"}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(loaded,)]
    kept = run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall()
    assert kept == ([] if loaded is not None else [(count,)])


def test_a_json_count_given_as_a_string_past_the_most_a_count_may_be_is_refused_as_given(run, tmp_path):
    record = study_json("NCT09000035")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": "+100000001", "type": "ACTUAL"}
    write(tmp_path / "in", "a.json", json.dumps(record).encode())
    run(tmp_path / "in")
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(None,)]
    assert run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall() == [("+100000001",)]
    rules = run.con.execute("SELECT rule_id FROM quality_issues WHERE rule_id LIKE 'invalid_values.%'").fetchall()
    assert rules == [("invalid_values.refused_value",)]


@pytest.mark.parametrize("count", ["\u00b2", "12\u00b3", "1,000"], ids=["superscript", "with-superscript", "comma"])
def test_a_legacy_xml_enrollment_that_is_no_count_is_refused_and_quoted_not_its_study(run, tmp_path, count):
    """A superscript is a digit to str.isdigit() but not to int(): such a count once rejected its whole study."""
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    assert '<enrollment type="Actual">111</enrollment>' in xml
    write(tmp_path / "in", "a.xml", xml.replace(">111</enrollment>", f">{count}</enrollment>").encode())
    result = run(tmp_path / "in", check=False)
    assert (result.loaded, result.rejected) == (1, 0), rejects(run)
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(None,)]
    assert run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall() == [(count,)]


def test_a_text_page_enrollment_that_is_no_count_is_refused_and_quoted_not_called_missing(run, tmp_path):
    page = (ROOT / "tests/golden/ctgov_classic_text/000_NCT04916756.txt").read_text(encoding="utf-8")
    assert "11 participants" in page
    write(tmp_path / "in", "page.txt", page.replace("11 participants", "TBD", 1).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0)
    assert run.con.execute("SELECT enrollment FROM studies").fetchall() == [(None,)]
    issues = run.con.execute("SELECT rule_id, message FROM quality_issues WHERE rule_id IN "
                             "('invalid_values.refused_value', 'missing_fields.no_enrollment')").fetchall()
    assert [rule for rule, _ in issues] == ["invalid_values.refused_value"] and "'TBD'" in issues[0][1]


def test_legacy_xml_elements_that_hold_elements_load_their_study_and_are_flagged(run, tmp_path):
    xml = ("<clinical_study><id_info><nct_id>NCT09000012</nct_id></id_info>"
           "<brief_title>A <i>new</i> drug</brief_title><overall_status><b>Completed</b></overall_status>"
           "<overall_contact><last_name>Roe <b>Jane</b></last_name><phone>+1 555 0100</phone></overall_contact>"
           "<enrollment>-5</enrollment></clinical_study>")
    write(tmp_path / "in", "a.xml", xml.encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 0)
    problems = run.con.execute("SELECT detail FROM meta.load_problems ORDER BY detail").fetchall()
    assert problems == [("document: <brief_title> holds <i>, not text only",),
                        ("document: <last_name> holds <b>, not text only",),
                        ("document: <overall_status> holds <b>, not text only",)]
    assert run.con.execute("SELECT brief_title, overall_status, enrollment FROM studies").fetchall() == [
        (None, None, None)]
    issues = run.con.execute("SELECT rule_id, message FROM quality_issues WHERE category = 'invalid_value' "
                             "ORDER BY rule_id, message").fetchall()
    assert [rule for rule, _ in issues] == ["invalid_values.refused_value"] + ["invalid_values.unread_part"] * 3
    assert "'-5'" in issues[0][1]
    assert all("Jane" not in message and "555" not in message for _, message in issues)


def test_a_contacts_email_or_phone_where_no_contact_belongs_is_masked_in_issues_and_rejects(run, tmp_path):
    record = study_json("NCT09000031")
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": "+8801811237435", "type": "ACTUAL"}
    write(tmp_path / "in", "phone.json", json.dumps(record).encode())
    write(tmp_path / "in", "email.json", json.dumps(study_json("j.roe@example.org")).encode())
    result = run(tmp_path / "in")
    assert (result.loaded, result.rejected) == (1, 1), run.con.execute("SELECT * FROM meta.rejects").fetchall()
    quoted = run.con.execute("SELECT message || ' ' || coalesce(evidence, '') FROM quality_issues "
                             "WHERE rule_id = 'invalid_values.refused_value'").fetchall()
    assert len(quoted) == 1 and "'<phone>'" in quoted[0][0] and "8801811237435" not in quoted[0][0]
    (detail, nct_id), = run.con.execute("SELECT detail, coalesce(nct_id, '') FROM meta.rejects").fetchall()
    assert "example.org" not in detail + nct_id and "<email>" in detail + nct_id
    # the warehouse keeps the value as the source gave it
    assert run.con.execute("SELECT raw_value FROM meta.raw_values").fetchall() == [("+8801811237435",)]


def test_sql_injection_and_nul_bytes_in_titles_are_stored_verbatim(run, tmp_path):
    src = tmp_path / "in"
    hostile = "Robert'); DROP TABLE studies;-- \"quoted\" \\ back"
    write(src, "a.json", json.dumps(study_json("NCT09000005", hostile)).encode())
    write(src, "b.json", json.dumps(study_json("NCT09000006", "before\x00after")).encode())
    result = run(src, check=False)
    assert result.loaded == 2, rejects(run)
    titles = dict(run.con.execute("SELECT nct_id, brief_title FROM studies").fetchall())
    assert titles == {"NCT09000005": hostile, "NCT09000006": "before\x00after"}


def test_a_50_mb_file_is_rejected_or_loaded_never_lost(run, tmp_path):
    record = study_json("NCT09000007")
    record["protocolSection"]["descriptionModule"]["detailedDescription"] = "Words of a long text. " * 2_400_000
    write(tmp_path / "in", "huge.json", json.dumps(record).encode())
    assert (tmp_path / "in" / "huge.json").stat().st_size > 50_000_000
    result = run(tmp_path / "in", check=False)
    assert result.loaded + result.rejected == 1
    assert_counts_add_up(result)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_slip_and_zip_bomb_members_are_refused_and_the_rest_loaded(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = json.dumps(study_json("NCT09000008")).encode()
    _zip(src / "hostile.zip", {"../../escape.json": good, "bomb.json": b"0" * 20_000_000, "ok.json": good})
    result = run(src, check=False)
    reasons = [r for (r,) in run.con.execute("SELECT reason FROM meta.rejects ORDER BY path").fetchall()]
    assert result.loaded == 1
    assert any("leaves the archive" in r for r in reasons) and any("compression ratio" in r for r in reasons)
    assert not (tmp_path / "escape.json").exists()


def test_a_second_zip_member_of_one_name_is_a_reject_of_its_own_and_an_empty_zip_says_it_was_not_read(
        run, tmp_path):
    import warnings

    src = tmp_path / "in"
    src.mkdir()
    with warnings.catch_warnings(), zipfile.ZipFile(src / "dup.zip", "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
        archive.writestr("a.json", json.dumps(study_json("NCT09000021")).encode())
        archive.writestr("a.json", json.dumps(study_json("NCT09000022")).encode())
    _zip(src / "empty.zip", {})
    result = run(src, check=False)
    assert (result.loaded, result.rejected) == (1, 2)
    assert_counts_add_up(result)
    found = run.con.execute("SELECT path, reason, detail FROM meta.rejects ORDER BY path").fetchall()
    assert [(Path(path).name, reason.split(" (")[0], detail) for path, reason, detail in found] == [
        ("dup.zip!a.json (#2)", "duplicate member name", "refused inside the archive"),
        ("empty.zip", "archive holds no files", "the archive was not read")]
    assert run.con.execute("SELECT nct_id FROM studies").fetchall() == [("NCT09000021",)]


def test_a_zip_inside_a_zip_is_read(run, tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("NCT09000009.json", json.dumps(study_json("NCT09000009")).encode())
    src = tmp_path / "in"
    src.mkdir()
    _zip(src / "outer.zip", {"inner.zip": inner.getvalue()})
    result = run(src, check=False)
    assert result.loaded == 1, rejects(run)
    path = run.con.execute("SELECT path FROM meta.source_records").fetchone()[0]
    assert path.endswith("outer.zip!inner.zip!NCT09000009.json")


def test_a_gzip_compressed_record_is_read_and_a_refused_one_says_why(run, tmp_path):
    """A `.json.gz` or `.xml.gz` loads as the record it holds; a damaged or over-compressed one, or one holding
    another archive, is a reject whose reason says so, never "binary data"."""
    src = tmp_path / "in"
    record = json.dumps(study_json("NCT09000010")).encode()
    write(src, "NCT09000010.json.gz", gzip.compress(record))
    write(src, "legacy.xml.gz", gzip.compress(XML_TEMPLATE.read_bytes()))
    write(src, "truncated.json.gz", gzip.compress(json.dumps(study_json("NCT09000011")).encode())[:-30])
    write(src, "bomb.json.gz", gzip.compress(b" " * 20_000_000))
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("NCT09000012.json", record)
    write(src, "zipped.gz", gzip.compress(inner.getvalue()))
    result = run(src, check=False)
    assert result.loaded == 2, rejects(run)
    assert rejects(run) == {"truncated.json.gz": "gzip file refused", "bomb.json.gz": "gzip file refused",
                            "zipped.gz": "archive inside a gzip file"}
    details = dict(run.con.execute("SELECT regexp_extract(path, '[^/]+$'), detail FROM meta.rejects").fetchall())
    assert details["truncated.json.gz"].startswith("truncated")
    assert details["bomb.json.gz"].startswith("compression ratio over 100:1")
    loaded = run.con.execute("SELECT f.path FROM meta.source_records r JOIN meta.source_files f USING (sha256) "
                             "ORDER BY 1").fetchall()
    assert [Path(path).name for (path,) in loaded] == ["NCT09000010.json.gz", "legacy.xml.gz"]
    assert_counts_add_up(result)


@pytest.mark.parametrize("name, data, reason", [
    ("a.json.bz2", bz2.compress(b'{"protocolSection": {}}' * 50), "compressed file"),
    ("a.json.xz", lzma.compress(b'{"protocolSection": {}}'), "compressed file"),
    ("a.tar", None, "tar archive"),
    ("a.zipped", None, "zip archive not named .zip"),
    ("protocol.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
], ids=["bzip2", "xz", "tar", "zip-misnamed", "pdf"])
def test_archives_and_documents_trialqc_does_not_open_are_named_not_called_binary(run, tmp_path, name, data, reason):
    record = json.dumps(study_json("NCT09000013")).encode()
    if name.endswith(".tar"):
        packed = io.BytesIO()
        with tarfile.open(fileobj=packed, mode="w") as archive:
            info = tarfile.TarInfo("NCT09000013.json")
            info.size = len(record)
            archive.addfile(info, io.BytesIO(record))
        data = packed.getvalue()
    elif name.endswith(".zipped"):
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr("NCT09000013.json", record)
        data = packed.getvalue()
    src = tmp_path / "in"
    write(src, name, data)
    result = run(src, check=False)
    assert rejects(run) == {name: reason}
    assert result.rejected == 1
    assert_counts_add_up(result)


def test_xml_entity_expansion_is_not_expanded(run, tmp_path):
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
           + ']><clinical_study><id_info><nct_id>NCT09000010</nct_id></id_info>'
           + "<brief_title>&lol9;</brief_title></clinical_study>")
    write(tmp_path / "in", "lol.xml", lol.encode())
    result = run(tmp_path / "in", check=False)
    assert result.loaded + result.rejected == 1
    longest = run.con.execute("SELECT max(length(brief_title)) FROM studies").fetchone()[0] or 0
    assert longest < 10_000


def test_symlink_loops_and_links_out_of_the_source_are_counted_not_followed(run, tmp_path):
    src = tmp_path / "in"
    write(src, "ok.json", json.dumps(study_json("NCT09000011")).encode())
    outside = write(tmp_path / "elsewhere", "secret.json", json.dumps(study_json("NCT09000012")).encode())
    os.symlink(outside, src / "out.json")
    os.symlink(src / "loop_b", src / "loop_a")
    os.symlink(src / "loop_a", src / "loop_b")
    os.symlink(tmp_path / "elsewhere", src / "outdir")
    result = run(src, check=False)
    reasons = dict(run.con.execute("SELECT regexp_extract(path, '[^/]+$'), reason FROM meta.rejects").fetchall())
    assert reasons == {"out.json": "symlink leaves the source folder", "outdir": "symlink leaves the source folder",
                       "loop_a": "symlink loop", "loop_b": "symlink loop"}
    assert run.con.execute("SELECT nct_id FROM studies").fetchall() == [("NCT09000011",)]
    assert result.files_seen == 5 and result.loaded == 1 and result.rejected == 4


def test_a_field_selected_extract_loads_and_is_not_judged_missing_field_by_field(run, tmp_path):
    """An API answer to fields=... (as genomoncology/biomcp's test data holds NCT05766735): no outcomes, no
    conditions, a statusModule with only the status and first submission. It loads, is said once to be an extract,
    and no rule flags what it did not select; a whole record with the same gaps is flagged."""
    extract = study_json("NCT05766735")
    whole = study_json("NCT05766736")
    for record in (extract, whole):
        for module in ("outcomesModule", "conditionsModule"):
            record["protocolSection"].pop(module, None)
    status = extract["protocolSection"]["statusModule"]
    extract["protocolSection"]["statusModule"] = {"overallStatus": status["overallStatus"],
                                                  "studyFirstSubmitDate": status["studyFirstSubmitDate"]}
    write(tmp_path / "in", "extract.json", json.dumps(extract).encode())
    write(tmp_path / "in", "whole.json", json.dumps(whole).encode())
    result = run(tmp_path / "in")
    assert (result.studies_loaded, result.rejected) == (2, 0)
    flagged = {nct_id: {rule for (rule,) in run.con.execute(
        "SELECT rule_id FROM quality_issues WHERE nct_id = ? AND category = 'missing_field'", [nct_id]).fetchall()}
        for nct_id in ("NCT05766735", "NCT05766736")}
    assert flagged["NCT05766735"] == {"missing_fields.field_selected_extract"}
    assert {"missing_fields.no_primary_outcome", "missing_fields.no_conditions"} <= flagged["NCT05766736"]
    assert "missing_fields.field_selected_extract" not in flagged["NCT05766736"]


def test_an_extract_that_kept_its_posting_dates_is_one_and_an_older_warehouse_reads_its_file_again(run, tmp_path):
    """Extracts often select the posting dates and leave out the verification date every posted record keeps
    (fields=... of a watch list or a trial matcher). Such an extract is not judged missing field by field, and the
    upgrade of a warehouse loaded before this reading forgets its file (not a whole record's), so it is read again."""
    extract = study_json("NCT05766737")
    status = extract["protocolSection"]["statusModule"]
    extract["protocolSection"]["statusModule"] = {
        key: status[key] for key in ("overallStatus", "studyFirstPostDateStruct", "lastUpdatePostDateStruct")}
    extract["protocolSection"].pop("outcomesModule")
    write(tmp_path / "in", "extract.json", json.dumps(extract).encode())
    write(tmp_path / "in", "whole.json", json.dumps(study_json("NCT05766738")).encode())
    assert run(tmp_path / "in").studies_loaded == 2
    assert run.con.execute("SELECT rule_id FROM quality_issues WHERE nct_id = 'NCT05766737' "
                           "AND category = 'missing_field'").fetchall() == [("missing_fields.field_selected_extract",)]
    run.con.execute((DDL_DIR / "212_reread_extracts_and_na_design_lines.sql").read_text())
    assert run.con.execute("SELECT nct_id FROM meta.source_files").fetchall() == [("NCT05766738",)]
    assert run(tmp_path / "in").studies_loaded == 1


def test_a_zip_made_on_a_mac_loads_its_records_and_passes_over_what_a_folder_walk_would(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    record = json.dumps(study_json("NCT09000023")).encode()
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("__MACOSX/._NCT09000024.json", b"\x00\x05\x16\x07" + bytes(60))
        archive.writestr("NCT09000024.json", json.dumps(study_json("NCT09000024")).encode())
    _zip(src / "records.zip", {"records/NCT09000023.json": record,
                               "__MACOSX/records/._NCT09000023.json": b"\x00\x05\x16\x07" + bytes(60),
                               "records/.DS_Store": bytes(40), "records/README.md": b"# what these are",
                               "records/inner.zip": inner.getvalue(), "../../escape.json": record})
    result = run(src, check=False)
    assert (result.loaded, result.rejected) == (2, 1), rejects(run)
    assert_counts_add_up(result)
    assert [reason for (reason,) in run.con.execute("SELECT reason FROM meta.rejects").fetchall()] == [
        "member path leaves the archive ('..')"]
