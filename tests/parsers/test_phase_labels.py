"""Phases as text pages write them, roman numerals among them, map to the API v2 values; other words stay raw."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text, labels
from tests.parsers.golden import GOLDEN_DIR

COMPACT = (GOLDEN_DIR / "aggregator_text" / "compact_shared_intervention_NCT09000101.txt").read_text(encoding="utf-8")
LABELLED = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("label, enum", [
    ("Phase I", "PHASE1"), ("Phase II", "PHASE2"), ("Phase III", "PHASE3"), ("Phase IV", "PHASE4"),
    ("Phase I/II", "PHASE1/PHASE2"), ("Phase II/III", "PHASE2/PHASE3"), ("Phase I/Phase II", "PHASE1/PHASE2"),
    ("Phase IIa", "PHASE2"), ("Phase Ib/II", "PHASE1/PHASE2"), ("phase iii", "PHASE3"), ("PHASE II", "PHASE2"),
    ("Early Phase I", "EARLY_PHASE1"), ("Phase 1/2", "PHASE1/PHASE2"), ("Phase 2a", "PHASE2"),
    ("Phase II / Phase III", "PHASE2/PHASE3"),
])
def test_a_phase_written_with_its_number_is_read(label, enum):
    assert labels.phase(label) == enum


@pytest.mark.parametrize("label, enum", [
    ("Phase 1/Phase 2", "PHASE1/PHASE2"), ("Phase 2/Phase 3", "PHASE2/PHASE3"), ("N/A", "NA"), ("PHASE4", "PHASE4"),
    ("Early Phase 1", "EARLY_PHASE1"), ("Phase 0", "EARLY_PHASE1"), ("PHASE1/PHASE2", "PHASE1/PHASE2"), ("", None),
])
def test_the_labels_read_before_read_the_same(label, enum):
    assert labels.phase(label) == enum


@pytest.mark.parametrize("label", ["Phase In", "Phase V", "Phase IIc", "Phase III trial", "Early Phase 2", "II",
                                   "Phase", "Phase In/II", "Phase 3/In", "Phase I-II extension", "Phases"])
def test_a_word_that_only_starts_like_a_phase_stays_raw(label):
    assert labels.written_phase(label) is None
    assert labels.phase(label) == label


@pytest.mark.parametrize("shown, enum", [("Phase II", "PHASE2"), ("Phase I/II", "PHASE1/PHASE2"),
                                         ("Phase IV", "PHASE4"), ("PHASE2/PHASE3", "PHASE2/PHASE3")])
def test_a_compact_page_reads_a_bare_phase_in_roman_numerals(shown, enum):
    page = COMPACT.replace("\nPHASE2/PHASE3\n", f"\n{shown}\n")
    assert aggregator_text.parse(page.encode()).records[0].study["phase"] == enum


def test_a_compact_page_does_not_take_another_line_for_a_phase():
    page = COMPACT.replace("\nPHASE2/PHASE3\n", "\nPhase In\n")
    assert aggregator_text.parse(page.encode()).records[0].study["phase"] is None


def test_a_labelled_page_reads_a_phase_in_roman_numerals():
    page = LABELLED.replace("Clinical Phase\n\nPHASE3\n", "Clinical Phase\n\nPhase III\n")
    assert page != LABELLED
    assert aggregator_text.parse(page.encode()).records[0].study["phase"] == "PHASE3"
