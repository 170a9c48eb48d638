"""meddatax page chrome: its section headings, the explainer sentence under each, the site's navigation above
the study; and the page split at its headings without them."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.parsers.page_sections import Sections, heading_line_limit
from flows.parsers.page_values import NO_VALUE, no_value

# meddatax puts one explainer sentence under every heading: page chrome, never content.
CHROME = {
    "Study Results": "The study team has not published outcome measurements, participant flow, or "
                     "safety data for this trial yet. Check back later for updates.",
    "Basic Information": "Get a concise snapshot of the trial, including recruitment status, study "
                         "phase, enrollment targets, and key timeline milestones.",
    "Brief Summary": "Review the sponsor-provided synopsis that highlights what the study is about and "
                     "why it is being conducted.",
    "Related Clinical Trials": "Explore similar clinical trials based on study characteristics and "
                               "research focus.",
    "Detailed Description": "Dive into the extended narrative that explains the scientific background, "
                            "objectives, and procedures in greater depth.",
    "Conditions": "See the medical conditions and disease areas that this research is targeting or "
                  "investigating.",
    "Study Design": "Understand how the trial is structured, including allocation methods, masking "
                    "strategies, primary purpose, and other design elements.",
    "Study Groups": "Review each arm or cohort in the study, along with the interventions and "
                    "objectives associated with them.",
    "Interventions": "Learn about the drugs, procedures, or behavioral strategies being tested and how "
                     "they are applied within this trial.",
    "Other Intervention Names": "Discover alternative or legacy names that may be used to describe the "
                                "listed interventions across different sources.",
    "Eligibility Criteria": "Check the participation requirements, including inclusion and exclusion "
                            "rules, age limits, and whether healthy volunteers are accepted.",
    "Sponsors": "Meet the organizations funding or collaborating on the study and learn about their roles.",
    "Responsible Party": "Identify the individual or organization who holds primary responsibility for "
                         "the study information submitted to regulators.",
    "Principal Investigators": "Learn about the lead researchers overseeing the trial and their "
                               "institutional affiliations.",
    "Locations": "Explore where the study is taking place and check the recruitment status at each "
                 "participating site.",
    "Countries": "Review the countries where the study has at least one active or historical site.",
    "Central Contacts": "Reach out to these primary contacts for questions about participation or study "
                        "logistics.",
    "Facility Contacts": "Find local site contact details for specific facilities participating in the trial.",
    "Other Identifiers": "Review additional registry numbers or institutional identifiers associated "
                         "with this trial.",
    "More Related Trials": "Additional clinical trials that may be relevant based on similarity analysis.",
}
HEADINGS = frozenset(CHROME)
_HEADING_LINE_LIMIT = heading_line_limit(HEADINGS)
_CHROME_LINES = frozenset(" ".join(s.lower().split()) for s in CHROME.values()) | {"results pending"}
# Only lines about as long as an explainer sentence are compared with them.
_CHROME_LENGTHS = range(min(map(len, _CHROME_LINES)), max(map(len, _CHROME_LINES)) + 40)
# ... and only those ending as one of them ends ('.', 'g'): a cheap test before normalising the line.
_CHROME_ENDS = frozenset(line[-1] for line in _CHROME_LINES)
# The characters whose lower case is one of those ends: the ends and their upper case (no other character
# lower-cases to '.' or an ASCII letter but 'K' (Kelvin sign) to 'k'; a test checks every code point).
CHROME_END_CHARACTERS = frozenset(_CHROME_ENDS | {end.upper() for end in _CHROME_ENDS})
# What str.strip() strips (a test checks every code point): a line ending in it may be one once stripped.
WHITESPACE = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_MAY_END_CHROME = CHROME_END_CHARACTERS | WHITESPACE
# The explainer sentences as the pages write them (each one of _CHROME_LINES once normalised), told at sight.
_CHROME_AS_WRITTEN = frozenset(line for line in (*CHROME.values(), "Results pending", "Results Pending")
                               if " ".join(line.lower().split()) in _CHROME_LINES)

# The line a page's study begins with; above it a saved page may keep the site's navigation menu.
_STUDY_START = re.compile(r"NCT ID:\s*\S*")


def study_start(lines: list[str]) -> int:
    """The number of the page's 'NCT ID:' line (0 when it has none): the lines above it are the site's navigation
    and the study's title, whose words ('Conditions', 'Locations') are no headings."""
    return next((index for index, line in enumerate(lines)
                 if line[:1] in _ID_LINE_STARTS and _STUDY_START.fullmatch(line.strip())), 0)


