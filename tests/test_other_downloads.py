"""ClinicalTrials.gov's other download formats (CSV, TSV, RIS, FHIR JSON): each is a reject that names the format and
says what to download instead; the records trialqc reads, and files that only quote those formats, stay as they are."""
from __future__ import annotations

import json

import pytest

from flows.inputs import Input
from flows.other_downloads import AACT_COLUMNS, other_download
from flows.parse_batch import ParsedBatch, as_utf8, parse_input
from flows.parsers import HEAD_BYTES

from tests.parsers.golden import GOLDEN_DIR, every_golden_case
from tests.shared_corpus import CORPUS, needs_corpus

INSTEAD = "download the records as JSON instead (the API's format=json, or the bulk ctg-studies.json.zip)"
# The header of the API's format=csv with every column, as the registry writes it.
API_CSV_HEADER = ("NCT Number,Study Title,Study URL,Acronym,Study Status,Brief Summary,Study Results,Conditions,"
                  "Interventions,Primary Outcome Measures,Secondary Outcome Measures,Other Outcome Measures,Sponsor,"
                  "Collaborators,Sex,Age,Phases,Enrollment,Funder Type,Study Type,Study Design,Other IDs,Start Date,"
                  "Primary Completion Date,Completion Date,First Posted,Results First Posted,Last Update Posted,"
                  "Locations,Study Documents")
# Values a download may carry that must never reach a reject: a contact's email and phone, an author's name.
PERSONAL = ("jane.roe@example.org", "+1 (555) 010-4477", "Roe, Jane")
ROW = ('NCT09000401,"Exercise for fatigue, a trial",https://clinicaltrials.gov/study/NCT09000401,,RECRUITING,'
       f'"Contact {PERSONAL[0]} or {PERSONAL[1]}",NO,Lupus,BEHAVIORAL: Exercise')


def outcome(name: str, data: bytes) -> tuple[str, str]:
    """What the parse stage makes of one file: ('loaded', its NCT ids) or (reject reason, detail)."""
    batch = ParsedBatch()
    parse_input(Input(name, data, None), batch)
    if batch.records:
        return "loaded", " ".join(sourced.record.nct_id for sourced in batch.records)
    assert len(batch.rejects) == 1 and batch.rejects[0].stage == "detect", batch.rejects
    return batch.rejects[0].reason, batch.rejects[0].detail


def golden(layout: str, name: str) -> str:
    """The text of one golden input."""
    return (GOLDEN_DIR / layout / name).read_text(encoding="utf-8")


# --- each format is named, with what to download instead, and no value of the file quoted

TABLES = {
    "api-csv": (f"{API_CSV_HEADER}\n{ROW}\n".encode(), "CSV download"),
    "fields-selected-csv": (b"Study Title,NCT Number,Conditions\n\"A trial\",NCT09000401,Lupus\n", "CSV download"),
    "spreadsheet-resaved-csv": (b'"NCT Number","Study Title","Study Status"\r\n'
                                b'"NCT09000401","A trial","RECRUITING"\r\n', "CSV download"),
    "comma-decimal-locale-csv": (b"NCT Number;Study Title;Enrollment\nNCT09000401;A trial;12,5\n", "CSV download"),
    "search-page-tsv": (b"NCT Number\tStudy Title\tConditions\tSex\nNCT09000401\tA trial, phase 2\tLupus\tALL\n",
                        "TSV download"),
    "unicode-text-tsv": ("NCT Number\tStudy Title\tAge\nNCT09000401\tA trial\tADULT\n".encode("utf-16"),
                         "TSV download"),
    "later-api-csv-page-without-header": (f"{ROW}\n".encode(), "CSV download"),
}


@pytest.mark.parametrize("case", TABLES, ids=str)
def test_a_csv_or_tsv_table_of_the_registrys_columns_is_named_with_what_to_download_instead(case):
    data, reason = TABLES[case]
    got_reason, detail = outcome("studies.csv", data)
    assert (got_reason, detail.endswith(INSTEAD)) == (reason, True)
    assert not any(value in detail for value in PERSONAL + ("NCT09000401", "A trial", "Lupus"))


def test_the_tables_reject_says_how_many_of_the_registrys_columns_its_header_names():
    assert "NCT Number and 29 more of ClinicalTrials.gov's columns" in outcome("a.csv", API_CSV_HEADER.encode())[1]


AACT_TABLES = {
    "flat-file-studies": b"nct_id|nlm_download_date_description|study_first_submitted_date|overall_status|brief_title\n"
                         b"NCT09000401||2025-01-10|Recruiting|A trial\n",
    "flat-file-conditions": b"id|nct_id|name|downcase_name\n1|NCT09000401|Lupus|lupus\n",
    "flat-file-contacts": ("id|nct_id|contact_type|name|phone|email\n"
                           f"7|NCT09000401|primary|{PERSONAL[2]}|{PERSONAL[1]}|{PERSONAL[0]}\n").encode(),
    "psql-csv-export": b"nct_id,brief_title,overall_status,phase\nNCT09000401,\"A trial\",RECRUITING,PHASE2\n",
    "duckdb-quoted-tsv-export": b'"nct_id"\t"mesh_term"\n"NCT09000401"\t"Lupus"\n',
}


