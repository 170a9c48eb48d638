"""clincosm study page, people: eligibility, sponsors, investigators (the sites are read by sites)."""
from __future__ import annotations

import re
from itertools import compress

from flows.parsers import labels
from flows.parsers.page_text import nonblank, text_block, unbullet
from schemas.enums import AGENCY_CLASS, SAMPLING_METHOD

_AGE = r"\d+\s+(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?)"
_ELIGIBILITY_KEYS = {"Ages Eligible for Study:": "ages", "Sexes Eligible for Study:": "sex",
                     "Genders Eligible for Study:": "sex", "Accepts Healthy Volunteers:": "healthy",
                     # the registry's gender-based eligibility fields, shown (when given) below the sexes
                     "Gender Based Eligibility:": "gender_based",
                     "Gender Eligibility Description:": "gender_description",
                     # observational pages: shown above the criteria (the population as a heading, its text
                     # one paragraph below it; the sampling method loads into eligibilities.sampling_method)
                     "Sampling Method:": "sampling_method", "Study Population": "population",
                     "Study Population:": "population"}
_GENDER_FIELDS = ("gender_based", "gender_description")
_PARENTHESES = re.compile(r"\(.*?\)")
_AGE_TO_AGE = re.compile(rf"^({_AGE})\s+to\s+({_AGE})$", re.I)
_AGE_AND_OLDER = re.compile(rf"^({_AGE})\s+and\s+(?:older|over)$", re.I)
_UP_TO_AGE = re.compile(rf"^(?:up\s+to\s+({_AGE})|({_AGE})\s+and\s+younger)$", re.I)
_NAME_AND_CLASS = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_OFFICIAL = re.compile(r"^(Study Chair|Study Director|Principal Investigator|Sub-Investigator):\s*(\S.*)$")
# Degrees and titles that follow an investigator's name before the affiliation.
_CREDENTIALS = frozenset("""md phd dr prof professor mbbs mbchb ms msc mph rn do pharmd frcp frcpc
facp fcps bsc ma mba np pa dds dmd mpharm mmed md-phd""".split())


def eligibility(lines: list[str]) -> dict[str, object]:
    """The 'Criteria' block: ages, sex, healthy volunteers, then the criteria text as shown."""
    values: dict[str, str] = {}
    expecting: str | None = None
    body = list(compress(lines, map("Criteria".__ne__, map(str.strip, lines))))  # the 'Criteria' lines dropped
    for index, line in enumerate(body):
        key = line.strip()
        field, value = _labelled(key)
        if field and not value:
            expecting = field
        elif field:
            values[field], expecting = value, None
        elif expecting and key:
            values[expecting], expecting = key, None
        elif key:
            return _eligibility_row(values, body[index:])
    return _eligibility_row(values, [])


def unread_ages(lines: list[str]) -> str | None:
    """The ages the eligibility lines show when they give ages (a number) that age_range cannot read ('18 to 65
    Years'), else None: such a value is no missing age."""
    shown = iter(nonblank(lines))
    for line in shown:
        field, value = _labelled(line)
        if field == "ages":
            ages = value or next(shown, "")
            digits = any(character.isdigit() for character in _PARENTHESES.sub("", ages))
            return ages if digits and age_range(ages) == (None, None) else None
    return None


def _labelled(line: str) -> tuple[str | None, str]:
    """(field, value) of a label line: ('sex', '') for 'Sexes Eligible for Study:' alone, ('gender_based', 'No')
    for 'Gender Based Eligibility: No'; (None, '') for any other line."""
    if line in _ELIGIBILITY_KEYS:
        return _ELIGIBILITY_KEYS[line], ""
    label, colon, value = line.partition(":")
    field = _ELIGIBILITY_KEYS.get(label.rstrip() + colon) if colon else None
    return (field, value.strip()) if field else (None, "")


def _eligibility_row(values: dict[str, str], criteria: list[str]) -> dict[str, object]:
    minimum, maximum = age_range(values.get("ages"))
    row = {"gender": labels.lookup("sex", values.get("sex")), "minimum_age": minimum,
           "maximum_age": maximum, "healthy_volunteers": labels.lookup("yes_no", values.get("healthy")),
           "criteria": text_block(criteria)}
    if any(field in values for field in _GENDER_FIELDS):  # only pages that show them
        row.update(gender_based=labels.lookup("yes_no", values.get("gender_based")),
                   gender_description=values.get("gender_description"))
    if "population" in values:
        row["population"] = values["population"] or None
    if values.get("sampling_method"):  # 'Non-Probability Sample' -> NON_PROBABILITY_SAMPLE; another value as shown
        shown = values["sampling_method"]
        spelt = labels.enum_spelling(shown)
        row["sampling_method"] = spelt if spelt in SAMPLING_METHOD else shown
    return row


def age_range(text: str | None) -> tuple[str | None, str | None]:
    """'18 Years and Older' -> ('18 Years', None); '18 Years to 85 Years' -> both; 'up to 5 Years'."""
    text = _PARENTHESES.sub("", text or "").strip()
    if match := _AGE_TO_AGE.match(text):
        return match.group(1), match.group(2)
    if match := _AGE_AND_OLDER.match(text):
        return match.group(1), None
    if match := _UP_TO_AGE.match(text):
        return None, match.group(1) or match.group(2)
    return None, None


def party(text: str) -> dict[str, str | None]:
    """'Peking Union Medical College Hospital (Other)' -> name and agency class."""
    match = _NAME_AND_CLASS.match(text.strip())
    agency_class = labels.lookup("agency_class", match.group(2)) if match else None
    if agency_class not in AGENCY_CLASS:
        return {"name": text.strip(), "agency_class": None}
    return {"name": match.group(1), "agency_class": agency_class}


def sponsors(lead: str | None, collaborators: list[str], listed: list[str]) -> list[dict[str, object]]:
    """Lead and collaborators from the header; 'Sponsors and Collaborators' adds any others."""
    parties = ([party(lead)] if lead else []) + [party(text) for text in collaborators]
    names = {p["name"] for p in parties}
    parties += [{"name": name, "agency_class": None} for name in map(unbullet, nonblank(listed))
                if name not in names]
    return [{"agency_class": p["agency_class"], "lead_or_collaborator": "collaborator" if i else "lead",
             "name": p["name"]} for i, p in enumerate(parties)]


def investigators(lines: list[str]) -> list[dict[str, object]]:
    """'• Study Chair: Xiaomei Leng, Dr., Peking Union Medical College Hospital' rows."""
    rows = []
    for line in map(unbullet, nonblank(lines)):
        if match := _OFFICIAL.match(line):
            name, affiliation = name_and_affiliation(match.group(2))
            rows.append({"role": labels.lookup("official_role", match.group(1)), "name": name,
                         "affiliation": affiliation})
    return rows


def name_and_affiliation(text: str) -> tuple[str, str | None]:
    """'Xiaomei Leng, Dr., Peking Union Medical College Hospital' -> name with titles, affiliation."""
    parts = [part.strip() for part in text.split(",")]
    taken = 1
    while taken < len(parts) and parts[taken].lower().replace(".", "") in _CREDENTIALS:
        taken += 1
    affiliation = ", ".join(parts[taken:]) or None
    return ", ".join(parts[:taken]), affiliation
