"""A check of a few studies reads scoped copies of the study tables and finds exactly what a whole run finds."""
from __future__ import annotations

import pytest

import checks
from checks import check_scope, engine, scoped_tables
from checks.rule import Rule
from tests.checks import harness
from tests.checks.test_rule_cases import CASES
from warehouse.tables import STUDY_TABLES


def _issues(con, nct_ids=None):
    rows = con.execute("SELECT nct_id, rule_id, severity, fields, message, evidence FROM quality_issues "
                       "ORDER BY ALL").fetchall()
    return [r for r in rows if nct_ids is None or r[0] in nct_ids]


@pytest.fixture
def scoping(monkeypatch):
    """Every decision the engine makes on copying, in order."""
    decided = []

    def spy(con, scoped):
        decided.append(scoped_tables.worth_scoping(con, scoped))
        return decided[-1]
    monkeypatch.setattr(engine, "worth_scoping", spy)
    return decided


# Each study checked again as one of `parts` parts of the warehouse. A check scopes a share under SCOPED_SHARE (a
# quarter), so fifths are the fewest parts it scopes as it stands: six checks of every rule case. The suite raises the
# share and checks halves, three checks, through the same copies (`make test-long` checks the fifths).
@pytest.mark.parametrize("parts, share", [(2, 0.6), pytest.param(5, scoped_tables.SCOPED_SHARE,
                                                                  marks=pytest.mark.long)], ids=["halves", "fifths"])
def test_small_scopes_give_the_issues_of_a_whole_run(tmp_path, scoping, monkeypatch, parts, share):
    monkeypatch.setattr(scoped_tables, "SCOPED_SHARE", share)
    studies = {}
    for i, case in enumerate(c for c in CASES if not c.others):
        study = harness.clean_study()
        case.change(study)
        studies[f"NCT09{i:06d}"] = study
    con = harness.warehouse_with(tmp_path, studies)
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF, workers=1)
    whole = _issues(con)
    assert scoping == [False]
    ids = sorted(studies)
    for part in range(parts):
        checks.run_checks(con, run_id="t", as_of=harness.AS_OF, nct_ids=ids[part::parts], workers=1)
    assert scoping[1:] == [True] * parts
    assert _issues(con) == whole
    assert {rule for _, rule, *_ in whole} >= {c.rule_id for c in CASES if c.fires and not c.others}


@pytest.mark.parametrize("case", [c for c in CASES if c.others], ids=str)
def test_a_study_checked_alone_still_sees_the_studies_it_names(tmp_path, case, scoping):
    con = harness.case_warehouse(tmp_path, case)
    for i in range(8):  # the case's studies are a small share of the warehouse
        harness.insert_study(con, f"NCT0800000{i}", harness.clean_study())
    rules = [r for r in checks.all_rules() if r.id == case.rule_id]
    result = engine.run_rules(con, rules, run_id="t", as_of=case.as_of, nct_ids=[case.nct_id], workers=1)
    assert scoping == [True]
    assert result.by_rule == {case.rule_id: int(case.fires)}


def test_the_copies_are_gone_after_a_check_even_when_a_rule_fails(tmp_path):
    con = harness.warehouse_with(tmp_path, {f"NCT0100000{i}": harness.clean_study() for i in range(1, 9)})

    def breaks(con, scope):
        seen = con.execute("SELECT count(*) FROM studies").fetchone()[0]
        raise RuntimeError(f"{seen} studies in sight")

    rules = [Rule("test.breaks", "contradiction", "info", "-", ("studies.brief_title",), func=breaks)]
    result = engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, nct_ids=["NCT01000001"], workers=1)
    assert result.failed_rules == {"test.breaks": "RuntimeError: 1 studies in sight"}
    temp = con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    assert not {name for (name,) in temp} & set(STUDY_TABLES)
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 8


