"""clincosm header numbers: which derived value each bare number under 'Collaborator' is.

The full header is enrollment, sites, arms, duration in months, patients per site (only when
sites > 1), patients per site per month. clincosm leaves out what it cannot compute (no
enrollment, no dates), so a shorter header is read by finding which of these it shows: the
assignment whose numbers agree with each other and with the page is taken.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from flows.parsers.model import Problem

FIELDS = ("enrollment", "sites", "arms", "duration_months", "patients_per_site", "patients_per_site_per_month")
_WHOLE = ("enrollment", "sites", "arms")
# clincosm rounds the derived values to one decimal.
_ROUNDING = 0.051


def read_header(values: list[float], known: dict[str, int | None],
                nct_id: str | None = None) -> tuple[dict | None, list[Problem]]:
    """The page_header_metrics row of the header numbers, and problems (never a refusal of what reads)."""
    if not values:
        return None, []
    if len(values) > len(FIELDS):
        return None, [Problem("clincosm header numbers unreadable",
                              f"expected at most {len(FIELDS)} numbers after 'Collaborator', found {len(values)}",
                              nct_id)]
    scored = [(_score(row, known), row) for row in _assignments(values)]
    if not scored:  # e.g. a fraction where every reading needs a whole enrollment, site or arm count
        return None, [Problem("clincosm header numbers unreadable",
                              f"{len(values)} numbers after 'Collaborator' fit no reading of "
                              "enrollment, sites, arms, duration and patients per site", nct_id)]
    best = max(score for score, _ in scored)
    rows = [row for score, row in scored if score == best]
    agreed = {field: rows[0][field] for field in FIELDS if all(row[field] == rows[0][field] for row in rows)}
    row = {field: agreed.get(field) for field in FIELDS}
    problems = []
    if len(rows) > 1:
        problems.append(Problem("clincosm header numbers ambiguous",
                                f"{len(values)} numbers fit {len(rows)} readings; kept only what they agree on",
                                nct_id))
    if len(values) == len(FIELDS) and row["sites"] == 1:
        problems.append(Problem("clincosm header numbers inconsistent", f"{len(values)} numbers for 1 site(s)", nct_id))
    return _typed(row), problems


def _assignments(values: list[float]) -> list[dict]:
    """Every way to read the numbers as a subsequence of FIELDS (whole-number fields hold whole numbers)."""
    rows = []
    # a derived field is never shown without what it is derived from: only such field sets are tried
    # (every set is tried when a value is missing, which is then no shown value)
    for fields in _field_sets(len(values)) if None not in values else combinations(FIELDS, len(values)):
        row = dict.fromkeys(FIELDS)
        row.update(zip(fields, values))
        if all(row[f] is None or float(row[f]).is_integer() for f in _WHOLE) and _computable(row):
            rows.append(row)
    return rows


@lru_cache(maxsize=None)
def _field_sets(count: int) -> tuple[tuple[str, ...], ...]:
    """The subsequences of FIELDS of `count` fields, in order, that hold what their derived fields need
    (patients per site: enrollment and sites; per site per month: also the duration); see _computable."""
    return tuple(fields for fields in combinations(FIELDS, count)
                 if ("patients_per_site" not in fields or {"enrollment", "sites"} <= set(fields))
                 and ("patients_per_site_per_month" not in fields
                      or {"enrollment", "sites", "duration_months"} <= set(fields)))


def _computable(row: dict) -> bool:
    """A derived value is shown only when what it is derived from is shown (and there is a site)."""
    per_site = row["enrollment"] is not None and bool(row["sites"])
    return ((row["sites"] is None or row["sites"] >= 1)
            and (row["patients_per_site"] is None or per_site)
            and (row["patients_per_site_per_month"] is None or (per_site and bool(row["duration_months"]))))


def _score(row: dict, known: dict[str, int | None]) -> int:
    """+1 for every relation that holds, -1 for every one that fails (only where both sides are shown)."""
    enrollment, sites, duration = row["enrollment"], row["sites"], row["duration_months"]
    checks = []
    if enrollment is not None and sites:
        checks.append(_near(row["patients_per_site"], enrollment / sites))
        if duration:
            checks.append(_near(row["patients_per_site_per_month"], enrollment / sites / duration))
    if sites == 1 and row["patients_per_site"] is not None:
        checks.append(False)  # clincosm omits patients-per-site when there is one site
    for field in ("enrollment", "arms", "sites"):
        if known.get(field) is not None and row[field] is not None:
            checks.append(row[field] == known[field])
    return sum(1 if ok else -1 for ok in checks if ok is not None)


def _near(shown: float | None, computed: float) -> bool | None:
    return None if shown is None else abs(shown - computed) <= _ROUNDING + 0.001 * computed


def _typed(row: dict) -> dict:
    return {field: (int(value) if field in _WHOLE and value is not None else value) for field, value in row.items()}
