"""The golden pages that the page-variant tests change (one of each text layout's forms), and the reading of a
variant: the one study's tables and its problems' reasons."""
from __future__ import annotations

from flows.parsers import aggregator_text, ctgov_classic_text, summary_text
from flows.parsers.aggregator_text import compact_arms
from flows.parsers.model import StudyRecord
from tests.parsers.golden import GOLDEN_DIR

CLASSIC = (GOLDEN_DIR / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
CLASSIC_OTHER = (GOLDEN_DIR / "ctgov_classic_text" / "001_NCT05792462.txt").read_text(encoding="utf-8")
LABELLED = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")
COMPACT = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_text(encoding="utf-8")
SUMMARY = (GOLDEN_DIR / "summary_text" / "003_NCT04966884.txt").read_text(encoding="utf-8")
SUMMARY_KEYS = (GOLDEN_DIR / "summary_text" / "study_design_filled_NCT09000301.txt").read_text(encoding="utf-8")
# Each page's reader, by the page (the same text object).
LAYOUTS = {id(CLASSIC): ctgov_classic_text, id(CLASSIC_OTHER): ctgov_classic_text, id(LABELLED): aggregator_text,
           id(COMPACT): aggregator_text, id(SUMMARY): summary_text, id(SUMMARY_KEYS): summary_text}


def read_variant(page: str, base: str) -> tuple[dict, list[str]]:
    """The one study's tables of a variant of the golden page `base`, and its problems' reasons."""
    parsed = LAYOUTS[id(base)].parse(page.encode("utf-8"))
    assert len(parsed.records) == 1, parsed.problems
    return parsed.records[0].tables, [problem.reason for problem in parsed.problems]


# Each golden page's tables as its reader reads them, by the page.
AS_SHOWN = {id(base): read_variant(base, base)[0] for base in (CLASSIC, LABELLED, COMPACT, SUMMARY, SUMMARY_KEYS)}


def same_study(page: str, base: str) -> None:
    """The variant reads as its golden page does, with no problem."""
    tables, problems = read_variant(page, base)
    assert tables == AS_SHOWN[id(base)] and problems == []


def all_but(page: str, base: str, *changed: str) -> dict:
    """The variant's tables, every table but `changed` as the golden page's, and no problem."""
    tables, problems = read_variant(page, base)
    shown = AS_SHOWN[id(base)]
    assert problems == [] and {name: rows for name, rows in tables.items() if name not in changed} == {
        name: rows for name, rows in shown.items() if name not in changed}
    return tables


def compact_read(groups: list[str], interventions: list[str], width: int | None = None):
    """A compact meddatax page's Study Groups and Interventions lines as read: (arms as (title, description),
    interventions as (name, description), links as (group, intervention), problems' reasons)."""
    record = StudyRecord("NCT00000001", {"studies": [{}]})
    problems = compact_arms.read_into(record, groups, interventions, width)
    tables = record.tables
    arms = [(row["title"], row["description"]) for row in tables.get("design_groups", [])]
    entries = [(row["name"], row["description"]) for row in tables.get("interventions", [])]
    links = [(row["design_group"], row["intervention"]) for row in tables.get("design_group_interventions", [])]
    return arms, entries, links, [problem.reason for problem in problems]
