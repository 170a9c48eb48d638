"""Trial-summary page, its title: the part right above 'Clinical Trial Summary' (a saved page may keep the site's
menu or name above it, set apart by a blank line). A title over several lines is read only when each line plainly
goes on in the next; otherwise which lines are the title cannot be told: it is a load problem, and the title is
refused as the lines show it (a page that shows a title is not said to have none)."""
from __future__ import annotations

import re

from flows.parsers.model import Refused
from flows.parsers.printed_pages import broken_before
from flows.parsers.summary_text.wrapped_words import hyphen_undecided

UNDECIDED_TITLE = "unreadable title: its lines undecided"
ONE_TITLE = "a title whose lines the page tells from the site's text above it"
HYPHEN_KNOWN = "a title whose lines show whether a hyphen that ends one is followed by a space"
# A line of the site's navigation: items parted by bars, arrows or bullets ('Home | Trials', 'Home › NCT0...'; not
# '>', which a title may hold: 'Aged > 65'), or by runs of spaces or tabs between short items ('Home  Search').
_SEPARATED = re.compile(r"\s(?:\||\u203a|\u00bb|\u2022|\u00b7)\s")
_CELLS = re.compile(r"\t|\s{2,}")
_MOST_MENU_WORDS = 3
# What a reader view shows above the title: the site's domain (in lower case) and the time the page takes to read.
_READER_VIEW = tuple(map(re.compile, (r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}",
                                      r"(?i)(?:about\s+)?\d+(?:\s*[-\u2013]\s*\d+)?\s+min(?:ute)?s?(?:\s+read)?")))
# A site's cookie notice, which a saved page may keep above the study: its sentence ('We use cookies ...', 'This
# website uses cookies ...', '... our Cookie Policy') and its buttons ('Accept all cookies', 'Manage preferences',
# 'Necessary cookies only'). No title says so.
_COOKIE_NOTICE = re.compile(r"(?i).*\b(?:we use|(?:web)?site uses|uses?) cookies\b.*|.*\bcookie (?:policy|settings|"
                            r"preferences|notice)\b.*|(?:accept|reject|decline|allow)(?: all)?(?: cookies)?|"
                            r"(?:manage|customi[sz]e|save|update) (?:my |your )?(?:cookie )?(?:preferences|settings|"
                            r"choices|cookies)|(?:use |allow )?(?:strictly )?necessary cookies only|only necessary")
# The site's links a saved page may keep above the title: to skip its menu, back to a search, to an account.
_SITE_LINKS = re.compile(r"(?i)skip to (?:main )?content|(?:back|return) to (?:search )?results|back to search|"
                         r"(?:sign|log) in")
# A menu item a saved page keeps on a line of its own below the logo ('Home', 'Menu', 'Search', 'Find a trial'),
# with the arrow a link may show ('< Back', 'Home >'), and a trail of links from the home page ('Home > Trials'):
# no study's title is one of them.
_MENU_ITEM = re.compile(r"(?i)(?:[<\u2039\u00ab\u2190]\s*)?(?:home(?:\s*page)?|(?:main\s+)?menu|"
                        r"(?:toggle\s+|skip\s+)?navigation|search(?:\s+(?:clinical\s+)?(?:trials|studies))?|"
                        r"find\s+(?:a\s+)?(?:clinical\s+)?(?:trials?|studies|study)|"
                        r"browse(?:\s+(?:trials|studies|conditions))?|(?:all\s+)?(?:clinical\s+)?(?:trials|studies)|"
                        r"about(?:\s+us)?|contact(?:\s+us)?|help|faqs?|close|print|share|"
                        r"(?:back|return)(?:\s+to\s+(?:the\s+)?(?:search(?:\s+results)?|results|list|trials))?|"
                        r"(?:log|sign)\s*(?:out|up)|register|my\s+account)(?:\s*[>\u203a\u00bb\u2192])?")
_TRAIL = re.compile(r"(?i)home\s*(?:>|\u203a|\u00bb|\u2192|/)\s*\S.*")
# Lines of the site's own above the title: a reader view's, a cookie notice's, the site's links and menu.
_SITE_TEXT = (*_READER_VIEW, _COOKIE_NOTICE, _SITE_LINKS, _MENU_ITEM, _TRAIL)
# A title line that goes on below: it ends in a word or mark a title does not end with.
_GOES_ON_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
                            "versus", "vs", "vs.", "after", "before", "during", "between", "as", "via", "plus"})
