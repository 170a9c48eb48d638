"""ctgov_json_v2: golden samples, the whole real corpus, the invalid files, every container shape."""
from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from flows.parsers import HEAD_BYTES, claimants, ctgov_json_v2
from flows.parsers.model import FIELD_SELECTED, READ_AS_SPELT, Refused
from tests.parsers.golden import GOLDEN_DIR, check_golden, golden_inputs
from tests.shared_corpus import CORPUS, needs_corpus

ROOT = Path(__file__).resolve().parents[2]
# The corpus lives beside the project (../shared); CI has it, a bare clone may not.
GOLDEN = golden_inputs("ctgov_json_v2", ".json")
INTERVENTIONAL = GOLDEN_DIR / "ctgov_json_v2" / "interventional_month_dates.json"
RECRUITING = GOLDEN_DIR / "ctgov_json_v2" / "recruiting_contacts_removed_countries.json"


def _study(path: Path) -> dict:
    return json.loads(path.read_bytes())


@pytest.mark.parametrize("case", GOLDEN, ids=lambda path: path.stem)
def test_golden_case_matches_its_expected_rows(case):
    check_golden(case, ctgov_json_v2.parse(case.read_bytes()))


@pytest.mark.parametrize("case", GOLDEN, ids=lambda path: path.stem)
def test_exactly_one_parser_claims_each_golden_input(case):
    assert claimants(case.read_bytes()[:HEAD_BYTES]) == [ctgov_json_v2]


def test_golden_cases_cover_four_shapes():
    assert {case.stem for case in GOLDEN} == {
        "interventional_month_dates", "recruiting_contacts_removed_countries",
        "api_page_observational_and_id_fragment", "year_only_start_mesh_terms",
    }


def test_golden_rows_for_a_month_only_and_a_year_only_date_are_aacts():
    month = json.loads((GOLDEN_DIR / "ctgov_json_v2" / "interventional_month_dates.expected.json").read_text())
    year = json.loads((GOLDEN_DIR / "ctgov_json_v2" / "year_only_start_mesh_terms.expected.json").read_text())
    (month_study,) = month["records"][0]["tables"]["studies"]
    (year_study,) = year["records"][0]["tables"]["studies"]
    assert _pick(month_study, "start_date", "start_date_precision", "start_month_year") == (
        "2000-03-31", "month", "2000-03")
    assert _pick(year_study, "start_date", "start_date_precision", "start_month_year") == (
        "2004-12-31", "year", "2004")


def _pick(row: dict, *columns: str) -> tuple:
    return tuple(row[column] for column in columns)


@needs_corpus
def test_every_corpus_record_parses_to_exactly_one_record_and_no_problem():
    files = sorted((CORPUS / "json_v2").glob("*.json"))
    failures = {}
    for path in files:
        parsed = ctgov_json_v2.parse(path.read_bytes())
        if parsed.problems or [r.nct_id for r in parsed.records] != [path.stem]:
            failures[path.name] = (len(parsed.records), [p.reason for p in parsed.problems])
    assert len(files) == 300
    assert failures == {}


_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


def _render(value: date | None, precision: str | None) -> str | None:
    """A parsed date written back the way API v2 gives it: YYYY, YYYY-MM or YYYY-MM-DD."""
    return value.strftime(_FORMATS[precision]) if value else None


def _key_fields_by_plain_lookup(protocol: dict) -> dict:
    """Key fields read with plain dict look-ups, independently of the parser."""
    status, design = protocol["statusModule"], protocol["designModule"]
    arms = protocol.get("armsInterventionsModule", {})
    return {
        "nct_id": protocol["identificationModule"]["nctId"],
        "overall_status": status["overallStatus"],
        "phase": "/".join(design.get("phases", [])) or None,
        "enrollment": design.get("enrollmentInfo", {}).get("count"),
        "start": status.get("startDateStruct", {}).get("date"),
        "conditions": len(protocol.get("conditionsModule", {}).get("conditions", [])),
        "arms": len(arms.get("armGroups", [])),
        "interventions": len(arms.get("interventions", [])),
        "primary_outcomes": len(protocol.get("outcomesModule", {}).get("primaryOutcomes", [])),
        "locations": len(protocol.get("contactsLocationsModule", {}).get("locations", [])),
        "sponsors": len(protocol["sponsorCollaboratorsModule"].get("collaborators", [])) + 1,
    }


