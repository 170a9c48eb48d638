"""The set-based SQL forms of rule tests give the answers of the plainer forms they replace."""
from __future__ import annotations

import duckdb
import pytest

from checks.placeholder_values import blank

TEXTS = [None, "", " ", "   ", "a", " a", "a ", "  a  ", "\n", "\t ", " \n", "\u00a0", " \u00a0 ", "\u3000", "\u2003a",
         "\u2028", "é", " x" * 500, "x" * 5000] + [chr(i) for i in range(1, 128)] + [chr(i) + "x" for i in range(1, 128)]


@pytest.mark.parametrize("text", TEXTS)
def test_blank_is_null_or_only_spaces_as_trim_says(text):
    con = duckdb.connect()
    fast, plain = con.execute(f"SELECT {blank('$t')}, coalesce(trim($t), '') = ''", {"t": text}).fetchone()
    assert fast == plain


def _scoped(con, ids):
    from datetime import date

    from checks.check_scope import set_scope
    con.execute("CREATE TABLE studies (nct_id VARCHAR)")
    con.executemany("INSERT INTO studies VALUES (?)", [[i] for i in ids])
    return set_scope(con, ids, date(2026, 11, 22))


LONG = "é" * 599 + "x" * 10
SQL_SHAPES = {
    "all columns": "SELECT * FROM (VALUES ('NCT1', 'm1', 'e1', ['a.b'], 'error'), ('NCT2', 'm2', NULL, [], NULL), "
                   "('NCT3', 'm3', '', NULL, 'bogus'), ('NCT4', 'm4', '" + LONG + "', ['x', 'y'], 'info'), "
                   "('NCT9', 'out of scope', 'e', NULL, NULL)) AS t(nct_id, message, evidence, fields, severity)",
    "no optional columns": "SELECT * FROM (VALUES ('NCT1', 'm1'), ('NCT2', 'm2')) AS t(nct_id, message)",
    "evidence not text": "SELECT * FROM (VALUES ('NCT1', 'm1', 0), ('NCT2', 'm2', 7), ('NCT3', 'm3', NULL)) "
                         "AS t(nct_id, message, evidence)",
    "exactly the limit": "SELECT 'NCT1' AS nct_id, 'm' AS message, repeat('ü', 600) AS evidence",
    "nothing found": "SELECT 'NCT1' AS nct_id, 'm' AS message, 'e' AS evidence WHERE false",
}


def _findings_row_by_row(con, rule, scope):
    """A SQL rule's rows read one by one into Findings, each left as the SQL gave it (the reference)."""
    from checks.rule import Finding

    rel = con.execute(f"SELECT * FROM ({rule.sql}) AS r WHERE r.nct_id IN (SELECT nct_id FROM check_scope)")
    names = [d[0] for d in rel.description]
    out = []
    for row in rel.fetchall():
        rec = dict(zip(names, row))
        fields = tuple(rec["fields"]) if rec.get("fields") else None
        out.append(Finding(rec["nct_id"], rec["message"], str(rec.get("evidence") or ""), fields,
                           rec.get("severity")))
    return out


@pytest.mark.parametrize("shape", SQL_SHAPES)
def test_a_sql_rules_columns_are_its_findings_settled(shape):
    """found_table (Arrow, vectorised) settles evidence, fields and severity as the Finding path does."""
    from checks.issue_rows import issue_columns
    from checks.rule import Rule
    from checks.rule_findings import found_table

    con = duckdb.connect()
    scope = _scoped(con, ["NCT1", "NCT2", "NCT3", "NCT4"])
    rule = Rule("test.shape", "contradiction", "warning", "-", ("studies.x",), sql=SQL_SHAPES[shape])
    fast = found_table(con, rule, scope)
    slow = issue_columns(rule, _findings_row_by_row(con, rule, scope))
    assert fast.schema == slow.schema
    assert fast.to_pylist() == slow.to_pylist()


