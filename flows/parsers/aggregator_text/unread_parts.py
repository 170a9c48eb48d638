"""meddatax study page, the parts that carry data this layout does not read: a labelled line below the 'NCT ID:' line
other than the last update ('First Posted: 2022-03-29'), and what the Study Results section shows beside its
'Results pending' chrome. Each is a problem of the file, so that nothing the page gives is dropped unsaid."""
from __future__ import annotations

import re

from flows.parsers.model import Problem
from flows.parsers.page_sections import Sections
from flows.parsers.page_text import nonblank

# A 'Label: value' line as the page writes its id and last update (a label of a few words, then a value).
_LABELLED = re.compile(r"^(?P<label>[A-Z][A-Za-z/() -]{1,40}?):\s*(?P<value>\S.*)$")
_READ_LABELS = frozenset({"NCT ID", "Last Updated"})
UNREAD_RESULTS = "unread section: study results"


def unread_labels(preamble: list[str]) -> list[str]:
    """The labelled lines below the page's 'NCT ID:' line that are not read (its navigation and title are above)."""
    lines = nonblank(preamble)
    start = next((at for at, line in enumerate(lines) if line.startswith("NCT ID:")), len(lines))
    return [line for line in lines[start + 1:] if (match := _LABELLED.match(line))
            and match.group("label").strip() not in _READ_LABELS]


def unread_results(sections: Sections) -> str | None:
    """The detail of a Study Results section that shows more than its chrome (results the layout does not load)."""
    shown = nonblank(sections.lines("Study Results"))
    return f"'Study Results': {len(shown)} lines not read (the page's results are not loaded)" if shown else None


def unread_problems(sections: Sections, nct_id: str) -> list[Problem]:
    """The problems of the page's labelled lines below 'NCT ID:' and of its Study Results that are not read."""
    problems = [Problem("unknown label", f"'{line}' below 'NCT ID:'", nct_id)
                for line in unread_labels(sections.preamble)]
    if results := unread_results(sections):
        problems.append(Problem(UNREAD_RESULTS, results, nct_id))
    return problems
