"""PARSERS is the one declaration of the layouts: every other list of layouts agrees with it."""
from __future__ import annotations

import pytest

from checks import cross_source_versions
from flows.parsers import LAYOUT_IDS, PARSERS, REGISTRY_LAYOUTS, entry_for
from schemas import enums


def test_schema_layouts_are_the_parsers_in_precedence_order():
    assert enums.LAYOUTS == LAYOUT_IDS


def test_precedence_ranks_an_earlier_parser_higher():
    ranks = [enums.LAYOUT_PRECEDENCE[layout] for layout in LAYOUT_IDS]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks)


def test_registry_and_republished_layouts_come_from_the_entries():
    assert REGISTRY_LAYOUTS == ("ctgov_json_v2", "ctgov_xml")
    assert tuple(cross_source_versions.REGISTRY_LAYOUTS) == REGISTRY_LAYOUTS
    assert tuple(cross_source_versions.REPUBLISHED_LAYOUTS) == tuple(
        entry.layout for entry in PARSERS if not entry.registry)


def test_every_registry_layout_outranks_every_republished_one():
    last_registry = max(LAYOUT_IDS.index(layout) for layout in REGISTRY_LAYOUTS)
    assert all(LAYOUT_IDS.index(e.layout) > last_registry for e in PARSERS if not e.registry)


def test_a_layout_without_a_declaration_carries_everything():
    assert entry_for("ctgov_json_v2").carries is None
    assert entry_for("ctgov_xml").carries is None


def test_text_layouts_declare_what_they_carry():
    summary = entry_for("summary_text")
    assert summary.shows("studies.overall_status") and summary.shows("eligibilities.gender")
    assert not summary.shows("eligibilities.criteria") and not summary.shows("design_outcomes.measure")
    assert entry_for("aggregator_text").shows("conditions.name")
    assert not entry_for("aggregator_text").shows("design_outcomes")
    assert entry_for("ctgov_classic_text").shows("design_outcomes.measure")
    assert entry_for("ctgov_json_v2").shows("design_outcomes.measure")


@pytest.mark.parametrize("entry", [e for e in PARSERS if e.carries is not None], ids=lambda e: e.layout)
def test_declared_fields_name_warehouse_tables_and_columns(entry):
    from schemas import MODELS

    for field in entry.carries:
        table, _, column = field.partition(".")
        assert table in MODELS, field
        assert not column or column in MODELS[table].to_schema().columns, field


def test_an_unknown_layout_id_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown layout 'nope'"):
        entry_for("nope")