_GOES_ON_MARKS = tuple(",:;-\u2013\u2014/(&+")
# A page wrapped at a fixed width: no wider than a printed line, and several of its lines wrapped.
_WIDEST_WRAP = 160
_FEWEST_WRAPS = 3
# A short page wrapped at a fixed width, told for its title: its title and a line of its text below wrapped.
_FEWEST_TEXT_WRAPS = 1


def page_title(preamble: list[str], width: int | None = None) -> tuple[str | Refused | None, str | None]:
    """(title, None), or (the lines refused, detail of the problem) when the lines right above the summary are
    several that do not plainly make one title; (None, None) when there are none. On a page saved wrapped at
    `width` (see wrap_width), a line too full to have held the next line's first word goes on in it."""
    part: list[str] = []
    tail: list[str] = []  # the site's lines right below the lowest title line, no blank line between
    for line in reversed([line.strip() for line in preamble]):
        if not line or site_text(line):
            if part:
                break
            tail = [line, *tail] if line else []
            continue
        if not part and tail and all(_wraps(upper, lower, width) for upper, lower in zip([line, *tail], tail)):
            part = list(tail)  # a title wrapped before a word a menu item spells ('... of the Lower' / 'Back')
        part.insert(0, line)
    if len(part) > 1 and not all(_wraps(line, below, width) for line, below in zip(part, part[1:])):
        return Refused(" / ".join(part), ONE_TITLE), f"{len(part)} lines right above the summary: whether they are " \
                     "one title or the site's text and a title cannot be told"
    if any(hyphen_undecided(line, below) for line, below in zip(part, part[1:])):
        return Refused(" / ".join(part), HYPHEN_KNOWN), "a title line ends in a hyphen: whether the word goes on " \
                     "in the next line or a space follows the hyphen cannot be told"
    return (" ".join(part) or None), None


def _wraps(line: str, below: str, width: int | None) -> bool:
    """Whether a title line plainly goes on in the line below: it ends in a connecting word or an open mark, or, on a
    page saved wrapped at `width`, it was too full to hold the line's first word."""
    return _goes_on(line) or bool(width and len(line) + 1 + len(below.split()[0]) > width)


def site_text(line: str) -> bool:
    """Whether the stripped line is the site's own text around a study: its navigation, menu items and links, a
    reader view's line, a cookie notice."""
    return navigation(line) or any(pattern.fullmatch(line) for pattern in _SITE_TEXT)


def navigation(line: str) -> bool:
    """Whether the stripped line is the site's navigation: items parted by separators, or short items parted by
    runs of spaces."""
    cells = _CELLS.split(line)
    return bool(_SEPARATED.search(line)) or (len(cells) > 1 and all(len(cell.split()) <= _MOST_MENU_WORDS
                                                                      for cell in cells))


def _goes_on(line: str) -> bool:
    """Whether a title line goes on in the next: it ends in a connecting word or an open mark."""
    return line.endswith(_GOES_ON_MARKS) or line.split()[-1].lower() in _GOES_ON_WORDS


def wrap_width(lines: list[str]) -> int | None:
    """The width at which a page saved as wrapped text (as a browser saves a page as text) wraps its summary and
    description: their longest line, when at least a few of their lines end only because the next word would not
    fit; None for text not so wrapped (a paragraph a line)."""
    stripped = [line.rstrip() for line in lines]
    width = max(map(len, stripped), default=0)
    if width > _WIDEST_WRAP:
        return None
    full = sum(1 for line, below in zip(stripped, stripped[1:]) if broken_before(line, below, width))
    return width if full >= _FEWEST_WRAPS else None


def title_width(preamble: list[str], text: list[str]) -> int | None:
    """The width a short page saved wrapped (too short for wrap_width to tell) wraps its title at: its longest line,
    when the lines above its summary (`preamble`) wrap there and so does a line of its text below (`text`: its
    summary, description, Study Design and 'See also' lines), two lines a page not so wrapped does not end both
    where the next word would not fit; None otherwise."""
    lines = [line.rstrip() for line in (*preamble, *text)]
    width = max(map(len, lines), default=0)
    if width > _WIDEST_WRAP:
        return None
    shown = [line.rstrip() for line in preamble]
    in_title = any(broken_before(line, below, width) for line, below in zip(shown, shown[1:]) if below.strip())
    below_title = [line.rstrip() for line in text]
    wraps = sum(1 for line, below in zip(below_title, below_title[1:]) if broken_before(line, below, width))
    return width if in_title and wraps >= _FEWEST_TEXT_WRAPS else None
