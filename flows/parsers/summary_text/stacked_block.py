"""Trial-summary page whose key block was copied one cell a line: 'NCT number' / 'NCT04966884' / 'Status' /
'Recruiting'. Each key alone on its line takes the next line as its value, as the block's own lines would."""
from __future__ import annotations

import re

from flows.parsers.model import NCT_ID
from flows.parsers.summary_text.key_value_block import HEADINGS, KEY_LINE

# The block's first key alone on its line, its value (an NCT id) on the next non-blank line.
_NCT_KEY_ALONE = re.compile(r"NCT number\s*:?", re.IGNORECASE)


def unstacked(lines: list[str]) -> list[str]:
    """The page's lines with a key block given one cell a line written one key a line; other pages unchanged.
    A key alone whose next line is another key alone, or a heading, has no value."""
    start = next((index for index, line in enumerate(lines) if _NCT_KEY_ALONE.fullmatch(line.strip())
                  and NCT_ID.fullmatch(_next_text(lines, index)[1])), None)
    if start is None:
        return lines
    out = lines[:start]
    index = start
    while index < len(lines):
        line = lines[index].strip()
        if line in HEADINGS:
            return out + lines[index:]
        at, value = _next_text(lines, index)
        if _key_alone(line) and value and not _key_alone(value) and value not in HEADINGS:
            out.append(f"{line.rstrip(':').rstrip()} {value}")
            index = at + 1
        else:
            out.append(lines[index])
            index += 1
    return out


def _key_alone(line: str) -> bool:
    """Whether the stripped line is a key of the block and nothing else ('Status', 'Start date:')."""
    match = KEY_LINE.match(line)
    return match is not None and not match.group(2)


def _next_text(lines: list[str], index: int) -> tuple[int, str]:
    """The index and stripped text of the next non-blank line after lines[index] ((len, '') when none)."""
    for at in range(index + 1, len(lines)):
        if text := lines[at].strip():
            return at, text
    return len(lines), ""
