"""Criteria texts as ClinicalTrials.gov records write them: groups of participants, deleted criteria, notes, headings
the lists are named by, and long texts.

A criterion stated again under another group's label ("Cohort B", "* Healthy volunteers", "OR"), under another
numbered parent, or standing for a deleted criterion or a note, is no criterion stated twice; a list whose record
says the missing numbers were deleted loses no criterion; a number that only ends the sentence above opens no
criterion. Nearby texts, which do state a criterion twice or lose one, still fire.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checks
from checks import criteria_headings, criteria_list_walk, criteria_repeat_back
from checks.check_scope import set_scope
from checks.criteria_gaps import numbering_gaps
from checks.criteria_headings import LONG_LIST, Block, block_of, topics, units
from checks.criteria_list_walk import MAX_NESTING
from checks.criteria_repeats import repeated_items
from checks.criteria_sections import sections
from checks.rule_findings import findings_of
from tests.checks import harness

CONSENT = "Able and willing to provide written informed consent prior to any study procedure"
HB = "Hemoglobin ≥ 9.0 g/dL without transfusion within 14 days before the first dose"
NOTE = "Note: this criterion must be met at screening and again at baseline before dosing"
LEVEL = "Adequate bone marrow function within 14 days prior to the first dose of study treatment in dose level {}, " \
        "defined as:"

# (name, criteria text): the same words twice, but not one criterion stated twice.
REPEAT_QUIET = {
    "a deleted criterion's placeholder, twice": "Exclusion Criteria:\n1. Pregnancy\n2. HIV infection\n"
    "3. This criterion was removed in protocol amendment 2\n4. HBV\n"
    "5. This criterion was removed in protocol amendment 2",
    "a deleted criterion in brackets, twice": "Exclusion Criteria:\n1. Pregnancy\n2. [Deleted in Protocol Amendment 2, "
    "dated 12 May 2015]\n3. HBV\n4. [Deleted in Protocol Amendment 2, dated 12 May 2015]",
    "a note under two criteria": f"Inclusion Criteria:\n\n1. Hemoglobin ≥ 9 g/dL\n\n   {NOTE}\n2. ANC ≥ 1500/µL\n\n"
    f"   {NOTE}\n3. Age 18 or older",
    "a note paragraph after two criteria": f"Inclusion Criteria:\n\n1. Hemoglobin ≥ 9 g/dL\n\n{NOTE}\n\n"
    f"2. ANC ≥ 1500\n\n{NOTE}\n\n3. Age",
    "cohorts' labels as bullets": f"Inclusion Criteria:\n\n* Cohort A\n* {CONSENT}\n* Relapsed disease\n* Cohort B\n"
    f"* {CONSENT}\n* Newly diagnosed",
    "healthy volunteers' label as a bullet": f"Exclusion Criteria:\n\n* Patients with psoriasis:\n"
    f"* {CONSENT}\n* Relapsed\n* Healthy volunteers\n* {CONSENT}\n* Smoker",
    "cohorts' labels on lines of their own": f"Inclusion Criteria:\nCohort 1\n- {CONSENT}\n- Relapsed disease\n"
    f"Cohort 2\n- {CONSENT}\n- Newly diagnosed",
    "healthy controls in capitals": f"Inclusion Criteria:\nPATIENTS\n- {CONSENT}\n- Relapsed\nHEALTHY CONTROLS\n"
    f"- {CONSENT}\n- Healthy",
    "legacy dashes under a group's line": f"Inclusion Criteria:\n\n  -  {CONSENT}\n  -  Relapsed disease\n"
    f"Healthy controls\n  -  {CONSENT}\n  -  Healthy",
    "parts' labels in bold": f"Inclusion Criteria:\n\n**Part A**\n\n* {CONSENT}\n* Relapsed disease\n\n**Part B**\n\n"
    f"* {CONSENT}\n* Newly diagnosed",
    "parts' labels in bold with a colon": f"Inclusion Criteria:\n**Part A:**\n* {CONSENT}\n* Relapsed disease\n"
    f"**Part B:**\n* {CONSENT}\n* Newly diagnosed",
    "another set after OR": f"Inclusion Criteria:\n* {CONSENT}\n* Relapsed disease\nOR\n* {CONSENT}\n"
    f"* Newly diagnosed",
    "bullets under numbered parents": f"Inclusion Criteria:\n1. Patients with AML\n- {CONSENT}\n- Relapsed\n"
    f"2. Patients with MDS\n- {CONSENT}\n- High risk",
    "cohorts inside page text": f"Inclusion Criteria: Cohort 1: 1. {CONSENT} 2. Relapsed Cohort 2: 1. {CONSENT} 2. New",
    "numbered sub-criteria under two dose levels": f"Inclusion Criteria:\n1. {LEVEL.format(1)}\n1) {HB}\n"
    f"2) ANC ≥ 1.5\n2. {LEVEL.format(2)}\n1) {HB}\n2) Platelets ≥ 100\n3. Age",
    "the opposite comparison": "Inclusion Criteria:\n* Serum potassium ≥ 3.5 mmol/L at the screening visit\n"
    "* Pregnancy test\n* Serum potassium < 3.5 mmol/L at the screening visit",
    "a numbered heading for a group": f"Inclusion Criteria:\n1. {HB}\n"
    f"2. Additional criteria for the expansion cohort:\n3. {HB}",
    "a second list numbered from 1 again": f"Exclusion Criteria:\n1. Pregnancy\n2. {HB}\n3. HIV\n1. {HB}\n2. HBV",
    "a label in brackets": f"Inclusion Criteria:\n* {CONSENT}\n* Relapsed\n\\[Expansion Part\\]\n* {CONSENT}",
    "OR as a bullet": f"Inclusion Criteria:\n- {CONSENT}\n- Relapsed\n- OR -\n- {CONSENT}",
}
# (name, criteria text): nearby texts that state one criterion twice.
REPEAT_FIRES = {
    "a criterion that opens with 'prior', twice": "Exclusion Criteria:\n1. Prior splenectomy or spleen removed for "
    "any reason\n2. HIV\n3. Prior splenectomy or spleen removed for any reason",
    "a criterion that notes something, twice": "Exclusion Criteria:\n* Patients who note worsening of symptoms within "
    "the last month\n* HIV\n* Patients who note worsening of symptoms within the last month",
    "a criterion naming a part, twice": "Exclusion Criteria:\n* Participants in Part A must not have received prior "
    "anti-PD-1 therapy\n* HIV\n* Participants in Part A must not have received prior anti-PD-1 therapy",
    "bullets around a deeper numbered line": f"Inclusion Criteria:\n* {CONSENT}\n   1. Signed by a guardian\n"
    f"* {CONSENT}",
    "the same sign, once escaped": "Inclusion Criteria:\n* Serum potassium \\< 3.5 mmol/L at the screening visit\n"
    "* Pregnancy test\n* Serum potassium < 3.5 mmol/L at the screening visit",
    "a line copied with its number": f"Exclusion Criteria:\n1. Pregnancy\n2. {HB}\n2. {HB}\n3. HIV",
    "around a nested list": f"Exclusion Criteria:\n1. {HB}\n2. One of:\n   1) myocardial infarction\n"
    f"   2) stroke\n3. {HB}",
    "around a criterion ending in a colon": f"Inclusion Criteria:\n\n1. {HB}\n2. Adequate organ function:\n\n"
    f"   * ANC ≥ 1.5\n   * Platelets ≥ 100\n3. Age 18\n4. {HB}",
    "a numbered list copied whole": f"Exclusion Criteria:\n1. {HB}\n2. HIV\n1. {HB}\n2. HIV",
}


@pytest.mark.parametrize("name", REPEAT_QUIET)
def test_the_same_words_under_another_group_or_in_no_criterion_stay_quiet(name):
    assert repeated_items(REPEAT_QUIET[name]) == []


@pytest.mark.parametrize("name", REPEAT_FIRES)
def test_a_criterion_stated_twice_in_one_list_fires(name):
    assert len(repeated_items(REPEAT_FIRES[name])) == 1


# (name, criteria text): no criterion is missing.
GAPS_QUIET = {
    "the record says the number was deleted": "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n"
    "(Criterion 3 was deleted in Amendment 1)\n4. HBV\n5. HCV",
    "a note says the number was removed": "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n4. HBV\n5. HCV\n"
    "Note: exclusion criterion 3 was removed by protocol amendment 2.",
    "one item for three deleted numbers": "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. HBV\n4. HCV\n5-7. [Deleted]\n"
    "8. Allergy\n9. Smoking",
    "a range said removed": "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. HBV\n4. HCV\n"
    "(Criteria 5 to 7 removed in Amendment 3)\n8. Allergy\n9. Smoking",
    "an age ending the text on a line of its own": "Inclusion Criteria:\n1. Consent\n2. Able to comply\n"
    "3. Men and women aged between 18 and\n65.",
    "a score ending the text": "Inclusion Criteria:\n1. Consent\n2. Able\n3. Gleason score of 7 or\n8.",
    "a table number ending the text": "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. Uncontrolled hypertension "
    "(see Appendix\n5)",
    "a scale's values after a colon": "Inclusion Criteria:\n\n1. Traumatic brain injury\n2. Glasgow Coma Scale motor "
    "score of:\n   5. Localizes to pain\n   6. Obeys commands\n3. Age 18-65",
}
# (name, criteria text, (expected, found) of each gap): nearby texts that lose a criterion.
GAPS_FIRE = [
    ("another number was deleted", "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n(Criterion 3 deleted)\n4. HBV\n"
     "6. HCV\n7. Allergy", [(5, 6)]),
    ("'removed' in a criterion", "Exclusion Criteria:\n1. Pregnancy\n2. Gallbladder removed in the past 6 months\n"
     "4. HBV\n5. HCV", [(3, 4)]),
    ("a last criterion with its words", "Inclusion Criteria:\n1. Consent\n2. Able\n4. Age 18 to 65", [(3, 4)]),
    ("values not indented below the colon", "Inclusion Criteria:\n1. Age\n2. One of the following:\n4. Diabetes\n"
     "5. Hypertension", [(3, 4)]),
    ("an indented list after no colon", "Inclusion Criteria:\n1. Age\n2. Consent\n   4. Diabetes\n   5. Hypertension",
     [(3, 4)]),
]


@pytest.mark.parametrize("name", GAPS_QUIET)
def test_lists_the_record_accounts_for_stay_quiet(name):
    assert numbering_gaps(GAPS_QUIET[name]) == []


@pytest.mark.parametrize("name, text, gaps", GAPS_FIRE, ids=[case[0] for case in GAPS_FIRE])
def test_lists_that_lose_a_criterion_still_fire(name, text, gaps):
    assert [(g.expected, g.found) for g in numbering_gaps(text)] == gaps


@pytest.mark.parametrize("heading, name", [
    ("Principal exclusion criteria:", "exclusion"),
    ("Additional Exclusion Criteria:", "exclusion"),
    ("Other exclusion criteria:", "exclusion"),
    ("General Exclusion Criteria:", "exclusion"),
    ("Primary Study Exclusion Criteria:", "exclusion"),
    ("Substudy Exclusion Criteria:", "exclusion"),
    ("Disease-specific exclusion criteria:", "exclusion"),
    ("Part 2 additional exclusion criteria:", "exclusion"),
    ("Maintenance Phase Inclusion Criteria", "inclusion"),
    ("Healthy Volunteer Inclusion Criteria:", "inclusion"),
    ("Non-inclusion criteria:", "exclusion"),
    ("Non inclusion criteria", "exclusion"),
    ("Criteria for exclusion:", "exclusion"),
    ("A. Exclusion Criteria", "exclusion"),
    ("II. EXCLUSION CRITERIA:", "exclusion"),
])
def test_headings_that_qualify_their_list(heading, name):
    text = f"Inclusion Criteria:\n1. Age 18\n2. Consent\n{heading}\n1. Pregnancy\n2. HIV"
    assert [s.name for s in sections(text)] == ["inclusion", name]


@pytest.mark.parametrize("line", [
    "* Failure to meet any of the inclusion criteria",
    "- Meets all inclusion criteria of the parent study",
    "2. Exclusion criteria of the main study apply",
    "Patients who do not meet the inclusion criteria listed above are excluded",
])
def test_a_criterion_that_names_the_criteria_is_no_heading(line):
    text = f"Exclusion Criteria:\n- Pregnancy\n{line}\n- HIV"
    assert [s.name for s in sections(text)] == ["exclusion"]


def test_a_gap_under_a_non_inclusion_heading_is_an_exclusion_gap():
    text = "Inclusion Criteria:\n1. Age\n2. Consent\n3. ECOG\nNon-inclusion criteria:\n1. Pregnancy\n3. HIV\n4. HBV"
    assert [(g.section, g.expected, g.found) for g in numbering_gaps(text)] == [("exclusion", 2, 3)]


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> dict[str, list[str]]:
    """Both criteria rules' messages for a few texts, each text one study of one warehouse."""
    texts = {
        "copied line": REPEAT_FIRES["a line copied with its number"],
        "around a nested list": REPEAT_FIRES["around a nested list"],
        "non-inclusion gap": "Inclusion Criteria:\n1. Age\n2. Consent\n3. ECOG\nNon-inclusion criteria:\n"
                             "1. Pregnancy\n3. HIV\n4. HBV",
        "deleted placeholders": REPEAT_QUIET["a deleted criterion's placeholder, twice"],
        "deleted number": GAPS_QUIET["the record says the number was deleted"],
    }
    ids = {name: f"NCT{n:08d}" for n, name in enumerate(texts, start=3100001)}
    studies = {}
    for name, text in texts.items():
        study = harness.clean_study()
        study["eligibilities"][0]["criteria"] = text
        studies[ids[name]] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("criteria"), studies)
    scope = set_scope(con, None, harness.AS_OF)
    names = {nct_id: name for name, nct_id in ids.items()}
    found = {name: [] for name in texts}
    for rule in checks.all_rules():
        if rule.id in ("contradictions.duplicate_criterion", "contradictions.criteria_numbering_gap"):
            for finding in findings_of(con, rule, scope):
                found[names[finding.nct_id]].append(finding.message)
    return found


