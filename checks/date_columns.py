"""The date columns of `studies` as partial dates, and the shape of a date rule's SELECT."""
from __future__ import annotations

from checks.partial_dates import PartialDate, column, typed_text
from checks.rule import Rule
from checks.sql_text import literal
from schemas.enums import OPEN_STATUSES

CATEGORY = "date_anomaly"
# Only these three dates carry a type (ACTUAL or ESTIMATED) in the registry.
TYPED = ("start_date", "primary_completion_date", "completion_date")
LABELS = {
    "start_date": "start", "primary_completion_date": "primary completion",
    "completion_date": "completion", "study_first_posted_date": "first posted",
    "last_update_posted_date": "last update posted", "verification_date": "verification",
}
# ClinicalTrials.gov posted its first records in September 1999: nothing was registered earlier.
REGISTRY_OPENED = "DATE '1999-09-01'"
OPEN = f"s.overall_status IN ({', '.join(literal(s) for s in OPEN_STATUSES)})"


def date_of(name: str) -> PartialDate:
    """The partial date held in column `name` of `studies s`."""
    return column(name, "s")


def shown(name: str) -> str:
    """SQL text of a studies date at its own precision, with its type when it has one."""
    date = date_of(name)
    return typed_text(date, f"s.{name}_type") if name in TYPED else date.text


def select(message: str, evidence: str, where: str, fields: tuple[str, ...] = (),
           joins: str = "") -> str:
    """A rule SELECT over `studies s` (plus `joins`); `fields` overrides the rule's fields."""
    listed = f", [{', '.join(literal(f) for f in fields)}] AS fields" if fields else ""
    return (f"SELECT s.nct_id, {message} AS message, {evidence} AS evidence{listed} "
            f"FROM studies s {joins} WHERE {where}")


def rule(name: str, severity: str, rationale: str, fields: tuple[str, ...], sql: str) -> Rule:
    """A rule of the dates family."""
    return Rule(id=f"dates.{name}", category=CATEGORY, severity=severity,
                rationale=rationale, fields=fields, sql=sql)
