"""The three sites' text pages: every golden page of each text layout saved or copied in the ways a reader saves a page
(CRLF or an old Mac's CR, trailing whitespace, no-break spaces, typographic quotes, other list bullets, tabs for
indentation, every line indented, lines wrapped at 80 columns, blank lines doubled or dropped, a byte order mark, the
site's menu above the page and a cookie notice), read as the page itself: the same tables, no problem the page itself
does not give."""
from __future__ import annotations

import re
import textwrap

import pytest

from flows.parsers.aggregator_text.page_chrome import CHROME
from tests.parsers.page_variants import CLASSIC, CLASSIC_OTHER, COMPACT, LABELLED, LAYOUTS, SUMMARY, SUMMARY_KEYS

_BASES = {"clincosm": CLASSIC, "clincosm_other": CLASSIC_OTHER, "meddatax_labelled": LABELLED,
          "meddatax_compact": COMPACT, "summary": SUMMARY, "summary_keys": SUMMARY_KEYS}
# Characters a copy changes that a reader does not see: the quotes' shapes and a no-break space.
_SAME_TO_A_READER = str.maketrans({"\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _seen(value: object) -> object:
    """A table value as a reader sees it: typographic quotes as plain ones, any run of whitespace as one space."""
    if isinstance(value, str):
        return " ".join(value.translate(_SAME_TO_A_READER).split())
    if isinstance(value, dict):
        return {key: _seen(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_seen(item) for item in value]
    return value


def _reading(page: str, base: str) -> tuple[object, list]:
    parsed = LAYOUTS[id(base)].parse(page.encode("utf-8"))
    assert len(parsed.records) == 1, parsed.problems
    return _seen(parsed.records[0].tables), [(problem.reason, problem.detail) for problem in parsed.problems]


_AS_SHOWN = {name: _reading(page, page) for name, page in _BASES.items()}


def _wrapped(page: str, width: int = 80) -> str:
    """The page as a browser saves it as text at a fixed width: each longer line wrapped between words."""
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line for line in page.split("\n"))


_SAVED = {
    "crlf": lambda page: page.replace("\n", "\r\n"),
    "old_mac_cr": lambda page: page.replace("\n", "\r"),
    "trailing_whitespace": lambda page: "\n".join(line + "  \t" for line in page.split("\n")),
    "no_break_spaces": lambda page: re.sub(r"(?<=\w) (?=\w)", "\u00a0", page, count=40),
    "typographic_quotes": lambda page: page.replace("'", "\u2019"),
    "blank_lines_doubled": lambda page: page.replace("\n\n", "\n\n\n"),
    "every_line_indented": lambda page: "\n".join("    " + line if line.strip() else line for line in page.split("\n")),
    "tab_indented": lambda page: "\n".join("\t" + line.lstrip() if line.startswith("  ") else line
                                           for line in page.split("\n")),
    "wrapped_at_80": _wrapped,
    "byte_order_mark": lambda page: "\ufeff" + page,
    "bullet_black_circle": lambda page: page.replace("\u2022", "\u25cf"),
    "bullet_white_bullet": lambda page: page.replace("\u2022", "\u25e6"),
    "bullet_hyphen": lambda page: page.replace("\u2022", "-"),
    "bullet_asterisk": lambda page: page.replace("\u2022", "*"),
    "menu_above": lambda page: "Home\nSearch\nAbout\nContact\n\n" + page,
    "cookie_notice_above": lambda page: "We use cookies to improve your experience. Accept all cookies\nAccept\n\n"
                                        + page,
}


@pytest.mark.parametrize("base", _BASES)
@pytest.mark.parametrize("saved", _SAVED)
def test_a_page_saved_otherwise_reads_as_the_page(saved, base):
    page = _BASES[base]
    assert _reading(_SAVED[saved](page), page) == _AS_SHOWN[base]


def _without_explainers(page: str, spelt) -> str:
    """A meddatax page copied without the explainer under each heading, each heading spelt as `spelt` gives it."""
    for heading, explainer in CHROME.items():
        page = re.sub(rf"(?m)^{re.escape(heading)}\n\n?{re.escape(explainer)}\n", lambda _: f"{spelt(heading)}\n", page)
    return page


_COPIED = {
    "as_usual": lambda heading: heading,
    "with_colons": lambda heading: heading + ":",
    "in_capitals": str.upper,
    "some_with_counts": lambda heading: f"{heading} (2)" if heading in ("Locations", "Sponsors") else heading,
    "contacts_and_investigators_with_colons": lambda heading: (
        heading + ":" if heading.endswith(("Contacts", "Investigators")) else heading),
}


@pytest.mark.parametrize("base", ["meddatax_labelled", "meddatax_compact"])
@pytest.mark.parametrize("copied", _COPIED)
def test_a_meddatax_page_copied_without_explainers_reads_as_the_page(copied, base):
    page = _BASES[base]
    assert _reading(_without_explainers(page, _COPIED[copied]), page) == _AS_SHOWN[base]

