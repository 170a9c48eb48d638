"""Record text as people are shown it: in the report, markdown artifacts, the terminal and CSV.

Records come from outside and may hold anything. Where a person reads a value, a control character
(NUL, ESC, ...) or a direction override is shown as U+FFFD, so it can neither hide nor rewrite what is
around it; line breaks stay. The warehouse and JSON output keep the value verbatim.
"""
from __future__ import annotations

import re

from markupsafe import Markup

REPLACEMENT = "\ufffd"
# C0 and C1 controls except tab and newline; the bidi embeddings, overrides and isolates.
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"\r\n?")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def shown(text: str) -> str:
    """The text with its line breaks as newlines and every other control character as U+FFFD."""
    if text.isprintable():  # no control character (Cc) nor direction mark (Cf): nothing to replace
        return text
    return _UNSHOWN.sub(REPLACEMENT, _LINE_BREAK.sub("\n", text))


def shown_in_template(value):
    """A Jinja `finalize`: text from the data through `shown`, markup the page made itself untouched."""
    return shown(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def markdown_cell(value) -> str:
    """A value safe inside a Markdown table cell: one line, pipes and markup escaped, no HTML tag."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", shown(str(value if value is not None else "")))
    return escaped.replace("<", "&lt;").replace("\n", " ")


def csv_cell(value):
    """A CSV value a spreadsheet will not run as a formula (a leading quote); other types as they are."""
    if not isinstance(value, str):
        return value
    return "'" + shown(value) if value.startswith(_FORMULA_START) else shown(value)