_ID_LINE_STARTS = frozenset("N \t")


# Each heading by its spelling in any case, without a colon after it.
_BY_CASEFOLD = {heading.casefold(): heading for heading in HEADINGS}
# The count a copy may show after a heading ('Locations (12)', 'Sponsors (3)'), and the most characters it adds.
_COUNT = re.compile(r"\s*\(\d{1,5}\)\s*:?$")
_COUNT_LENGTH = len(" (99999):")


def heading_otherwise(line: str) -> str | None:
    """The heading a line spells in another case, with a colon or with a count after it ('ELIGIBILITY CRITERIA',
    'Eligibility Criteria:', 'Locations (12)'), as usual; None for any other line (a heading spelt as usual too)."""
    key = line.strip().rstrip(":").rstrip()
    if key[-1:] == ")":
        key = _COUNT.sub("", key)
    heading = _BY_CASEFOLD.get(key.casefold())
    return heading if heading is not None and heading != line.strip() else None


def headings_in_usual_case(lines: list[str]) -> list[str]:
    """The lines with each heading a saved copy shows otherwise ('BASIC INFORMATION', as the site's style sheet
    displays its headings, or 'Basic Information:') spelt as usual, where the page never spells that heading as
    usual; the lines themselves when no heading is shown so."""
    shown: dict[str, list[int]] = {}
    usual: set[str] = set()
    for index, line in enumerate(lines):
        if len(line) > _HEADING_LINE_LIMIT + _COUNT_LENGTH or not line.strip():
            continue
        key = line.strip()
        if key in HEADINGS:
            usual.add(key)
        elif (heading := heading_otherwise(key)) is not None:
            shown.setdefault(heading, []).append(index)
    recased = {_heading_at(heading, lines, indexes): heading for heading, indexes in shown.items()
               if heading not in usual}
    return [recased.get(index, line) for index, line in enumerate(lines)] if recased else lines


def _heading_at(heading: str, lines: list[str], indexes: list[int]) -> int:
    """Which of the lines that spell a heading otherwise is the heading: the first with the heading's explainer under
    it, else the first (as page_sections reads a heading spelt as usual); the others are text of a section ('STUDY
    DESIGN' in an all-capitals Detailed Description), kept as the page gives them."""
    if len(indexes) == 1:
        return indexes[0]
    return next((index for index in indexes if _has_explainer(heading, lines, index)), indexes[0])


def study_sections(lines: list[str]) -> Sections:
    """The page split at its headings below its 'NCT ID:' line (the lines above it are the preamble whatever they
    say: a menu line 'Conditions' starts no section). Where a heading's line has its explainer under it, a line that
    spells the heading without one above it is content (a 'Study Design' sub-heading in the Detailed Description)."""
    start = study_start(lines)
    body = lines[start:] if start else lines
    spelt = _heading_lines(body)
    sections, otherwise, starts = _split(body, _unexplained_headings(body, spelt), spelt)
    if otherwise:  # some headings shown otherwise above their explainer ('Eligibility Criteria:', 'Locations (12)')
        body, spelt = _spelt_as_usual(body, otherwise)
        sections, _, starts = _split(body, _unexplained_headings(body, spelt), spelt)
    if "Basic Information" in sections and not HEADINGS.issubset(sections.order):
        # headings a copy that keeps no explainer shows otherwise, told by their place in the page
        if ordered := _in_site_order(body, starts, HEADINGS.difference(sections.order)):
            body, spelt = _spelt_as_usual(body, ordered)
            sections = page_sections(body, _unexplained_headings(body, spelt), spelt)
    if start:
        sections.preamble[:0] = without_chrome(lines[:start])
    return sections


