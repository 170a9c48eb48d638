"""Build small warehouses for rule tests: a clean study, changed one table at a time."""
from __future__ import annotations

import copy
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

import duckdb
import pytest

from checks import contradictions_criteria
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from checks.study_text import StudyText
from tests.new_warehouse import connect_new
from warehouse.connect import table_columns, transaction

AS_OF = date(2026, 11, 22)
# The clean study's dates moved before FDAAA 801 (2007-09-27): a study that ended, and whose record was last updated,
# before the registry asked for what FDAAA added (a reason for stopping): records first posted up to mid-2007 use it.
ENDED_BEFORE_FDAAA = {"start_date": date(2002, 1, 1), "primary_completion_date": date(2003, 6, 1),
                      "completion_date": date(2004, 1, 1), "last_update_posted_date": date(2007, 6, 1),
                      "verification_date": date(2007, 6, 1)}

# A complete, internally consistent interventional study: no rule may fire on it
# (tests/checks/test_rule_cases.py asserts so). Cases change it one table at a time.
CLEAN_STUDY: dict[str, list[dict]] = {
    "studies": [{
        "brief_title": "Baricitinib in Primary Sjogren's Syndrome",
        "official_title": "A Pilot Study of Baricitinib in Primary Sjogren's Syndrome",
        "overall_status": "COMPLETED", "phase": "PHASE2", "study_type": "INTERVENTIONAL",
        "enrollment": 40, "enrollment_type": "ACTUAL",
        "start_date": date(2020, 1, 16), "start_date_precision": "day", "start_date_type": "ACTUAL",
        "primary_completion_date": date(2021, 6, 1), "primary_completion_date_precision": "day",
        "primary_completion_date_type": "ACTUAL",
        "completion_date": date(2021, 9, 1), "completion_date_precision": "day",
        "completion_date_type": "ACTUAL",
        "study_first_posted_date": date(2019, 12, 2), "study_first_posted_date_precision": "day",
        "last_update_posted_date": date(2022, 3, 1), "last_update_posted_date_precision": "day",
        "verification_date": date(2022, 3, 1), "verification_date_precision": "month",
        "number_of_arms": 2, "source": "Peking Union Medical College Hospital",
        "source_layout": "ctgov_json_v2", "source_sha256": "0" * 64,
    }],
    "brief_summaries": [{"description": "A randomized, double-blind study of baricitinib versus placebo."}],
    "detailed_descriptions": [{"description": "Participants are randomized to baricitinib 2 mg once daily or placebo."}],
    "conditions": [{"name": "Primary Sjogren's Syndrome"}],
    "keywords": [{"name": "JAK inhibitor"}],
    "designs": [{
        "allocation": "RANDOMIZED", "intervention_model": "PARALLEL", "primary_purpose": "TREATMENT",
        "masking": "DOUBLE", "subject_masked": True, "investigator_masked": True,
    }],
    "design_groups": [
        {"group_type": "EXPERIMENTAL", "title": "Baricitinib", "description": "Baricitinib 2 mg once daily for 24 weeks"},
        {"group_type": "PLACEBO_COMPARATOR", "title": "Placebo", "description": "Matching placebo once daily for 24 weeks"},
    ],
    "interventions": [
        {"intervention_type": "DRUG", "name": "Baricitinib", "description": "Baricitinib 2 mg tablet once daily"},
        {"intervention_type": "DRUG", "name": "Placebo", "description": "Matching placebo tablet once daily"},
    ],
    "design_group_interventions": [
        {"design_group": "Baricitinib", "intervention": "Baricitinib"},
        {"design_group": "Placebo", "intervention": "Placebo"},
    ],
    "design_outcomes": [
        {"outcome_type": "primary", "measure": "Change in ESSDAI score", "time_frame": "12 weeks",
         "description": "Change from baseline in ESSDAI"},
        {"outcome_type": "secondary", "measure": "ESSPRI score", "time_frame": "24 weeks",
         "description": "Patient-reported symptom score"},
    ],
    "eligibilities": [{
        "gender": "ALL", "minimum_age": "18 Years", "maximum_age": "75 Years", "healthy_volunteers": False,
        "criteria": "Inclusion Criteria:\n1. Age 18 to 75\n2. Diagnosis of pSS\nExclusion Criteria:\n1. Pregnancy",
    }],
    "facilities": [{"name": "Peking Union Medical College Hospital", "city": "Beijing", "country": "China",
                    "status": None}],
    "countries": [{"name": "China", "removed": False}],
    "sponsors": [{"agency_class": "OTHER", "lead_or_collaborator": "lead",
                  "name": "Peking Union Medical College Hospital"}],
    "overall_officials": [{"role": "STUDY_CHAIR", "name": "A. Investigator", "affiliation": "PUMCH"}],
    "id_information": [{"id_source": "org_study_id", "id_value": "PUMCH-1"}],
}


