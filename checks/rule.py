"""A quality rule: identity, category, severity, rationale, and how it finds offending rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

import duckdb

from checks.scoped_tables import IN_SCOPE
from checks.sql_text import literal

CATEGORIES = ("missing_field", "date_anomaly", "contradiction", "invalid_value")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One offending study found by a rule; `fields` and `severity` default to the rule's."""

    nct_id: str
    message: str
    evidence: str = ""
    fields: tuple[str, ...] | None = None
    severity: str | None = None


@dataclass
class CheckScope:
    """What a function rule is given: the studies in the temp table `check_scope(nct_id)`,
    the reference date, and reads that rules of one scope share (filled by `shared`)."""

    as_of: date
    nct_ids: frozenset[str] = frozenset()
    cache: dict = field(default_factory=dict)

    def shared(self, key: tuple, compute: Callable[[], object]):
        """The value under `key`, computed once per scope by `compute()`."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def of(self, nct_ids=()) -> "CheckScope":
        """The same scope (date and shared reads) kept to `nct_ids`: a rule reads further only the studies a first
        read leaves."""
        return CheckScope(self.as_of, frozenset(nct_ids), self.cache)


@dataclass
class CheckResult:
    """What a check run found: issues per rule, and rules that failed to run."""

    issues: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    failed_rules: dict[str, str] = field(default_factory=dict)
    seconds_by_rule: dict[str, float] = field(default_factory=dict)
    studies: int = 0


# A function rule reads the warehouse (joined to the temp table `check_scope(nct_id)`)
# and yields findings. It receives the connection and the scope (as_of, shared reads).
RuleFunction = Callable[[duckdb.DuckDBPyConnection, CheckScope], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One entry of a rule family.

    `sql` is a SELECT returning columns nct_id, message, evidence (and optionally fields
    VARCHAR[] and severity, for a finding that differs from the rule's); it may use the
    named parameter $as_of (and those `params()` gives). The engine keeps only rows whose
    nct_id is in the run's scope, so a rule never needs to know which studies were loaded.
    """

    id: str
    category: str
    severity: str
    rationale: str
    fields: tuple[str, ...]
    sql: str | None = None
    func: RuleFunction | None = field(default=None, compare=False)
    # True when `func` reads the warehouse only through checks.study_text's shared scope reads: the
    # engine then reads once in the run's process and evaluates it in worker processes, part of the
    # scope each (see checks/rule_workers.py).
    in_worker: bool = False
    # True when the rule reads studies other than the one it flags (a record's statements about
    # another study): it always reads the whole warehouse, never the scoped copies (see checks/scoped_tables.py).
    reads_other_studies: bool = False
    # True when the rule flags what a record does not give (a field, a link, results): a field-selected extract
    # (flows.parsers.model.FIELD_SELECTED) may leave it out of a record that has it, so the engine drops the rule's
    # findings on such a study. None: as the category says (`missing_field` rules do).
    judges_absence: bool | None = None
    # Named parameters of `sql` besides $as_of, computed when the rule runs (settings read then).
    params: Callable[[], dict] | None = field(default=None, compare=False)

    @property
    def absence_judged(self) -> bool:
        """Whether the rule's findings on a field-selected extract are dropped (see `judges_absence`)."""
        return self.category == "missing_field" if self.judges_absence is None else self.judges_absence

    def __post_init__(self) -> None:
        if "." not in self.id:
            raise ValueError(f"rule id {self.id!r} must be family.rule")
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: unknown severity {self.severity!r}")
        if (self.sql is None) == (self.func is None):
            raise ValueError(f"rule {self.id}: give exactly one of sql or func")
        if self.params is not None and self.sql is None:
            raise ValueError(f"rule {self.id}: only a SQL rule takes parameters")
        if self.in_worker and self.func is None:
            raise ValueError(f"rule {self.id}: only a function rule runs in a worker")
        if self.in_worker and self.reads_other_studies:
            raise ValueError(f"rule {self.id}: a worker reads only its own studies' rows")

    @property
    def family(self) -> str:
        """The family part of the id: 'dates' for 'dates.start_after_completion'."""
        return self.id.split(".", 1)[0]


def current_extracts_sql(studies: str) -> str:
    """SQL: (nct_id, sha256, detail) of the scoped studies whose current version, as the table `studies` holds it,
    is a field-selected extract (flows.parsers.model.FIELD_SELECTED). Rules that judge absence skip them
    (`Rule.judges_absence`, checks.rule_findings), and missing_fields.field_selected_extract says so."""
    from flows.parsers.model import FIELD_SELECTED  # here: the command's start loads no parser

    return (f"SELECT DISTINCT p.nct_id, p.sha256, p.detail FROM meta.load_problems p JOIN {studies} s "
            f"ON s.nct_id = p.nct_id AND s.source_sha256 = p.sha256 "
            f"WHERE p.reason = {literal(FIELD_SELECTED)} AND p.{IN_SCOPE}")
