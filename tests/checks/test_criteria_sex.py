"""Who the inclusion criteria admit against the record's Sex and Healthy Volunteers.

The inclusion list's first statement of who is admitted by sex ("Postmenopausal women aged 50-75", "Men aged 40 and
older", "Male or female, 18-65 years", the PDQ's "Sex: Women only") disagrees with a Sex that says otherwise; a
criterion, a group's label or an inclusion heading that admits healthy people ("Healthy adult subjects", "Healthy
controls") disagrees with Healthy Volunteers 'No'. Requirements of one sex, other people's sexes, several groups,
gender identity, "healthy" of an organ or a state, and an unknown Sex or Healthy Volunteers stay quiet.
"""
from __future__ import annotations

import pytest

from checks.criteria_sex import HEALTHY_RULE_ID, RULES, SEX_RULE_ID, study_healthy_findings, study_sex_findings
from checks.criteria_sex_admitted import admitted_sex
from checks.criteria_sex_named import SEX_WORD, sex_words
from tests.checks import harness
from tests.checks.cases_criteria_sex import HEALTHY_FIRES, HEALTHY_QUIET, JSON, SEX_FIRES, SEX_QUIET, XML, listed


def _sex_fires(text: str, gender: str | None, gender_based: bool | None = None) -> bool:
    return bool(list(study_sex_findings("NCT0", text, gender, gender_based)))


def _healthy_fires(text: str, healthy: bool | None) -> bool:
    return bool(list(study_healthy_findings("NCT0", text, healthy)))


@pytest.mark.parametrize("item, gender, layout", SEX_FIRES, ids=[c[0][:60] for c in SEX_FIRES])
def test_a_statement_of_who_is_admitted_that_sex_contradicts_fires(item, gender, layout):
    assert _sex_fires(listed(item, layout=layout), gender), (item, gender)


@pytest.mark.parametrize("text, gender, gender_based", SEX_QUIET, ids=[c[0][22:82] for c in SEX_QUIET])
def test_requirements_other_people_groups_and_agreeing_sexes_stay_quiet(text, gender, gender_based):
    assert not _sex_fires(text, gender, gender_based), (text, gender)


@pytest.mark.parametrize("text", HEALTHY_FIRES, ids=[t[22:82] for t in HEALTHY_FIRES])
def test_healthy_people_admitted_with_healthy_volunteers_no_fires(text):
    assert _healthy_fires(text, False), text


@pytest.mark.parametrize("text, healthy", HEALTHY_QUIET, ids=[c[0][22:82] for c in HEALTHY_QUIET])
def test_healthy_of_a_state_or_an_organ_and_agreeing_values_stay_quiet(text, healthy):
    assert not _healthy_fires(text, healthy), (text, healthy)


def test_there_are_enough_phrasings_on_both_sides():
    assert len(SEX_FIRES) + len(HEALTHY_FIRES) >= 40 and len(SEX_QUIET) + len(HEALTHY_QUIET) >= 60


@pytest.mark.parametrize("item, gender, _", SEX_FIRES[:6], ids=[c[0][:60] for c in SEX_FIRES[:6]])
def test_the_same_statement_stays_quiet_when_sex_agrees(item, gender, _):
    """The firing statements are read as the sex they name: with that Sex they stay quiet."""
    admitted = admitted_sex(listed(item))
    assert admitted is not None and admitted.sex != gender
    assert not _sex_fires(listed(item), admitted.sex)


def test_the_sex_finding_quotes_the_criterion_and_the_value():
    [finding] = study_sex_findings("NCT0", listed("Postmenopausal women aged 50-75 years"), "ALL", None)
    assert finding.message == ("The inclusion criteria admit female participants only, which disagrees with the "
                               "record's Sex 'ALL'.")
    assert "Postmenopausal women aged 50-75 years" in finding.evidence
    assert finding.evidence.endswith("eligibilities.gender='ALL'")


def test_the_healthy_volunteers_finding_quotes_the_criterion_and_the_value():
    [finding] = study_healthy_findings("NCT0", listed("Healthy adult subjects aged 18 to 55"), False)
    assert finding.message == ("The inclusion criteria admit healthy volunteers, which disagrees with the record's "
                               "Healthy Volunteers 'No'.")
    assert "Healthy adult subjects aged 18 to 55" in finding.evidence
    assert finding.evidence.endswith("eligibilities.healthy_volunteers=false")


