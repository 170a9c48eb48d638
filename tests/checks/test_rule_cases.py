"""Every registered rule has a case that fires and one that does not; all cases hold."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness


def _all_cases() -> list[harness.Case]:
    cases = []
    for info in pkgutil.iter_modules(checks_pkg_path()):
        if info.name.startswith("cases_"):
            cases.extend(importlib.import_module(f"tests.checks.{info.name}").CASES)
    return cases


def checks_pkg_path() -> list[str]:
    import tests.checks as pkg

    return list(pkg.__path__)


CASES = _all_cases()
RULES = {rule.id: rule for rule in checks.all_rules()}


def test_rule_ids_are_unique():
    ids = [rule.id for rule in checks.all_rules()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_rule_has_a_firing_and_a_quiet_case():
    fires = {c.rule_id for c in CASES if c.fires}
    quiet = {c.rule_id for c in CASES if not c.fires}
    missing = sorted(f"{r} (fires)" for r in RULES if r not in fires)
    missing += sorted(f"{r} (quiet)" for r in RULES if r not in quiet)
    assert not missing, f"rules without a case: {missing}"


def test_cases_name_registered_rules():
    unknown = sorted({c.rule_id for c in CASES} - set(RULES))
    assert not unknown, f"cases for rules that are not registered: {unknown}"


def test_clean_study_raises_no_issue(tmp_path):
    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    result = checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
    issues = con.execute("SELECT rule_id, message FROM quality_issues").fetchall()
    assert not result.failed_rules
    assert issues == []


@pytest.fixture(scope="module")
def shared_warehouse(tmp_path_factory):
    """One empty warehouse for every case of the module; each case's studies live in a rolled-back transaction."""
    con = harness.warehouse_with(tmp_path_factory.mktemp("cases"), {})
    yield con
    con.close()


def test_a_case_sees_only_its_own_studies_in_the_shared_warehouse(shared_warehouse):
    case = CASES[0]
    with harness.case_in(shared_warehouse, case) as con:
        assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 1 + len(case.others)
    assert shared_warehouse.execute("SELECT count(*) FROM studies").fetchone()[0] == 0


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(shared_warehouse, case):
    rule = RULES[case.rule_id]
    with harness.case_in(shared_warehouse, case) as con:
        scope = set_scope(con, None, case.as_of)
        found = [f for f in findings_of(con, rule, scope) if f.nct_id == case.nct_id]
    assert bool(found) == case.fires, [f.message for f in found]
    for f in found:
        assert f.message and f.message[0].isupper(), "a message is one readable sentence"


def test_checking_in_chunks_gives_the_same_issues(tmp_path):
    from checks.engine import run_rules

    studies = {f"NCT0100000{i}": harness.clean_study() for i in range(1, 6)}
    studies["NCT01000002"]["conditions"] = []
    studies["NCT01000004"]["studies"][0]["brief_title"] = None
    studies["NCT01000004"]["studies"][0]["official_title"] = None
    con = harness.warehouse_with(tmp_path, studies)
    whole = run_rules(con, checks.all_rules(), run_id="whole", as_of=harness.AS_OF)
    rows_whole = con.execute("SELECT nct_id, rule_id FROM quality_issues ORDER BY ALL").fetchall()
    chunked = run_rules(con, checks.all_rules(), run_id="chunks", as_of=harness.AS_OF, chunk_size=2)
    rows_chunked = con.execute("SELECT nct_id, rule_id FROM quality_issues ORDER BY ALL").fetchall()
    assert rows_whole == rows_chunked == [("NCT01000002", "missing_fields.no_conditions"),
                                          ("NCT01000004", "missing_fields.no_title")]
    assert whole.issues == chunked.issues == 2
    assert con.execute("SELECT DISTINCT run_id FROM quality_issues").fetchall() == [("chunks",)]


def test_rules_share_reads_within_a_scope_but_never_across_runs(tmp_path):
    study = harness.clean_study()
    study["designs"][0].update(masking="NONE", subject_masked=None, investigator_masked=None)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    rule = "contradictions.masking_none_text_blinded"
    checks.run_checks(con, run_id="first", as_of=harness.AS_OF)
    first = con.execute("SELECT count(*) FROM quality_issues WHERE rule_id = ?", [rule]).fetchone()[0]
    con.execute("UPDATE brief_summaries SET description = 'An open-label study of baricitinib.'")
    con.execute("UPDATE detailed_descriptions SET description = 'Participants receive baricitinib.'")
    checks.run_checks(con, run_id="second", as_of=harness.AS_OF)
    second = con.execute("SELECT count(*) FROM quality_issues WHERE rule_id = ?", [rule]).fetchone()[0]
    assert (first, second) == (1, 0), "the second run reads the changed text, not the first run's"


def test_no_rule_that_skips_field_selected_extracts_runs_in_a_worker():
    """A worker cannot read which studies are extracts (checks.rule_findings reads them in the run's process)."""
    assert [rule.id for rule in checks.all_rules() if rule.absence_judged and rule.in_worker] == []
