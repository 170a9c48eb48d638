"""A cited article's title in a record's text ("Smith J, et al. A randomized double-blind trial of drug X. N Engl J
Med 2010;362:123-30") speaks of the cited trial: the design rules do not read it as this study's design. A sentence
about this study beside a reference still does."""
from __future__ import annotations

import pytest

from checks import contradictions_design
from tests.checks import harness

BLINDED_RULE, RANDOMIZED_RULE = "contradictions.masking_none_text_blinded", "contradictions.allocation_text_randomized"
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
NOT_RANDOMIZED = {"allocation": "NON_RANDOMIZED", "masking": "NONE", "subject_masked": None,
                  "investigator_masked": None}

# (rule, design, field, text, fires)
CASES = {
    "title with journal, volume and pages": (BLINDED_RULE, NO_MASKING, "detail",
        "Drug X lowered blood pressure in earlier work (Smith J, Jones K, et al. A randomized double-blind trial of "
        "drug X in hypertension. N Engl J Med 2010;362:123-30). This open-label study will enroll 40 patients.", False),
    "title with a month and an issue": (BLINDED_RULE, NO_MASKING, "detail",
        "References:\n1. Lee A, Park B. Double-blind comparison of drug X and placebo in gout. J Clin Oncol. 2010 May "
        "1;28(13):2137-43.\n2. Kim C. Open-label follow-up of drug X. Lancet. 2012;379:815-22.", False),
    "title before a doi": (BLINDED_RULE, NO_MASKING, "detail",
        "Wang Y, et al. Randomized, double-blind evaluation of drug X. doi:10.1016/j.jval.2019.01.002", False),
    "title after et al., journal and year alone": (RANDOMIZED_RULE, NOT_RANDOMIZED, "detail",
        "The dose follows Smith J, et al. A randomised controlled trial of drug X in asthma. Lancet 2010.\n"
        "All participants receive drug X.", False),
    "this study's sentence beside a reference": (BLINDED_RULE, NO_MASKING, "detail",
        "Smith et al. reported a benefit (Lancet 2010;375:1-10). This randomized, double-blind study will enroll 40 "
        "patients.", True),
    "this study's sentence with its citation inside": (BLINDED_RULE, NO_MASKING, "summary",
        "This is a double-blind study of drug X (see Smith et al., Lancet 2010;375:1-10).", True),
    "a period of years after the sentence": (BLINDED_RULE, NO_MASKING, "detail",
        "Participants will be randomized in a double-blind manner. Study Period 2019-2021: 12 sites.", True),
    "et al. without a journal after the sentence": (BLINDED_RULE, NO_MASKING, "detail",
        "As proposed by Smith et al. A double-blind design will be used in this study to compare drug X with "
        "placebo.", True),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    studies = {f"NCT{91000000 + i:08d}": harness.design_text_study(design, [(field, text)])
               for i, (_, design, field, text, _) in enumerate(CASES.values())}
    rules = [r for r in contradictions_design.RULES if r.id in (BLINDED_RULE, RANDOMIZED_RULE)]
    return harness.flagged_studies(tmp_path_factory.mktemp("cited"), studies, rules)


@pytest.mark.parametrize("name", list(CASES))
def test_a_cited_title_is_the_cited_trials(flagged, name):
    rule, _, _, _, fires = CASES[name]
    assert (f"NCT{91000000 + list(CASES).index(name):08d}" in flagged[rule]) is fires
