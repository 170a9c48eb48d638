"""meddatax study page, Eligibility Criteria: the criteria text, then ages, sex and healthy volunteers (labelled
or, on compact pages, bare values at its end)."""
from __future__ import annotations

import re
from itertools import compress, count

from flows.parsers import labels
from flows.parsers.aggregator_text.labelled_fields import FIELDS
from flows.parsers.aggregator_text.single_age import which_limit
from flows.parsers.page_text import text_block
from flows.parsers.page_values import tagged_lines
from schemas.enums import SEX

_SEXES = frozenset(SEX)
_ELIGIBILITY_LABELS = {"Minimum Eligible Age": "minimum_age", "Maximum Eligible Age": "maximum_age",
                       "Eligible Sex": "gender", "Accepts Healthy Volunteers": "healthy_volunteers"}
_BELOW_CRITERIA = frozenset(_ELIGIBILITY_LABELS) | frozenset(FIELDS)
_ELIGIBILITY_FOLDED = frozenset(label.casefold() for label in _ELIGIBILITY_LABELS)
# The labels below the criteria by their spelling in any case.
_BELOW_CASE = {label.casefold(): label for label in _BELOW_CRITERIA}
_FIELDS_FOLDED = frozenset(label.casefold() for label in FIELDS)
_AGE = re.compile(r"^\d+\s+(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?)$", re.I)
# A limit the record does not set, as a page may show it.
_NO_AGE = frozenset({"N/A", "n/a", "NA"})


def eligibility_criteria(lines: list[str]) -> dict[str, object]:
    """Criteria text as shown, then ages, sex and healthy volunteers (labelled or positional)."""
    return read_criteria(lines)[0]


def read_criteria(lines: list[str]) -> tuple[dict[str, object], str | None, tuple[list[tuple[str, str]], list[str]]]:
    """The section read once: its eligibilities row (eligibility_criteria), the bare age that may be either limit
    (undecided_age), and the labelled pairs and untagged lines below the criteria (labelled_after_criteria)."""
    end = _labels_start(lines)
    if end is None:
        end, values = _trailing_values(lines)
        return _eligibility_row(lines[:end], values), values.get("undecided_age"), ([], [])
    values = {_ELIGIBILITY_LABELS[label]: value for label, value in tagged_lines(lines[end:], _ELIGIBILITY_LABELS)
              if label}
    tagged = _with_paragraphs(tagged_lines(lines[end:], _BELOW_CRITERIA))
    below = ([(label, value) for label, value in tagged if label in FIELDS],
             [value for label, value in tagged if label is None])
    return _eligibility_row(lines[:end], values), None, below


# The labelled values below the criteria that are the sponsor's free text, which may run over several paragraphs.
_TEXT_FIELDS = frozenset({"Study Population", "Biospecimen Description"})


def _with_paragraphs(tagged: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """The labelled pairs below the criteria with the lines that no label tags right below a free-text value
    ('Study Population' written in paragraphs, which a labelled page parts by blank lines) joined to that value."""
    joined: list[tuple[str | None, str]] = []
    for label, value in tagged:
        if label is None and joined and joined[-1][0] in _TEXT_FIELDS:
            joined[-1] = (joined[-1][0], f"{joined[-1][1]}\n{value}")
        else:
            joined.append((label, value))
    return joined


def _eligibility_row(criteria: list[str], values: dict[str, str]) -> dict[str, object]:
    """The eligibilities row: the criteria text as shown, and the ages, sex and healthy volunteers given."""
    return {"gender": labels.page_label("sex", values.get("gender")), "minimum_age": _age(values.get("minimum_age")),
            "maximum_age": _age(values.get("maximum_age")),
            "healthy_volunteers": labels.lookup("yes_no", values.get("healthy_volunteers")),
            "criteria": text_block(criteria)}


def _age(value: str | None) -> str | None:
    """An age limit as shown; 'N/A' (the record sets no limit on that side) is none, as API v2 gives none."""
    return None if value is None or value.strip() in _NO_AGE else value


def labelled_after_criteria(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """On a labelled page, the (label, value) pairs of labelled_fields.FIELDS below the criteria ('Study Population',
    'Sampling Method'), and the lines there that no label tags."""
    return read_criteria(lines)[2]


def _labels_start(lines: list[str]) -> int | None:
    """Where the labelled values below the criteria begin: the first eligibility label (in any case), or the first
    labelled_fields label above it from which every line up to it is a label or its value ('Study Population' shown
    before the ages; a 'Study Population' sub-heading of the criteria text stays in it); None on a compact page."""
    end = next(compress(count(), map(_ELIGIBILITY_LABELS.__contains__, map(str.strip, lines))), None)
    if end is None:  # a label in another case ('Eligible sex')
        end = next(compress(count(), map(_ELIGIBILITY_FOLDED.__contains__, map(str.casefold, map(str.strip, lines)))),
                   None)
    if end is None:
        return None
    above = list(compress(count(), map(_FIELDS_FOLDED.__contains__, map(str.casefold, map(str.strip, lines[:end])))))
    return next((i for i in above if all(label for label, _ in tagged_lines(lines[i:end], FIELDS))), end)


def labels_as_usual(lines: list[str]) -> list[str]:
    """The section with the labelled values it ends with spelt as the page spells them, where a copy shows a label
    with a colon ('Eligible Sex:'), in another case ('Minimum eligible age') or with its value on its line
    ('Eligible Sex: ALL'): each label on a line of its own as usual, its value below it. Read from the section's
    end up, label under value, to the first line that is neither (the criteria's last line); the criteria's own
    lines are kept as they are."""
    rewritten: dict[int, list[str]] = {}
    value_below = False
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line:
            continue
        usual = _BELOW_CASE.get(line.rstrip(":").rstrip().casefold())
        if usual is None and not value_below and ":" in line and line.partition(":")[2].strip():
            if (usual := _BELOW_CASE.get(line.partition(":")[0].rstrip().casefold())) is None:
                value_below = True
                continue
            rewritten[index] = [usual, line.partition(":")[2].strip()]
        elif usual is not None:
            if usual != line:
                rewritten[index] = [usual]
            value_below = False
        elif value_below:
            break
        else:
            value_below = True
    if not rewritten:
        return lines
    return [shown for index, line in enumerate(lines) for shown in rewritten.get(index, (line,))]


def _trailing_values(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Compact pages end the criteria with bare values: minimum age, [maximum age,] sex, Yes/No."""
    end, found, ages = len(lines), {}, []
    for index in range(len(lines) - 1, -1, -1):
        value = lines[index].strip()
        if not value:
            continue
        if value in ("Yes", "No") and not found and not ages:
            found["healthy_volunteers"] = value
        elif value in _SEXES and "gender" not in found and not ages:
            found["gender"] = value
        elif (_AGE.match(value) or value in _NO_AGE) and len(ages) < 2:
            ages.insert(0, value)
        else:
            break
        end = index
    if len(ages) == 1 and _AGE.match(ages[0]):  # one age: the criteria text may say which limit it is
        limit = which_limit(ages[0], text_block(lines[:end]))
        found[limit or "undecided_age"] = ages[0]
    else:
        found.update(zip(("minimum_age", "maximum_age"), ages))
    return end, found


def undecided_age(lines: list[str]) -> str | None:
    """On a compact page, the one bare age that may be the minimum or the maximum (None when there is none)."""
    return read_criteria(lines)[1]