def test_a_rule_reading_other_studies_cannot_run_in_a_worker():
    with pytest.raises(ValueError, match="own studies"):
        Rule("test.both", "contradiction", "info", "-", ("studies.brief_title",),
             func=lambda con, scope: [], in_worker=True, reads_other_studies=True)


def test_a_copy_holds_exactly_the_rows_of_its_studies_wherever_they_lie(tmp_path):
    ids = [f"NCT0200000{i}" for i in range(1, 9)]
    con = harness.warehouse_with(tmp_path, {nct: harness.clean_study() for nct in ids})
    harness.insert_study(con, "NCT02000009", harness.clean_study())  # rows after every other study's
    for scope in (["NCT02000001", "NCT02000009"], ["NCT02000004"], ["NCT09999999"], ids[1::2]):
        check_scope.set_scope(con, scope, harness.AS_OF)
        with scoped_tables.scoped_tables(con, True):
            for table in STUDY_TABLES:
                copied = con.execute(f"SELECT * FROM temp.{table} ORDER BY ALL").fetchall()
                kept = con.execute(f"SELECT * FROM main.{table} WHERE nct_id IN (SELECT unnest(?)) ORDER BY ALL",
                                   [scope]).fetchall()
                assert copied == kept, (table, scope)
        assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 9


# Six checks of ten studies, each mostly the fixed cost of every rule: the suite checks with the rules that read
# other studies, whose issues a change on either side moves (every rule's scoped issues are the whole run's above);
# `make test-long` checks with every rule.
@pytest.mark.parametrize("every_rule", [False, pytest.param(True, marks=pytest.mark.long)],
                         ids=["rules-reading-other-studies", "every-rule"])
def test_a_change_on_either_side_of_a_related_study_gives_the_issues_of_a_whole_check(tmp_path, monkeypatch,
                                                                                      every_rule):
    from flows import check_studies
    from tests.checks import cases_cross_source as cross
    from warehouse import runs

    if not every_rule:
        reading_others = tuple(rule for rule in checks.all_rules() if rule.reads_other_studies)
        monkeypatch.setattr(checks, "all_rules", lambda: reading_others)
    speaker = harness.clean_study()
    cross.related(stated_status="Completed")(speaker)
    studies = {"NCT01000001": speaker, cross.OTHER: harness.clean_study(),
               **{f"NCT0300000{i}": harness.clean_study() for i in range(8)}}
    con = harness.warehouse_with(tmp_path, studies)
    check_studies.check_studies(con, "r1", harness.AS_OF, recheck_all=True, workers=1)

    def related_issues():
        return [r for r in _issues(con) if r[1].startswith("cross_source.related")]

    def changed(nct_id: str, sql: str) -> list:
        con.execute(sql)
        runs.mark_unchecked(con, "r2", [nct_id])
        checked = check_studies.check_studies(con, "r2", harness.AS_OF, workers=1)
        assert checked.studies < len(studies) * scoped_tables.SCOPED_SHARE  # checked through scoped copies
        incremental = _issues(con)
        check_studies.check_studies(con, "r3", harness.AS_OF, recheck_all=True, workers=1)
        assert _issues(con) == incremental
        return related_issues()

    assert related_issues() == []
    # The study spoken of changes, the one that speaks of it does not: the latter is checked again too.
    fired = changed(cross.OTHER, f"UPDATE studies SET overall_status = 'RECRUITING' WHERE nct_id = '{cross.OTHER}'")
    assert [r[0] for r in fired] == ["NCT01000001"]
    # The one that speaks changes, the study it speaks of does not.
    con.execute(f"UPDATE studies SET overall_status = 'COMPLETED' WHERE nct_id = '{cross.OTHER}'")
    check_studies.check_studies(con, "r4", harness.AS_OF, recheck_all=True, workers=1)
    assert related_issues() == []
    fired = changed("NCT01000001",
                    "UPDATE related_studies SET stated_status = 'Recruiting' WHERE nct_id = 'NCT01000001'")
    assert [r[0] for r in fired] == ["NCT01000001"]
