"""Texts of one table read are made once per scope and shared by every field list that reads them alike."""
from __future__ import annotations

from checks.check_scope import set_scope
from checks.study_text import texts_by_study
from tests.checks import harness


def _warehouse(tmp_path):
    first, second = harness.clean_study(), harness.clean_study()
    second["brief_summaries"] = [{"description": "   "}]  # blank: no text
    second["detailed_descriptions"] = [{"description": "Open label, one arm."}]
    return harness.warehouse_with(tmp_path, {"NCT00000001": first, "NCT00000002": second})


def test_field_lists_share_the_texts_of_a_table_and_keep_their_order(tmp_path):
    con = _warehouse(tmp_path)
    scope = set_scope(con, None, harness.AS_OF)
    narrative = texts_by_study(con, scope, ("brief_summaries.description", "detailed_descriptions.description"))
    titled = texts_by_study(con, scope, ("studies.brief_title", "detailed_descriptions.description",
                                         "studies.official_title", "brief_summaries.description"))
    assert [t.field for t in narrative["NCT00000001"]] == [
        "brief_summaries.description", "detailed_descriptions.description"]
    assert [t.field for t in narrative["NCT00000002"]] == ["detailed_descriptions.description"]
    # Table by table in the order named, columns in the order named within a table.
    assert [t.field for t in titled["NCT00000001"]] == [
        "studies.brief_title", "studies.official_title", "detailed_descriptions.description",
        "brief_summaries.description"]
    shared = [t for t in titled["NCT00000001"] if t.field.startswith(("detailed", "brief_summaries"))]
    assert all(any(t is n for n in narrative["NCT00000001"]) for t in shared)  # the same objects, memo and all
    assert list(narrative) == ["NCT00000001", "NCT00000002"]


def test_a_value_is_text_when_strip_would_leave_something():
    # `not value.isspace()` on a non-empty string (the read's test) says what `value.strip()` says, for every
    # character (the same white space), alone and beside a letter; empty strings and None are no text.
    for code in range(0x110000):
        char = chr(code)
        for value in (char, char * 3, f"{char}a{char}"):
            assert bool(value and not value.isspace()) is bool(value.strip())
    assert not ("" and not "".isspace())


def test_blank_and_missing_texts_are_not_read(tmp_path):
    study = harness.clean_study()
    study["brief_summaries"] = [{"description": "\u2003\n\t "}]  # Unicode white space only
    study["detailed_descriptions"] = [{"description": " \u00a0Open label.\u00a0 "}]
    con = harness.warehouse_with(tmp_path, {"NCT00000001": study})
    scope = set_scope(con, None, harness.AS_OF)
    texts = texts_by_study(con, scope, ("brief_summaries.description", "detailed_descriptions.description"))
    assert [(t.field, t.text) for t in texts["NCT00000001"]] == [
        ("detailed_descriptions.description", " \u00a0Open label.\u00a0 ")]


def test_some_studies_texts_are_those_every_study_read_gives(tmp_path):
    from checks.study_text import texts_of_studies

    con = _warehouse(tmp_path)
    fields = ("studies.official_title", "brief_summaries.description", "detailed_descriptions.description",
              "designs.intervention_model_description")
    plain = {n: [t.text for t in found] for n, found in texts_by_study(con, set_scope(con, None, harness.AS_OF),
                                                                          fields).items()}
    # Read alone (no table's texts made yet), and after another field list made some tables' texts.
    for made_first in ((), ("brief_summaries.description", "studies.official_title")):
        scope = set_scope(con, None, harness.AS_OF)
        if made_first:
            texts_by_study(con, scope, made_first)
        for wanted in (["NCT00000002"], ["NCT00000001", "NCT00000002"], [], ["NCT09999999"]):
            got = texts_of_studies(con, scope, fields, wanted)
            assert got == {n: plain[n] for n in wanted if n in plain}, (made_first, wanted)
    # The blank summary of the second study is no text; its detailed description is.
    assert "Open label, one arm." in plain["NCT00000002"]
    assert "   " not in plain["NCT00000002"]
