"""Trial-summary page, who may take part: ages, sex and healthy volunteers (the page shows no criteria)."""
from __future__ import annotations

import re

from flows.parsers import labels
from schemas import enums

_AGE = r"(\d+\s+[A-Za-z]+)"
# A range's side may be 'N/A': no limit on that side ('18 Years to N/A').
_AGE_RANGE = re.compile(rf"^({_AGE[1:-1]}|N/A)\s*(?:to|-|–)\s*({_AGE[1:-1]}|N/A)$", re.IGNORECASE)
# Both sides of a range in one unit, written once after the second: '18 to 65 Years', '6-17 Years'.
_ONE_UNIT_RANGE = re.compile(r"^(\d+)\s*(?:to|-|–)\s*(\d+)\s+(years?|months?|weeks?|days?|hours?|minutes?)$",
                             re.IGNORECASE)
# The registry's age groups that may follow an age range: '18 Years and older (Adult, Older Adult)'.
_AGE_GROUPS = re.compile(r"\s*\(\s*(?:Child|Adult|Older Adult)(?:\s*,\s*(?:Child|Adult|Older Adult))*\s*\)$",
                         re.IGNORECASE)
# The age groups shown alone, without a range: 'Child, Adult, Older Adult'.
_GROUPS_ALONE = re.compile(r"^(?:Child|Adult|Older Adult)(?:\s*,\s*(?:Child|Adult|Older Adult))*$", re.IGNORECASE)
# AACT's flag column of each group (API v2 stdAges): True for a group shown, False for one not shown.
_GROUP_COLUMNS = {"child": "child", "adult": "adult", "older adult": "older_adult"}
# 'N/A' for the ages: the study sets no age limit.
_NO_AGE_LIMIT = frozenset({"n/a", "na", "not applicable", "no limit", "none"})
# How a page may say the study takes healthy volunteers or not besides Yes and No: the label itself as a badge.
_HEALTHY_VOLUNTEERS = {"accepts healthy volunteers": True, "accepts": True,
                       "does not accept healthy volunteers": False, "no healthy volunteers": False}
# A minimum age alone, as pages write it: '18 Years and older', '18 Years+', '≥18 Years' (the registry's minimum
# age is inclusive; 'Older than 18 Years' excludes 18 and is no such age: it stays unread, as a load problem).
_AGE_FROM = re.compile(rf"^(?:{_AGE}\s+(?:and|or)\s+(?:older|over|above)|{_AGE}\s*\+|(?:≥|>=)\s*{_AGE})$",
                       re.IGNORECASE)
# A maximum age alone: 'up to 17 Years', '≤17 Years', or 'Birth to 17 Years' (no minimum age); 'under 17 Years'
# excludes 17 and is no such age.
_AGE_UP_TO = re.compile(rf"^(?:(?:up to|birth\s+to)\s+{_AGE}|(?:≤|<=)\s*{_AGE})$", re.IGNORECASE)


def eligibility_row(values: dict[str, str]) -> dict[str, object] | None:
    """The eligibilities row (ages, sex, healthy volunteers; this page shows no criteria), or None."""
    minimum, maximum = ages(values.get("ages"))
    row = {"gender": labels.page_label("sex", values.get("sex")),
           "minimum_age": _age_limit(values.get("minimum_age")) or minimum,
           "maximum_age": _age_limit(values.get("maximum_age")) or maximum,
           "healthy_volunteers": healthy_volunteers(values.get("healthy_volunteers")), "criteria": None,
           **age_groups(values.get("ages")), **_observed_population(values)}
    return row if any(value is not None for value in row.values()) else None


def _observed_population(values: dict[str, str]) -> dict[str, object]:
    """An observational study's sampling method ('Non-Probability Sample' -> NON_PROBABILITY_SAMPLE; another text
    kept as shown for validation to refuse) and population, when the page shows them."""
    found: dict[str, object] = {}
    if shown := values.get("sampling_method"):
        spelt = labels.enum_spelling(shown)
        found["sampling_method"] = spelt if spelt in enums.SAMPLING_METHOD else shown
    if values.get("population"):
        found["population"] = values["population"]
    return found


def age_groups(text: str | None) -> dict[str, bool]:
    """'18 Years and older (Adult, Older Adult)' or 'Child, Adult' -> the flag of each registry age group (True
    for those shown, False for the others); {} when the value shows no groups."""
    text = (text or "").strip()
    found = _AGE_GROUPS.search(text)
    shown = found.group().strip(" ()") if found else text if _GROUPS_ALONE.match(text) else None
    if shown is None:
        return {}
    named = {" ".join(part.lower().split()) for part in shown.split(",")}
    return {column: group in named for group, column in _GROUP_COLUMNS.items()}


def _age_limit(text: str | None) -> str | None:
    """A 'Minimum age' or 'Maximum age' value; 'N/A' (no limit on that side) is none, as API v2 gives none."""
    text = (text or "").strip()
    return None if " ".join(text.lower().split()) in _NO_AGE_LIMIT else text


def ages(text: str | None) -> tuple[str | None, str | None]:
    """'18 Years to 65 Years' -> ('18 Years', '65 Years'); '18 Years and older' -> ('18 Years', None); '18 to 65
    Years' -> ('18 Years', '65 Years'), the one unit being each side's."""
    text = _AGE_GROUPS.sub("", (text or "").strip())
    if match := _ONE_UNIT_RANGE.match(text):
        low, high, unit = match.groups()
        return f"{low} {unit}", f"{high} {unit}"
    if match := _AGE_RANGE.match(text):
        return tuple(None if side.upper() == "N/A" else side for side in match.groups())
    if match := _AGE_FROM.match(text):
        return _shown_group(match), None
    if match := _AGE_UP_TO.match(text):
        return None, _shown_group(match)
    return None, None


def _shown_group(match: re.Match) -> str:
    """The one age a pattern of several written forms found (the group of the form that matched)."""
    return next(group for group in match.groups() if group is not None)


def healthy_volunteers(text: str | None) -> bool | None:
    """'Yes' or 'Accepts Healthy Volunteers' -> True, 'No' -> False; None when not given or not read."""
    answer = labels.lookup("yes_no", text)
    if answer is None and text:
        return _HEALTHY_VOLUNTEERS.get(" ".join(text.lower().split()))
    return answer


def unreadable_eligibility(values: dict[str, str]) -> list[str]:
    """What the ages and healthy-volunteers values say that cannot be read (named, never quoted)."""
    found = []
    shown = (values.get("ages") or "").strip()
    # age groups alone ('Child, Adult') load as their flags, and still give no age limits
    if shown and ages(shown) == (None, None) and " ".join(shown.lower().split()) not in _NO_AGE_LIMIT:
        found.append("'Ages' is not an age range")
    if (values.get("healthy_volunteers") or "").strip() and healthy_volunteers(values["healthy_volunteers"]) is None:
        found.append("'Accepts healthy volunteers' is neither yes nor no")
    return found