@dataclass
class Case:
    """One table-driven rule case: the clean study changed by `change`, fires or not."""

    rule_id: str
    fires: bool
    change: Callable[[dict], None]
    as_of: date = AS_OF
    note: str = ""
    nct_id: str = "NCT01000001"
    others: list[tuple[str, Callable[[dict], None]]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.rule_id}:{'fires' if self.fires else 'quiet'}:{self.note}"


def refused(table: str, column: str, raw: str | None, expected: str = "text", sha256: str = "0" * 64):
    """A change: validation refused the study's `table.column` as its version `sha256` gave it (meta.raw_values;
    the clean study's current version is "0" * 64)."""
    def change(s):
        s["meta.raw_values"] = [{"run_id": "r", "sha256": sha256, "table_name": table, "column_name": column,
                                 "raw_value": raw, "expected": expected}]
    return change


def unread_part(detail: str, sha256: str = "0" * 64, reason: str | None = None):
    """A change: the parser could not read a part of the study's version `sha256` (meta.load_problems), as
    `detail` says ('document: designModule is a string, not an object'); or noted another `reason` so."""
    from flows.parsers.model import UNREAD_PART

    def change(s):
        s["meta.load_problems"] = [{"run_id": "r", "sha256": sha256, "path": "/in/x.json", "stage": "parse",
                                    "reason": reason or UNREAD_PART, "detail": detail}]
    return change


def read_as_spelt(detail: str, sha256: str = "0" * 64):
    """A change: the parser read a value of the study's version `sha256` given in another type as what it spells
    (meta.load_problems), as `detail` says ("document: patientRegistry is the string 'YES', ...")."""
    from flows.parsers.model import READ_AS_SPELT

    return unread_part(detail, sha256, READ_AS_SPELT)


def field_selected(sha256: str = "0" * 64):
    """A change: the study's version `sha256` is a field-selected extract of its record (meta.load_problems)."""
    from flows.parsers.model import FIELD_SELECTED

    def change(s):
        s["meta.load_problems"] = [{"run_id": "r", "sha256": sha256, "path": "/in/x.json", "stage": "parse",
                                    "reason": FIELD_SELECTED, "detail": "document: statusModule has overallStatus, "
                                    "none of statusVerifiedDate, studyFirstPostDateStruct, lastUpdatePostDateStruct"}]
    return change


def clean_study() -> dict[str, list[dict]]:
    """A fresh deep copy of the clean study."""
    return copy.deepcopy(CLEAN_STUDY)


def eligibility_study(criteria: str, layout: str, **given) -> dict[str, list[dict]]:
    """A clean study from `layout` whose eligibilities row holds `criteria` and the `given` columns (minimum_age,
    gender, healthy_volunteers...): the criteria rules' warehouse cases."""
    study = clean_study()
    study["studies"][0]["source_layout"] = layout
    study["eligibilities"][0].update(criteria=criteria, **given)
    return study


def legacy_bulleted_criteria(*items: str, exclusion: str = "Active infection") -> str:
    """Criteria as legacy records write them: a bulleted inclusion list of `items`, then an exclusion list."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  {exclusion}"


def row_id(names: list, label) -> int | None:
    """The row id a load gives the arm or intervention a link names (flows.row_ids): the first of that exact name,
    else the first matching without regard to case and surrounding spaces."""
    for key in (lambda text: text, lambda text: text.strip(" ").lower()):
        for rank, name in enumerate(names, 1):
            if name is not None and label is not None and key(name) == key(label):
                return rank
    return None


def loaded_tables(record, layout: str) -> dict[str, list[dict]]:
    """The warehouse rows of a parsed record (flows.parsers.model.StudyRecord) as a load gives them: its version's
    layout and the clean study's sha256, its links given the ids of the arm they name and of the intervention by its
    place in the record."""
    tables = {table: [dict(row) for row in rows] for table, rows in record.tables.items()}
    tables["studies"][0].update(source_layout=layout, source_sha256="0" * 64)
    titles = [arm.get("title") for arm in tables.get("design_groups", [])]
    for link in tables.get("design_group_interventions", []):
        link["design_group_id"] = row_id(titles, link.get("design_group"))
    for table in ("design_group_interventions", "intervention_other_names"):
        for row in tables.get(table, []):
            if row.get("intervention_id") is not None:
                row["intervention_id"] += 1
    return tables


def insert_study(con: duckdb.DuckDBPyConnection, nct_id: str, tables: dict[str, list[dict]]) -> None:
    """Insert one study's rows into the warehouse tables."""
    insert_studies(con, {nct_id: tables})


