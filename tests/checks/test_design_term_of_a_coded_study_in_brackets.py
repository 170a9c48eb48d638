"""A design term that names, in brackets, the part of a trial whose code comes before it ("in the E3810-J081-308
(NCI01397448) [Double-Blind Phase] study", an extension's summary), or a term of a protocol named by its code a few
words on, words joined by a slash among them ("randomized and met all inclusion/exclusion criteria in Protocol
NRP104.303"), is that trial's, not this study's design
(checks.design_other_trials `not_of_this_design`, read by masking_none_text_blinded and its siblings). A term of this
study's own part, or one with no code before it, is still this study's."""
from __future__ import annotations

import re

import pytest

from checks.design_other_trials import not_of_this_design

TERM = re.compile(r"double-blind|randomi[sz]ed|open-label", re.I)


def _of_another(sentence: str) -> bool:
    m = TERM.search(sentence)
    return not_of_this_design(sentence, m.start(), m.end())


@pytest.mark.parametrize("sentence", [
    "Subjects who completed 24 weeks of treatment in the E3810-J081-308 (NCI01397448) [Double-Blind Phase] study.",
    "After 24 weeks of treatment in the E3810-J081-308 (NCI01397448) [Double-Blind Phase] study, patients enter.",
    "Patients from the ABC-301 [double-blind period] study may enrol.",
    "Subjects who took part in the XYZ-12 (Randomized Part) trial will continue drug X.",
    "Subjects who were randomized and met all inclusion/exclusion criteria in Protocol NRP104.303 will enrol.",
    "Patients randomized to drug A/drug B in study ABC-301 may continue.",
])
def test_a_coded_trials_part_in_brackets_is_that_trials(sentence):
    assert _of_another(sentence)


@pytest.mark.parametrize("sentence", [
    "Patients in the double-blind phase of this study will be followed.",
    "In the E3810 study, patients will receive drug X in a double-blind phase.",
    "This [Double-Blind Phase] study of drug X.",
    "Patients will enter the E3810 double-blind phase after screening.",
    "Patients in the [Double-Blind Phase] study receive drug X or placebo.",
    "In the ABC-301 [double-blind period], patients receive drug X or placebo.",
    "Patients will be randomized and must meet all inclusion/exclusion criteria of this protocol.",
    "Patients will be randomized to drug A/drug B in this study.",
])
def test_this_studys_part_stays_its_own(sentence):
    assert not _of_another(sentence)
