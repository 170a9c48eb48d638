"""contradictions.duplicate_criterion: a block of consecutive criteria written again in the same order (an old
NIAID/ACTG record's exclusions under 'Co-existing Condition:' written again under 'Patients with the following are
excluded:') is one copy error, one finding that names its first criterion and how many it holds; criteria repeated
apart from one another, or in another order, are a finding each."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_items import Item
from checks.criteria_repeated_blocks import block_message
from tests.checks import harness

HEPATITIS = "Active hepatitis B or C infection requiring treatment"
PREGNANT = "Pregnant or breastfeeding women at the screening visit"
ALLERGY = "Known allergy to any component of the study drug"
SEIZURES = "History of seizures within the last five years"
CARDIAC = "Unstable angina or myocardial infarction within six months"


def bulleted(*lines: str, heading: str = "Exclusion Criteria:") -> str:
    return heading + "\n\n" + "\n".join(f"  -  {line}" for line in lines)


def numbered(*lines: str, heading: str = "Exclusion Criteria:") -> str:
    return heading + "\n" + "\n".join(f"{number}. {line}" for number, line in enumerate(lines, 1))


ACTG = ("Exclusion Criteria\n\nCo-existing Condition:\n\nPatients with the following are excluded:\n\n"
        "  -  Life expectancy < 3 months.\n\n  -  = or < grade 4 performance score.\n\n  -  AIDS-related dementia.\n\n"
        "  -  Uncontrolled hypertension.\n\n  -  Acute symptomatic opportunistic infection or other AIDS-defining "
        "illness.\n\nPatients with the following are excluded:\n\n  -  Life expectancy < 3 months.\n\n  -  = or < "
        "grade 4 performance score.\n\n  -  AIDS-related dementia.\n\n  -  Uncontrolled hypertension.\n\n  -  Acute "
        "symptomatic opportunistic infection or other AIDS-defining illness.\n\nPatients must have:\n\n  -  A clinical "
        "diagnosis of AIDS.\n\n  -  Hematocrit < 30 percent.")
ACTG_HEADINGS = ("under 'Co-existing Condition: Patients with the following are excluded:' and again under 'Patients "
                 "with the following are excluded:'.")
ONE_EXCLUSION = "One exclusion criterion appears twice."

# name: (criteria text, the rule's messages)
CASES = {
    # a block: one finding
    "an ACTG block of five written again under its second heading (NCT00002022)": (ACTG, [
        f"A block of 5 exclusion criteria, from 'Life expectancy < 3 months.' on, is written twice, {ACTG_HEADINGS}"]),
    "a bulleted block of three written again below itself": (
        bulleted(HEPATITIS, PREGNANT, ALLERGY, HEPATITIS, PREGNANT, ALLERGY), [
            f"A block of 3 exclusion criteria, from '{HEPATITIS}' on, is written twice."]),
    "a numbered block written again under the next numbers": (
        numbered(HEPATITIS, PREGNANT, ALLERGY, SEIZURES, HEPATITIS, PREGNANT, ALLERGY), [
            f"A block of 3 exclusion criteria, from '{HEPATITIS}' on, is written twice, word for word: exclusion "
            "criteria 5 to 7 repeat 1 to 3."]),
    "two neighbouring criteria written again": (bulleted(HEPATITIS, PREGNANT, SEIZURES, HEPATITIS, PREGNANT), [
        f"A block of 2 exclusion criteria, from '{HEPATITIS}' on, is written twice."]),
    "a block with a short criterion inside it, written alike in both copies": (
        bulleted(HEPATITIS, "Uncontrolled hypertension.", PREGNANT, SEIZURES, HEPATITIS, "Uncontrolled hypertension.",
                 PREGNANT), [f"A block of 3 exclusion criteria, from '{HEPATITIS}' on, is written twice."]),
    "a long first criterion is quoted to a word": (
        bulleted(f"{CARDIAC} before screening, or any cardiac event needing hospital care", PREGNANT,
                 f"{CARDIAC} before screening, or any cardiac event needing hospital care", PREGNANT), [
            "A block of 2 exclusion criteria, from 'Unstable angina or myocardial infarction within six...' on, is "
            "written twice."]),
    # apart, or in another order: a finding each
    "two criteria repeated apart from one another": (
        bulleted(HEPATITIS, PREGNANT, SEIZURES, HEPATITIS, CARDIAC, PREGNANT), [ONE_EXCLUSION, ONE_EXCLUSION]),
    "two criteria written again in the other order": (
        bulleted(HEPATITIS, PREGNANT, SEIZURES, PREGNANT, HEPATITIS), [ONE_EXCLUSION, ONE_EXCLUSION]),
    "neighbours written again with another criterion between them": (
        bulleted(HEPATITIS, PREGNANT, SEIZURES, HEPATITIS, CARDIAC, PREGNANT, ALLERGY), [ONE_EXCLUSION, ONE_EXCLUSION]),
    "neighbouring numbered criteria each written twice in place": (
        numbered(HEPATITIS, HEPATITIS, PREGNANT, PREGNANT), [
            "Exclusion criterion 2 repeats exclusion criterion 1 word for word.",
            "Exclusion criterion 4 repeats exclusion criterion 3 word for word."]),
    "one criterion written twice": (bulleted(HEPATITIS, PREGNANT, HEPATITIS), [ONE_EXCLUSION]),
    "no criterion twice": (bulleted(HEPATITIS, PREGNANT, ALLERGY, SEIZURES), []),
}


def actg(*after: str, joined: str = ".", before: str = "", newline: str = "\n") -> str:
    """An ACTG record's block of three exclusions and a short one ("Preexisting antibodies to rCD4"), ended by
    `joined` in the first copy, written again under a second heading; `after` the headings after each copy, `before`
    a short criterion before each copy. Its criteria name parts of the study, so a short one alone is not compared."""
    first, again = after or ("Concurrent Medication:", "Prior Medication:")
    lead = f"  -  {before}{newline}{newline}" if before else ""
    block = (f"  -  Malignancies other than Kaposi's sarcoma.{newline}{newline}  -  {HEPATITIS}.{newline}{newline}"
             f"  -  Active infection with an opportunistic pathogen requiring ongoing therapy.{newline}{newline}"
             "  -  Preexisting antibodies to rCD4")
    text = (f"Exclusion Criteria{newline}{newline}Co-existing Condition:{newline}{newline}Patients with the following "
            f"are excluded:{newline}{newline}{lead}{block}{joined}{newline}{newline}{first}{newline}{newline}"
            f"  -  Investigational drugs.{newline}{newline}Patients with the following are excluded:{newline}{newline}"
            f"{lead}{block}.{newline}{newline}{again}{newline}{newline}  -  Previous participation in any group of "
            "another part of this study. For example, patients treated in Part 1A of this study may not reenter the "
            "study to be treated in Part 2.")
    return text


ACTG_BLOCK = ("exclusion criteria, from '{}' on, is written twice, under 'Co-existing Condition: "
              "Patients with the following are excluded:' and again under 'Patients with the following are excluded:'.")
KAPOSI = "Malignancies other than Kaposi's sarcoma."
# A block's last criterion, or its first, too short to be compared where the criteria name groups, is written alike
# in both copies: the block's count holds it, though the lines after the copies differ (a heading that lines ended in
# a carriage return run on into the item), or one copy ends it with a word joining the next.
CASES.update({
    "a block's short last criterion, its copies followed by other headings": (
        actg(), [f"A block of 4 {ACTG_BLOCK.format(KAPOSI)}"]),
    "the same where lines end in a carriage return and a line feed": (
        actg(newline="\r\n"), [f"A block of 4 {ACTG_BLOCK.format(KAPOSI)}"]),
    "a block's short last criterion joined to the next in its first copy": (
        actg(joined="; and"), [f"A block of 4 {ACTG_BLOCK.format(KAPOSI)}"]),
    "a block's short first criterion": (
        actg(before="Uncontrolled hypertension."), [f"A block of 5 {ACTG_BLOCK.format('Uncontrolled hypertension.')}"]),
    "a short criterion after the block written otherwise in its repeat": (
        actg(joined=" (any titer)"), [f"A block of 3 {ACTG_BLOCK.format(KAPOSI)}"]),
})


@pytest.fixture(scope="module")
def messages() -> dict[str, list[str]]:
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion,
                                          {name: text for name, (text, _) in CASES.items()})


@pytest.mark.parametrize("name", CASES)
def test_a_block_of_criteria_written_again_is_one_finding(messages, name):
    assert messages[name] == CASES[name][1]


def test_a_block_finding_quotes_its_first_criterion_in_both_copies_and_its_last():
    by_study = {"block": [harness.StudyText("eligibilities.criteria",
                                            bulleted(HEPATITIS, PREGNANT, ALLERGY, HEPATITIS, PREGNANT, ALLERGY))]}
    patch = pytest.MonkeyPatch()
    patch.setattr(contradictions_criteria, "texts_by_study", lambda con, scope, fields: by_study)
    try:
        (finding,) = contradictions_criteria.duplicate_criterion(None, None)
    finally:
        patch.undo()
    assert finding.evidence.startswith(f"eligibilities.criteria: '...{HEPATITIS} - Pregnant or breastfee...' "
                                       f"and again: '...{HEPATITIS} - Pregnant or breastfee...'")
    assert finding.evidence.endswith(f"; the block's last criterion: '...{ALLERGY} - Active hepatitis B or C in...'")


def _line_item(text: str, section: str, start: int) -> Item:
    end = text.find("\n", start)
    return Item(section, None, start, len(text) if end < 0 else end, "")


def test_a_block_in_both_the_inclusion_and_the_exclusion_criteria_is_said_so():
    text = bulleted(HEPATITIS, PREGNANT, heading="Inclusion Criteria:") + "\n" + bulleted(HEPATITIS, PREGNANT)
    first, second = _line_item(text, "inclusion", text.index(HEPATITIS)), _line_item(text, "inclusion",
                                                                                      text.index(PREGNANT))
    third, fourth = _line_item(text, "exclusion", text.rindex(HEPATITIS)), _line_item(text, "exclusion",
                                                                                       text.rindex(PREGNANT))
    assert block_message(text, [(first, third), (second, fourth)], 2) == (
        f"A block of 2 criteria, from '{HEPATITIS}' on, stands among both the inclusion and the exclusion criteria.")