def _spelt_as_usual(lines: list[str], otherwise: dict[int, str]) -> tuple[list[str], list[int]]:
    """The lines with those numbered in `otherwise` spelt as its heading as usual, and the lines that spell a
    heading (_heading_lines)."""
    lines = [otherwise.get(index, line) for index, line in enumerate(lines)]
    return lines, _heading_lines(lines)


def _heading_lines(lines: list[str]) -> list[int]:
    """The numbers of the lines that spell a heading (between spaces, no longer than a heading's line may be)."""
    return [i for i, line in enumerate(lines) if len(line) <= _HEADING_LINE_LIMIT and line.strip() in HEADINGS]


def _unexplained_headings(lines: list[str], spelt: list[int] | None = None) -> frozenset[int]:
    """The numbers of the lines that spell a heading, have no explainer under them, and come before a line of the
    same heading that has one (`spelt`: the lines that spell a heading, _heading_lines)."""
    at: dict[str, list[int]] = {}
    for index in _heading_lines(lines) if spelt is None else spelt:
        at.setdefault(lines[index].strip(), []).append(index)
    content: set[int] = set()
    for heading, indexes in at.items():
        if len(indexes) < 2:  # a heading spelt once has no line of it above its explained one
            continue
        explained = next((index for index in indexes if _has_explainer(heading, lines, index)), None)
        if explained is not None:
            content.update(index for index in indexes if index < explained)
    return frozenset(content)


def _has_explainer(heading: str, lines: list[str], index: int) -> bool:
    """Whether the first non-blank line below line `index` is page chrome, or this heading's explainer reworded."""
    below = next((line for line in lines[index + 1:index + 6] if line.strip()), None)
    return below is not None and (_is_chrome(below) or _is_reworded(heading, below))


def page_sections(lines: list[str], content: frozenset[int] = frozenset(), spelt: list[int] | None = None) -> Sections:
    """The page split at its headings, the explainer sentence under each heading dropped: what
    split_sections(without_chrome(lines), HEADINGS) gives; the lines numbered in `content` are never headings.
    `spelt`: the lines that spell a heading (_heading_lines), when they are known."""
    return _split(lines, content, spelt)[0]


# The headings every meddatax study page shows, even over an empty section.
_ALWAYS_SHOWN = frozenset({"Basic Information", "Brief Summary", "Detailed Description", "Conditions", "Study Design",
                           "Study Groups", "Interventions", "Eligibility Criteria", "Sponsors", "Responsible Party",
                           "Locations", "Countries", "Other Identifiers", "More Related Trials"})
# Each heading's place in the page, as the site orders them.
_SITE_ORDER = {heading: place for place, heading in enumerate(CHROME)}
# The sections of running text, whose lines may spell a heading the site shows only on some pages below them
# ('Related Clinical Trials' in a Brief Summary): such a line is the section's text.
_FREE_TEXT = frozenset({"Brief Summary", "Detailed Description", "Eligibility Criteria"})


def _in_site_order(lines: list[str], starts: list[tuple[int, str]], missing: frozenset[str]) -> dict[int, str]:
    """The lines that spell a heading the page misses (`missing`) otherwise ('ELIGIBILITY CRITERIA', 'Locations
    (1)', 'Central Contacts:'), by number, each with its heading as usual, where the page's sections around the line
    (`starts`: each section's heading and its line's number) come before and after that heading in the site's order:
    a copy that keeps no explainer shows such a heading so. A line out of that order is a section's text
    ('Conditions:' in a description that the page's own 'Conditions' heading follows is told apart as it is spelt as
    usual), and so is a line of running text that spells a heading only some pages show."""
    otherwise: dict[int, str] = {}
    ends = [start for start, _ in starts[1:]] + [len(lines)]
    places = _between(tuple(heading for _, heading in starts), missing)
    for (start, _), end, between in zip(starts, ends, places):
        if not between:
            continue
        between = set(between)
        initials = {heading[0] for heading in between} | {heading[0].lower() for heading in between}
        for index in range(start + 1, end):
            line = lines[index]
            if len(line) > _HEADING_LINE_LIMIT + _COUNT_LENGTH or line.lstrip()[:1] not in initials:
                continue
            if (heading := heading_otherwise(line)) in between and heading in missing:
                otherwise[index] = heading
                between.discard(heading)
                missing = missing - {heading}
    return otherwise


