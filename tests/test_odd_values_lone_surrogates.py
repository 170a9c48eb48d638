"""A lone surrogate escape ("\\ud800" without its pair, as a broken converter writes it) in one string of an API v2 file
rejects no study for one character: each study loads. A coded value so written is refused and quoted with the escape
written out; text is stored with U+FFFD in the escape's place and said, quoting it (never a person's value). DuckDB
cannot store a lone surrogate, so the files go through one module-scoped run into a warehouse. A legacy XML character
reference &#xD800; is not well-formed XML: a true reject.

A few more shapes are read by the parser alone (no run)."""
from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace

import pytest

from checks import invalid_values
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.inputs import Input
from flows.parsers import ctgov_json_v2
from flows.parsers.model import UNPAIRED_ESCAPE
from flows.run import run_pipeline
from tests.conftest import AS_OF
from tests.new_warehouse import connect_new
from tests.odd_value_files import xml_variant
from tests.test_bad_input import study_json, write

TITLE = "Vitamin D\ud800 and Bone Density in Older Adults"
SITE = "Hospital Universit\ud800rio de Coimbra"
DESCRIPTION = "Participants will be randomized\udc00 to one of two arms."
# A pair of escapes names one character (U+1F600): read as it, never noted.
PAIRED = "Vitamin D and Bone Density \U0001F600"
CONTACT, INVESTIGATOR = "Jos\ud800 Garcia", "Mar\udc00a Lopez"
IDS = {name: f"NCT0918600{n}" for n, name in enumerate(
    ("title", "clean-beside", "status-and-site", "people", "ndjson-clean", "ndjson-description", "xml"), start=1)}
UNREAD, REFUSED = "invalid_values.unread_part", "invalid_values.refused_value"
NAMES_NO_CHARACTER = "Text of the record holds an escape that names no character: "
IN_ESCAPE_PLACE = ", where a \\uD800-\\uDFFF escape has no pair. It is stored with U+FFFD in the escape's place."


def _record(name: str, change=None) -> dict:
    record = study_json(IDS[name])
    if change is not None:
        change(record["protocolSection"])
    return record


def _title(protocol: dict) -> None:
    protocol["identificationModule"].update(briefTitle=TITLE, officialTitle=PAIRED)


def _status_and_site(protocol: dict) -> None:
    protocol["statusModule"]["overallStatus"] = "COMPLETED\ud800"
    protocol["contactsLocationsModule"]["locations"][0]["facility"] = SITE


def _people(protocol: dict) -> None:
    protocol["contactsLocationsModule"]["centralContacts"] = [
        {"name": CONTACT, "role": "CONTACT", "phone": "555-0100", "email": "jgarcia@example.org"}]
    protocol["sponsorCollaboratorsModule"]["responsibleParty"] = {
        "type": "PRINCIPAL_INVESTIGATOR", "investigatorFullName": INVESTIGATOR, "investigatorTitle": "Professor"}


def _description(protocol: dict) -> None:
    protocol["descriptionModule"]["detailedDescription"] = DESCRIPTION


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One run of an array file of two studies (a title with the escape beside a clean study), a study with a
    coded value and a site's name so written, one whose contact and investigator names are, an NDJSON file whose
    second line holds a lone low surrogate, and a legacy XML record with &#xD800;: judged by invalid_values."""
    folder = tmp_path_factory.mktemp("odd_values_18b")
    # json.dumps writes a lone surrogate as its escape, as a broken converter does.
    write(folder / "in", "two.json", json.dumps([_record("title", _title), _record("clean-beside")]).encode())
    write(folder / "in", "status.json", json.dumps(_record("status-and-site", _status_and_site)).encode())
    write(folder / "in", "people.json", json.dumps(_record("people", _people)).encode())
    lines = [json.dumps(_record("ndjson-clean")), json.dumps(_record("ndjson-description", _description))]
    write(folder / "in", "lines.ndjson", "\n".join(lines).encode())
    xml_variant(folder / "in", IDS["xml"], "<brief_title>", "<brief_title>&#xD800;")
    con = connect_new(folder / "trials.duckdb")
    result = run_pipeline(con, run_id="odd18b", source=folder / "in", db_path=folder / "trials.duckdb", as_of=AS_OF,
                          check=False, workers=1)
    scope = set_scope(con, None, AS_OF)
    issues: dict[str, list[tuple[str, str, str]]] = {}
    for rule in invalid_values.RULES:
        for finding in findings_of(con, rule, scope):
            issues.setdefault(finding.nct_id, []).append((rule.id, finding.message, finding.evidence))
    yield SimpleNamespace(con=con, result=result, issues=issues)
    con.close()


