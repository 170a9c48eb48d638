"""Trial-summary page, its 'See also' table: one row per related trial (status, NCT id - title, phase)."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.model import Refused
from flows.parsers.page_text import nonblank
from flows.parsers.summary_text import design
from flows.parsers.summary_text.title import HYPHEN_KNOWN, site_text
from flows.parsers.summary_text.wrapped_words import hyphen_undecided
from schemas import enums

# A whole row: 'Completed NCT03529955 - <title> Phase 2' (a stopped trial's status may carry its reason in brackets,
# 'Terminated (Low accrual)', which is read as the status alone); a study without phases shows 'N/A' or, as the
# registry's current pages, 'Not Applicable'; a study of two phases 'Phase 1/Phase 2', or in short 'Phase 1/2'. The
# id and the title are parted by a hyphen, or by a dash where the page's text was typeset ('NCT03529955 – <title>').
# A phase cell may write its number in roman numerals ('Phase IV', 'Phase I/II'), as older records' titles do.
_PHASE_NUMBER = r"(?:\d|IV|I{1,3})"
SEE_ALSO_ROW = re.compile(r"^(?P<status>.+?)\s+(?P<nct>NCT\d{8})\s+[-–—]\s+(?P<title>.*?)"
                          rf"(?:\s+(?P<phase>(?:Early )?Phase {_PHASE_NUMBER}(?:/(?:Phase )?{_PHASE_NUMBER})?"
                          r"|N/A|Not Applicable))?$")


# The site's footer below the table, as a saved page keeps it: its copyright line, which closes a page ('© 2026
# Example', 'Copyright 2026 ...', '... All rights reserved.'), and the links above it ('Privacy Policy', 'Terms of
# Use', 'Disclaimer', 'Sitemap', or a line of them parted by bars; its social networks and newsletter), with the
# site's name the copyright line names.
_COPYRIGHT = re.compile(r"(?i)(?:\u00a9|\(c\)|copyright\b).*|.*\ball rights reserved\.?")
_FOOTER_LINK = re.compile(r"(?i)(?:privacy|cookie)(?: policy| notice| statement)?|terms(?: (?:of (?:use|service)|and "
                          r"conditions))?|disclaimer|site ?map|accessibility|imprint|legal(?: notice)?|"
                          r"follow us(?: on \w+)?|"
                          r"(?:subscribe to (?:our )?|sign up for (?:our )?)?newsletter|facebook|twitter|x|linkedin|"
                          r"youtube|instagram")
# What a copyright line says besides the name it gives: its mark and years before, its reservation after.
_COPYRIGHT_WORDS = re.compile(r"(?i)^(?:\u00a9|\(c\)|copyright\b)(?:\s*(?:\u00a9|\(c\)))?\s*(?:\d{4}(?:\s*[-\u2013]\s*"
                              r"\d{4})?)?\s*|[.,]?\s*(?:all rights reserved)?\.?\s*$")


def see_also(lines: list[str]) -> tuple[list[dict[str, object]], int]:
    """'Completed NCT03529955 - <title> Phase 2' rows, and how many lines start no row and continue none.

    Lines that start no row continue the row above when they and the row read together end in a phase (the title
    wraps, over one line or several: a page saved at a fixed width wraps a long row twice); the phase cell closes
    a row. A row's start may wrap too: its line may end at the dash after the id ('Terminated (Low accrual)
    NCT01406860 -'), a stopped status's reason may wrap before the id, the line below starting with the reason's
    rest ('Withdrawn (Sponsor decided not to' / 'proceed) NCT05031416 - <title> N/A'), or the line may break right
    before the id, the status alone above it ('Withdrawn (Sponsor decision)' / 'NCT05031416 - <title> N/A'). Any
    other line (a footer, or the wrap of a row that shows no phase, which cannot be told from one) is counted, not
    read into a title; the site's footer below the last row is no row (see _above_footer)."""
    texts: list[str] = []
    shown: list[list[str]] = []  # each row's lines as the page shows them
    pending: list[str] = []  # the lines below the last row that do not yet end it with a phase
    strays = 0
    for line in nonblank(lines):
        if _SEE_ALSO_HEAD.match(line) or _HEAD_AT_DASH.fullmatch(line):
            row_lines = [line]
            if pending and _status_goes_on(pending, line):
                row_lines, pending = [*pending, line], []
            texts.append(" ".join(row_lines))
            shown.append(row_lines)
            strays, pending = strays + len(pending), []
        elif pending and _ID_FIRST.match(line) and _is_status(" ".join(pending)):
            texts.append(" ".join([*pending, line]))  # the status (with its reason) wrapped alone above the id
            shown.append([*pending, line])
            pending = []
        elif texts and _continues(texts[-1], " ".join([*pending, line])):
            texts[-1] = " ".join([texts[-1], *pending, line])
            shown[-1] += [*pending, line]
            pending = []
        else:
            pending.append(line)
    strays += len(_above_footer(pending))
    rows = []
    strays += sum(1 for text in texts if see_also_parts(text) is None)  # a row's start that nothing went on
    for text, row_lines in zip(texts, shown):
        if (parts := see_also_parts(text)) is None:
            continue
        status, nct, title, phase = parts
        rows.append({"related_nct_id": nct, "stated_status": design.read_status(status),
                     "stated_phase": labels.phase(phase), "title": _title(title, row_lines)})
    return rows, strays