def test_the_rules_say_what_the_records_show(messages):
    assert messages["copied line"] == ["Exclusion criterion 2 is written twice, word for word."]
    assert messages["around a nested list"] == ["Exclusion criterion 3 repeats exclusion criterion 1 word for word."]
    assert messages["non-inclusion gap"] == ["The numbered exclusion criteria jump to 3, so criterion 2 is missing."]
    assert messages["deleted placeholders"] == []
    assert messages["deleted number"] == []


# Long texts whose lines repeat: the readings below are bounded by how they pass over them, not by the text's
# length squared.
LONG = {
    "one line at a time, every line alike": "Exclusion Criteria:\n" + ("- " + "word " * 6 + "\n") * 2000,
    "a heading over every line alike": "Exclusion Criteria:\n" + ("Criteria:\n- " + "word " * 6 + "\n") * 2000,
    "a list opened at every line": "Inclusion Criteria:" + "\n1. a" * 8000,
    "ACTG blocks copied": "Exclusion Criteria\n\n" + ("Co-existing Condition:\n\nPatients with the following are "
                                                       "excluded:\n\n" + "".join(f"  -  Condition number {i} of the "
                                                                                 "block here.\n" for i in range(20))
                                                       + "\n") * 40,
    "a legacy list with notes": "Exclusion Criteria:\n" + ("-  same words repeated in every single item here\n\n"
                                                           "    Note line\n") * 700,
}


