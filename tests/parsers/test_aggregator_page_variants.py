"""meddatax compact pages shaped as the site's other pages: an arm or an intervention without a description (the
registry's descriptions are optional), three bare dates; each with the nearby pages that read as before."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text.compact_arms import UNDECIDED, is_sentence, is_short
from flows.parsers.model import Refused
from tests.parsers.golden import GOLDEN_DIR

PAGE = (GOLDEN_DIR / "aggregator_text" / "compact_shared_intervention_NCT09000101.txt").read_text(encoding="utf-8")
SEED_002 = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_text(encoding="utf-8")

ALONE_TEXT = "Tacrolimus 0.1% ointment twice daily for 24 weeks."
BOTH_TEXT = "Tacrolimus 0.1% ointment twice daily with oral methotrexate weekly for 24 weeks."
OBSERVED_TEXT = "Participants who decline treatment are followed with the same visits."
OINTMENT_TEXT = "Tacrolimus 0.1% ointment applied twice daily to each lesion."
METHOTREXATE_TEXT = "Oral methotrexate 15 mg/m2 once weekly, with folic acid."
LINKS = [("Tacrolimus alone", ["Tacrolimus ointment"]),
         ("Tacrolimus and methotrexate", ["Tacrolimus ointment", "Methotrexate"]), ("Untreated observation", [])]


def _without(text: str, *lines: str) -> str:
    """The page with every occurrence of these lines taken out, as the site shows a value the record lacks."""
    for line in lines:
        assert f"\n{line}\n" in text
        text = text.replace(f"\n{line}\n", "\n")
    return text


def _read(text: str) -> tuple[dict, list[tuple[str, str]]]:
    parsed = aggregator_text.parse(text.encode())
    (record,) = parsed.records
    return record.tables, [(problem.reason, problem.detail) for problem in parsed.problems]


def _arms(tables: dict) -> list[tuple[str, str | None]]:
    return [(row["title"], row["description"]) for row in tables.get("design_groups", [])]


def _links(tables: dict) -> list[tuple[str, list[str]]]:
    return [(row["title"], [link["intervention"] for link in tables.get("design_group_interventions", [])
                            if link["design_group"] == row["title"]]) for row in tables.get("design_groups", [])]


def _interventions(tables: dict) -> list[tuple[str, str | None]]:
    return [(row["name"], row["description"]) for row in tables.get("interventions", [])]


# Study Groups and Interventions ------------------------------------------------------------------------


def test_an_intervention_without_description_keeps_the_later_arms_and_their_links():
    tables, problems = _read(_without(PAGE, METHOTREXATE_TEXT))
    assert _arms(tables) == [("Tacrolimus alone", ALONE_TEXT), ("Tacrolimus and methotrexate", BOTH_TEXT),
                             ("Untreated observation", OBSERVED_TEXT)]
    assert _links(tables) == LINKS
    assert _interventions(tables) == [("Tacrolimus ointment", OINTMENT_TEXT), ("Methotrexate", None)]
    assert problems == []


@pytest.mark.parametrize("missing, title", [(ALONE_TEXT, "Tacrolimus alone"),
                                            (BOTH_TEXT, "Tacrolimus and methotrexate")],
                         ids=["first-arm", "arm-with-two-interventions"])
def test_an_arm_without_description_keeps_its_title_and_interventions(missing, title):
    tables, problems = _read(_without(PAGE, missing))
    expected = [("Tacrolimus alone", ALONE_TEXT), ("Tacrolimus and methotrexate", BOTH_TEXT),
                ("Untreated observation", OBSERVED_TEXT)]
    assert _arms(tables) == [(name, None if name == title else text) for name, text in expected]
    assert _links(tables) == LINKS
    assert _interventions(tables) == [("Tacrolimus ointment", OINTMENT_TEXT), ("Methotrexate", METHOTREXATE_TEXT)]
    assert problems == []


def test_the_last_arm_without_description_or_intervention_reads_as_before():
    tables, problems = _read(_without(PAGE, OBSERVED_TEXT))
    assert _arms(tables)[-1] == ("Untreated observation", None)
    assert _links(tables) == LINKS
    assert problems == []


def test_an_arm_and_an_intervention_without_description():
    tables, problems = _read(_without(PAGE, BOTH_TEXT, METHOTREXATE_TEXT))
    assert _arms(tables) == [("Tacrolimus alone", ALONE_TEXT), ("Tacrolimus and methotrexate", None),
                             ("Untreated observation", OBSERVED_TEXT)]
    assert _links(tables) == LINKS
    assert _interventions(tables) == [("Tacrolimus ointment", OINTMENT_TEXT), ("Methotrexate", None)]
    assert problems == []


def test_interventions_none_of_which_has_a_description_are_not_read_as_name_and_description():
    tables, problems = _read(_without(PAGE, OINTMENT_TEXT, METHOTREXATE_TEXT))
    assert _links(tables) == LINKS
    assert _interventions(tables) == [("Tacrolimus ointment", None), ("Methotrexate", None)]
    assert problems == []


BARICITINIB_TEXT = "Orally take Baricitinib 4mg everyday for 48 weeks"
CYCLOPHOSPHAMIDE_TEXT = next(line for line in SEED_002.splitlines() if line.startswith("Subject received"))


def test_seed_002_with_an_intervention_without_description():
    tables, problems = _read(_without(SEED_002, BARICITINIB_TEXT))
    assert _links(tables) == [("Baricitinib 4mg", ["Baricitinib"]), ("Cyclophosphamide", ["Cyclophosphamide"])]
    assert _interventions(tables) == [("Baricitinib", None), ("Cyclophosphamide", CYCLOPHOSPHAMIDE_TEXT)]
    assert problems == []


def test_seed_002_with_an_arm_without_description():
    tables, problems = _read(_without(SEED_002, "4mg of oral Baricitinib everyday for 48 weeks."))
    assert _arms(tables) == [("Baricitinib 4mg", None), ("Cyclophosphamide", CYCLOPHOSPHAMIDE_TEXT)]
    assert _links(tables) == [("Baricitinib 4mg", ["Baricitinib"]), ("Cyclophosphamide", ["Cyclophosphamide"])]
    assert _interventions(tables) == [("Baricitinib", BARICITINIB_TEXT),
                                      ("Cyclophosphamide", CYCLOPHOSPHAMIDE_TEXT)]
    assert problems == []


def test_a_short_line_that_could_be_a_name_or_a_description_is_a_load_problem_not_a_guess():
    # with Methotrexate's description missing, 'Twice daily' may be Tacrolimus ointment's description or an
    # intervention of its own listed after it: nothing on the page tells
    page = _without(PAGE, METHOTREXATE_TEXT).replace(OINTMENT_TEXT, "Twice daily")
    tables, problems = _read(page)
    assert [reason for reason, _ in problems] == [UNDECIDED]
    assert "interventions and their links not read" in problems[0][1]
    assert "interventions" not in tables and "design_group_interventions" not in tables
    assert _arms(tables) == [("Tacrolimus alone", ALONE_TEXT), ("Tacrolimus and methotrexate", BOTH_TEXT),
                             ("Untreated observation", OBSERVED_TEXT)]


def test_a_short_description_on_a_page_that_gives_every_description_is_read_as_before():
    tables, problems = _read(PAGE.replace(OINTMENT_TEXT, "Twice daily"))
    assert _links(tables) == LINKS
    assert _interventions(tables) == [("Tacrolimus ointment", "Twice daily"), ("Methotrexate", METHOTREXATE_TEXT)]
    assert problems == []


def test_the_whole_page_reads_as_before():
    tables, problems = _read(PAGE)
    assert _links(tables) == LINKS
    assert _interventions(tables) == [("Tacrolimus ointment", OINTMENT_TEXT), ("Methotrexate", METHOTREXATE_TEXT)]
    assert problems == []


def test_an_arm_named_like_an_intervention_no_arm_lists_stays_an_arm():
    page = PAGE.replace(f"Untreated observation\n{OBSERVED_TEXT}\n", "Methotrexate\nMethotrexate only if needed.\n")
    tables, problems = _read(page)
    assert _arms(tables)[-1] == ("Methotrexate", "Methotrexate only if needed.")
    assert problems == []


@pytest.mark.parametrize("line, sentence, short", [
    ("Oral methotrexate 15 mg/m2 once weekly, with folic acid.", True, False),
    ("Participants receive drug X (10 mg).", True, False), ('He said "take it daily."', True, False),
    ("x" * 101, True, False), ("Orally take Baricitinib 4mg everyday for 48 weeks", False, False),
    ("Tacrolimus ointment", False, True), ("Matching placebo", False, True), ("Placebo.", False, True),
    ("Standard of care", False, True), ("", False, True),
])
def test_what_reads_as_a_sentence_and_what_as_short_as_a_name(line, sentence, short):
    assert (is_sentence(line), is_short(line)) == (sentence, short)


# Basic Information dates ----------------------------------------------------------------------------------


def _dates(text: str) -> tuple:
    study = _read(text)[0]["studies"][0]
    return study["start_month_year"], study["primary_completion_month_year"], study["completion_month_year"]


def test_three_bare_dates_are_start_primary_completion_and_completion():
    page = PAGE.replace("2025-01-15\n2027-06\n", "2025-01-15\n2026-12\n2027-06\n")
    assert _dates(page) == ("2025-01-15", "2026-12", "2027-06")


def test_two_bare_dates_read_as_before():
    assert _dates(PAGE) == ("2025-01-15", None, "2027-06")


def test_one_bare_date_is_refused_as_start_and_as_completion():
    # Older records give a start date alone or a completion date alone: one bare date may be either.
    page = PAGE.replace("2025-01-15\n2027-06\n", "2019-05\n")
    tables, problems = _read(page)
    study = tables["studies"][0]
    assert (study["start_date"], study["completion_date"]) == (
        Refused("2019-05", "a date told apart from the completion date (the page shows one date, which may be either)"),
        Refused("2019-05", "a date told apart from the start date (the page shows one date, which may be either)"))
    assert (study["start_month_year"], study["completion_month_year"]) == (None, None)
    assert [reason for reason, _ in problems] == ["unreadable value: a start or completion date undecided"]
