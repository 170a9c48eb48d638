"""clincosm page text saved or printed with its long lines wrapped at a fixed width (a browser's 'save as text' at 80
columns, a sheet's width in a print turned back into text): a line broken off a paragraph, a list item, a title, an
id or a site row goes on at the start of the next line. The page's own lines are read again whole.

A line was broken where the next line's first word would not have fitted on it: the line and that word together are
wider than the copy's widest line. A copy that breaks words after their hyphens (a line ends 'cluster-', the next
goes on 'randomized', where the whole word would not have fitted) may have broken before a word's first part only,
and a word it broke so is one word again, but where the whole word would have fitted on the line (the hyphen and a
space are the text's own: 'pre- existing'); a copy that never does broke only between words ('paediatric' /
'ABL-class'), and a line ending in a hyphen ('pre-' / 'and post-operative') goes on after a space.
What starts a line of its own on the page never goes on from the line above: a list bullet, the next number of a
numbered list or of the sites table, a heading, a label (words ending with ':'), an indented line, a blank line; nor
does a line go on from a header's sponsor, shown whole on its line with its agency class, nor is a site's recruitment
status ('Recruiting', on its own line below the site's row) any part of the row, nor the conditions table's phase
('N/A', 'Phase 2') any part of its last condition or intervention. An arms table's intervention line that the
conditions table lists ('Procedure: Multifidus muscle biopsy ...', as the copy wrapped it there) is whole, and the
line below it is its description's; such a line below a description starts the arm's next intervention. A label of
the page longer than the copy's width ('Publications automatically indexed to this study by ClinicalTrials.gov' /
'Identifier (NCT Number):', 'Keywords provided by' a long sponsor's name) is one label again.
"""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text.conditions import phase_line
from flows.parsers.ctgov_classic_text.headings import HEADINGS, LOCATIONS, SUB_HEADINGS
from flows.parsers.ctgov_classic_text.people_places import party
from flows.parsers.ctgov_classic_text.publications import KIND_LABELS
from flows.parsers.ctgov_classic_text.typed_lines import INTERVENTION_LABELS, typed_line
from flows.parsers.labels import overall_status
from flows.parsers.list_marks import without_bullet
from flows.parsers.printed_pages import broken_before, rejoined
from schemas.enums import RECRUITMENT_STATUS

# The widest a copy that wraps its lines makes them (wider lines are lines of a copy that does not wrap), and the
# narrowest.
WIDEST_WRAP, _SHORTEST_WRAP = 140, 60
# A numbered line: a list item ('1. ', '2) ') or a site row ('12 Mayo Clinic Rochester ...').
_NUMBERED = re.compile(r"(\d{1,4})([.)]?)\s")
# A site row's number has no mark after it; below another heading than 'Locations' no line is a site row.
_SITE_NUMBER, _NO_SITES = "", -1
_OWN_LINES = HEADINGS | SUB_HEADINGS
_DIGIT = re.compile(r"\d")
# The most words of a label ('Product Manufactured in and Exported from the U.S.:'), but for the label that names
# the sponsor ('Keywords provided by Acme Pharma:').
_LABEL_WORDS = 8
_SPONSORS_LABEL = "Keywords provided by "
# A sentence's end inside a line ('visits. Statistical analysis:'), not an abbreviation's dots ('U.S. FDA').
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.?!] ")
# Words after which a sentence or a title goes on: a line ending with one is never the line above a label.
_JOINING_WORDS = frozenset("a an and as at by for from in into of on or the to with without within".split())
# What no label of the page starts with: a word in lower case or a bracket.
_NO_LABEL_START = re.compile(r"[a-z(\[]")
# A site's row in the Locations table: its number, then its name ('12 Mayo Clinic Rochester ...').
_SITE_ROW = re.compile(r"\d{1,4}\s")
# The site statuses the page shows below a site's row, as it spells them ('Recruiting', 'Active, not recruiting').
_SITE_STATUSES = frozenset(RECRUITMENT_STATUS)
# A dash or a markdown list mark and a space at a line's start, not indented as the page's list items are: a text's
# own mark a wrap put first ('(within 30 days of enrollment' / '- archived or fresh)', '... disc height.' / '*
# Post-operative: ...'), when the line above is full to the mark.
_DASH_GOES_ON = re.compile(r"[-\u2013\u2014*+]\s")
# A line a copy broke after a word's hyphen: a letter and the hyphen end it ('cluster-').
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
# The next line's first word, up to a space, and the words that follow a hyphen standing for a word's repeated rest
# ('pre- and post-operative', 'short- or long-term'): a line ending in such a hyphen is no word broken at it.
_FIRST_WORD = re.compile(r"\S+")
_AFTER_SUSPENDED_HYPHEN = frozenset({"and", "or", "to", "nor", "&", "und", "et", "y", "e", "o", "ou"})


