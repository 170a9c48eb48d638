"""meddatax results sub-page (meddatax.com/clinical-trials/NCT.../results): the study's posted results (its outcome
overview, participant flow, baseline characteristics, adverse events) under the same 'NCT ID:' and 'Last Updated:'
lines as the study page, titled 'Trial Outcomes & Findings for <title> (NCT NCTnnnnnnnn)'. It is no study page: it
shows neither Basic Information nor the sections the layout reads, and results are not loaded. It is recognised, so
that it is rejected for what it is, with the page to save instead."""
from __future__ import annotations

import re

from flows.parsers.model import Parsed
from flows.parsers.page_sections import has_line
from flows.parsers.page_text import failure

RESULTS_PAGE = "meddatax results page"
# The headings only the results sub-page shows, right below its 'Last Updated:' line and after it.
RESULTS_HEADINGS = ("Results Overview", "Participant Flow")
# The sub-page's title line: 'Trial Outcomes & Findings for <the study's title> (NCT NCT02258152)'.
_TITLE_START = "Trial Outcomes & Findings for "
_TITLE = re.compile(r"^[ \t]*Trial Outcomes & Findings for \S.*\(NCT NCT\d{8}\)[ \t]*$", re.M)
# The study page's own first heading: a page that shows it is a study page (its Study Results may show results).
_STUDY_PAGE_HEADINGS = ("Basic Information", "Study Results")
_STUDY_PAGE = "https://meddatax.com/clinical-trials/{nct_id}/"


def shows_results_page(text: str) -> bool:
    """Whether page text (with an 'NCT ID:' line, told by the caller) is the results sub-page's: a heading only it
    shows, or its title line; and neither heading a study page starts with."""
    if not (any(has_line(text, heading) for heading in RESULTS_HEADINGS)
            or (_TITLE_START in text and _TITLE.search(text) is not None)):
        return False
    return not any(has_line(text, heading) for heading in _STUDY_PAGE_HEADINGS)


def is_results_page(lines: list[str]) -> bool:
    """Whether a page's lines are the results sub-page's (see shows_results_page)."""
    return shows_results_page("\n".join(lines))


def results_page_reject(layout: str, nct_id: str | None) -> Parsed:
    """The reject of a results sub-page: what it shows, that it is not loaded, and the page to save instead."""
    page = _STUDY_PAGE.format(nct_id=nct_id or "NCT...")
    detail = (f"the page shows the study's results (outcome overview, participant flow, baseline characteristics, "
              f"adverse events), which are not loaded; save the study's main page, {page} (its address without "
              "'/results'), to load the study")
    return failure(layout, RESULTS_PAGE, detail, nct_id)