def _key_fields_of_record(record) -> dict:
    study, tables = record.study, record.tables
    outcomes = tables.get("design_outcomes", [])
    return {
        "nct_id": record.nct_id,
        "overall_status": study["overall_status"],
        "phase": study["phase"],
        "enrollment": study["enrollment"],
        "start": _render(study["start_date"], study["start_date_precision"]),
        "conditions": len(tables.get("conditions", [])),
        "arms": len(tables.get("design_groups", [])),
        "interventions": len(tables.get("interventions", [])),
        "primary_outcomes": sum(1 for row in outcomes if row["outcome_type"] == "primary"),
        "locations": len(tables.get("facilities", [])),
        "sponsors": len(tables.get("sponsors", [])),
    }


@needs_corpus
def test_key_fields_agree_with_plain_dict_lookups_for_every_corpus_record():
    mismatches = {}
    for path in sorted((CORPUS / "json_v2").glob("*.json")):
        expected = _key_fields_by_plain_lookup(json.loads(path.read_bytes())["protocolSection"])
        (record,) = ctgov_json_v2.parse(path.read_bytes()).records
        actual = _key_fields_of_record(record)
        if actual != expected:
            mismatches[path.name] = {k: (expected[k], actual[k]) for k in expected if expected[k] != actual[k]}
    assert mismatches == {}


ID_ONLY = "id-only fragment: protocolSection has no statusModule (identification only)"
# What each file of corpus/invalid/json_v2 yields here; later stages flag the records.
INVALID_OUTCOMES = {
    "NCT00465595.json": ("problem", ID_ONLY),
    "NCT00465816.json": ("problem", "partial record: protocolSection has no statusModule"),
    "NCT01340027.json": ("problem", ID_ONLY),
    "NCT03453554.json": ("problem", ID_ONLY),
    "NCT01234567.json": ("record", "PHASE2"),
    "NCT03105011.json": ("record", None),
    "NCT12345678.json": ("record", "PHASE2"),
    # Refused quoting the list the record gives: its joined form 'PHASE1/PHASE2/PHASE3/PHASE4/PHASE5' is no value of
    # the record's, and a user reading the issue needs the record's own list.
    "NCT55555555.json": ("record", Refused('["PHASE1", "PHASE2", "PHASE3", "PHASE4", "PHASE5"]',
                                           "a JSON list of API v2 phases (one of NA, EARLY_PHASE1, PHASE1, PHASE2, "
                                           "PHASE3, PHASE4, or PHASE1 with PHASE2, or PHASE2 with PHASE3)")),
    "NCT76543210.json": ("record", "PHASE3"),
    "NCT87654321.json": ("record", "PHASE4"),
}


@needs_corpus
def test_the_invalid_directory_holds_exactly_the_files_this_table_describes():
    assert sorted(p.name for p in (CORPUS / "invalid" / "json_v2").iterdir()) == sorted(INVALID_OUTCOMES)


@needs_corpus
@pytest.mark.parametrize("name", sorted(INVALID_OUTCOMES))
def test_each_invalid_file_gives_its_problem_or_its_record(name):
    parsed = ctgov_json_v2.parse((CORPUS / "invalid" / "json_v2" / name).read_bytes())
    outcome, value = INVALID_OUTCOMES[name]
    nct_id = name.removesuffix(".json")
    if outcome == "problem":
        assert parsed.records == []
        assert [(p.reason, p.nct_id) for p in parsed.problems] == [(value, nct_id)]
    else:
        assert [(p.reason, p.detail) for p in parsed.problems] == LOADED_WITH_PROBLEMS.get(name, [])
        assert [(r.nct_id, r.study["phase"]) for r in parsed.records] == [(nct_id, value)]


# The problems of invalid files whose study loads. NCT03105011 is a field-selected extract: its statusModule holds
# only the status. Three give patientRegistry as a string ("YES", "Yes"), where API v2 gives a boolean.
LOADED_WITH_PROBLEMS = {
    # NCT12345678 gives its submission dates as years only, where API v2 gives each to the day.
    "NCT12345678.json": [(READ_AS_SPELT, f"document: {name} is '{year}', where API v2 writes a day (YYYY-MM-DD): "
                                         f"read as {year}-12-31, the last day of the year")
                         for name, year in (("studyFirstSubmitDate", 2008), ("studyFirstSubmitQcDate", 2008),
                                            ("resultsFirstSubmitDate", 2016), ("resultsFirstSubmitQcDate", 2016),
                                            ("dispFirstSubmitDate", 2019), ("dispFirstSubmitQcDate", 2019),
                                            ("lastUpdateSubmitDate", 2017))],
    "NCT03105011.json": [(FIELD_SELECTED, "document: statusModule has overallStatus, not statusVerifiedDate")],
    "NCT55555555.json": [(READ_AS_SPELT, "document: patientRegistry is the string 'YES', not a JSON boolean: "
                                         "read as true")],
    "NCT76543210.json": [(READ_AS_SPELT, "document: patientRegistry is the string 'Yes', not a JSON boolean: "
                                         "read as true")],
    "NCT87654321.json": [(READ_AS_SPELT, "document: patientRegistry is the string 'YES', not a JSON boolean: "
                                         "read as true")],
}