@lru_cache(maxsize=1024)
def _between(order: tuple[str, ...], missing: frozenset[str]) -> tuple[frozenset[str], ...]:
    """For each section of a page whose sections come in `order`, the headings of `missing` the site shows between it
    and the next (or the page's end), but those only some pages show, below a section of running text."""
    return tuple(frozenset(heading for heading in missing if (above not in _FREE_TEXT or heading in _ALWAYS_SHOWN)
                           and _SITE_ORDER[above] < _SITE_ORDER[heading] < _SITE_ORDER.get(below, len(CHROME)))
                 for above, below in zip(order, (*order[1:], "")))


def _split(lines: list[str], content: frozenset[int] = frozenset(),
           spelt: list[int] | None = None) -> tuple[Sections, dict[int, str], list[tuple[int, str]]]:
    """page_sections' reading; the lines of headings the page shows otherwise above their own explainer, by number,
    each with its heading as usual (such a heading's explainer sits inside the section above it); and where each
    section starts (its heading's line's number, the heading)."""
    starts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index in _heading_lines(lines) if spelt is None else spelt:
        line = lines[index]
        key = line.strip()
        if key in seen or index in content or (line[-1:] in _MAY_END_CHROME and _is_chrome(line)):
            continue
        seen.add(key)  # a heading's later occurrences are lines of the section they are in
        starts.append((index, key))
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    found, otherwise = [], {}
    for (index, key), end in zip(starts, ends):
        part = lines[index + 1:end]
        found.append((key, kept := without_chrome(part)))
        if len(part) - len(kept) > _OWN_EXPLAINERS.get(key, 1):  # an explainer inside the section: told at sight
            otherwise.update(_shown_otherwise(lines, index + 1, end, seen))
    for heading, section in found:
        _drop_reworded_explainer(heading, section)
        if len(section) <= _MOST_AROUND_NONE and sum(map(len, section)) <= _MARGINS_AROUND_NONE + _LONGEST_NONE \
                and _says_none(section):
            section.clear()
    return Sections(without_chrome(lines[:starts[0][0]] if starts else lines), found), otherwise, starts


def _says_none(section: list[str]) -> bool:
    """Whether a section's one line is the page's word for no value ('Not Provided', 'N/A', '-', 'None provided.'):
    a section with nothing in it, not a condition, country, site or person so named."""
    shown = " ".join(" ".join(section).split())
    return len(shown) <= _LONGEST_NONE and no_value(shown)


# The most lines, blank ones included, of a section that holds only the word for no value, and the most characters
# beside the word (a margin of indentation or trailing whitespace on each line).
_MOST_AROUND_NONE = 8
_MARGINS_AROUND_NONE = 4 * _MOST_AROUND_NONE
# The longest word for no value, with its full stop ('None specified.').
_LONGEST_NONE = max(map(len, NO_VALUE)) + len(".")


# The lines of page chrome a section holds under its heading ('Study Results' adds 'Results pending').
_OWN_EXPLAINERS = {"Study Results": 2}
# Each explainer (normalised) by its heading.
_HEADING_OF_EXPLAINER = {" ".join(text.lower().split()): heading for heading, text in CHROME.items()}


def _shown_otherwise(lines: list[str], start: int, end: int, usual: set[str]) -> dict[int, str]:
    """The lines between `start` and `end` that spell a heading the page never shows as usual (`usual`) in another
    case or with a colon ('ELIGIBILITY CRITERIA', 'Eligibility Criteria:'), with that heading's own explainer the
    next line below them, by number, each with its heading as usual."""
    otherwise: dict[int, str] = {}
    above = None  # the number of the last non-blank line
    for index in range(start, end):
        line = lines[index]
        if not line.strip():
            continue
        heading = _HEADING_OF_EXPLAINER.get(" ".join(line.lower().split())) if _is_chrome(line) else None
        if (heading is not None and heading not in usual and above is not None
                and len(lines[above]) <= _HEADING_LINE_LIMIT + _COUNT_LENGTH
                and heading_otherwise(lines[above]) == heading):
            otherwise[above] = heading
        above = index
    return otherwise