def unwrapped(lines: list[str]) -> list[str]:
    """The lines of a copy that wraps them, each page line whole again; the lines as they are when none is as wide as
    a wrap makes them (the copy wraps nothing) or wider (a line the copy did not wrap)."""
    width = copy_width(lines)
    if width > WIDEST_WRAP:
        return lines
    at_hyphens = breaks_at_hyphens(lines, width)
    whole: list[str] = []
    above = ""  # the copy's line above, as wide as the wrap left it
    counted: dict[str, int] = {}  # the number of the last item of each numbered list ('1.', '1 ') read so far
    listed: set[str] = set()  # the conditions table's interventions ('Drug: Aspirin'), each whole
    for line, below in zip(lines, [*lines[1:], ""]):
        if line in _OWN_LINES:  # no list or table goes on past a heading: its numbers start again
            counted = {} if line == LOCATIONS else {_SITE_NUMBER: _NO_SITES}
        item = next_item(line, counted)
        if whole and not item and (ends_label(whole[-1], line, width) or (
                goes_on(above, line, width, at_hyphens) and not own_line_below(whole[-1], line, below, listed))):
            whole[-1] = joined(whole[-1], line, at_hyphens and not spaced_hyphen(above, line, width))
        else:
            if whole and (typed := _listed_intervention(whole[-1])):
                listed.add(typed)
            whole.append(line)
        above = line
    return whole


def copy_width(lines: list[str]) -> int:
    """The width of the copy's widest line but a word alone on its line that holds more than letters and digits (a
    web address, a gene's or a drug's name, a text in Chinese: 'https://www.bms.com/researchers-and-partners/...',
    'CTLA-4（CD152）、TIGIT、...'): a copy cannot break it, it stands alone however wide the copy wraps."""
    longest = max(lines, key=len, default="")
    if " " in longest.strip() or longest.strip().isalnum():  # most pages: their longest line is a text's
        return len(longest)
    return max((len(line) for line in lines if len(line) < _SHORTEST_WRAP or " " in line.strip()
                or line.strip().isalnum()), default=0)


def own_line_below(above: str, line: str, below: str, listed: set[str]) -> bool:
    """Whether `line` stands on a line of its own below `above` (the page's line, whole again) however wide that is:
    a site's status below its row, the phase closing the conditions table below its last item (a blank line
    `below` it), the line below an arms table's intervention that the conditions table lists (`listed`) whole, or the
    start of such an intervention."""
    text = above.strip()
    below_list = without_bullet(text) != text and not below.strip() and phase_line(line) is not None
    whole = text in listed and not _starts_listed(text, listed - {text})  # no longer listed name goes on from it
    return is_site_status(above, line) or below_list or whole or _starts_listed(line, listed)


def _listed_intervention(line: str) -> str | None:
    """The conditions table's typed intervention ('  • Drug: Aspirin' -> 'Drug: Aspirin'), else None."""
    text = line.strip()
    if ":" not in text or without_bullet(text) == text or typed_line(text, INTERVENTION_LABELS) is None:
        return None
    return without_bullet(text).strip()


def _starts_listed(line: str, listed: set[str]) -> bool:
    """Whether the line starts an intervention the conditions table lists ('Drug: Oxaliplatin')."""
    text = line.strip()
    return bool(listed) and ":" in text and any(name == text or name.startswith(f"{text} ") for name in listed)


def next_item(line: str, counted: dict[str, int]) -> bool:
    """Whether the line starts the next item of a numbered list or table ('1. ', then '2. '; site row '1 ', then
    '2 '), counted in `counted`: a number that follows no item before it ('2012 Oct' / '8. PubMed') goes on from
    the line above, as does a bare number below another heading than the sites' ('more than' / '1 cycle of
    treatment')."""
    match = _NUMBERED.match(line.strip())
    if not match or counted.get(match.group(2)) == _NO_SITES or int(match.group(1)) not in (
            1, counted.get(match.group(2), 0) + 1):
        return False
    counted[match.group(2)] = int(match.group(1))
    return True


def breaks_at_hyphens(lines: list[str], width: int) -> bool:
    """Whether the copy breaks words after their hyphens: some line ends with a word's hyphen and the next line goes
    on with a word ('cluster-' / 'randomized'), and no line was broken before a hyphenated word whose first part
    would have fitted on it ('paediatric' / 'ABL-class', as only a copy breaking between words breaks). A text's own
    hyphen before a space ('B- cell', 'follow- up') ends a line of either copy."""
    at_hyphen = False
    for line, below in zip(lines, lines[1:]):
        word = _FIRST_WORD.match(below.strip())
        if word is None or not word.group()[0].isalpha() or not line.strip() or below[0].isspace():
            continue
        if _HYPHEN_END.search(line.rstrip()):
            at_hyphen = at_hyphen or word.group().casefold() not in _AFTER_SUSPENDED_HYPHEN
        elif "-" in word.group() and not broken_before(line, below, width) and len(
                line.rstrip()) + 1 + len(word.group()) > width and not _starts_own_line(below):
            return False
    return at_hyphen