# A legacy record's criteria in the PDQ's form: its "PATIENT CHARACTERISTICS:" block's "Sex:", inline or above a
# bullet.
_PDQ_INLINE = ("DISEASE CHARACTERISTICS: Stage III breast cancer\n\nPATIENT CHARACTERISTICS: Age: 18 and over "
               "Sex: {sex} Menopausal status: Postmenopausal Performance status:\nECOG 0-1")
_PDQ_BULLETED = ("DISEASE CHARACTERISTICS:\n\n  -  Adenocarcinoma of the prostate\n\nPATIENT CHARACTERISTICS:\n\n"
                 "Age:\n\n  -  18 and over\n\nSex:\n\n  -  {sex}\n\nPerformance status:\n\n  -  ECOG 0-2")


@pytest.mark.parametrize("form, sex, gender", [
    (_PDQ_INLINE, "Women only", "ALL"),
    (_PDQ_INLINE, "Female", "MALE"),
    (_PDQ_BULLETED, "Male", "ALL"),
])
def test_a_pdq_blocks_sex_that_the_record_contradicts_fires(form, sex, gender):
    findings = list(study_sex_findings("NCT0", form.format(sex=sex), gender, None))
    assert len(findings) == 1 and "patient characteristics" in findings[0].message, findings


@pytest.mark.parametrize("form, sex, gender", [
    (_PDQ_INLINE, "Women only", "FEMALE"),
    (_PDQ_BULLETED, "Male", "MALE"),
    (_PDQ_INLINE, "Not specified", "ALL"),
    (_PDQ_INLINE, "Male or female", "ALL"),
    (_PDQ_BULLETED, "Male", None),
])
def test_a_pdq_blocks_sex_that_agrees_or_is_no_one_sex_stays_quiet(form, sex, gender):
    assert list(study_sex_findings("NCT0", form.format(sex=sex), gender, None)) == []


def _study(criteria: str, gender: str | None, healthy: bool | None, layout: str = JSON) -> dict:
    return harness.eligibility_study(criteria, layout, gender=gender, healthy_volunteers=healthy)


def test_the_rules_read_sex_and_healthy_volunteers_from_the_warehouse(tmp_path):
    studies = {
        "NCT00000001": _study(listed("Postmenopausal women aged 50-75 years"), "ALL", False),
        "NCT00000002": _study(listed("Postmenopausal women aged 50-75 years"), "FEMALE", False),
        "NCT00000003": _study(listed("Postmenopausal women aged 50-75 years"), None, None, "aggregator_text"),
        "NCT00000004": _study(listed("Healthy male volunteers aged 18-45", layout=XML), "MALE", False, XML),
        "NCT00000005": _study(listed("Healthy male volunteers aged 18-45"), "MALE", True),
        "NCT00000006": _study(listed("Healthy male volunteers aged 18-45"), "ALL", None),
    }
    flagged = harness.flagged_studies(tmp_path, studies, RULES)
    assert flagged[SEX_RULE_ID] == {"NCT00000001", "NCT00000006"}
    assert flagged[HEALTHY_RULE_ID] == {"NCT00000004"}


# Words that hold a sex's letters inside them, or at their edges, beside the words themselves.
_LETTERS_INSIDE = ("treatment, women, WOMEN's; men-only; amendment; romantic; female/male; superwoman; mankind; "
                   "postmenopausal, post-menopausal, pre- menopausal; gentlemen; boyfriend; ladybird; pregnant; "
                   "non-pregnant; manual; semen; specimen; lady ladies girls boys; human; germane")


@pytest.mark.parametrize("text", [_LETTERS_INSIDE.lower()] + [listed(c[0]).lower() for c in SEX_FIRES],
                         ids=lambda text: text[text.find("* ") + 2:][:40])
def test_the_words_of_a_sex_are_found_as_a_search_for_them_finds_them(text):
    expected = [(m.span(), m.group("female"), m.group("male")) for m in SEX_WORD.finditer(text)]
    assert [(m.span(), m.group("female"), m.group("male")) for m in sex_words(text)] == expected
    assert expected  # the texts hold such words