def _ids(parsed) -> list[str]:
    return [record.nct_id for record in parsed.records]


def test_a_json_array_of_two_studies_gives_two_records():
    raw = json.dumps([_study(INTERVENTIONAL), _study(RECRUITING)]).encode()
    parsed = ctgov_json_v2.parse(raw)
    assert (_ids(parsed), parsed.problems) == (["NCT00000410", "NCT05419375"], [])


def test_ndjson_of_two_studies_gives_two_records():
    raw = b"\n".join(json.dumps(_study(path)).encode() for path in (INTERVENTIONAL, RECRUITING)) + b"\n"
    parsed = ctgov_json_v2.parse(raw)
    assert (_ids(parsed), parsed.problems) == (["NCT00000410", "NCT05419375"], [])


def test_an_api_page_of_two_studies_gives_two_records():
    page = {"studies": [_study(INTERVENTIONAL), _study(RECRUITING)], "nextPageToken": "abc"}
    parsed = ctgov_json_v2.parse(json.dumps(page).encode())
    assert (_ids(parsed), parsed.problems) == (["NCT00000410", "NCT05419375"], [])


def test_a_file_cut_in_half_is_a_problem_with_the_decoders_position():
    raw = INTERVENTIONAL.read_bytes()
    parsed = ctgov_json_v2.parse(raw[: len(raw) // 2])
    assert parsed.records == []
    (problem,) = parsed.problems
    assert problem.reason == "invalid JSON"
    assert "line " in problem.detail and "column " in problem.detail


def _pretty(*paths: Path) -> list[bytes]:
    return [json.dumps(_study(path), indent=2, ensure_ascii=False).encode() for path in paths]


@pytest.mark.parametrize("between", [b"\n", b"", b"\n\n  ", b"\x1e", b"\r\n"])
def test_studies_written_one_after_another_over_several_lines_each_give_their_records(between):
    """As `jq '.studies[]' page.json > studies.json` writes them (no -c), or RFC 7464's record separators."""
    first, second = _pretty(INTERVENTIONAL, RECRUITING)
    parsed = ctgov_json_v2.parse(first + between + second + b"\n")
    assert (_ids(parsed), parsed.problems) == (["NCT00000410", "NCT05419375"], [])
    assert parsed.records[1].tables == ctgov_json_v2.parse(second).records[0].tables


def test_a_value_that_stops_being_json_after_whole_studies_is_a_problem_and_they_load():
    first, second = _pretty(INTERVENTIONAL, RECRUITING)
    parsed = ctgov_json_v2.parse(first + b"\n" + second + b"\n" + second[:500])
    assert _ids(parsed) == ["NCT00000410", "NCT05419375"]
    (problem,) = parsed.problems
    lines = (first + b"\n" + second).count(b"\n") + 2
    assert problem.reason == "invalid JSON after a JSON value"
    assert problem.detail.split(":")[0] == f"value 3 (line {lines})"
    assert "the 2 values before it are read" in problem.detail


@pytest.mark.parametrize("tail", [b"\n{", b"\nnot json", b"\n" + b"NaN", b"}"])
def test_one_whole_study_and_then_no_json_is_the_whole_files_error(tail):
    (first,) = _pretty(INTERVENTIONAL)
    parsed = ctgov_json_v2.parse(first + tail)
    assert parsed.records == [] and [p.reason for p in parsed.problems] == ["invalid JSON"]


def test_a_nan_in_a_later_study_is_no_json_value():
    first, second = _pretty(INTERVENTIONAL, RECRUITING)
    third = second.replace(b'"count": ', b'"count": NaN, "was": ', 1)
    assert third != second
    parsed = ctgov_json_v2.parse(first + b"\n" + second + b"\n" + third)
    assert _ids(parsed) == ["NCT00000410", "NCT05419375"]
    assert [p.reason for p in parsed.problems] == ["invalid JSON after a JSON value"]
    assert "NaN is no JSON value" in parsed.problems[0].detail


def test_values_nested_past_what_the_reader_follows_are_a_problem_not_a_crash():
    first, second = _pretty(INTERVENTIONAL, RECRUITING)
    parsed = ctgov_json_v2.parse(first + b"\n" + second + b"\n" + b"[" * 200_000)
    assert _ids(parsed) == ["NCT00000410", "NCT05419375"]
    assert [p.reason for p in parsed.problems] == ["invalid JSON after a JSON value"]
    assert "nested deeper than this reader follows" in parsed.problems[0].detail
    assert ctgov_json_v2.parse(b'{\n"protocolSection": {}}\n' + b"[" * 200_000).records == []


def test_a_bad_ndjson_line_is_a_problem_and_the_other_lines_still_load():
    first, second = (json.dumps(_study(path)).encode() for path in (INTERVENTIONAL, RECRUITING))
    parsed = ctgov_json_v2.parse(first + b"\n" + second[:100] + b"\n" + second + b"\n")
    assert _ids(parsed) == ["NCT00000410", "NCT05419375"]
    (problem,) = parsed.problems
    assert (problem.reason, problem.detail.split(":")[0]) == ("invalid JSON on an NDJSON line", "line 2")


@pytest.mark.parametrize(
    ("nct_id", "reason"),
    [(None, "no nctId in protocolSection.identificationModule"),
     ("NCT123", "nctId is not NCT followed by 8 digits"),
     ("nct00000410", "nctId is not NCT followed by 8 digits"),
     ("NCT00000410\n", "nctId is not NCT followed by 8 digits"),
     ("NCT\u0660\u0660\u0660\u0660\u0660\u0664\u0661\u0660", "nctId is not NCT followed by 8 digits")],
)
def test_a_missing_or_malformed_nct_id_is_a_problem(nct_id, reason):
    study = _study(INTERVENTIONAL)
    study["protocolSection"]["identificationModule"]["nctId"] = nct_id
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    assert (parsed.records, [p.reason for p in parsed.problems]) == ([], [reason])


@pytest.mark.parametrize(("boxed", "named"), [(["NCT00000410"], "NCT00000410"), ([], None), (["x", "y"], None)])
def test_an_nct_id_wrapped_in_a_list_names_the_converters_layout(boxed, named):
    # R's jsonlite without auto_unbox writes every value in a list: {"nctId": ["NCT01958125"]}
    study = _study(INTERVENTIONAL)
    study["protocolSection"]["identificationModule"]["nctId"] = boxed
    parsed = ctgov_json_v2.parse(json.dumps({"studies": [study]}).encode())
    (problem,) = parsed.problems
    assert (parsed.records, problem.reason, problem.nct_id) == ([], ctgov_json_v2.BOXED_VALUES, named)
    assert "auto_unbox" in problem.detail


@pytest.mark.parametrize("raw", [b"[]", b'{"studies": []}', b"", b"42", b'{"hello": "world"}'])
def test_input_without_a_study_is_a_problem_not_silence(raw):
    parsed = ctgov_json_v2.parse(raw)
    assert parsed.records == [] and len(parsed.problems) == 1


def test_wrongly_typed_fields_read_as_missing_and_never_raise():
    study = _study(INTERVENTIONAL)
    protocol = study["protocolSection"]
    protocol["conditionsModule"]["conditions"] = "Low Back Pain"
    protocol["designModule"]["enrollmentInfo"] = {"count": "501"}
    protocol["designModule"]["designInfo"] = "randomised"
    protocol["contactsLocationsModule"]["locations"] = {"facility": "not a list"}
    protocol["armsInterventionsModule"]["armGroups"] = [None, 3, {"label": "Surgery"}]
    (record,) = ctgov_json_v2.parse(json.dumps(study).encode()).records
    assert record.tables["conditions"] == [{"name": "Low Back Pain", "downcase_name": "low back pain"}]
    assert record.study["enrollment"] == 501
    assert "designs" not in record.tables and "facilities" not in record.tables
    assert [row["title"] for row in record.tables["design_groups"]] == ["Surgery"]


def test_a_study_that_cannot_be_mapped_names_only_the_error_type(monkeypatch):
    def explode(study):
        raise ValueError("Jane Roe, +1 555 0100, jane@example.org")

    monkeypatch.setattr(ctgov_json_v2, "study_tables", explode)
    (problem,) = ctgov_json_v2.parse(INTERVENTIONAL.read_bytes()).problems
    assert (problem.reason, problem.nct_id) == ("study could not be mapped", "NCT00000410")
    assert "ValueError" in problem.detail and "jane" not in problem.detail.lower()


def test_central_contacts_and_masking_flags_follow_aact():
    (record,) = ctgov_json_v2.parse(RECRUITING.read_bytes()).records
    assert [row["contact_type"] for row in record.tables["central_contacts"]] == ["primary"]
    study = _study(INTERVENTIONAL)
    study["protocolSection"]["contactsLocationsModule"]["centralContacts"] = [{"name": "A"}, {"name": "B"}]
    study["protocolSection"]["designModule"]["designInfo"]["maskingInfo"] = {
        "masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "OUTCOMES_ASSESSOR"]}
    (record,) = ctgov_json_v2.parse(json.dumps(study).encode()).records
    assert [row["contact_type"] for row in record.tables["central_contacts"]] == ["primary", "backup"]
    (design,) = record.tables["designs"]
    assert (design["subject_masked"], design["caregiver_masked"], design["investigator_masked"],
            design["outcomes_assessor_masked"]) == (True, False, False, True)


AGES = ("adult", "child", "older_adult")
MASKED = ("subject_masked", "caregiver_masked", "investigator_masked", "outcomes_assessor_masked")


@pytest.mark.parametrize("ages, who, flags, problems", [
    (["ADULT", "OLDER_ADULT"], ["PARTICIPANT"], ((True, False, True), (True, False, False, False)), []),
    (None, None, ((None,) * 3, (None,) * 4), []),
    ([], [], ((False,) * 3, (False,) * 4), []),
    # a value the array may not hold: what it names is still true; what it leaves out can no longer be told
    (["ADULT", "ANCIENT"], ["PARTICIPANTS"], ((True, None, None), (None,) * 4),
     ["stdAges holds 'ANCIENT', not one of ADULT, CHILD, OLDER_ADULT",
      "whoMasked holds 'PARTICIPANTS', not one of PARTICIPANT, CARE_PROVIDER, INVESTIGATOR, OUTCOMES_ASSESSOR"]),
    (["CHILD", {"group": "ADULT"}], None, ((None, True, None), (None,) * 4),
     ["stdAges holds '{\"group\": \"ADULT\"}', not one of ADULT, CHILD, OLDER_ADULT"]),
    ("ADULT", {"who": "PARTICIPANT"}, ((None,) * 3, (None,) * 4),
     ["stdAges is a string, not an array", "whoMasked is an object, not an array"]),
], ids=["named", "absent", "empty", "unknown-value", "object-item", "not-an-array"])
def test_age_groups_and_masked_roles_follow_aact_and_a_value_api_v2_lacks_is_flagged_not_dropped(
        ages, who, flags, problems):
    study = _study(INTERVENTIONAL)
    protocol = study["protocolSection"]
    protocol["eligibilityModule"].pop("stdAges", None)
    if ages is not None:
        protocol["eligibilityModule"]["stdAges"] = ages
    protocol["designModule"]["designInfo"]["maskingInfo"] = {"masking": "DOUBLE"}
    if who is not None:
        protocol["designModule"]["designInfo"]["maskingInfo"]["whoMasked"] = who
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    (record,) = parsed.records
    (eligibility,), (design,) = record.tables["eligibilities"], record.tables["designs"]
    assert (_pick(eligibility, *AGES), _pick(design, *MASKED)) == flags
    assert sorted(p.detail.removeprefix("document: ") for p in parsed.problems) == problems


def test_dates_keep_their_precision_and_month_dates_are_stored_at_month_end_as_aact():
    (record,) = ctgov_json_v2.parse(INTERVENTIONAL.read_bytes()).records
    study = record.study
    assert (study["start_date"], study["start_date_precision"], study["start_date_type"]) == (
        date(2000, 3, 31), "month", None)
    assert study["start_month_year"] == "2000-03"
    assert (study["verification_date"], study["verification_date_precision"]) == (date(2015, 8, 31), "month")
    assert study["verification_month_year"] == "2015-08"
    assert (study["study_first_posted_date"], study["study_first_posted_date_precision"]) == (
        date(1999, 11, 4), "day")


def _corpus_heads(directory: str) -> list[bytes]:
    return [path.read_bytes()[:HEAD_BYTES] for path in sorted((CORPUS / directory).glob("*"))]


@needs_corpus
def test_the_json_corpus_is_claimed_by_the_json_sniffer_only_and_the_xml_corpus_not_by_it():
    json_heads, xml_heads = _corpus_heads("json_v2"), _corpus_heads("xml_legacy")
    assert len(json_heads) == len(xml_heads) == 300
    assert [claimants(head) for head in json_heads] == [[ctgov_json_v2]] * 300
    assert not any(ctgov_json_v2.sniff(head) for head in xml_heads)


@needs_corpus
def test_sniff_refuses_the_text_pages_of_the_shared_corpus():
    pages = [p for p in (CORPUS / "text_pages").rglob("*") if p.is_file()]
    assert pages and not any(ctgov_json_v2.sniff(p.read_bytes()[:HEAD_BYTES]) for p in pages)


def test_sniff_refuses_text_pages_and_random_bytes():
    pages = sorted((ROOT / "data" / "samples").glob("*.txt"))
    noise = random.Random(20240601).randbytes(HEAD_BYTES)
    assert pages and not any(ctgov_json_v2.sniff(p.read_bytes()[:HEAD_BYTES]) for p in pages)
    assert not ctgov_json_v2.sniff(noise)
    assert not ctgov_json_v2.sniff(b'{"name": "a JSON file about something else"}')


@pytest.mark.parametrize(
    "head",
    [b'\xef\xbb\xbf  \n{"protocolSection": {', b'[{"protocolSection": {"identificationModule": {"nctId": "NCT0',
     b'{"studies": [], "nextPageToken": "x"}', b'{"hasResults": false, "nctId": "NCT00000410"'],
)
def test_sniff_accepts_a_bom_whitespace_arrays_and_api_pages(head):
    assert ctgov_json_v2.sniff(head)


def test_a_field_selected_extract_loads_with_a_problem_that_says_so():
    """An API answer to fields=... (genomoncology/biomcp's test data): a statusModule without the dates the
    registry keeps in every record it posts. Its record loads; the problem names the keys, never a value."""
    study = json.loads(INTERVENTIONAL.read_bytes())
    status = study["protocolSection"]["statusModule"]
    study["protocolSection"]["statusModule"] = {key: status[key] for key in ("overallStatus", "studyFirstSubmitDate")}
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    (record,) = parsed.records
    (problem,) = parsed.problems
    assert (problem.reason, problem.nct_id) == (
        "field-selected extract: what it leaves out is not judged missing", record.nct_id)
    assert problem.detail == "document: statusModule has overallStatus, studyFirstSubmitDate, not statusVerifiedDate"


@pytest.mark.parametrize("kept", [("studyFirstPostDateStruct",), ("lastUpdatePostDateStruct",),
                                  ("startDateStruct", "studyFirstPostDateStruct", "lastUpdatePostDateStruct")])
def test_an_extract_that_kept_its_posting_dates_is_still_an_extract(kept):
    """Extracts often select the posting dates (a watch list's or a matcher's `fields=`) and leave the verification
    date out: that absence alone marks them, since every record the registry posts has one."""
    study = json.loads(INTERVENTIONAL.read_bytes())
    status = study["protocolSection"]["statusModule"]
    study["protocolSection"]["statusModule"] = {key: status[key] for key in ("overallStatus", *kept)}
    (problem,) = ctgov_json_v2.parse(json.dumps(study).encode()).problems
    assert problem.reason == FIELD_SELECTED
    assert problem.detail.endswith("not statusVerifiedDate")


def test_a_record_with_its_verification_date_is_whole():
    study = json.loads(INTERVENTIONAL.read_bytes())
    status = study["protocolSection"]["statusModule"]
    study["protocolSection"]["statusModule"] = {key: status[key] for key in ("overallStatus", "statusVerifiedDate")}
    assert ctgov_json_v2.parse(json.dumps(study).encode()).problems == []


@needs_corpus
def test_no_whole_registry_record_of_the_corpus_is_taken_for_an_extract():
    """The reading rests on this: every record the registry posts has its verification date."""
    paths = sorted((CORPUS / "json_v2").glob("*.json"))
    assert len(paths) == 300
    for path in paths:
        assert FIELD_SELECTED not in {p.reason for p in ctgov_json_v2.parse(path.read_bytes()).problems}, path.name
