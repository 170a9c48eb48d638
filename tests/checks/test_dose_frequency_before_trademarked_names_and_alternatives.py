"""A frequency written before a drug's name, read for the amount after the name: past a trademark sign between the name
and the amount ("Twice daily Spectrila® 5,000 U/m2"), and after "or" that opens another regimen once the frequency
before "or" is the earlier amount's ("175 mg/m2 every 3 weeks or weekly paclitaxel 80 mg/m2"); two frequencies joined
by "or" before the name ("daily or weekly paclitaxel") are still neither read."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.dose_text import parse_doses


def findings(arm: str, interventions: list[tuple[str, str]]) -> list:
    """The dose rule's findings on one arm given every intervention listed (name, description)."""
    return list(study_dose_findings("NCT0", [("Arm A", arm)], interventions, []))


# (arm description, interventions (name, description)): the frequencies differ.
FIRING = [
    ("Twice daily Spectrila® 5,000 U/m2", [("Spectrila", "Spectrila 5,000 U/m2 once daily")]),
    ("Twice daily Spectrila™ 100 mg", [("Spectrila", "Spectrila 100 mg once daily")]),
    ("weekly Abraxane® at 100 mg/m2", [("Abraxane", "Abraxane 100 mg/m2 every 3 weeks")]),
    ("Paclitaxel 175 mg/m2 every 3 weeks or weekly paclitaxel 80 mg/m2",
     [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")]),
    ("Aspirin 100 mg or daily clopidogrel 75 mg", [("Clopidogrel", "Clopidogrel 75 mg twice daily")]),
]
# Wordings that must stay quiet.
QUIET = [
    ("Twice daily Spectrila® 5,000 U/m2", [("Spectrila", "Spectrila 5,000 U/m2 twice daily")]),
    ("Paclitaxel 175 mg/m2 every 3 weeks or weekly paclitaxel 80 mg/m2",
     [("Paclitaxel", "Paclitaxel 80 mg/m2 weekly")]),
    ("Paclitaxel 175 mg/m2 every 3 weeks or weekly paclitaxel 80 mg/m2",
     [("Paclitaxel", "Paclitaxel 175 mg/m2 every 3 weeks")]),
    # either schedule may be given
    ("daily or weekly paclitaxel 80 mg/m2", [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")]),
    ("Aspirin 100 mg or daily or weekly clopidogrel 75 mg", [("Clopidogrel", "Clopidogrel 75 mg twice daily")]),
]


@pytest.mark.parametrize("arm, interventions", FIRING, ids=[a for a, _ in FIRING])
def test_the_frequency_before_the_name_is_read(arm, interventions):
    assert len(findings(arm, interventions)) == 1


@pytest.mark.parametrize("arm, interventions", QUIET, ids=[a for a, _ in QUIET])
def test_one_regimen_or_no_frequency_stays_quiet(arm, interventions):
    assert findings(arm, interventions) == []


# (text, the study's drug words, the frequency (administrations a day) of each amount)
@pytest.mark.parametrize("text, word, per_days", [
    ("Twice daily Spectrila® 5,000 U/m2", "spectrila", [2.0]),
    ("175 mg/m2 every 3 weeks or weekly paclitaxel 80 mg/m2", "paclitaxel", [1 / 21, 1 / 7]),
    ("Aspirin 100 mg or daily clopidogrel 75 mg", "clopidogrel", [None, 1.0]),
    ("daily or weekly paclitaxel 80 mg/m2", "paclitaxel", [None]),
    ("175 mg/m2 or every 3 weeks or weekly paclitaxel 80 mg/m2", "paclitaxel", [None, None]),
])
def test_the_frequency_of_each_amount(text, word, per_days):
    read = [d.per_day for d in parse_doses(text, frozenset({(word, word)}))]
    assert read == [pytest.approx(p) if p else None for p in per_days]
