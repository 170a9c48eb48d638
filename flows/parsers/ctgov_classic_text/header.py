"""clincosm header numbers: which derived value each bare number under 'Collaborator' is.

The full header is enrollment, sites, arms, duration in months, patients per site (only when
sites > 1), patients per site per month. clincosm leaves out what it cannot compute (no
enrollment, no dates), so a shorter header is read by finding which of these it shows: the
assignment whose numbers agree with each other and with the page is taken.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from flows.parsers import labels
from flows.parsers.model import Problem

FIELDS = ("enrollment", "sites", "arms", "duration_months", "patients_per_site", "patients_per_site_per_month")
_WHOLE = ("enrollment", "sites", "arms")
# clincosm rounds the derived values to one decimal.
_ROUNDING = 0.051
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
# The enrollment may show its type: '12 (Estimated)', '9,500 Actual', or the type on a line of its own.
_TYPED_NUMBER = re.compile(r"^(\d[\d,]*)\s*\(?\s*(Actual|Anticipated|Estimated)\s*\)?$", re.I)
_TYPE_ALONE = re.compile(r"^\(?\s*(Actual|Anticipated|Estimated)\s*\)?$", re.I)


def number_lines(lines: list[str]) -> tuple[list[float], str | None, list[str]]:
    """The header lines below 'Collaborator' (stripped, not blank): (the numbers, the enrollment type shown with
    them, the other lines: the collaborators)."""
    numbers: list[float] = []
    enrollment_type, others = None, []
    for line in lines:
        typed = _TYPED_NUMBER.match(line)
        if typed or _NUMBER.match(line):
            numbers.append(float((typed.group(1) if typed else line).replace(",", "")))
            if typed:
                enrollment_type = labels.lookup("enrollment_type", typed.group(2))
        elif alone := _TYPE_ALONE.match(line):
            enrollment_type = labels.lookup("enrollment_type", alone.group(1))
        else:
            others.append(line)
    return numbers, enrollment_type, others


def read_header(values: list[float], known: dict[str, int | None],
                nct_id: str | None = None) -> tuple[dict | None, list[Problem]]:
    """The page_header_metrics row of the header numbers, and problems (never a refusal of what reads)."""
    if not values:
        return None, []
    if len(values) > len(FIELDS):
        return None, [Problem("clincosm header numbers unreadable",
                              f"expected at most {len(FIELDS)} numbers after 'Collaborator', found {len(values)}",
                              nct_id)]
    scored = [(_reading_score(reading, known), reading) for reading in _readings(values)]
    if not scored:  # e.g. a fraction where every reading needs a whole enrollment, site or arm count
        return None, [Problem("clincosm header numbers unreadable",
                              f"{len(values)} numbers after 'Collaborator' fit no reading of "
                              "enrollment, sites, arms, duration and patients per site", nct_id)]
    best = max(score for score, _ in scored)
    readings = [reading for score, reading in scored if score == best]
    first_reading = readings[0]
    # what every best reading agrees on (compared with ==, as a NaN agrees with nothing)
    row = dict(zip(FIELDS, (value if all(reading[slot] == value for reading in readings) else None
                            for slot, value in enumerate(first_reading))))
    problems = []
    if len(readings) > 1:
        problems.append(Problem("clincosm header numbers ambiguous",
                                f"{len(values)} numbers fit {len(readings)} readings; kept only what they agree on",
                                nct_id))
    if len(values) == len(FIELDS) and row["sites"] == 1:
        problems.append(Problem("clincosm header numbers inconsistent", f"{len(values)} numbers for 1 site(s)", nct_id))
    return _typed(row), problems


def _assignments(values: list[float]) -> list[dict]:
    """Every way to read the numbers as a subsequence of FIELDS (whole-number fields hold whole numbers)."""
    return [dict(zip(FIELDS, reading)) for reading in _readings(values)]


def _readings(values: list[float]) -> list[tuple]:
    """_assignments as tuples in FIELDS order (what read_header scores: no dict per reading)."""
    readings = []
    # a derived field is never shown without what it is derived from: only such field sets are tried
    # (every set is tried when a value is missing, which is then no shown value)
    for slots in _slot_sets(len(values), None in values):
        reading = [None] * len(FIELDS)
        for slot, value in zip(slots, values):
            reading[slot] = value
        enrollment, sites, arms, _, per_site, per_site_month = reading
        if ((enrollment is None or float(enrollment).is_integer()) and (sites is None or float(sites).is_integer())
                and (arms is None or float(arms).is_integer())
                # _computable
                and (sites is None or sites >= 0)
                and (per_site is None or (enrollment is not None and bool(sites)))
                and (per_site_month is None or (enrollment is not None and bool(sites) and bool(reading[3])))):
            readings.append(tuple(reading))
    return readings


@lru_cache(maxsize=None)
def _slot_sets(count: int, every: bool) -> tuple[tuple[int, ...], ...]:
    """The field sets tried for `count` numbers (every subsequence when `every`) as positions in FIELDS."""
    sets = combinations(FIELDS, count) if every else _field_sets(count)
    return tuple(tuple(FIELDS.index(field) for field in fields) for fields in sets)


@lru_cache(maxsize=None)
def _field_sets(count: int) -> tuple[tuple[str, ...], ...]:
    """The subsequences of FIELDS of `count` fields, in order, that hold what their derived fields need
    (patients per site: enrollment and sites; per site per month: also the duration); see _computable."""
    return tuple(fields for fields in combinations(FIELDS, count)
                 if ("patients_per_site" not in fields or {"enrollment", "sites"} <= set(fields))
                 and ("patients_per_site_per_month" not in fields
                      or {"enrollment", "sites", "duration_months"} <= set(fields)))


def _computable(row: dict) -> bool:
    """A derived value is shown only when what it is derived from is shown (and there is a site; a study without
    sites shows 0 of them)."""
    per_site = row["enrollment"] is not None and bool(row["sites"])
    return ((row["sites"] is None or row["sites"] >= 0)
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


def _reading_score(reading: tuple, known: dict[str, int | None]) -> int:
    """_score of a reading given as a tuple in FIELDS order."""
    enrollment, sites, arms, duration, per_site, per_site_month = reading
    score = 0
    if enrollment is not None and sites:
        ratio = enrollment / sites
        if per_site is not None:
            score += 1 if _near(per_site, ratio) else -1
        if duration:
            ratio = enrollment / sites / duration
            if per_site_month is not None:
                score += 1 if _near(per_site_month, ratio) else -1
    if sites == 1 and per_site is not None:
        score -= 1  # clincosm omits patients-per-site when there is one site
    for field, value in (("enrollment", enrollment), ("arms", arms), ("sites", sites)):
        if value is not None and (shown := known.get(field)) is not None:
            score += 1 if value == shown else -1
    return score


def _near(shown: float | None, computed: float) -> bool | None:
    return None if shown is None else abs(shown - computed) <= _ROUNDING + 0.001 * computed


def _typed(row: dict) -> dict:
    return {field: (int(value) if field in _WHOLE and value is not None else value) for field, value in row.items()}
