"""Input layouts: one module per layout, each exposing LAYOUT, sniff(head) and parse(raw).

A new layout is one module here and one line in PARSERS. The order of PARSERS is the
layouts' precedence: when two sources of one study are equally recent, the earlier wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from flows.parsers import aggregator_text, ctgov_classic_text, ctgov_json_v2, ctgov_xml, summary_text
from flows.parsers.model import Parsed, Problem, StudyRecord


@dataclass(frozen=True)
class LayoutEntry:
    """One input layout: its parser module and whether it is the registry's own record or a republished page."""

    module: ModuleType
    registry: bool

    @property
    def layout(self) -> str:
        """The layout id (the module's LAYOUT)."""
        return self.module.LAYOUT

    @property
    def carries(self) -> frozenset[str] | None:
        """The fields ('table.column', or 'table' for all its columns) this layout's pages can show; None = all."""
        return getattr(self.module, "CARRIES", None)

    def shows(self, field: str) -> bool:
        """Whether pages of this layout can show `field` ('table.column' or a bare table name)."""
        carried = self.carries
        return carried is None or field in carried or field.partition(".")[0] in carried


PARSERS: tuple[LayoutEntry, ...] = (
    LayoutEntry(ctgov_json_v2, registry=True),
    LayoutEntry(ctgov_xml, registry=True),
    LayoutEntry(ctgov_classic_text, registry=False),
    LayoutEntry(aggregator_text, registry=False),
    LayoutEntry(summary_text, registry=False),
)
LAYOUT_IDS: tuple[str, ...] = tuple(entry.layout for entry in PARSERS)
REGISTRY_LAYOUTS: tuple[str, ...] = tuple(entry.layout for entry in PARSERS if entry.registry)
# How many leading bytes sniff() sees: a page's identifying lines may follow a brief summary of up to 5,000
# characters (three bytes each in some scripts) and a long official title.
HEAD_BYTES = 65536


def entry_for(layout: str) -> LayoutEntry:
    """The PARSERS entry of a layout id (KeyError for an unknown id)."""
    for entry in PARSERS:
        if entry.layout == layout:
            return entry
    raise KeyError(f"unknown layout {layout!r}; known: {', '.join(LAYOUT_IDS)}")


def claimants(head: bytes) -> list[ModuleType]:
    """Every parser module whose sniff() claims this head; exactly one for a well-formed input."""
    return [entry.module for entry in PARSERS if entry.module.sniff(head)]


__all__ = ["PARSERS", "LAYOUT_IDS", "REGISTRY_LAYOUTS", "HEAD_BYTES", "LayoutEntry", "claimants", "entry_for",
           "Parsed", "Problem", "StudyRecord"]
