"""Lists of names (conditions, countries, identifiers) as a copied, saved or printed page gives them: each item after
a list mark the site may not show ('• Scleroderma', '▪ Bangladesh', '- Asthma', '1. Asthma'). A mark is no part of
the name; a name may itself start with a sign or a number ('-ILD', '22q11 Deletion Syndrome')."""
from __future__ import annotations

import re

from flows.parsers.page_text import nonblank
from flows.parsers.printed_pages import broken_before

# Bullets a copied or saved list keeps before each item: signs no name starts with, the space after them optional.
SIGNS = "\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u25b8\u25ba\u25a0\u25a1\u25cf\u25cb\u25fe\u2043\u2219"
# Marks a name may hold first ('-ILD'): a bullet only before a space ('- Myositis').
MARKS = "-\u2013\u2014*+"
_BULLET = re.compile(rf"^(?:[{SIGNS}]\s*|[{re.escape(MARKS)}]\s+)(?=\S)")
# A list's number ('1.', '2)', '(3)') and the space after it.
_NUMBER = re.compile(r"^(?:(\d{1,3})[.)]|\((\d{1,3})\))\s+(?=\S)")
# A bullet as pages set it in lines of text: a sign or an en dash before a space, after an indentation.
_TEXT_BULLETS = SIGNS + "\u2013"
_TEXT_BULLET_SIGNS = frozenset(_TEXT_BULLETS)
_TEXT_BULLET = re.compile(rf"^(\s*)[{_TEXT_BULLETS}](?=\s)")
# How far into a line a text bullet may stand (its indentation).
_BULLET_INDENT = 8


def without_bullet(item: str) -> str:
    """The item without a leading bullet ('• Asthma', '- Asthma'); a sign a name may start with stays ('-ILD')."""
    return _BULLET.sub("", item)


def without_numbers(items: list[str]) -> list[str]:
    """The items without their numbers when two or more are numbered in order from 1 ('1. Asthma', '2) COPD',
    '(3) Gout'); a line alone numbered ('1. Asthma'), or numbered otherwise, keeps its number: it may be part of the
    name."""
    numbers = [_NUMBER.match(item) for item in items]
    if len(items) > 1 and all(match and int(match.group(1) or match.group(2)) == at
                              for at, match in enumerate(numbers, 1)):
        return [item[match.end():] for item, match in zip(items, numbers)]
    return items


def list_names(lines: list[str]) -> list[str]:
    """The names of a list, one a line (non-blank lines, stripped), without their bullets and list numbers."""
    return without_numbers([without_bullet(line) for line in nonblank(lines)])


def with_bullet(line: str, bullet: str) -> str:
    """The line with the bullet it starts with (a sign or an en dash before a space) shown as `bullet`."""
    if line[:_BULLET_INDENT].lstrip()[:1] in _TEXT_BULLET_SIGNS and (match := _TEXT_BULLET.match(line)):
        return match.group(1) + bullet + line[match.end():]  # the bullet as written, not read as a template
    return line


def with_bullets(lines: list[str], bullet: str) -> list[str]:
    """with_bullet of every line (a line of ASCII alone holds no bullet sign, and one that starts with none is
    passed over without a call)."""
    shown, starts = list(lines), _STARTS_WITH_BULLET.match
    for index, line in enumerate(lines):
        if not line.isascii() and starts(line):
            shown[index] = with_bullet(line, bullet)
    return shown


# A line whose first character that is not whitespace is a text bullet, within _BULLET_INDENT characters: what
# with_bullet takes. Every such sign is beyond ASCII (with_bullets passes over lines of ASCII alone).
_STARTS_WITH_BULLET = re.compile(rf"\s{{0,{_BULLET_INDENT - 1}}}[{_TEXT_BULLETS}]")
assert not any(sign.isascii() for sign in _TEXT_BULLETS)


def bracketed_wraps(lines: list[str], width: int | None) -> list[str]:
    """The lines of a list of names one a line on a page saved wrapped at `width` (the layout's wrap width), a name a
    wrap broke inside its brackets one line again ('Lymphoblastic Lymphoma (Precursor B-Lymphoblastic' /
    'Lymphoma/Leukaemia) Recurrent'): a line whose bracket is still open, too full to have held the next line's first
    word, goes on in that line, as no name ends inside its brackets. Other lines as shown."""
    if width is None:
        return lines
    kept: list[str] = []
    for line, joins in zip(lines, _bracket_joins(lines, width)):
        if joins:
            kept[-1] = f"{kept[-1].rstrip()} {line.strip()}"
        else:
            kept.append(line)
    return kept


def _bracket_joins(lines: list[str], width: int) -> list[bool]:
    """For each line, whether it goes on the name above it inside that name's open bracket (see bracketed_wraps)."""
    joins: list[bool] = []
    name = above = ""  # the name so far, and its last line as the page shows it
    for line in lines:
        goes_on = name.count("(") > name.count(")") and bool(line.strip()) and broken_before(above, line, width)
        joins.append(goes_on)
        name, above = (f"{name} {line.strip()}" if goes_on else line), line
    return joins


def filled_lines(lines: list[str], width: int | None) -> list[str]:
    """The problem of a list of names one a line on a page saved wrapped at `width` (the layout's wrap width) whose
    line is too full to have held the next line's first word: the line below is the name's wrapped rest or the next
    name ('Unspecified Childhood Solid Tumor, Protocol' / 'Specific'), which the page cannot tell (each line is
    loaded as a name, as shown). A line that goes on inside a name's open bracket (see bracketed_wraps) is told."""
    if width is None:
        return []
    shown = nonblank(lines)
    joined = {at for at, joins in enumerate(_bracket_joins(shown, width)) if joins}
    full = sum(1 for at, (line, below) in enumerate(zip(shown, shown[1:]), 1)
               if at not in joined and broken_before(line, below, width))
    return [f"{full} condition line(s) fill the page's width ({width}): whether the line below each is its wrapped "
            "rest or another condition cannot be told (each line loaded as a condition)"] if full else []