@pytest.mark.parametrize("shape", [*SQL_SHAPES, "ids outside the scope"])
def test_a_rule_run_as_written_keeps_the_rows_the_scope_join_keeps(shape):
    """Narrowed (copies, or every study in scope), a rule's SQL runs without the join to check_scope: its rows
    are kept to the scope afterwards, NULL ids and ids outside the scope dropped as the join drops them."""
    from checks.rule import Rule
    from checks.rule_findings import found_table

    sql = SQL_SHAPES.get(shape) or ("SELECT * FROM (VALUES ('NCT9', 'm9'), (NULL, 'no id'), ('NCT2', 'm2'), "
                                    "('NCT1', 'm1'), ('NCT1', 'again'), ('NCT7', 'm7')) AS t(nct_id, message)")
    con = duckdb.connect()
    scope = _scoped(con, ["NCT1", "NCT2", "NCT3", "NCT4"])
    rule = Rule("test.shape", "contradiction", "warning", "-", ("studies.x",), sql=sql)
    joined = found_table(con, rule, scope)
    written = found_table(con, rule, scope, narrowed=True)
    assert written.schema == joined.schema
    assert sorted(written.to_pylist(), key=str) == sorted(joined.to_pylist(), key=str)


def test_every_study_in_scope_is_told_from_part_of_them():
    from datetime import date

    from checks.check_scope import set_scope
    from checks.scoped_tables import covers_every_study

    con = duckdb.connect()
    con.execute("CREATE TABLE studies (nct_id VARCHAR)")
    con.executemany("INSERT INTO studies VALUES (?)", [["NCT1"], ["NCT2"], ["NCT3"]])
    for ids, whole in ((None, True), (["NCT1", "NCT2", "NCT3"], True), (["NCT3", "NCT2", "NCT1", "NCT8"], True),
                       (["NCT1", "NCT2"], False), (["NCT1", "NCT2", "NCT8"], False), (["NCT8"], False)):
        set_scope(con, ids, date(2026, 11, 22))
        assert covers_every_study(con) is whole, ids


def _studies_with(con, rows):
    """A warehouse's studies table holding (nct_id, study_first_posted_date, snapshot_date) rows, all in scope."""
    from datetime import date

    from checks.check_scope import set_scope
    from warehouse.connect import DDL_DIR
    con.execute((DDL_DIR / "135_rule_macros.sql").read_text())
    con.execute("CREATE TABLE studies (nct_id VARCHAR, study_first_posted_date DATE, snapshot_date DATE)")
    con.executemany("INSERT INTO studies (nct_id, study_first_posted_date, snapshot_date) VALUES (?, ?, ?)", rows)
    return set_scope(con, [r[0] for r in rows], date(2026, 11, 22))


def _identity_by_study(nct_id, posted, record_day):
    """The finding as the per-study Python rule worded it."""
    from checks.identity import last_nct_number
    year = (posted.year if posted else record_day.year) + 1
    limit = last_nct_number(year)
    if int(nct_id[3:]) <= limit:
        return None
    when = f"first posted {posted}" if posted else f"as of {record_day}"
    return (nct_id, f"The NCT number {nct_id} had not been issued by the end of {year} ({when}): "
                    "the identifier is likely fake or mistyped.",
            f"studies.nct_id = '{nct_id}'; studies.study_first_posted_date = {posted}; "
            f"highest number issued by {year} ≈ NCT{limit:08d}")


def test_nct_number_rule_words_its_findings_as_the_per_study_rule_did():
    from datetime import date

    import checks.identity as identity
    from checks.rule_findings import findings_of

    rows = [("NCT12345678", date(2008, 9, 30), None), ("NCT87654321", None, None),
            ("NCT01234567", date(2010, 11, 5), None), ("NCT07312345", date(2026, 1, 5), None),
            ("NCT00270001", date(2003, 2, 1), None), ("NCT00270001", date(2004, 2, 1), None),
            ("NCT09900000", None, date(2026, 3, 1)), ("NCT99999999", date(2150, 1, 1), None),
            ("NCT0000001", None, None), ("NCTX1234567", None, None)]
    rows = list({r[0] + str(r[1]): r for r in rows}.values())
    rows = [(f"NCT{9000000 + i:08d}" if r[0] == "NCT00270001" and i else r[0], *r[1:]) for i, r in enumerate(rows)]
    con = duckdb.connect()
    scope = _studies_with(con, rows)
    found = {(f.nct_id, f.message, f.evidence) for f in findings_of(con, identity.RULES[0], scope)}
    expected = set()
    for nct_id, posted, snapshot in rows:
        if len(nct_id) != 11 or not nct_id[3:].isdigit():
            continue
        record_day = min(scope.as_of, snapshot or scope.as_of)
        finding = _identity_by_study(nct_id, posted, record_day)
        if finding:
            expected.add(finding)
    assert found == expected
    assert any("first posted 2008-09-30" in m for _, m, _ in found) and any("as of 2026-03-01" in m for _, m, _ in found)


