"""Trial-summary page, its parts in page order: the headings above the key block, the key block, 'See also'."""
from __future__ import annotations

import re
from typing import Callable

from flows.parsers.page_sections import Sections, split_sections

# The headings above the key block, in page order; the key block follows them, and the 'See also' table it.
ABOVE_KEY_BLOCK = ("Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                   "Related Conditions & MeSH terms")
# The key block's 'NCT number' key starting a stripped line, with its value or a colon ('NCT number: NCT...').
NCT_KEY = re.compile(r"NCT number(?:\s|:)")
NCT_KEY_ANY_CASE = re.compile(NCT_KEY.pattern, re.IGNORECASE)
# Words a sponsor's or person's name does not end with: a name that ends so was wrapped onto the next line.
_UNFINISHED = frozenset({"and", "of", "for", "the", "in", "on", "at", "de", "du", "des", "la", "le", "di", "del",
                         "della", "do", "da", "van", "von", "y", "e", "et", "und", "für", "&", "-", "–", "/", ","})
# A web address, which may end in a slash ('https://forpatients.roche.com/', 'www.example.org/').
_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)\S+")


# What a copy may show after a heading: a colon, or the count of what the section lists ('See also (3)').
_AFTER_HEADING = re.compile(r"\s*(?:\(\d{1,5}\)\s*)?:?$")
_ENDS_OTHERWISE = frozenset(":)")
# The headings by their spelling in any case; and the longest line that may spell one, indented, with a count.
_BY_CASEFOLD = {heading.casefold(): heading for heading in (*ABOVE_KEY_BLOCK, "See also")}
_HEADING_LINE_LIMIT = max(map(len, _BY_CASEFOLD)) + 24


def heading_spelt(line: str) -> str | None:
    """The heading (one above the key block, or 'See also') a line spells in any case, with a colon or a count after
    it or without ('STUDY DESIGN', 'Study Design:', 'See also (3)'), as the page spells it; None for any other line."""
    key = line.strip()
    if key[-1:] in _ENDS_OTHERWISE:
        key = _AFTER_HEADING.sub("", key)
    return _BY_CASEFOLD.get(key.casefold())


def key_block_line(lines: list[str]) -> int:
    """The index of the key block's 'NCT number' line (len(lines) when none): the last such line, as the page
    spells the key or else in another case, since a description may quote another trial's 'NCT number'."""
    stripped = [line.strip() for line in lines]
    for spelt in (NCT_KEY.match, NCT_KEY_ANY_CASE.match):
        found = [index for index, line in enumerate(stripped) if spelt(line)]
        if found:
            return found[-1]
    return len(lines)


def page_sections(lines: list[str], start: int, end: int, headings: frozenset[str],
                  opens: dict[str, Callable[[str], bool]] | None = None) -> Sections:
    """The sections of a page whose key block is lines[start:end]: each heading above it is the last line so
    before the next (a summary or description may hold a 'Study Design' or 'See also' line of its own), the
    headings below it as split_sections finds them. A heading spelt otherwise than the page spells it ('Study
    design:') is one where its first line below opens such a section (`opens`, by heading: a Study Design's first
    label), or none: a description's text may name its parts so ('Study design:' / 'TIGER is a multinational ...')."""
    above: list[tuple[int, str]] = []
    limit = start
    for heading in reversed(ABOVE_KEY_BLOCK):
        at = next((index for index in range(limit - 1, -1, -1) if lines[index].strip() == heading), None)
        if at is None:  # a copy may show the heading in another case, with a colon or a count ('Study Design (5)')
            at = next((index for index in range(limit - 1, -1, -1)
                       if len(lines[index]) <= _HEADING_LINE_LIMIT and heading_spelt(lines[index]) == heading
                       and _opened(lines[index + 1:limit], (opens or {}).get(heading))), None)
        if at is not None:
            above.insert(0, (at, heading))
            limit = at
    above = _out_of_order(lines, above, start)
    ends = [at for at, _ in above[1:]] + [start]
    found = [(heading, lines[at + 1:stop]) for (at, heading), stop in zip(above, ends)]
    below = split_sections(lines[end:], headings.difference(heading for _, heading in above))
    found += [(heading, below.lines(heading)) for heading in below.order]
    return Sections(lines[:above[0][0]] if above else lines[:start], found)


