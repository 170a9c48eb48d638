"""A page that republishes the registry's 'Unknown' for a date reads it as the registry readers do: no date, no
precision nor type, the word kept as shown in AACT's *_month_year, and no problem; a page's word for no value stays
plain NULL, and a misspelt date is still refused, on each of the three sites' layouts."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text, summary_text
from flows.parsers.aggregator_text import CHROME
from tests.parsers.golden import GOLDEN_DIR

CLASSIC = (GOLDEN_DIR / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
SUMMARY = (GOLDEN_DIR / "summary_text" / "003_NCT04966884.txt").read_text(encoding="utf-8")


def _aggregator(start: str) -> bytes:
    """A labelled meddatax page whose Basic Information gives the start date as shown."""
    basic = ["Recruitment Status", "COMPLETED", "Total Enrollment", "150 participants (Actual)",
             "Study Classification", "OBSERVATIONAL", "Study Start Date", start]
    lines = ["Biomarkers of Response in Early Systemic Sclerosis", "NCT ID: NCT09200002", "Last Updated: 2025-01-10"]
    for heading, body in [("Basic Information", basic), ("More Related Trials", [])]:
        lines += [heading, CHROME[heading], *body]
    return "\n\n".join(lines).encode()


def _classic(start: str) -> bytes:
    assert "Actual Study Start Date :\nJan 16, 2020\n" in CLASSIC
    shown = f"Actual Study Start Date :\n{start}\n"
    return CLASSIC.replace("Actual Study Start Date :\nJan 16, 2020\n", shown).encode()


def _summary(start: str) -> bytes:
    assert "Start date April 2, 2020\n" in SUMMARY
    return SUMMARY.replace("Start date April 2, 2020\n", f"Start date {start}\n").encode()


LAYOUTS = [(aggregator_text, _aggregator), (ctgov_classic_text, _classic), (summary_text, _summary)]


def _start(parser, page: bytes) -> tuple[tuple, list[str]]:
    parsed = parser.parse(page)
    (record,) = parsed.records
    (study,) = record.tables["studies"]
    columns = tuple(study.get(column) for column in ("start_date", "start_date_precision", "start_date_type",
                                                      "start_month_year"))
    return columns, [problem.reason for problem in parsed.problems]


@pytest.mark.parametrize("parser, page", LAYOUTS, ids=["aggregator", "classic", "summary"])
@pytest.mark.parametrize("shown", ["Unknown", "unknown", " Unknown "])
def test_the_registrys_unknown_date_is_kept_as_the_registry_readers_keep_it(parser, page, shown):
    columns, problems = _start(parser, page(shown))
    assert columns == (None, None, None, shown.strip())
    assert not [reason for reason in problems if "date" in reason]


@pytest.mark.parametrize("parser, page", LAYOUTS, ids=["aggregator", "classic", "summary"])
def test_a_readable_date_beside_it_reads_as_before(parser, page):
    columns, _ = _start(parser, page("March 2019"))
    assert columns[0] is not None and columns[1] == "month" and columns[3] == "2019-03"


@pytest.mark.parametrize("parser, page", [(aggregator_text, _aggregator), (summary_text, _summary)],
                         ids=["aggregator", "summary"])
@pytest.mark.parametrize("shown", ["Not Provided", "N/A"])
def test_a_pages_word_for_no_value_is_no_date_and_no_word(parser, page, shown):
    columns, _ = _start(parser, page(shown))
    assert columns == (None, None, None, None)


@pytest.mark.parametrize("parser, page", LAYOUTS, ids=["aggregator", "classic", "summary"])
@pytest.mark.parametrize("shown", ["Unknwn", "Unknown 2019"])
def test_a_misspelt_date_is_still_refused_as_shown(parser, page, shown):
    columns, _ = _start(parser, page(shown))
    assert columns[0] is not None and str(getattr(columns[0], "raw", columns[0])).strip() == shown.strip()
    assert columns[3] is None
