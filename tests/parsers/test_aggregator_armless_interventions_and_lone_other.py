"""meddatax compact pages of older registry records: interventions registered without arm groups, often without
descriptions, and observational designs that give OTHER alone. Where no arm repeats an intervention's lines and the
page cannot tell a name from a description, or OTHER's column, the value is a load problem, not a guess. Each beside
a page that reads as before."""
from __future__ import annotations

from flows.parsers.aggregator_text import CHROME, compact_arms
from flows.parsers.aggregator_text.design import UNDECIDED_OBSERVATIONAL
from tests.parsers.test_aggregator_wrapped_titles_ages_and_party import SEED_002, SEED_004, _read, _replaced

_ARMS_TABLES = ("design_groups", "interventions", "design_group_interventions")


def _compact_page(groups: list[str], interventions: list[str]) -> str:
    """The compact seed page with these Study Groups and Interventions lines."""
    top = f"Study Groups\n{CHROME['Study Groups']}\n"
    start = SEED_002.index(top) + len(top)
    middle = f"Interventions\n{CHROME['Interventions']}\n"
    between = SEED_002.index(middle, start)
    end = SEED_002.index("Other Intervention Names\n", between)
    return (SEED_002[:start] + "".join(f"{line}\n" for line in groups) + middle
            + "".join(f"{line}\n" for line in interventions) + SEED_002[end:])


def _arms(page: str) -> tuple[dict, list[str]]:
    tables, problems = _read(page)
    return {name: tables.get(name) for name in _ARMS_TABLES}, [reason for reason, _ in problems]


def _entries(tables: dict) -> list[tuple[str, str | None]]:
    return [(row["name"], row["description"]) for row in tables["interventions"]]


# Interventions without arms ---------------------------------------------------------------------------------------

def test_without_arms_a_short_line_below_a_name_may_be_the_next_name_and_the_interventions_are_a_problem():
    tables, problems = _arms(_compact_page([], ["Antihistamine", "Corticosteroid"]))
    assert problems == [compact_arms.UNDECIDED]  # one intervention and its description, or two without one
    assert tables == dict.fromkeys(_ARMS_TABLES)
    tables, problems = _arms(_compact_page([], ["Exercise training", "Diet, fat-restricted", "Usual care", "Walking"]))
    assert problems == [compact_arms.UNDECIDED] and tables["interventions"] is None


def test_without_arms_a_sentence_below_a_name_is_its_description_as_before():
    lines = ["Antihistamine", "One tablet by mouth each morning.", "Corticosteroid", "Nasal spray twice a day."]
    tables, problems = _arms(_compact_page([], lines))
    assert problems == []
    assert _entries(tables) == [("Antihistamine", "One tablet by mouth each morning."),
                                ("Corticosteroid", "Nasal spray twice a day.")]
    assert tables["design_groups"] is None and tables["design_group_interventions"] is None
    # a short line that ends a sentence describes, as before
    tables, problems = _arms(_compact_page([], ["Drug X", "A pill."]))
    assert problems == [] and _entries(tables) == [("Drug X", "A pill.")]


def test_with_arms_that_list_them_the_same_short_lines_read_as_before():
    groups = ["Antihistamine arm", "Antihistamine", "Corticosteroid", "Steroid arm", "Steroid", "Corticosteroid"]
    tables, problems = _arms(_compact_page(groups, ["Antihistamine", "Corticosteroid", "Steroid", "Corticosteroid"]))
    assert problems == []
    assert _entries(tables) == [("Antihistamine", "Corticosteroid"), ("Steroid", "Corticosteroid")]
    assert [(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]] == [
        ("Antihistamine arm", "Antihistamine"), ("Steroid arm", "Steroid")]


# An observational design's lone OTHER -----------------------------------------------------------------------------

def _observational(design_lines: list[str]) -> tuple[dict | None, list[tuple[str, str]]]:
    """The compact seed page as an observational study's, with these bare Study Design values."""
    page = _replaced(SEED_002, "INTERVENTIONAL\n", "OBSERVATIONAL\n")
    page = _replaced(page, "NON_RANDOMIZED\nPARALLEL\nTREATMENT\nNONE\n", "".join(f"{line}\n" for line in design_lines))
    tables, problems = _read(page)
    return (tables.get("designs") or [None])[0], [problem for problem in problems if "Study Design" in problem[1]]


def test_an_observational_design_s_lone_bare_other_may_be_model_or_time_perspective_and_is_a_problem():
    design, problems = _observational(["OTHER"])
    assert design is None
    assert problems == [(UNDECIDED_OBSERVATIONAL, "'Study Design': 'OTHER' alone may be the observational model or "
                         "the time perspective, and the page does not say which; neither is read")]


def test_an_observational_design_s_other_beside_another_value_reads_as_before():
    design, problems = _observational(["OTHER", "PROSPECTIVE"])
    assert problems == [] and (design["observational_model"], design["time_perspective"]) == ("OTHER", "PROSPECTIVE")
    design, problems = _observational(["COHORT", "OTHER"])
    assert problems == [] and (design["observational_model"], design["time_perspective"]) == ("COHORT", "OTHER")
    design, problems = _observational(["PROSPECTIVE"])
    assert problems == [] and (design["observational_model"], design["time_perspective"]) == (None, "PROSPECTIVE")
    labelled = _replaced(SEED_004, "Study Classification\n\nINTERVENTIONAL", "Study Classification\n\nOBSERVATIONAL")
    start = labelled.index("Allocation Method")
    labelled = labelled[:start] + "Observational Model\n\nOTHER\n\n" + labelled[labelled.index("Study Groups\n"):]
    tables, problems = _read(labelled)
    assert tables["designs"][0]["observational_model"] == "OTHER" and tables["designs"][0]["time_perspective"] is None
    assert UNDECIDED_OBSERVATIONAL not in [reason for reason, _ in problems]