@pytest.mark.parametrize("threshold", [0, 1, 10, 30])
def test_copy_is_old_words_its_findings_as_the_per_study_rule_did(threshold, monkeypatch):
    from datetime import timedelta

    import checks.freshness as freshness
    from checks.rule_findings import findings_of

    monkeypatch.setenv("TRIALQC_FRESHNESS_BUSINESS_DAYS", str(threshold))
    con = duckdb.connect()
    days = list(range(0, 50)) + [400, 3000]
    scope = _studies_with(con, [(f"NCT{i:08d}", None, None) for i in range(len(days) + 1)])
    for i, back in enumerate(days):
        con.execute("UPDATE studies SET snapshot_date = ? WHERE nct_id = ?", [scope.as_of - timedelta(days=back), f"NCT{i:08d}"])
    found = {(f.nct_id, f.message, f.evidence) for f in findings_of(con, freshness.RULES[0], scope)}
    expected = set()
    for i, back in enumerate(days):
        snapshot = scope.as_of - timedelta(days=back)
        age = freshness.business_days_between(snapshot, scope.as_of)
        if age > threshold:
            expected.add((f"NCT{i:08d}",
                          f"Our copy of this record is {back} days old ({age} business days, taken from the "
                          f"registry on {snapshot}); refresh it before relying on its status.",
                          f"studies.snapshot_date={snapshot}; as_of={scope.as_of}; business days={age}; "
                          f"threshold={threshold} business days"))
    assert found == expected and (threshold == 30 or len(found) > 2)


def test_business_days_in_sql_count_as_numpy_does():
    import random
    from datetime import date, timedelta

    from checks.freshness import business_days_between, business_days_sql

    rng = random.Random(7)
    pairs = [(date(2026, 11, 1) + timedelta(days=a), date(2026, 11, 1) + timedelta(days=a + n))
             for a in range(14) for n in range(1, 40)]
    pairs += [(e, e + timedelta(days=rng.randrange(1, 9000)))
              for e in (date(1995, 1, 1) + timedelta(days=rng.randrange(12000)) for _ in range(500))]
    con = duckdb.connect()
    counted = con.execute(f"SELECT {business_days_sql('e', 'l')} FROM (SELECT unnest($e) AS e, unnest($l) AS l)",
                          {"e": [p[0] for p in pairs], "l": [p[1] for p in pairs]}).fetchall()
    assert [c[0] for c in counted] == [business_days_between(*p) for p in pairs]


class _Counting:
    """A connection that counts its queries."""

    def __init__(self, con):
        self.con, self.queries = con, []

    def execute(self, sql, *args):
        self.queries.append(sql)
        return self.con.execute(sql, *args)


def test_each_column_of_a_table_is_read_once_per_scope_in_table_order():
    from datetime import date

    from checks.check_scope import set_scope
    from checks.study_text import _scoped_table

    con = duckdb.connect()
    con.execute("CREATE TABLE t (nct_id VARCHAR, a VARCHAR, b INTEGER, c VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)",
                    [[f"NCT{i % 7:08d}", f"a{i}", i, None if i % 3 else f"c{i}"] for i in range(50)])
    con.execute("DELETE FROM t WHERE b % 5 = 0")
    con.execute("INSERT INTO t VALUES ('NCT00000001', 'late', 99, 'x')")
    scope = set_scope(con, [f"NCT{i:08d}" for i in (1, 2, 4, 6)], date(2026, 11, 22))
    counting = _Counting(con)
    for columns in [("a",), ("b", "a"), ("c", "b", "a"), ("a", "c"), ("b",)]:
        got = _scoped_table(counting, scope, "t", columns)
        cols = ", ".join(f"t.{c}" for c in columns)
        expected = con.execute(f"SELECT t.nct_id, {cols} FROM t JOIN check_scope s USING (nct_id) "
                               "ORDER BY t.rowid").to_arrow_table()
        assert got.column_names == ["nct_id", *columns]
        assert got.to_pylist() == expected.to_pylist()
    assert len(counting.queries) == 3  # (nct_id, a), then b, then c