# The words of each heading's explainer, each by its first letters (so 'funding' is 'fund', as 'fund' is).
_WORD = re.compile(r"[a-z]+")
_STEM = 4
_EXPLAINER_TEXT = {heading: " ".join(text.lower().split()) for heading, text in CHROME.items()}
_EXPLAINER_WORDS = {heading: frozenset(word[:_STEM] for word in _WORD.findall(text.lower()))
                    for heading, text in CHROME.items()}
# A line whose words and its heading's explainer's words overlap this much (shared / all) is the explainer.
_SHARED_WORDS = 0.6


def _drop_reworded_explainer(heading: str, section: list[str]) -> None:
    """Drop the first line under `heading` when it is its explainer in other words, or the first lines when they are
    its explainer wrapped over them (a print at a fixed width, a copy from a narrow window)."""
    at = next((index for index, line in enumerate(section) if line.strip()), None)
    if at is not None and _is_reworded(heading, section[at]):
        del section[at]
    elif at is not None and (wrapped := _wrapped_explainer(heading, section, at)):
        del section[at:at + wrapped]


# The most lines one explainer is wrapped over, and the most indentation its first line may have.
_MOST_WRAPPED, _INDENT = 4, 16


def _wrapped_explainer(heading: str, section: list[str], at: int) -> int:
    """How many lines from section[at] on are the heading's explainer wrapped over them (0 when they are not): each
    line goes on the explainer as far as the lines above, after a space (or none after a hyphen that breaks a word,
    the explainer's own or one a print that hyphenates adds)."""
    explainer, text = _EXPLAINER_TEXT[heading], ""
    if len(section[at]) > len(explainer) + _INDENT:  # a paragraph of content, told at sight
        return 0
    first = section[at].lower().lstrip()
    if first[:1] != explainer[:1] and first.rstrip() != "-":  # a line the explainer cannot start with, told at sight
        return 0
    for used, line in enumerate(section[at:at + _MOST_WRAPPED], 1):
        part = " ".join(line.lower().split())
        if not part:
            return 0
        text = text[:-1] + part if text.endswith("-") and explainer.startswith(text[:-1] + part) else (
            f"{text} {part}" if text else part)
        if text == explainer:
            return used if used > 1 else 0
        if not explainer.startswith(text) and not (text.endswith("-") and explainer.startswith(text[:-1])):
            return 0  # a print that hyphenates breaks a word with a hyphen the explainer does not hold ('object-')
    return 0


def _is_reworded(heading: str, line: str) -> bool:
    """Whether a line is the heading's explainer in other words: a sentence no longer than the explainers whose
    words are mostly the heading's explainer's (the site rewords them from time to time)."""
    if len(line) >= _CHROME_LENGTHS.stop or not line.rstrip().endswith("."):
        return False
    words, explainer = frozenset(word[:_STEM] for word in _WORD.findall(line.lower())), _EXPLAINER_WORDS[heading]
    return len(words) >= 6 and len(words & explainer) >= _SHARED_WORDS * len(words | explainer)


def without_chrome(lines: list[str]) -> list[str]:
    """The lines that are no explainer sentence (compared lower-cased, runs of whitespace as one space).

    A line can be one only if it ends (before trailing whitespace) as an explainer does: a line whose last
    character is neither such an end nor whitespace is kept at sight, without being normalised.
    """
    return [line for line in lines if line[-1:] not in _MAY_END_CHROME or not _is_chrome(line)]


def _is_chrome(line: str) -> bool:
    """Whether the line is an explainer sentence: one as meddatax writes it, or one in another case or spacing."""
    return line in _CHROME_AS_WRITTEN or (len(line) in _CHROME_LENGTHS
                                          and " ".join(line.lower().split()) in _CHROME_LINES)
