"""Input layouts: one module per layout, each exposing LAYOUT, sniff(head) and parse(raw).

A new layout is one module here and one line in PARSERS.
"""
from __future__ import annotations

from types import ModuleType

from flows.parsers import aggregator_text, ctgov_classic_text, ctgov_json_v2, ctgov_xml, summary_text
from flows.parsers.model import Parsed, Problem, StudyRecord

PARSERS: tuple[ModuleType, ...] = (
    ctgov_json_v2,
    ctgov_xml,
    ctgov_classic_text,
    aggregator_text,
    summary_text,
)
# How many leading bytes sniff() sees.
HEAD_BYTES = 8192


def claimants(head: bytes) -> list[ModuleType]:
    """Every parser whose sniff() claims this head; exactly one for a well-formed input."""
    return [parser for parser in PARSERS if parser.sniff(head)]


__all__ = ["PARSERS", "HEAD_BYTES", "claimants", "Parsed", "Problem", "StudyRecord"]