def _value(loaded, sql: str, nct_id: str) -> list:
    return [row[0] for row in loaded.con.execute(sql, [nct_id]).fetchall()]


def test_every_json_study_loads_and_only_the_legacy_record_is_rejected(loaded):
    studies = {row[0] for row in loaded.con.execute("SELECT nct_id FROM studies").fetchall()}
    assert studies == {nct_id for name, nct_id in IDS.items() if name != "xml"}
    rejects = loaded.con.execute("SELECT path, reason, detail FROM meta.rejects").fetchall()
    assert [(path.rsplit("/", 1)[-1], reason) for path, reason, _ in rejects] == [(f"{IDS['xml']}.xml", "invalid XML")]
    assert "reference to invalid character number" in rejects[0][2]


def test_a_title_is_stored_with_u_fffd_and_said_quoting_the_escape(loaded):
    nct_id = IDS["title"]
    assert _value(loaded, "SELECT brief_title FROM studies WHERE nct_id = ?", nct_id) == [TITLE.replace("\ud800",
                                                                                                       "\ufffd")]
    assert _value(loaded, "SELECT official_title FROM studies WHERE nct_id = ?", nct_id) == [PAIRED]
    quoted = "'Vitamin D\\ud800 and Bone Density in Older Adults'"
    assert [(rule, message) for rule, message, _ in loaded.issues[nct_id]] == [
        (UNREAD, f"{NAMES_NO_CHARACTER}identificationModule.briefTitle is {quoted}{IN_ESCAPE_PLACE}")]
    assert IDS["clean-beside"] not in loaded.issues


def test_a_coded_value_is_refused_quoted_with_the_escape_and_a_site_name_read_with_u_fffd(loaded):
    nct_id = IDS["status-and-site"]
    assert _value(loaded, "SELECT overall_status FROM studies WHERE nct_id = ?", nct_id) == [None]
    assert SITE.replace("\ud800", "\ufffd") in _value(loaded, "SELECT name FROM facilities WHERE nct_id = ?", nct_id)
    found = {rule: message for rule, message, _ in loaded.issues[nct_id]}
    assert found[REFUSED].startswith("The source gives studies.overall_status as 'COMPLETED\\ud800', but ")
    assert found[UNREAD] == (f"{NAMES_NO_CHARACTER}contactsLocationsModule.locations[0].facility is "
                             f"'Hospital Universit\\ud800rio de Coimbra'{IN_ESCAPE_PLACE}")
    assert len(loaded.issues[nct_id]) == 2


def test_a_contact_or_investigator_name_loads_and_is_named_never_quoted(loaded):
    nct_id = IDS["people"]
    assert _value(loaded, "SELECT name FROM central_contacts WHERE nct_id = ?", nct_id) == ["Jos\ufffd Garcia"]
    assert _value(loaded, "SELECT name FROM responsible_parties WHERE nct_id = ?", nct_id) == ["Mar\ufffda Lopez"]
    said = " ".join(f"{message} {evidence}" for _, message, evidence in loaded.issues[nct_id])
    assert "centralContacts[0].name is a value of a person (not quoted)" in said
    assert "responsibleParty.investigatorFullName is a value of a person (not quoted)" in said
    assert not any(word in said for word in ("Garcia", "Lopez", "Jos", "555-0100", "jgarcia"))


def test_an_ndjson_line_with_a_lone_low_surrogate_loads_beside_the_clean_line(loaded):
    nct_id = IDS["ndjson-description"]
    assert _value(loaded, "SELECT description FROM detailed_descriptions WHERE nct_id = ?", nct_id) == [
        DESCRIPTION.replace("\udc00", "\ufffd")]
    assert [rule for rule, _, _ in loaded.issues[nct_id]] == [UNREAD]
    assert "'Participants will be randomized\\udc00 to one of two arms.'" in loaded.issues[nct_id][0][1]


def _parse(body: str):
    return ctgov_json_v2.parse(body.encode())


