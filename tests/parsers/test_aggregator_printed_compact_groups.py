"""meddatax compact pages printed with their lines wrapped at the sheet's width: where a line of Study Groups or
Interventions fills the sheet, the reading that joins it with the line below and the reading that does not are
weighed; what every possible reading says is read, the rest is a load problem. Each beside lines that read as before."""
from __future__ import annotations

import textwrap

from flows.parsers.aggregator_text import compact_arms
from flows.parsers.aggregator_text.name_lines import begins_joined
from flows.parsers.model import StudyRecord

_WIDTH = 80
_ACTIVE = ("Participants receive the study tablet once daily with breakfast for twelve weeks and keep a diary of "
           "every dose taken")
_INTERVENTIONS = ["Study tablet", "One tablet by mouth", "Placebo tablet", "Matching tablet by mouth"]
_CONTROL = ["Control", "Placebo given the same way", "Placebo tablet", "Matching tablet by mouth"]
_TABLES = ("design_groups", "interventions", "design_group_interventions")


def _read(groups: list[str], interventions: list[str], width: int | None) -> tuple[dict, list[str]]:
    record = StudyRecord("NCT00000001", {"studies": [{}]})
    problems = compact_arms.read_into(record, groups, interventions, width)
    return {name: record.tables.get(name) for name in _TABLES}, [problem.reason for problem in problems]


def _groups(description_lines: list[str]) -> list[str]:
    return ["Active", *description_lines, "Study tablet", "One tablet by mouth", *_CONTROL]


def test_a_line_below_a_full_line_beginning_at_a_joining_word_goes_on_with_it():
    wrapped = textwrap.wrap(_ACTIVE, _WIDTH)
    assert len(wrapped[0]) == _WIDTH and wrapped[1].startswith("and ")
    tables, problems = _read(_groups(wrapped), _INTERVENTIONS, _WIDTH)
    whole, _ = _read(_groups([_ACTIVE]), _INTERVENTIONS, None)
    assert problems == [] and tables == whole
    assert tables["design_groups"][0]["description"] == _ACTIVE
    assert [(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]] == [
        ("Active", "Study tablet"), ("Control", "Placebo tablet")]
    # the same lines not printed: as the page shows them, the arms undecided as before
    tables, problems = _read(_groups(wrapped), _INTERVENTIONS, None)
    assert problems == [compact_arms.UNDECIDED] and tables["design_groups"] is None


def test_a_phrase_beginning_at_a_joining_word_in_lower_case_is_no_name():
    assert begins_joined("and keep a diary of every dose taken") and begins_joined("with food")
    assert not begins_joined("And Placebo") and not begins_joined("Placebo tablet") and not begins_joined("and")


def test_a_full_line_ending_a_sentence_may_end_the_registry_s_line_and_leaves_the_arms_unread():
    first = "Participants receive the study tablet once daily with breakfast for twelve weeks."
    lines = [first, "Doses missed are written down in a diary."]
    assert len(first) <= _WIDTH + 1 and len(first) + 1 + len("Doses") > _WIDTH + 1
    tables, problems = _read(_groups(lines), _INTERVENTIONS, _WIDTH + 1)
    assert problems == [compact_arms.UNDECIDED] and tables == dict.fromkeys(_TABLES)
    # the two lines as one line, not printed: read as before
    tables, problems = _read(_groups([" ".join(lines)]), _INTERVENTIONS, None)
    assert problems == [] and tables["design_groups"][0]["description"] == " ".join(lines)
    # the line below a full line that ends mid-sentence goes on with it, as before
    mid = [first.rstrip("."), "and doses missed are written down in a diary."]
    tables, problems = _read(_groups(mid), _INTERVENTIONS, _WIDTH + 1)
    assert problems == [] and tables["design_groups"][0]["description"] == " ".join(mid)


def test_an_arm_without_intervention_whose_description_fills_the_sheet_above_a_title_leaves_the_arms_unread():
    usual = "Participants keep their usual care and visit the clinic at the same times as the"
    groups = ["Usual care", usual, "Exercise group", "Exercise", "Walking for thirty minutes a day"]
    interventions = ["Exercise", "Walking for thirty minutes a day"]
    assert len(usual) == _WIDTH
    tables, problems = _read(groups, interventions, _WIDTH)
    assert problems == [compact_arms.UNDECIDED]  # 'Exercise group' may end the description or be the next arm
    assert tables["design_groups"] is None and tables["design_group_interventions"] is None
    assert tables["interventions"] == [{"intervention_type": None, "name": "Exercise",
                                        "description": "Walking for thirty minutes a day"}]
    # the same lines not printed: 'Exercise group' may as well be the description's second line (a description's
    # lines each stand on their own), so an arm without intervention above one without description is no reading
    tables, problems = _read(groups, interventions, None)
    assert problems == [compact_arms.UNDECIDED] and tables["design_groups"] is None


def test_an_intervention_description_wrapped_in_both_sections_is_one_line_in_both():
    """The line below the full line is a sentence ('breakfast each day of treatment.'): no name, so the reading that
    keeps it on its own line (a name 'Tablet of ... a light' with it as its description) is no reading."""
    text = ("Tablet of the study drug taken by mouth once a day with water after a light breakfast each day of "
            "treatment.")
    wrapped = textwrap.wrap(text, _WIDTH)
    assert len(wrapped) == 2 and len(wrapped[0]) + 1 + len(wrapped[1].split()[0]) > _WIDTH
    assert not begins_joined(wrapped[1])
    interventions = ["Study tablet", *wrapped, "Placebo tablet", "Matching tablet by mouth"]
    groups = ["Active", "Study drug", "Study tablet", *wrapped, *_CONTROL]
    tables, problems = _read(groups, interventions, _WIDTH)
    assert problems == []
    assert [row["description"] for row in tables["interventions"]] == [text, "Matching tablet by mouth"]
    assert [row["title"] for row in tables["design_groups"]] == ["Active", "Control"]
    # the description on one line, not printed: read alike, as before
    whole = ["Study tablet", text, "Placebo tablet", "Matching tablet by mouth"]
    assert _read(["Active", "Study drug", "Study tablet", text, *_CONTROL], whole, None) == (tables, [])