def insert_studies(con: duckdb.DuckDBPyConnection, studies: dict[str, dict[str, list[dict]]]) -> None:
    """Insert the studies' rows ({nct_id: tables}), one statement per table and run of rows naming the same columns.

    Rows keep their order within a table and study: rules read rows in insertion order, and a table with AACT's
    row id numbers them in that order (1 for a study's first row), as a load does.
    """
    by_table: dict[str, list[dict]] = {}
    for nct_id, tables in studies.items():
        for table, rows in tables.items():
            schema, _, name = table.rpartition(".")
            numbered = "." not in table and "id" in _columns(con, "main", name)  # AACT's row id, as a load gives it
            by_table.setdefault(table, []).extend(
                {"nct_id": nct_id, **({"id": rank} if numbered else {}), **row} for rank, row in enumerate(rows, 1))
    for table, rows in by_table.items():
        schema, _, name = table.rpartition(".")
        columns = _columns(con, schema or "main", name)
        unknown = {key for row in rows for key in row} - set(columns)
        if unknown:
            raise KeyError(f"{table}: no columns {sorted(unknown)}")
        start = 0
        while start < len(rows):  # a column a row leaves out keeps its default
            names = list(rows[start])
            end = start + 1
            while end < len(rows) and list(rows[end]) == names:
                end += 1
            _insert_rows(con, table, names, rows[start:end])
            start = end


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, names: list[str], rows: list[dict]) -> None:
    """Rows naming the same columns, in one statement per 500 (a statement's parameters stay few)."""
    for at in range(0, len(rows), 500):
        part = rows[at:at + 500]
        values = ", ".join("(" + ", ".join("?" * len(names)) + ")" for _ in part)
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES {values}",
                    [row[n] for row in part for n in names])


_COLUMNS: dict[tuple[str, str], list[str]] = {}


