"""A function rule that fails on one study's data still checks every other study of the scope: the failure is
reported with the studies it failed on, and the others' findings are kept."""
from __future__ import annotations

from datetime import date

import pytest

from checks.dose_text import parse_doses
from checks.rule import CheckResult, CheckScope, Finding, Rule
from checks.rule_outcomes import evaluate, tally

AS_OF = date(2026, 11, 30)
IDS = [f"NCT{n:08d}" for n in range(1, 41)]


def _rule(fails_on, calls: list) -> Rule:
    def func(con, scope: CheckScope):
        calls.append(len(scope.nct_ids))
        for nct_id in sorted(scope.nct_ids):
            if fails_on(nct_id):
                raise AttributeError("'NoneType' object has no attribute 'group'")
            yield Finding(nct_id, f"found on {nct_id}", "evidence")
    return Rule("contradictions.test_rule", "contradiction", "warning", "A rule for the test.", ("studies.nct_id",),
                func=func)


@pytest.mark.parametrize("bad", [[IDS[0]], [IDS[17]], [IDS[39]], [IDS[3], IDS[30]]], ids=lambda b: ",".join(b))
def test_the_studies_a_rule_fails_on_are_named_and_the_others_checked(bad):
    calls: list = []
    outcome = evaluate(None, _rule(lambda n: n in bad, calls), CheckScope(AS_OF, frozenset(IDS)))
    assert sorted(f.nct_id for f in outcome.findings) == sorted(set(IDS) - set(bad))
    assert outcome.error.startswith("AttributeError: 'NoneType' object has no attribute 'group' (on ")
    assert f"on {len(bad)} of {len(IDS)} studies: {', '.join(bad)}; the others were checked" in outcome.error
    assert len(calls) <= 1 + 2 * len(bad) * 6


def test_a_rule_that_fails_on_every_study_is_tried_on_halves_and_quarters_then_reported_whole():
    calls: list = []
    outcome = evaluate(None, _rule(lambda n: True, calls), CheckScope(AS_OF, frozenset(IDS)))
    assert outcome.findings == [] and outcome.error == "AttributeError: 'NoneType' object has no attribute 'group'"
    assert calls == [40, 20, 20, 10, 10, 10, 10]


def test_a_rule_that_failed_on_some_studies_keeps_the_others_issues_and_is_reported():
    result = CheckResult()
    rule = _rule(lambda n: n == IDS[5], [])
    rows = tally(result, rule, evaluate(None, rule, CheckScope(AS_OF, frozenset(IDS))), "run-1", AS_OF)
    assert rows is not None and rows.num_rows == len(IDS) - 1
    assert result.by_rule[rule.id] == len(IDS) - 1 and IDS[5] in result.failed_rules[rule.id]


@pytest.mark.parametrize("text, amounts", [
    ("JNJ-54861911, two tablets of 5 mg each once daily", [10.0]),
    ("Cohort 3, two tablets of 5 mg", [10.0]),
    ("Arm 1 and two capsules of 20 mg daily", [40.0]),
    ("10, 20 or 40 mg daily", [10.0, 20.0, 40.0]),
])
def test_a_dose_counted_in_words_after_a_number_is_read_alone(text, amounts):
    assert [d.low for d in parse_doses(text)] == amounts