@pytest.mark.parametrize("case", AACT_TABLES, ids=str)
def test_a_table_of_aacts_is_named_with_what_to_load_instead(case):
    reason, detail = outcome("studies.txt", AACT_TABLES[case])
    assert (reason, detail.endswith(INSTEAD)) == ("AACT table", True)
    assert "trialqc builds such tables from the records" in detail
    assert not any(value in detail for value in PERSONAL + ("NCT09000401", "A trial", "Lupus"))


def test_the_columns_that_tell_an_aact_table_are_columns_of_the_warehouses_aact_tables():
    from schemas import MODELS

    columns = {column for model in MODELS.values() for column in model.to_schema().columns}
    assert AACT_COLUMNS <= columns


def test_the_aact_tables_reject_counts_its_columns():
    assert "nct_id and 3 more columns" in outcome("c.txt", AACT_TABLES["flat-file-conditions"])[1]
    assert "nct_id and 1 more column)" in outcome("c.txt", AACT_TABLES["duckdb-quoted-tsv-export"])[1]


RIS_STUDY = ("TY  - DBASE\r\nAN  - NCT09000401\r\nTI  - Exercise for fatigue in lupus\r\n"
             f"AU  - {PERSONAL[2]}\r\nPY  - 2025\r\nUR  - https://clinicaltrials.gov/study/NCT09000401\r\nER  - \r\n")


def test_the_registrys_ris_citation_is_named_as_citing_a_study_with_what_to_download_instead():
    reason, detail = outcome("NCT09000401.ris", RIS_STUDY.encode())
    assert reason == "RIS citation" and "format=ris" in detail and detail.endswith(INSTEAD)
    assert not any(value in detail for value in (PERSONAL[2], "NCT09000401", "Exercise"))


def test_any_ris_file_is_named_a_citation_file_even_one_that_cites_no_registry_study():
    article = "TY  - JOUR\nTI  - Exercise and fatigue in lupus\nAU  - Roe, Jane\nER  - \n\nTY  - JOUR\nER  - \n"
    reason, detail = outcome("export.ris", article.encode())
    assert (reason, detail) == ("RIS citation", f"a RIS file (tag lines TY ... ER) holds citations, not study "
                                                f"records: {INSTEAD}")


FHIR_STUDY = {"resourceType": "ResearchStudy", "id": "NCT09000401", "title": "Exercise for fatigue in lupus",
              "identifier": [{"system": "http://clinicaltrials.gov", "value": "NCT09000401"}],
              "contact": [{"name": PERSONAL[2], "telecom": [{"system": "email", "value": PERSONAL[0]}]}]}
FHIR = {
    "research-study": (json.dumps(FHIR_STUDY, indent=2), "a FHIR ResearchStudy resource"),
    "type-named-last": (json.dumps({"id": "x", "meta": {"versionId": "1"}, "status": "active",
                                    "resourceType": "ResearchStudy"}), "a FHIR ResearchStudy resource"),
    "bundle": (json.dumps({"resourceType": "Bundle", "type": "searchset",
                           "entry": [{"resource": FHIR_STUDY}, {"resource": FHIR_STUDY}]}),
               "a FHIR Bundle of ResearchStudy resources"),
    "bulk-ndjson": (json.dumps(FHIR_STUDY) + "\n" + json.dumps(FHIR_STUDY) + "\n", "a FHIR ResearchStudy resource"),
    "array": (json.dumps([FHIR_STUDY]), "a FHIR ResearchStudy resource"),
    "other-resource": (json.dumps({"resourceType": "Group", "id": "g1"}), "a FHIR Group resource"),
}


@pytest.mark.parametrize("case", FHIR, ids=str)
def test_fhir_json_is_named_by_its_resource_type_with_what_to_download_instead(case):
    text, named = FHIR[case]
    reason, detail = outcome("NCT09000401.fhir.json", text.encode())
    assert (reason, detail.startswith(f"{named} is not read"), detail.endswith(INSTEAD)) == ("FHIR JSON", True, True)
    assert not any(value in detail for value in PERSONAL + ("NCT09000401", "Exercise"))


def test_each_format_is_a_detect_reject_of_the_run_counted_with_the_rest(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "studies.csv").write_text(f"{API_CSV_HEADER}\n{ROW}\n")
    (src / "NCT09000401.ris").write_bytes(RIS_STUDY.encode())
    (src / "NCT09000401.fhir.json").write_text(json.dumps(FHIR_STUDY))
    (src / "page.txt").write_text(golden("summary_text", "study_design_filled_NCT09000301.txt"))
    result = run(src, check=False)
    rows = run.con.execute("SELECT regexp_extract(path, '[^/]+$'), stage, reason FROM meta.rejects ORDER BY 1")
    assert rows.fetchall() == [("NCT09000401.fhir.json", "detect", "FHIR JSON"),
                               ("NCT09000401.ris", "detect", "RIS citation"), ("studies.csv", "detect", "CSV download")]
    assert (result.loaded, result.rejected, result.files_seen) == (1, 3, 4)