def test_neighbouring_copies_are_compared_first(monkeypatch):
    compared = []
    plain = criteria_repeat_back._same_start_back
    monkeypatch.setattr(criteria_repeat_back, "_same_start_back",
                        lambda *args: compared.append(args) or plain(*args))
    assert repeated_items(LONG["one line at a time, every line alike"][:30000])
    assert len(compared) <= 2  # of the 400 cuts ending alike: every two of them were compared before


def test_lists_nest_a_few_deep(monkeypatch):
    depths = []
    plain = criteria_list_walk._continues
    monkeypatch.setattr(criteria_list_walk, "_continues", lambda runs, number: depths.append(len(runs)) or
                        plain(runs, number))
    assert numbering_gaps(LONG["a list opened at every line"]) == []
    assert max(depths) == MAX_NESTING


def test_a_long_list_is_passed_over_once_for_its_headings(monkeypatch):
    read, asked = [], []
    plain_topics, plain_block = criteria_headings.topics, criteria_headings.block_of
    monkeypatch.setattr(criteria_headings, "topics", lambda heading: read.append(heading) or plain_topics(heading))
    monkeypatch.setattr(criteria_headings, "block_of", lambda *args: asked.append(args) or plain_block(*args))
    text = LONG["a heading over every line alike"][:30000]
    repeated_items(text, {})
    # Each criterion is read back past a few dozen units, then the list is passed over; every unit of the text is
    # read once for that (it was read back past every unit above it, about 500,000 readings).
    assert asked and len(read) <= (LONG_LIST + 2) * len(asked) + len(units(text, 0, len(text)))


