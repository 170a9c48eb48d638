"""AACT's row ids: AACT's joins by id give the pairs the name columns give, and a record gives the same ids in
any run; a link whose name matches nothing keeps a NULL id and is a load problem of its file."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from flows import row_ids
from flows.parse_batch import FileOutcome, SourcedRecord
from flows.parsers.model import StudyRecord
from flows.validated import ValidatedBatch
from warehouse.tables import ID_TABLES

AACT_JOIN = """SELECT dgi.nct_id, dg.title, i.name, i.description FROM design_group_interventions dgi
               JOIN design_groups dg ON dg.id = dgi.design_group_id
               JOIN interventions i ON i.id = dgi.intervention_id ORDER BY ALL"""


def study_json(nct_id: str, arms: list[str], interventions: list[tuple], posted: str = "2024-01-05",
               sites: int = 2) -> bytes:
    """An API v2 record: arms by title; interventions as (name, arm labels, other names, description)."""
    return json.dumps({"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": f"Study {nct_id}"},
        "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": posted[:7],
                         "lastUpdatePostDateStruct": {"date": posted}},
        "designModule": {"studyType": "INTERVENTIONAL"},
        "armsInterventionsModule": {
            "armGroups": [{"label": title, "type": "EXPERIMENTAL"} for title in arms],
            "interventions": [{"type": "DRUG", "name": name, "armGroupLabels": labels, "otherNames": others,
                               "description": description} for name, labels, others, description in interventions]},
        "contactsLocationsModule": {"locations": [{"facility": f"Site {i}", "city": "Lyon", "country": "France"}
                                                  for i in range(sites)]},
    }}).encode()


# Two arms differ only in case, one title has a trailing space, two arms share a title, two interventions
# share a name (given in different arms), and one link names an arm the record does not have.
TANGLED = study_json("NCT09100001", ["Arm A", "arm a", "Arm B ", "Cohort", "Cohort"], [
    ("Drug X", ["Arm A"], ["X-1"], "first X"),
    ("Drug X", ["arm a", "Arm B"], ["X-2"], "second X"),
    ("Drug Y", ["ARM B", "Cohort"], [], "Y"),
    ("Drug Z", ["Arm C"], [], "Z"),
])
PLAIN = study_json("NCT09100002", ["Control", "Treated"], [("Drug Q", ["Treated"], ["Q-1"], "Q")])


@pytest.fixture
def loaded(run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "tangled.json").write_bytes(TANGLED)
    (source / "plain.json").write_bytes(PLAIN)
    run(source, check=False)
    return run.con, source


def test_aacts_join_by_id_gives_each_link_its_own_arm_and_intervention(loaded):
    con, _ = loaded
    assert con.execute(AACT_JOIN).fetchall() == [
        ("NCT09100001", "Arm A", "Drug X", "first X"),
        ("NCT09100001", "Arm B ", "Drug X", "second X"),  # 'Arm B' matches 'Arm B ' only without the space
        ("NCT09100001", "Arm B ", "Drug Y", "Y"),  # 'ARM B' matches without regard to case
        ("NCT09100001", "Cohort", "Drug Y", "Y"),
        ("NCT09100001", "arm a", "Drug X", "second X"),  # the exact title, not 'Arm A'
        ("NCT09100002", "Treated", "Drug Q", "Q"),
    ]
    # Of two arms titled alike, the first; of two interventions named alike, the one that gives the link.
    assert con.execute("""SELECT dgi.design_group_id % 1000000, dgi.intervention_id % 1000000
                          FROM design_group_interventions dgi WHERE design_group = 'Cohort'""").fetchall() == [(4, 3)]
    assert con.execute("""SELECT o.name, i.description FROM intervention_other_names o
                          JOIN interventions i ON i.id = o.intervention_id ORDER BY 1""").fetchall() == [
        ("Q-1", "Q"), ("X-1", "first X"), ("X-2", "second X")]


def test_the_id_join_gives_the_pairs_the_name_columns_give(loaded):
    con, _ = loaded
    by_id = con.execute("""SELECT dgi.nct_id, dgi.design_group, dgi.intervention,
                                  lower(trim(dg.title)), i.name FROM design_group_interventions dgi
                           JOIN design_groups dg ON dg.id = dgi.design_group_id
                           JOIN interventions i ON i.id = dgi.intervention_id""").fetchall()
    assert by_id and all(lower_arm == arm.strip().lower() and name == intervention
                         for _, arm, intervention, lower_arm, name in by_id)
    by_name = con.execute("""SELECT nct_id, design_group, intervention FROM design_group_interventions dgi
                             WHERE EXISTS (SELECT 1 FROM design_groups g WHERE g.nct_id = dgi.nct_id
                                           AND lower(trim(g.title)) = lower(trim(dgi.design_group)))""").fetchall()
    assert sorted(row[:3] for row in by_id) == sorted(by_name)


def test_a_link_naming_no_arm_keeps_a_null_id_and_is_a_load_problem(loaded):
    con, _ = loaded
    assert con.execute("""SELECT design_group, design_group_id, intervention_id % 1000000
                          FROM design_group_interventions WHERE design_group_id IS NULL""").fetchall() == [
        ("Arm C", None, 4)]
    problems = con.execute("SELECT nct_id, stage, reason, detail FROM meta.load_problems").fetchall()
    assert problems == [("NCT09100001", "load", "link names no arm",
                         "design_group_interventions.design_group 'Arm C' is the title of no design_groups row "
                         "(design_group_interventions.design_group_id is NULL)")]


def _ids(con) -> dict[str, list[tuple]]:
    """Every table's (nct_id, id) rows, and the link tables' ids of what they name."""
    out = {table: con.execute(f"SELECT nct_id, id FROM {table} ORDER BY ALL").fetchall() for table in ID_TABLES}
    out["links"] = con.execute("SELECT nct_id, id, design_group_id, intervention_id FROM design_group_interventions "
                               "ORDER BY ALL").fetchall()
    out["other names"] = con.execute("SELECT nct_id, id, intervention_id FROM intervention_other_names "
                                     "ORDER BY ALL").fetchall()
    return out


def test_a_study_read_again_keeps_its_ids_and_a_new_version_changes_only_its_own(loaded, run):
    con, source = loaded
    before = _ids(con)
    con.execute("DELETE FROM meta.source_files")  # as an upgrade that forgets files: both are read again
    run(source, check=False)
    assert _ids(con) == before
    # A new version of the plain study with an arm and a site more, both first: its rows are numbered anew.
    (source / "plain.json").write_bytes(study_json("NCT09100002", ["New", "Control", "Treated"], [
        ("Drug Q", ["Treated", "New"], ["Q-1"], "Q")], posted="2025-03-01", sites=3))
    run(source, check=False)
    after = _ids(con)
    for table, rows in after.items():
        assert [r for r in rows if r[0] == "NCT09100001"] == [r for r in before[table] if r[0] == "NCT09100001"]
        ids = [r[1] for r in rows]
        assert None not in ids and len(set(ids)) == len(ids), table
    assert con.execute("SELECT title FROM design_groups WHERE id = 9100002000001").fetchall() == [("New",)]
    assert con.execute(f"SELECT count(*) FROM ({AACT_JOIN}) WHERE nct_id = 'NCT09100002'").fetchone()[0] == 2


def test_a_study_with_too_many_rows_to_number_is_rejected(run, tmp_path, monkeypatch):
    monkeypatch.setattr(row_ids, "ROW_ID_STRIDE", 3)
    source = tmp_path / "in"
    source.mkdir()
    (source / "many.json").write_bytes(study_json("NCT09100003", ["A"], [("Drug", ["A"], [], "d")], sites=3))
    (source / "few.json").write_bytes(study_json("NCT09100004", ["A"], [("Drug", ["A"], [], "d")], sites=2))
    run(source, workers=1, check=False)
    assert run.con.execute("SELECT nct_id, stage, reason FROM meta.rejects").fetchall() == [
        ("NCT09100003", "load", "too many rows to number")]
    assert run.con.execute("SELECT nct_id, id FROM facilities ORDER BY id").fetchall() == [
        ("NCT09100004", 9100004 * 3 + 1), ("NCT09100004", 9100004 * 3 + 2)]
    assert run.con.execute("SELECT count(*) FROM studies WHERE nct_id = 'NCT09100003'").fetchone()[0] == 0


def test_ranks_count_each_records_rows_in_order():
    assert row_ids.ranks_in_record(np.array([0, 0, 0, 2, 2, 5])).tolist() == [1, 2, 3, 1, 2, 1]
    assert row_ids.ranks_in_record(np.array([3, 1, 3, 1, 3])).tolist() == [1, 1, 2, 2, 3]
    assert row_ids.ranks_in_record(np.array([], dtype=np.int64)).tolist() == []


def _text(values: list) -> object:
    return pd.array(values, dtype="string[pyarrow]")


def test_links_a_page_gives_by_name_are_matched_exactly_first_then_without_case_and_spaces():
    """Text pages give no positions: a link is matched by name, its exact name first."""
    positions = [0, 0, 0]
    frames = {
        "studies": pd.DataFrame({"nct_id": _text(["NCT00000042"])}, index=[0]),
        "design_groups": pd.DataFrame({"nct_id": _text(["NCT00000042"] * 2), "title": _text(["Arm", "Arm 2"])},
                                      index=[0, 0]),
        "interventions": pd.DataFrame({"nct_id": _text(["NCT00000042"] * 3),
                                       "name": _text(["Placebo", "placebo", "Drug"])}, index=positions),
        "design_group_interventions": pd.DataFrame({
            "nct_id": _text(["NCT00000042"] * 4), "design_group": _text(["Arm", "arm 2 ", None, "Arm"]),
            "intervention": _text(["placebo", "PLACEBO", "Drug", "Drug "]),
            "design_group_id": pd.array([None] * 4, dtype="Int64"),
            "intervention_id": pd.array([None] * 4, dtype="Int64")}, index=[0, 0, 0, 0]),
    }
    record = SourcedRecord(FileOutcome("abc", "page.txt", 0, None), StudyRecord("NCT00000042"))
    validated = ValidatedBatch([record], frames, accepted=[0])
    assert row_ids.number(validated) == []
    links = validated.frames["design_group_interventions"]
    base = 42 * 1_000_000
    assert links["design_group_id"].tolist() == [base + 1, base + 2, pd.NA, base + 1]
    assert links["intervention_id"].tolist() == [base + 2, base + 1, base + 3, base + 3]
    problems = row_ids.unlinked(validated, [0])
    assert [(p.reason, p.detail) for p in problems] == [(
        "link names no arm", "design_group_interventions.design_group no name is the title of no design_groups row "
                             "(design_group_interventions.design_group_id is NULL)")]
    assert row_ids.unlinked(validated, []) == []  # a copy that is not loaded reports nothing


def test_the_tables_numbered_are_those_whose_model_has_an_id():
    from schemas import MODELS
    from warehouse.tables import LINK_IDS, STUDY_TABLES

    assert ID_TABLES == tuple(t for t in STUDY_TABLES if "id" in MODELS[t].to_schema().columns)
    for table, links in LINK_IDS.items():
        for column, name, target, target_name in links:
            assert {column, name} <= set(MODELS[table].to_schema().columns)
            assert {"id", target_name} <= set(MODELS[target].to_schema().columns)