# --- near misses: records trialqc reads, and files that only quote a format, stay as they are

def _with_line_after(page: str, anchor: str, line: str) -> str:
    """The page with one more line right after `anchor`."""
    at = page.index(anchor) + len(anchor)
    return page[:at] + "\n" + line + page[at:]


QUOTED_HEADER = "NCT Number,Study Title,Study URL,Study Status,Conditions"


def test_a_text_page_whose_description_quotes_the_csv_header_still_loads():
    page = golden("summary_text", "study_design_filled_NCT09000301.txt")
    quoting = _with_line_after(page, "Clinical Trial Description\n", QUOTED_HEADER)
    assert outcome("page.txt", quoting.encode()) == ("loaded", "NCT09000301")
    assert outcome("page.txt", f"{QUOTED_HEADER}\n\n{page}".encode()) == ("loaded", "NCT09000301")


def test_records_whose_text_quotes_a_ris_line_a_csv_header_or_a_fhir_resource_type_still_load():
    record = json.loads(golden("ctgov_json_v2", "interventional_month_dates.json"))
    quoted = f'{QUOTED_HEADER}\nTY  - DBASE\nAN  - NCT09000401\n{{"resourceType": "ResearchStudy"}}'
    record["protocolSection"]["descriptionModule"]["briefSummary"] = quoted
    record = {"resourceType": "ResearchStudy", **record}  # a key API v2 does not give, before protocolSection
    nct_id = record["protocolSection"]["identificationModule"]["nctId"]
    assert outcome("record.json", json.dumps(record).encode()) == ("loaded", nct_id)
    xml = golden("ctgov_xml", "interventional_masked_arms.xml").replace("<textblock>", f"<textblock>\n{quoted}", 1)
    assert outcome("record.xml", xml.encode())[0] == "loaded"


UNKNOWN = {
    "text-quoting-the-header-below-its-first-line": f"Notes on the export\n{QUOTED_HEADER}\n",
    "label-and-value-lines": "NCT Number\tNCT09000401\nStudy Title\tA trial\n",
    "one-registry-column-of-a-sheet": "NCT Number,My note,Reviewer\nNCT09000401,check,JR\n",
    "registry-columns-without-nct-number": "Sex,Age,Conditions\nFEMALE,34,Lupus\n",
    "study-ids-listed": "NCT09000401,NCT09000402,NCT09000403\n",
    "one-nct-id-column": "nct_id\nNCT09000401\nNCT09000402\n",
    "nct-id-among-other-columns": "nct_id|Reviewer Note|checked\nNCT09000401|late|yes\n",
    "nct-id-in-prose": "We checked nct_id, brief_title and phase by hand.\n",
    "nct-id-beside-columns-of-another-table": "file,nct_id,repo,path_in_repo,commit,license_as_seen\n",
    "nct-id-beside-generic-columns": "id|nct_id|name|description\n",
    "ris-tag-then-prose": "TY  - my notes on the trial\nThe sponsor replied in May.\n",
    "resource-type-in-a-text-value": json.dumps({"note": json.dumps({"resourceType": "ResearchStudy"})}),
    "resource-type-of-a-nested-object": json.dumps({"data": {"resourceType": "ResearchStudy"}}),
    "resource-type-of-a-second-array-item": json.dumps([{"id": 1}, {"resourceType": "ResearchStudy"}]),
    "resource-type-that-names-no-fhir-type": json.dumps({"resourceType": "Microsoft.Compute/virtualMachines"}),
    "resource-type-cut-short-by-the-head": '{"resourceType": "ResearchSt',
}


@pytest.mark.parametrize("case", UNKNOWN, ids=str)
def test_a_file_that_only_resembles_a_download_format_stays_an_unknown_layout(case):
    data = UNKNOWN[case].encode()
    assert other_download(data) is None
    assert outcome("file.txt", data)[0] == "unknown layout"


@pytest.mark.parametrize("layout, case", every_golden_case(), ids=lambda value: getattr(value, "name", value))
def test_no_golden_record_or_page_is_taken_for_another_download_format(layout, case):
    assert other_download(as_utf8(case.read_bytes())[:HEAD_BYTES]) is None


@needs_corpus
def test_no_real_record_of_the_corpus_is_taken_for_another_download_format():
    files = [path for path in sorted(CORPUS.rglob("*")) if path.is_file()]
    named = {path.name: other_download(as_utf8(path.read_bytes())[:HEAD_BYTES]) for path in files}
    assert len(files) >= 600 and {name: found for name, found in named.items() if found} == {}


def test_a_ris_file_saved_in_utf16_is_named_as_one():
    assert outcome("cited.ris", RIS_STUDY.encode("utf-16"))[0] == "RIS citation"
