"""meddatax study page, the title: the lines right above 'NCT ID:'. A title the page wraps over several lines is read
whole; a line above it that may as well be the title's first line as the site's navigation is a load problem."""
from __future__ import annotations

import re

from flows.parsers.aggregator_text.wrapped_lines import fills_sheet
from flows.parsers.model import Problem, Refused

UNDECIDED_TITLE = "unreadable title: its first line undecided"
_ONE_TITLE = "a title whose lines the page tells from the site's text above it"
# Words a title does not end with: a line that ends with one goes on in the line below.
CONNECTORS = frozenset({
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "without", "by", "from", "into",
    "versus", "vs", "vs.", "among", "after", "before", "during", "between", "over", "under", "as", "via", "plus",
    "than", "who", "which", "that", "its", "their", "per", "across", "within", "following", "using",
})
# The characters a title line ends with when the title goes on below it ('...Sclerosis:', 'Anti-', 'A (').
_OPEN_ENDS = frozenset(",:;-\u2013\u2014/(&+")
# The characters a line starts with when it goes on a title above it ('(SCLERO-1)', '[Open-Label]').
_CONTINUED_STARTS = frozenset("([)]")
# A line of the site's navigation: items split by bars, arrows or slashes ('Home | Conditions', 'Home > Trials').
_NAVIGATION = re.compile(r"\s(?:\||>|\u203a|\u00bb|/|\u2022|\u00b7)\s")
# A navigation item or a site name has a few words; a wrapped title's first line is a full line of words.
_MOST_MENU_WORDS = 3
# The site's links above a study a saved page keeps: its account links, which end in a word a title line does not
# end with ('Sign in'), and its way back to a search, of as many words as a title's first line. Never a title's line.
_SITE_LINKS = frozenset({"sign in", "log in", "logged in", "signed in", "back to search results", "back to results",
                         "back to search", "return to search results"})
# A site's cookie notice, which a saved page may keep above the study: its sentence ('We use cookies to improve your
# experience', 'This website uses cookies', '... see our Cookie Policy') and its buttons ('Accept all cookies').
# No study's title says so.
_COOKIE_NOTICE = re.compile(r"(?i).*\b(?:we use|(?:web)?site uses|uses?) cookies\b.*|.*\bcookie (?:policy|settings|"
                            r"preferences|notice|consent)\b.*|(?:accept|reject|decline|allow)(?: all)?(?: cookies)?")
_SENTENCE_ENDS = frozenset(".!?")
_NO_SPACE_AFTER = frozenset("-/")


def title_of(above: list[str], width: int | None = None) -> tuple[str | Refused | None, Problem | None]:
    """The title from the lines above the 'NCT ID:' line (stripped, no heading; blank ones kept), and the problem of
    a line above it that the page leaves undecided (then the title is refused, the lines it may be kept). On a page
    that sets its parts apart by blank lines (a blank line above 'NCT ID:'), the lines of one part are one title; on
    a print wrapped at `width`, a line that fills the sheet goes on in the title line below it."""
    parts: list[str] = []
    apart = blank_between = False
    for upper in reversed(above):
        if not upper:
            apart, blank_between = apart or not parts, bool(parts)
            continue
        if not parts:
            parts.append(upper)
        elif (goes_on(upper, parts[0]) or (apart and not blank_between and _may_be_title(upper))
              or (not blank_between and fills_sheet(upper, parts[0], width))):
            parts.insert(0, upper)
        elif _may_be_title(upper):
            detail = (f"'{upper}' above the title line '{parts[0]}' may be the title's first line or the site's own "
                      "text; the title is not read")
            # refused, not left out: the page has a title, and the lines it may be are kept and quoted
            return Refused(f"{upper} / {joined_title(parts)}", _ONE_TITLE), Problem(UNDECIDED_TITLE, detail)
        else:
            break
        blank_between = False
    return joined_title(parts) or None, None


def joined_title(parts: list[str]) -> str:
    """The lines as one title: a line that ends in a hyphen or a slash goes on with no space ('Anti-' 'TNF')."""
    return "".join(part if at == len(parts) - 1 or part[-1] in _NO_SPACE_AFTER else part + " "
                   for at, part in enumerate(parts))


def goes_on(upper: str, lower: str) -> bool:
    """Whether `lower` continues the title line `upper`: `upper` ends in a word or mark a title does not end with,
    or `upper` is a full line of words and `lower` starts in lower case or with a bracket."""
    if _NAVIGATION.search(upper) or upper.casefold() in _SITE_LINKS or _COOKIE_NOTICE.fullmatch(upper):
        return False
    words, first = upper.split(), lower[:1]
    if words[-1].casefold() in CONNECTORS or upper[-1] in _OPEN_ENDS:
        return True
    # a short line above a title starting in lower case ('mHealth ...') is the site's, as before
    return len(words) > _MOST_MENU_WORDS and (first in _CONTINUED_STARTS or (first.isalpha() and first.islower()))


def _may_be_title(line: str) -> bool:
    """Whether a line with no sign of going on into the title below could still be the title's first line: more
    words than a navigation item, no navigation separators, no sentence."""
    return (len(line.split()) > _MOST_MENU_WORDS and not _NAVIGATION.search(line)
            and line[-1] not in _SENTENCE_ENDS and line.casefold() not in _SITE_LINKS
            and not _COOKIE_NOTICE.fullmatch(line))