# The sections above the key block that hold running text, where a line may spell a heading of its own.
_RUNNING_TEXT = frozenset({"Clinical Trial Summary", "Clinical Trial Description"})


def _out_of_order(lines: list[str], above: list[tuple[int, str]], start: int) -> list[tuple[int, str]]:
    """The headings above the key block found in page order (`above`: each line's number and heading), with those a
    page shows in another order ('Related Conditions & MeSH terms' above 'Study Design'): a line that spells a
    heading not found, inside a section of lines that are no running text (a list of conditions, Study Design's
    labelled lines), is that heading, as no condition or label is so spelt."""
    missing = [heading for heading in ABOVE_KEY_BLOCK if heading not in {shown for _, shown in above}]
    for heading in missing:
        ends = [at for at, _ in above[1:]] + [start]
        hit = next((index for (at, shown), stop in zip(above, ends) if shown not in _RUNNING_TEXT
                    for index in range(at + 1, stop)
                    if len(lines[index]) <= _HEADING_LINE_LIMIT and heading_spelt(lines[index]) == heading), None)
        if hit is not None:
            above = sorted([*above, (hit, heading)])
    return above


def _opened(lines: list[str], opens: Callable[[str], bool] | None) -> bool:
    """Whether the lines below a heading spelt otherwise open its section: their first non-blank line does (none
    for an empty section)."""
    first = next((line.strip() for line in lines if line.strip()), None)
    return opens is None or first is None or opens(first)


def keys_above(lines: list[str], at: int, key_line: re.Pattern) -> int:
    """Where the key block starts when keys precede its 'NCT number' line (lines[at]): the run of key lines
    right above it, spaced as the block's own lines are (no blank line between, or one on a page that puts one
    between every line); a key the run already holds ends it, as a condition ('Status Epilepticus') may stand
    above the block, unless the line is one the block shows again word for word, or another 'NCT number' line
    (no condition is so spelt): a page that repeats a key line repeats it within its block."""
    step = 2 if at + 2 < len(lines) and not lines[at + 1].strip() and lines[at + 2].strip() else 1
    below: set[str] | None = None  # the lines from the block's on, and their keys: read once a key line is above
    seen: set[str] = set()
    first = at
    while first - step >= 0 and all(not line.strip() for line in lines[first - step + 1:first]):
        line = lines[first - step].strip()
        match = key_line.match(line)
        if match is None:
            break
        if below is None:
            below = {text.strip() for text in lines[at:]}
            seen = {shown.group(1).lower() for text in below if (shown := key_line.match(text))}
        if match.group(1).lower() in seen and line not in below and not NCT_KEY_ANY_CASE.match(line):
            break
        seen.add(match.group(1).lower())
        below.add(line)
        first -= step
    return first


def continues_name(name: str, line: str) -> bool:
    """Whether a key block line that starts with no key is the wrapped rest of the name above it: the name
    ends in a word no name ends with ('Ministry of Health and'), holds an unclosed bracket, or the line goes
    on in lower case."""
    return unfinished(name) or line[:1].islower() or line[:1] == ")"


def unfinished(name: str) -> bool:
    """Whether a name or text goes on past its line: it ends in a word no name ends with ('Ministry of Health
    and'), a comma, dash or slash, or holds an unclosed bracket. Such a word in capitals after words in lower case
    is an abbreviation that ends a name ('Jane Roe, DO': a degree), and a slash ending a web address ends it
    ('Reference Study ID Number: WO43571 https://forpatients.roche.com/')."""
    words = name.split()
    last = words[-1] if words else ""
    if last.lower() in _UNFINISHED and not _abbreviation(words):
        return True
    return (name.endswith((",", "-", "/")) and not _ADDRESS.fullmatch(last)) or name.count("(") > name.count(")")


def _abbreviation(words: list[str]) -> bool:
    """Whether a name's last word is an abbreviation: in capitals, of two letters or more, after words that hold
    lower case (a degree, 'Jane Roe, DO'; a company's form, 'Example Pharma DE'), not a joining word as 'do' or
    'de' are; a name all in capitals ('HOSPITAL DE CLINICAS DE') writes its joining words so too."""
    return len(words[-1]) > 1 and words[-1].isupper() and any(word != word.upper() for word in words[:-1])