def _notes(parsed) -> list[str]:
    return [problem.detail.split(": ", 1)[1] for problem in parsed.problems if problem.reason == UNPAIRED_ESCAPE]


def test_values_written_one_after_another_and_a_huge_number_beside_the_escape_are_read():
    """jq's output without -c is read by the standard reader, which keeps lone surrogates; so is a file that orjson
    refuses first for a number past the largest a double holds."""
    first, second = study_json("NCT09186101"), study_json("NCT09186102", title="Aspirin\ud800 after stroke")
    parsed = _parse(json.dumps(first, indent=1) + "\n" + json.dumps(second, indent=1))
    assert [record.nct_id for record in parsed.records] == ["NCT09186101", "NCT09186102"]
    assert parsed.records[1].study["brief_title"] == "Aspirin\ufffd after stroke"
    assert _notes(parsed) == ["identificationModule.briefTitle is 'Aspirin\\ud800 after stroke', where a "
                              "\\uD800-\\uDFFF escape has no pair"]
    huge = json.dumps(study_json("NCT09186103", title="Aspirin\ud800")).replace('"count": ', '"count": 1e400, "x": ')
    parsed = _parse(huge)
    assert [record.study["brief_title"] for record in parsed.records] == ["Aspirin\ufffd"]


def test_a_key_or_a_secondary_id_type_with_the_escape_is_said_and_text_is_cut_around_the_escape():
    record = study_json("NCT09186104")
    identification = record["protocolSection"]["identificationModule"]
    identification["acronym\ud800"] = "X"
    identification["secondaryIdInfos"] = [{"id": "2020-001234-56", "type": "EUDRACT\ud800_NUMBER"}]
    record["protocolSection"]["descriptionModule"]["briefSummary"] = "A" * 100 + "\ud800" + "B" * 100
    parsed = _parse(json.dumps(record))
    assert [record.nct_id for record in parsed.records] == ["NCT09186104"]
    assert sorted(_notes(parsed)) == [
        f"descriptionModule.briefSummary is '...{'A' * 30}\\ud800{'B' * 30}...', where a \\uD800-\\uDFFF escape has "
        "no pair",
        "identificationModule.secondaryIdInfos[0].type is 'EUDRACT\\ud800_NUMBER', where a \\uD800-\\uDFFF escape has "
        "no pair",
        "the key 'acronym\\ud800' of identificationModule holds an escape without its pair: a key the registry does "
        "not give, not read"]


def test_a_usual_file_is_read_by_orjson_alone(monkeypatch):
    """The standard reader is the fallback of orjson's surrogate and infinity errors only."""
    def refuse(*args, **kwargs):
        raise AssertionError("the standard reader read a usual file")
    body = json.dumps(study_json("NCT09186105")).encode()
    monkeypatch.setattr(ctgov_json_v2.json, "loads", refuse)
    parsed = ctgov_json_v2.parse(body)
    assert [record.nct_id for record in parsed.records] == ["NCT09186105"] and parsed.problems == []


def test_a_study_given_as_input_with_a_lone_surrogate_in_its_id_is_rejected_quoting_it():
    record = study_json("NCT09186106")
    record["protocolSection"]["identificationModule"]["nctId"] = "NCT0918\ud8006106"
    parsed = ctgov_json_v2.parse(Input("/in/x.json", json.dumps(record).encode(), datetime(2026, 1, 1)).data)
    assert parsed.records == []
    assert [(problem.reason, problem.detail) for problem in parsed.problems] == [
        ("nctId is not NCT followed by 8 digits", "document: 'NCT0918\\\\ud8006106'")]


def test_a_study_nested_deep_beside_the_escape_loads_with_the_escape_noted():
    """The strings of a study are read without a call per nested array or object: a study nested 700 deep beside an
    escape without its pair (which the standard reader, not orjson, reads) loads like any other."""
    body = json.dumps(study_json("NCT09186107", title="A\ud800"))
    body = body.replace('"hasResults"', '"deep": ' + "[" * 700 + "]" * 700 + ', "hasResults"')
    parsed = _parse(body)
    assert [record.nct_id for record in parsed.records] == ["NCT09186107"]
    assert _notes(parsed) == ["identificationModule.briefTitle is 'A\\ud800', where a \\uD800-\\uDFFF escape has no "
                              "pair"]