def _columns(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> list[str]:
    """A table's columns (the schema is the same in every test warehouse, so read once)."""
    if (schema, name) not in _COLUMNS:
        _COLUMNS[schema, name] = table_columns(con, name, schema)
    return _COLUMNS[schema, name]


def warehouse_with(tmp_path: Path, studies: dict[str, dict[str, list[dict]]]) -> duckdb.DuckDBPyConnection:
    """A fresh warehouse holding the given studies ({nct_id: tables}).

    The studies go in in one transaction, and closing the connection skips the checkpoint: the file is
    thrown away with the test, so writing its tables out again would only cost time (~0.3 s a test).
    """
    con = connect_new(tmp_path / "checks.duckdb")
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    with transaction(con):
        insert_studies(con, studies)
    return con


def findings_by_case(con: duckdb.DuckDBPyConnection, rules: dict, owners: dict[str, int],
                     rule_of: list[str]) -> dict[int, list[tuple[str, str]]]:
    """(severity, message) of each case's rule's findings on the studies it owns ({nct_id: case index}), by case
    index: every case's studies in the one warehouse `con`, and each rule evaluated once over them all."""
    scope = set_scope(con, None, AS_OF)
    by_case: dict[int, list] = {index: [] for index in range(len(rule_of))}
    for rule_id in sorted(set(rule_of)):
        rule = rules[rule_id]
        for f in findings_of(con, rule, scope):
            index = owners.get(f.nct_id)
            if index is not None and rule_of[index] == rule_id:
                by_case[index].append((f.severity or rule.severity, f.message))
    return by_case


def findings_of_cases(tmp_path: Path, studies: dict[str, dict[str, list[dict]]], rules: dict,
                      owners: dict[str, int], rule_of: list[str]) -> dict[int, list[tuple[str, str]]]:
    """findings_by_case on a new warehouse of `studies` at `tmp_path`, closed after."""
    con = warehouse_with(tmp_path, studies)
    try:
        return findings_by_case(con, rules, owners, rule_of)
    finally:
        con.close()


def case_studies(case: Case) -> dict[str, dict[str, list[dict]]]:
    """One case's studies ({nct_id: tables}): its study, plus any other studies it needs."""
    study = clean_study()
    case.change(study)
    studies = {case.nct_id: study}
    for other_id, other_change in case.others:
        other = clean_study()
        other_change(other)
        studies[other_id] = other
    return studies


def case_warehouse(tmp_path: Path, case: Case) -> duckdb.DuckDBPyConnection:
    """The warehouse for one case: its study, plus any other studies it needs."""
    return warehouse_with(tmp_path, case_studies(case))


@contextmanager
def case_in(con: duckdb.DuckDBPyConnection, case: Case) -> Iterator[duckdb.DuckDBPyConnection]:
    """`con`, an empty warehouse, holding one case's studies in a transaction rolled back afterwards: many cases
    share one warehouse, each seeing only its own studies (opening a new warehouse file per case costs more than
    most cases' rule)."""
    con.execute("BEGIN TRANSACTION")
    try:
        insert_studies(con, case_studies(case))
        yield con
    finally:
        con.execute("ROLLBACK")


# Where a design-vs-text case's text goes: (table, column) of the study's first row of that table.
TEXT_FIELDS = {
    "summary": ("brief_summaries", "description"), "detail": ("detailed_descriptions", "description"),
    "official_title": ("studies", "official_title"), "brief_title": ("studies", "brief_title"),
    "masking_description": ("designs", "masking_description"),
    "model_description": ("designs", "intervention_model_description"),
    "arm_title": ("design_groups", "title"), "arm_description": ("design_groups", "description"),
    "intervention_description": ("interventions", "description"),
}


# The design-vs-text rules, which `design_text_study` cases are judged by.
BLINDED_RULE = "contradictions.masking_none_text_blinded"
OPEN_LABEL_RULE = "contradictions.masking_set_text_open_label"
RANDOMIZED_RULE = "contradictions.allocation_text_randomized"
NOT_RANDOMIZED_RULE = "contradictions.allocation_text_not_randomized"
OBSERVATIONAL_RULE = "contradictions.study_type_text_observational"
TRIAL_RULE = "contradictions.study_type_text_trial"


# An observational study's design: no allocation, model or masking (design_text_study makes the study observational).
OBSERVATIONAL_DESIGN = {"allocation": None, "masking": None, "intervention_model": None, "subject_masked": None,
                        "investigator_masked": None}


# The designs the design-vs-text cases give their study (the clean study is randomized, parallel and double-masked).
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE_MASKED = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
SINGLE_GROUP_OPEN = {"allocation": "NA", "intervention_model": "SINGLE_GROUP", **NO_MASKING}
NON_RANDOMIZED_OPEN = {"allocation": "NON_RANDOMIZED", **NO_MASKING}
SINGLE_GROUP_NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
RANDOMIZED = {"allocation": "RANDOMIZED"}


def design_case_found(findings: dict[str, list[tuple]], nct_id: str, case: tuple) -> list[tuple]:
    """The findings of a design-vs-text case's rule on its study (`findings`: design_rule_findings'), checked to fire,
    at warning, or to stay quiet, as the case (rule, design, texts, fires) says."""
    rule, _design, texts, fires = case
    found = [f for f in findings.get(nct_id, []) if f[0] == rule]
    assert bool(found) is fires, (texts, found)
    assert all(severity == "warning" for _rule, severity, _message in found)
    return found


def design_rule_findings(tmp_path: Path, cases: dict[str, tuple], rule_ids: set[str]) -> dict[str, list[tuple]]:
    """(rule id, severity, message) of the design rules' findings of `rule_ids`, by study, for cases (rule, design,
    (field, text) or [(field, text), ...], ...) by NCT id: one warehouse holding every case, each rule evaluated once."""
    from checks import contradictions_design
    from checks.check_scope import set_scope
    from checks.rule_findings import findings_of

    studies = {nct_id: design_text_study(case[1], [case[2]] if isinstance(case[2], tuple) else case[2])
               for nct_id, case in cases.items()}
    con = warehouse_with(tmp_path, studies)
    try:
        scope = set_scope(con, None, AS_OF)
        by_study: dict[str, list[tuple]] = {}
        for rule in contradictions_design.RULES:
            if rule.id in rule_ids:
                for f in findings_of(con, rule, scope):
                    by_study.setdefault(f.nct_id, []).append((rule.id, f.severity or rule.severity, f.message))
        return by_study
    finally:
        con.close()


def design_text_study(design: dict, texts: Iterable[tuple[str, str]]) -> dict[str, list[dict]]:
    """The clean study with neutral texts and two arms, the given design (OBSERVATIONAL_DESIGN: an observational
    study), and each (field, text) of `texts` in its TEXT_FIELDS place: one case of the design-vs-text rules."""
    study = clean_study()
    if design == OBSERVATIONAL_DESIGN:
        study["studies"][0]["study_type"] = "OBSERVATIONAL"
    study["brief_summaries"] = [{"description": "A study of baricitinib in primary Sjogren's syndrome."}]
    study["detailed_descriptions"] = [{"description": "Participants receive baricitinib."}]
    study["design_groups"] = [
        {"group_type": "EXPERIMENTAL", "title": "Baricitinib 2 mg", "description": "Baricitinib 2 mg once daily"},
        {"group_type": "ACTIVE_COMPARATOR", "title": "Baricitinib 4 mg", "description": "Baricitinib 4 mg once daily"},
    ]
    study["design_group_interventions"] = []
    study["designs"][0].update(design)
    for field, text in texts:
        table, column = TEXT_FIELDS[field]
        study[table][0][column] = text
    return study


def folded_sentence_judgements(sentences: Iterable[str], patterns: Iterable) -> int:
    """Assert that the design-text reading of each pattern's every match in each sentence is the same with the
    sentence's folded text (which lets it skip patterns of words the sentence lacks) as without; how many matches
    it judged not of this study's design (a check that the sentences test the sparing at all)."""
    from checks.design_other_trials import not_of_this_design as _not_of_this_design
    from checks.study_context import folded_text

    patterns = list(patterns)
    judged = 0
    for sentence in sentences:
        for pattern in patterns:
            for m in pattern.finditer(sentence):
                plain = _not_of_this_design(sentence, m.start(), m.end())
                assert _not_of_this_design(sentence, m.start(), m.end(), folded_text(sentence)) is plain, sentence
                judged += plain
    return judged


def dose_findings(arm: str, intervention: str, drug: str) -> list:
    """The dose rule's findings on one arm titled by its drug, linked to one intervention of that name: an arm
    description against an intervention description, without a warehouse."""
    from checks.contradictions_arms import study_dose_findings

    return list(study_dose_findings("NCT0", [(drug, arm)], [(drug, intervention)], [(drug, drug)]))


def numbered_cases(cases: list[tuple]) -> dict[str, tuple]:
    """Each case under an NCT number of its own, in order."""
    return {f"NCT0{n:07d}": case for n, case in enumerate(cases, start=1)}


def design_case_id(case: tuple) -> str:
    """A (rule, design, field, text, fires) case's test id: the rule's name, whether it fires, and the text."""
    rule, _, _, text, fires = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{text}"


def arm_design(model: str, titles: list[str], allocation: str = "NA", posted: date = date(2019, 12, 2),
               title: str | None = None) -> dict:
    """A design whose study lists arms of these titles (each given drug X), first posted on `posted`, with an
    official and brief `title` where one is given."""
    return {"arms": titles, "intervention_model": model, "allocation": allocation, "posted": posted, "title": title}


def design_or_arms_study(case: tuple) -> dict:
    """The study of a (rule, design, texts, ...) case: its texts in place, or the arms of its `arm_design` listed."""
    design, texts = case[1], case[2]
    if "arms" not in design:
        return design_text_study(design, [texts] if isinstance(texts, tuple) else texts)
    study = design_text_study({"intervention_model": design["intervention_model"],
                               "allocation": design["allocation"]}, [])
    study["design_groups"] = [{"group_type": "EXPERIMENTAL", "title": title, "description": "Drug X"}
                              for title in design["arms"]]
    study["studies"][0]["study_first_posted_date"] = design["posted"]
    if design.get("title"):
        study["studies"][0]["official_title"] = study["studies"][0]["brief_title"] = design["title"]
    return study


def design_or_arms_case_id(case: tuple) -> str:
    """A (rule, design, texts, fires) case's test id: the rule's name, whether it fires, and its arms or texts."""
    rule, design, texts, fires = case
    shown = design["arms"] if "arms" in design else texts
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{shown}"


def flagged_design_cases(tmp_path: Path, cases: dict[str, tuple],
                         study_of: Callable[[tuple], dict]) -> dict[str, set[str]]:
    """The studies each design-vs-text rule its cases name (a case's first item) flags, on one warehouse holding
    every case's study (`study_of(case)`), by rule id."""
    from checks import contradictions_design

    by_id = {rule.id: rule for rule in contradictions_design.RULES}
    studies = {nct_id: study_of(case) for nct_id, case in cases.items()}
    return flagged_studies(tmp_path, studies, [by_id[rule_id] for rule_id in sorted({c[0] for c in cases.values()})])


def changed_studies(changes: dict[str, Callable]) -> dict[str, dict[str, list[dict]]]:
    """A clean study for each NCT number, changed by its function."""
    studies = {}
    for nct_id, change in changes.items():
        study = clean_study()
        change(study)
        studies[nct_id] = study
    return studies


def flagged_studies(tmp_path: Path, studies: dict[str, dict[str, list[dict]]], rules: Iterable) -> dict[str, set[str]]:
    """The studies each of `rules` flags, on one warehouse holding every study (by rule id)."""
    con = warehouse_with(tmp_path, studies)
    try:
        scope = set_scope(con, None, AS_OF)
        return {rule.id: {f.nct_id for f in findings_of(con, rule, scope)} for rule in rules}
    finally:
        con.close()


def judged_shape_findings(tmp_path: Path, shapes: dict[str, tuple], rules: dict) -> dict[str, list[tuple]]:
    """shape_findings of shapes written as {name: (the studies row's changed values, tables that replace the clean
    study's, the rule judged, what it should find)}, each under an NCT number of its own, judged by the rules they
    name (`rules`: by id)."""
    numbered = {name: (f"NCT0{index + 1:07d}", values, tables)
                for index, (name, (values, tables, _rule, _expected)) in enumerate(shapes.items())}
    judged = [rules[rule_id] for rule_id in sorted({rule for _v, _t, rule, _e in shapes.values()})]
    return shape_findings(tmp_path, numbered, judged)


def shape_findings(tmp_path: Path, shapes: dict[str, tuple[str, dict, dict]],
                   rules: Iterable) -> dict[str, list[tuple[str, str, str, str]]]:
    """(rule id, severity, message, evidence) of each finding of `rules` on each shape, all shapes in one warehouse.
    A shape is (nct_id, the studies row's changed values, tables that replace the clean study's)."""
    studies = {}
    for nct_id, values, tables in shapes.values():
        study = clean_study()
        study["studies"][0].update(values)
        study.update({table: [dict(row) for row in rows] for table, rows in tables.items()})
        studies[nct_id] = study
    by_id = {nct_id: name for name, (nct_id, _values, _tables) in shapes.items()}
    found: dict[str, list[tuple[str, str, str, str]]] = {name: [] for name in shapes}
    con = warehouse_with(tmp_path, studies)
    try:
        scope = set_scope(con, None, AS_OF)
        for rule in rules:
            for f in findings_of(con, rule, scope):
                found[by_id[f.nct_id]].append((rule.id, f.severity or rule.severity, f.message, f.evidence))
    finally:
        con.close()
    return found


def criteria_rule_messages(rule: Callable, texts: dict[str, str]) -> dict[str, list[str]]:
    """A criteria rule's messages (`contradictions_criteria.duplicate_criterion`, `criteria_numbering_gap`) for each
    criteria text, each text one study (named by its key) of one evaluation, without a warehouse."""
    by_study = {name: [StudyText("eligibilities.criteria", text)] for name, text in texts.items()}
    patch = pytest.MonkeyPatch()
    patch.setattr(contradictions_criteria, "texts_by_study", lambda con, scope, fields: by_study)
    try:
        messages: dict[str, list[str]] = {name: [] for name in texts}
        for finding in rule(None, None):
            messages[finding.nct_id].append(finding.message)
        return messages
    finally:
        patch.undo()


def related_case_studies(cases: list[tuple], first: int, other_first: int) -> tuple[dict, dict]:
    """Each (rule, severity, change, note) case's study under NCT number `first` + its index, and the case of each
    study ({nct_id: index}). A change given as a pair (this study's change, the other's) changes the clean study and
    a second clean study that its first related-trials entry names, under `other_first` + the index."""
    studies, owners = {}, {}
    for index, (_rule, _severity, change, _note) in enumerate(cases):
        nct_id, other_id = f"NCT0{index + first:07d}", f"NCT0{index + other_first:07d}"
        study = clean_study()
        if isinstance(change, tuple):
            related, other = change
            related(study)
            study["related_studies"][0]["related_nct_id"] = other_id
            own = clean_study()
            other(own)
            studies[other_id] = own
        else:
            change(study)
        studies[nct_id] = study
        owners[nct_id] = index
    return studies, owners
