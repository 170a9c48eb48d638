"""meddatax compact pages: arms that each list the same short lines together ('docetaxel' then 'estramustine'), which
the page shows alike for one intervention and its one-word description or for two interventions without descriptions.
The interventions and links are a load problem (the arms' titles and descriptions read alike either way and are loaded);
and a copy saved as text at a fixed width without a print's header or footer, whose wrapped lines are weighed as a
print's. Each beside pages whose lines tell and read as before."""
from __future__ import annotations

import textwrap

from flows.parsers.aggregator_text import compact_arms
from tests.parsers.test_aggregator_armless_interventions_and_lone_other import (_ARMS_TABLES, _arms, _compact_page,
                                                                             _entries)

_GROUPS = ["Docetaxel and Estramustine", "Estramustine by mouth, docetaxel into a vein; every 21 days.",
           "docetaxel", "estramustine", "Mitoxantrone and Prednisone",
           "Mitoxantrone into a vein, prednisone by mouth; every 21 days.", "mitoxantrone", "prednisone"]


def test_arms_listing_short_lines_together_leave_the_interventions_undecided():
    tables, problems = _arms(_compact_page(_GROUPS, ["docetaxel", "estramustine", "mitoxantrone", "prednisone"]))
    assert problems == [compact_arms.UNDECIDED]
    assert [(row["title"], row["description"]) for row in tables["design_groups"]] == [
        (_GROUPS[0], _GROUPS[1]), (_GROUPS[4], _GROUPS[5])]
    assert tables["interventions"] is None and tables["design_group_interventions"] is None


def test_arms_listing_names_with_their_sentences_read_as_before():
    groups = [_GROUPS[0], _GROUPS[1], "docetaxel", "Given into a vein.", _GROUPS[4], _GROUPS[5], "mitoxantrone",
              "Given into a vein."]
    lines = ["docetaxel", "Given into a vein.", "mitoxantrone", "Given into a vein."]
    tables, problems = _arms(_compact_page(groups, lines))
    assert problems == []
    assert _entries(tables) == [("docetaxel", "Given into a vein."), ("mitoxantrone", "Given into a vein.")]
    assert [(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]] == [
        (_GROUPS[0], "docetaxel"), (_GROUPS[4], "mitoxantrone")]
    assert set(tables) == set(_ARMS_TABLES)


# A copy saved as text at a fixed width ------------------------------------------------------------------------------

_DOSE = "Daily subcutaneous injections, dose 37.5 IU or 75 IU, start on day 2 of the menstrual cycle until ovulation"


def _saved(text: str, width: int) -> str:
    """The page saved as text at `width` columns, no print's header or footer: each longer line wrapped between
    words."""
    return "\n".join(part for line in text.split("\n")
                     for part in (textwrap.wrap(line, width, break_long_words=False) if len(line) > width else [line]))


def test_a_copy_saved_at_80_columns_does_not_read_a_wrapped_description_s_end_as_an_intervention():
    page = _compact_page(["Gonadotrophins", "human menopausal gonadotrophins", _DOSE],
                         ["human menopausal gonadotrophins", _DOSE])
    tables, _ = _arms(_saved(page, 80))
    names = [row["name"] for row in tables["interventions"] or []]
    assert "menstrual cycle until ovulation" not in names
    assert tables["interventions"] is None or names == ["human menopausal gonadotrophins"]


def test_the_same_page_unwrapped_reads_as_before():
    page = _compact_page(["Gonadotrophins", "human menopausal gonadotrophins", _DOSE],
                         ["human menopausal gonadotrophins", _DOSE])
    tables, problems = _arms(page)
    assert problems == [] and _entries(tables) == [("human menopausal gonadotrophins", _DOSE)]
    assert [(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]] == [
        ("Gonadotrophins", "human menopausal gonadotrophins")]