def _above_footer(pending: list[str]) -> list[str]:
    """The lines below the table's last row without the site's footer that closes a saved page: a copyright line
    (see _COPYRIGHT), with the site's links and navigation right above it (_FOOTER_LINK, title.site_text) and only
    the site's text below it (a cookie notice, a page saved after it in the same file). Without a copyright line,
    such lines are counted as any other (a link alone may be either page's where several pages are saved in one
    file)."""
    end = len(pending)
    while end and site_text(pending[end - 1].strip()):
        end -= 1
    if not end or not _COPYRIGHT.fullmatch(pending[end - 1].strip()):
        return pending
    end -= 1
    copyright_line = pending[end].strip()
    while end and ((line := pending[end - 1].strip()) and _FOOTER_LINK.fullmatch(line) or site_text(line) or
                   _site_name(line, copyright_line)):
        end -= 1
    return pending[:end]


def _site_name(line: str, copyright_line: str) -> bool:
    """Whether a line is the site's name that the copyright line below it names ('Clinical Trials Summary' above
    '© 2026 Clinical Trials Summary. All rights reserved.'): the whole name, not a word of it."""
    return " ".join(_COPYRIGHT_WORDS.sub("", copyright_line).split()).casefold() == " ".join(line.split()).casefold()


def _title(title: str, row_lines: list[str]) -> str | Refused:
    """A row's title; refused as shown when the row wraps after a word's hyphen ('GM-' / 'CSF', 'HER2-' / 'Breast'),
    where whether the word goes on in the next line or a space follows the hyphen cannot be told."""
    if any(hyphen_undecided(upper, lower) for upper, lower in zip(row_lines, row_lines[1:])):
        return Refused(title, HYPHEN_KNOWN)
    return title


def _status_goes_on(pending: list[str], line: str) -> bool:
    """Whether the lines above a row's start are its status wrapped before the id: the row's own status is none of
    the registry's, and those lines with it read as one ('Withdrawn (Sponsor decided not to' / 'proceed)')."""
    status = (_SEE_ALSO_HEAD.match(line) or _HEAD_AT_DASH.fullmatch(line)).group("status")
    return not _is_status(status) and _is_status(" ".join([*pending, status]))


def _is_status(text: str) -> bool:
    """Whether a row's status cell reads as one of the registry's statuses (a stopped one with its reason)."""
    return design.read_status(text) in enums.OVERALL_STATUS


def _continues(row: str, line: str) -> bool:
    """Whether `line` (one or several lines joined) goes on with the title of `row`: the two read together end in a
    phase."""
    return see_also_parts(f"{row} {line}")[3] is not None


# The start of a 'See also' line (what SEE_ALSO_ROW matches before the title), and the phase forms that may end it
# with their lengths, longest first.
_SEE_ALSO_HEAD = re.compile(r"(?P<status>.+?)\s+(?P<nct>NCT\d{8})\s+[-–—]\s+")
# A row's start that a wrap broke right after the dash that ends its id ('Completed NCT03529955 -').
_HEAD_AT_DASH = re.compile(r"(?P<status>.+?)\s+(?P<nct>NCT\d{8})\s+[-–—]")
# A line that starts with a row's id and its dash: the row's start when the lines above it are its status.
_ID_FIRST = re.compile(r"NCT\d{8}\s+[-–—](?:\s|$)")
_PHASE_FORM = re.compile(rf"(?:Early )?Phase {_PHASE_NUMBER}(?:/(?:Phase )?{_PHASE_NUMBER})?|N/A|Not Applicable")
_PHASE_LENGTHS = (len("Early Phase 1/Phase 2"), len("Phase 1/Phase 2"), len("Not Applicable"), len("Early Phase 1"),
                  len("Phase 1/2"), len("Phase 1"), len("N/A"))
# Every length a phase form that ends in a roman numeral may have ('Phase I' to 'Early Phase III/Phase III'), longest
# first; and the letters such a form ends with (no other form ends so).
_ROMAN_LENGTHS = tuple(range(len("Early Phase III/Phase III"), len("Phase I") - 1, -1))
_ROMAN_ENDS = frozenset("IV")


def see_also_parts(line: str) -> tuple[str, str, str, str | None] | None:
    """(status, NCT id, title, phase or None) as SEE_ALSO_ROW reads the line, None when it does not match.

    The pattern's lazy title tries every length before the optional phase; the same reading by string tests:
    on a line without a line break the title always matches once the head does, and the phase is the longest
    phase form that ends the line after whitespace (the shortest title), the title what precedes that run."""
    if "\n" in line:  # '.' and '$' read a line break specially: such a line goes to the pattern
        match = SEE_ALSO_ROW.match(line)
        return match.group("status", "nct", "title", "phase") if match else None
    head = _SEE_ALSO_HEAD.match(line)
    if head is None:
        return None
    rest, end = line[head.end():], len(line) - head.end()
    for size in _ROMAN_LENGTHS if rest[-1:] in _ROMAN_ENDS else _PHASE_LENGTHS:
        start = end - size
        if start > 0 and rest[start - 1].isspace() and _PHASE_FORM.fullmatch(rest, start):
            return head.group("status"), head.group("nct"), rest[:start].rstrip(), rest[start:]
    return head.group("status"), head.group("nct"), rest, None