_OLD_LINK_TESTS = {
    "protocol.arm_without_intervention": (
        "design_groups g", "coalesce(g.group_type, '') <> 'NO_INTERVENTION' "
        "AND (s.study_type IS DISTINCT FROM 'OBSERVATIONAL' OR lower(coalesce(g.title, '')) LIKE '%placebo%') "
        "AND NOT EXISTS (SELECT 1 FROM "
        "design_group_interventions l WHERE l.nct_id = s.nct_id AND lower(trim(l.design_group)) = lower(trim(g.title)))",
        "g.title"),
    "protocol.intervention_in_no_arm": (
        "interventions g", "NOT EXISTS (SELECT 1 FROM design_group_interventions l WHERE l.nct_id = s.nct_id "
        "AND lower(trim(l.intervention)) = lower(trim(g.name)))", "g.name"),
}


@pytest.mark.parametrize("rule_id", _OLD_LINK_TESTS)
def test_arm_and_intervention_links_are_judged_as_row_by_row_not_exists_did(rule_id):
    import checks.protocol as protocol

    con = duckdb.connect()
    con.execute("CREATE TABLE studies (nct_id VARCHAR, study_type VARCHAR)")
    con.execute("CREATE TABLE design_groups (nct_id VARCHAR, title VARCHAR, group_type VARCHAR, description VARCHAR)")
    con.execute("CREATE TABLE interventions (nct_id VARCHAR, name VARCHAR, intervention_type VARCHAR, id BIGINT)")
    con.execute("CREATE TABLE design_group_interventions (nct_id VARCHAR, design_group VARCHAR, intervention VARCHAR, "
                "intervention_id BIGINT)")
    names = ["Drug A", " drug a ", "DRUG A", "Placebo", None, "Other", "Other"]
    for i in range(6):
        nct_id = f"NCT{i:08d}"
        con.execute("INSERT INTO studies VALUES (?, ?)", [nct_id, "OBSERVATIONAL" if i == 5 else "INTERVENTIONAL"])
        for k, name in enumerate(names[i % 3:]):
            con.execute("INSERT INTO design_groups VALUES (?, ?, ?, NULL)",
                        [nct_id, name, "NO_INTERVENTION" if k == 3 else None])
            con.execute("INSERT INTO interventions VALUES (?, ?, ?, ?)", [nct_id, name, None, k + 1])
        links = [] if i == 0 else [("drug a", "Drug A "), (None, "placebo"), ("Placebo", None)][: i % 4 + 1]
        for arm, drug in links * (1 + i % 2):
            con.execute("INSERT INTO design_group_interventions VALUES (?, ?, ?, NULL)", [nct_id, arm, drug])
    rule = next(r for r in protocol.RULES if r.id == rule_id)
    joined, where, shown = _OLD_LINK_TESTS[rule_id]
    old = con.execute(f"SELECT s.nct_id, {shown} FROM studies s JOIN {joined} ON g.nct_id = s.nct_id WHERE "
                      f"EXISTS (SELECT 1 FROM design_group_interventions l WHERE l.nct_id = s.nct_id) AND {where} "
                      "ORDER BY ALL").fetchall()
    new = con.execute(f"SELECT nct_id, message, evidence FROM ({rule.sql}) ORDER BY ALL").fetchall()
    assert len(old) == len(new) and len(new) > 3
    assert [n for n, _ in old] == sorted(n for n, _, _ in new)