def _block_read_back(text: str, at: int) -> Block | None:
    """`block_of` as it reads when every criterion's units are read back from the text's start."""
    above = []
    for unit in reversed(units(text, 0, text.rfind("\n", 0, at) + 1)):
        piece = text[unit.start:unit.end]
        if criteria_headings._CRITERIA_HEADING.match(piece):
            break
        found = topics(piece)
        if found is not None:
            above.insert(0, (piece, found))
        elif above:
            break
        elif not unit.listed:
            return None
    times = [when for _, found in above for _, when in found if when is not None]
    if not times:
        return None
    windows = [criteria_headings._words(criteria_headings._body(piece)).lower() for piece, found in above
               if any(name == "excluded within" for name, _ in found)]
    return Block(" ".join(criteria_headings._words(piece) for piece, _ in above),
                 criteria_headings.BEFORE if criteria_headings.BEFORE in times else criteria_headings.NOW,
                 windows[-1] if windows else None)


_BLOCK_LINES = ("Exclusion Criteria", "Co-existing Condition:", "Patients with the following are excluded:",
                "Prior Medication: Excluded:", "Excluded within 30 days of study entry:", "Concurrent Medication:",
                "  -  Kaposi's sarcoma.", "  -  Rash:", "  -  Grade 3 neuropathy", "     of either foot.",
                "A paragraph of text.", "Cohort B:", "", "")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_BLOCK_LINES), min_size=1, max_size=24))
def test_the_block_of_a_criterion_is_read_as_when_read_back_from_the_start(lines):
    text = "\n".join(lines)
    try:
        for long_list in (0, 1, LONG_LIST):  # lists passed over from their first unit, their second, or later
            criteria_headings.LONG_LIST = long_list
            at = 0
            while True:
                assert block_of(text, at) == _block_read_back(text, at)
                at = text.find("\n", at) + 1
                if at == 0:
                    break
    finally:
        criteria_headings.LONG_LIST = LONG_LIST


@pytest.mark.parametrize("heading, repeats", [
    ("Inclusion Criteria for Part 2", 0),
    ("Inclusion criteria for cohort B", 0),
    ("Inclusion Criteria - Healthy Volunteers", 0),
    ("Inclusion Criteria (continued)", 1),
    ("Inclusion Criteria", 1),
])
def test_a_criteria_heading_naming_a_group_starts_that_groups_list(heading, repeats):
    # Without a colon or a blank line: the heading alone tells a second group's list from the first list written on.
    criterion = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"
    text = f"Inclusion Criteria for Part 1\n- {criterion}\n- Age 18 or over\n{heading}\n- {criterion}"
    assert len(repeated_items(text)) == repeats