def goes_on(above: str, line: str, width: int, at_hyphens: bool = True) -> bool:
    """Whether `line` goes on from the line above, broken off it by a copy wrapping its lines at `width` columns: its
    first word (of a copy breaking words after their hyphens, `at_hyphens`: the word's first part) would not have
    fitted on the line above, and it is no line the page starts itself."""
    if not line.strip() or line[0].isspace() or _ends_party(above):
        return False
    if _starts_own_line(line) and not (_is_label(line.strip()) and _ends_in_joining_word(above)):
        return False
    word = _FIRST_WORD.match(line.strip())
    if word is not None and len(word.group()) > width:  # a word wider than the copy goes on a text, not a label
        return bool(above.strip()) and not _is_label(above.strip())
    if at_hyphens:
        return broken_before(above, line, width)
    return bool(above.strip()) and word is not None and len(above.rstrip()) + 1 + len(word.group()) > width


def spaced_hyphen(above: str, line: str, width: int) -> bool:
    """Whether a line ending in a word's hyphen goes on after a space, in a copy that breaks words after their
    hyphens: the whole word ('pre-' and 'existing') would have fitted on the line, so the copy did not break it there;
    the hyphen and the space are the text's own ('pre- existing', 'follow- up', as older records are written)."""
    word = _FIRST_WORD.match(line.strip())
    return word is not None and bool(_HYPHEN_END.search(above.rstrip())) and (
        len(above.rstrip()) + len(word.group()) <= width)


def _ends_in_joining_word(line: str) -> bool:
    """Whether the line ends with a word after which a sentence or a title goes on ('A Clinical Practice Guideline
    for the' / 'Management of Patients With Degenerative Cervical Myelopathy:'): a label of the page never follows
    such a line."""
    words = line.split()
    return bool(words) and words[-1].casefold() in _JOINING_WORDS


def ends_label(above: str, line: str, width: int) -> bool:
    """Whether `line` ends a label of the page that a wrap broke off the line above: a kind of publications
    ('Publications automatically indexed to this study by ClinicalTrials.gov' / 'Identifier (NCT Number):') or the
    keywords' label naming a long sponsor ('Keywords provided by Academisch Medisch Centrum - Universiteit van
    Amsterdam' / '(AMC-UvA):')."""
    text = line.strip()
    if not text.endswith(":") or above.rstrip().endswith(":") or not broken_before(above, line, width):
        return False
    label = joined(above, line).strip()
    return label[:-1].casefold() in KIND_LABELS or label.startswith(_SPONSORS_LABEL)


def is_site_status(row: str, line: str) -> bool:
    """Whether `line` is the recruitment status the page shows below a site's row (`row`, whole again), spelt as the
    page spells it ('Recruiting', 'Not yet recruiting'), not the row's wrapped rest."""
    text = line.strip()
    return bool(_SITE_ROW.match(row.strip())) and text[:1].isupper() and overall_status(text) in _SITE_STATUSES


def joined(above: str, line: str, at_hyphens: bool = True) -> str:
    """The line above and the line going on from it, as one line (printed_pages.rejoined); of a copy that never
    breaks words after their hyphens (`at_hyphens`), parted by a space."""
    return rejoined(above, line) if at_hyphens else f"{above.rstrip()} {line.strip()}"


def _starts_own_line(line: str) -> bool:
    """Whether the page starts this line itself: a list item, a heading, a label."""
    text = line.strip()
    marked = without_bullet(text) != text and not _DASH_GOES_ON.match(line)
    return marked or text in _OWN_LINES or _is_label(text) or _opens_long_label(text)


def _opens_long_label(text: str) -> bool:
    """Whether the line opens a label a wrap may break: a kind of publications ('Publications automatically indexed
    to this study by ClinicalTrials.gov', its two first words at least) or the keywords' label."""
    if text.startswith(_SPONSORS_LABEL):
        return True
    opening = text.casefold()
    return " " in opening and any(label.startswith(f"{opening} ") for label in KIND_LABELS)


def _ends_party(line: str) -> bool:
    """Whether the line ends as the header shows a sponsor, one a line: its agency class in brackets ('Amgen
    (Industry)')."""
    return line.rstrip().endswith(")") and party(line)["agency_class"] is not None


def _is_label(text: str) -> bool:
    """Whether the line is a label of the page ('Other Names:', 'Keywords provided by Acme Pharma:'): a few words
    without numbers ending with ':' (a wrapped citation's line ending 'doi:' has its journal's numbers, a sentence
    ending with ':' has more words), that start as a label does, with no word in lower case or a bracket first, and
    hold no sentence's end (a wrapped sentence's rest: 'criteria apply:', '(pivotal trial) of:', 'visits.
    Analysis:')."""
    return text.endswith(":") and not _DIGIT.search(text) and not _NO_LABEL_START.match(text) and (
        not _SENTENCE_END.search(text)) and (len(text.split()) <= _LABEL_WORDS or text.startswith(_SPONSORS_LABEL))
