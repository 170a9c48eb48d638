"""A study whose outcomes and arm titles have no drug word is passed over: its findings stay those of reading it."""
from __future__ import annotations

import pytest

from checks import contradictions_drugs
from checks.contradictions_drugs import study_drug_findings

IVS = [("Baricitinib", "Baricitinib 2 mg tablet once daily"), ("Placebo", "Matching placebo")]
ARMS = [("Baricitinib", "Baricitinib 2 mg once daily"), ("Placebo", "Matching placebo")]

# (outcomes, arms, fires)
STUDIES = [
    ([("Adverse events related to belimumab", None)], ARMS, True),
    ([("ESSDAI", "Change from baseline")], [("Tofacitinib", None)], True),
    ([("ESSDAI", "Change from baseline")], ARMS, False),
    ([("Réponse “ESSDAI” à 12 semaines", "µg/L, Straße, ﬁnal")], ARMS, False),
    ([("Réponse au “belimumab”", "µg/L")], ARMS, True),
    ([("Niveaux sériques de bélimumab", None)], ARMS, False),  # an accented letter splits no drug word from its stem
    ([("İLAÇ düzeyi – rituximab kullanımı", None)], ARMS, True),
    ([("Use of rescue medication such as ondansetron", None)], ARMS, False),
    ([("Response rate ofbaricitinib", None)], ARMS, False),
    ([], [("Arm A", "belimumab background therapy")], False),  # arm descriptions are not read for findings
    ([(None, None)], [], False),
]


def _reading_every_study(monkeypatch, *args):
    monkeypatch.setattr(contradictions_drugs, "_names_a_drug", lambda outcomes, arms: True)
    return list(study_drug_findings(*args))


@pytest.mark.parametrize("outcomes, arms, fires", STUDIES)
def test_drug_findings_are_those_of_reading_every_study(monkeypatch, outcomes, arms, fires):
    args = ("NCT0", outcomes, arms, IVS, [("Baricitinib",)], ["A study of baricitinib"])
    found = list(study_drug_findings(*args))
    assert found == _reading_every_study(monkeypatch, *args)
    assert bool(found) is fires
