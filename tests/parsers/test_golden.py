"""Every golden case of every layout: one test walks tests/golden/, so a new layout's cases need no new test."""
from __future__ import annotations

import pytest

from flows.parsers import HEAD_BYTES, LAYOUT_IDS, claimants, entry_for
from tests.parsers.golden import GOLDEN_DIR, check_golden, every_golden_case

CASES = every_golden_case()


def test_every_golden_folder_is_a_layout_with_cases():
    folders = sorted(path.name for path in GOLDEN_DIR.iterdir() if path.is_dir())
    assert folders == sorted(LAYOUT_IDS)
    assert {layout for layout, _ in CASES} == set(LAYOUT_IDS)


@pytest.mark.parametrize("layout, case", CASES, ids=[f"{layout}/{case.name}" for layout, case in CASES])
def test_golden_case_is_claimed_by_its_layout_alone_and_parses_to_its_expected_rows(layout, case):
    raw = case.read_bytes()
    module = entry_for(layout).module
    assert claimants(raw[:HEAD_BYTES]) == [module]
    check_golden(case, module.parse(raw))
