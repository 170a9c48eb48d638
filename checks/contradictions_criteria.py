"""Defects inside the eligibility criteria text: a criterion stated twice, numbers skipped."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

import duckdb

from checks.criteria_age_groups import GROUP_WORDS
from checks.criteria_gaps import numbering_gaps, run_on_at_the_top
from checks.criteria_list_walk import NumberingGap
from checks.criteria_group_labels import names_groups
from checks.criteria_headings import block_of, names_another_list
from checks.criteria_items import Item, short_item
from checks.criteria_repeated_blocks import Repeat, block_message, criteria_in_block, repeated_blocks
from checks.criteria_repeated_sections import repeated_sections
from checks.criteria_repeats import repeated_items
from checks.criteria_sections import Section
from checks.criteria_sub_lists import under_two_parents
from checks.criteria_text import Reading
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import StudyText, excerpt, texts_by_study


def _criteria(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[tuple[str, StudyText]]:
    """(nct_id, criteria text) for every scoped study that has criteria; both rules share each text's reading."""
    for nct_id, texts in texts_by_study(con, scope, ("eligibilities.criteria",)).items():
        for source in texts:
            yield nct_id, source


def _name(item: Item) -> str:
    kind = "criterion" if item.section == "criteria" else f"{item.section} criterion"
    return f"{kind} {item.number}" if item.number is not None else f"an {kind}" if kind[0] in "ie" else f"a {kind}"


def _repeat_message(first: Item, repeat: Item, text: str) -> str:
    if first.section != repeat.section:
        return f"The same criterion is both an {first.section} and an {repeat.section} criterion."
    if first.number is not None and first.number == repeat.number:
        return f"{_name(repeat).capitalize()} is written twice, word for word."
    if first.number is not None and repeat.number is not None:
        return f"{_name(repeat).capitalize()} repeats {_name(first)} word for word."
    said = f"{_name(first).capitalize().replace('A ', 'One ', 1).replace('An ', 'One ', 1)} appears twice"
    above, again = block_of(text, first.start), block_of(text, repeat.start)
    if above is not None and again is not None and above.headings != again.headings:
        return f"{said}, under '{above.headings}' and again under '{again.headings}'."
    return f"{said}."


# What ends a criterion's last line: a piece below such a line is a criterion of its own.
_SENTENCE_END = ".;:!?"
# A list mark at the start of a line: a bullet or a list number.
_LIST_MARK = re.compile(r"[-*•]|\(?\d{1,2}[ \t]?(?:\\?\.|\))")
# A protocol document's page header or footer pasted with its criteria, a paragraph of its own at each page break:
# "CONFIDENTIAL", "Page 12 of 80", "Version 4.0 dated 12 March 2021".
_PAGE_FURNITURE = re.compile(r"\bconfidential\b|\bpage[ \t]+\d{1,4}[ \t]*(?:of|/)[ \t]*\d{1,4}\b"
                             r"|\bversion[ \t]+\d{1,2}(?:\.\d{1,2})*,?[ \t]+(?:dated|date)\b", re.I)


# Runs of characters beyond ASCII: most criteria have none, or a few signs ("≥") and no letter.
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")


def _letters_beyond_ascii(text: str, item: Item) -> str:
    """The item's letters beyond ASCII (a Chinese, Cyrillic or Greek criterion's words, an accented letter), in one
    form and case ("µg" and "μg" alike): an item's key keeps only a-z and 0-9, so two criteria that differ only in
    those letters ("HBsAg阳性 ... HBV DNA>2000 IU/mL", "HBsAg阴性 ... HBV DNA>2000 IU/mL": positive, negative) share
    a key."""
    letters = "".join(c for run in _BEYOND_ASCII.findall(text, item.start, item.end) for c in run if c.isalpha())
    return unicodedata.normalize("NFKC", letters).casefold() if letters else letters


def _line_above(text: str, item: Item) -> str | None:
    """The words of the last line above the item when the item goes on the criterion of that line: a piece that a
    blank line cut from its criterion (pasted from a page: "* Women of childbearing potential must agree to use", a
    blank line, then "effective contraception during the study ..."), which opens with no list mark and in lower
    case, below a line that ends no sentence. None for an item that is a criterion of its own."""
    line_start = text.rfind("\n", 0, item.start) + 1
    body = text[line_start:item.end].lstrip(" \t")
    above = text[:line_start].rstrip()
    if not body[:1].islower() or not above or above[-1] in _SENTENCE_END:
        return None
    return " ".join(above[above.rfind("\n") + 1:].strip(" \t-*•").split()).lower()


def _page_furniture(text: str, item: Item) -> bool:
    """Whether the item is a page's header or footer: a paragraph with no list mark that says what pages of a
    protocol say (`_PAGE_FURNITURE`). Written alike at every page break, it states no criterion twice."""
    line_start = text.rfind("\n", 0, item.start) + 1
    body = text[line_start:item.end].lstrip(" \t")
    return _LIST_MARK.match(body) is None and _PAGE_FURNITURE.search(body) is not None


# A group's count of participants closing the line above a list that starts again at 1: a group's label run on into
# the last criterion of the list before ("... diabetic group T1Diabetic subjects High-risk group (n= 10)" then "1.
# Completed visit ...", NCT01019486). The list below is that group's.
_COUNTED_GROUPS_LIST = re.compile(r"\([ \t]*[nN][ \t]*=[ \t]*\d{1,5}[ \t]*\)[ \t]*:?[ \t]*\n\s*(?:[-*•][ \t]*)?"
                                  r"\(?1[ \t]?\\?[.)]")


def _stated_twice(text: str, first: Item, repeat: Item) -> bool:
    """Whether two items with one key state one criterion twice: the same words in every script, the same criterion
    when each goes on the one of the line above it (`_line_above`), and no line between them that names another
    group of people or another step of the study (`names_another_list`; each line read without its indent, which
    names nothing and which the patterns would try many ways to skip), nor a group's count above a list that starts
    again at 1 (`_COUNTED_GROUPS_LIST`), nor each below its own parent criterion that counts the items of its list
    (`under_two_parents`: "any 1 out of 4" and "any 3 out of 4" of the same signs)."""
    if _letters_beyond_ascii(text, first) != _letters_beyond_ascii(text, repeat) or \
            _line_above(text, first) != _line_above(text, repeat) or _page_furniture(text, repeat) or \
            _COUNTED_GROUPS_LIST.search(text, first.end, repeat.end) is not None or \
            under_two_parents(text, first, repeat):
        return False
    begin = text.rfind("\n", 0, first.end) + 1
    end = text.rfind("\n", 0, repeat.start) + 1
    return begin >= end or not any(names_another_list(line.lstrip(" \t")) for line in text[begin:end].split("\n"))


def _one_groups_list(text: str) -> bool:
    """Whether the criteria are one group's: no line or heading names a group of participants, other people or a
    step of the study (`names_groups`, `names_another_list` of each line that may be a label, `_may_label`, without
    its indent), and no words name a cohort, a part or an arm (criteria_age_groups' GROUP_WORDS). Only there is a
    short criterion said twice ("* Able to provide informed consent"): elsewhere "* Age 18-65 years" may be stated
    once for each group."""
    return GROUP_WORDS.search(text.lower()) is None and not names_groups(text) and \
        not any(names_another_list(line.lstrip(" \t")) for line in text.split("\n") if _may_label(line))


# A label names its list in a few words, or ends in a colon: a line of more words that ends otherwise is a criterion
# (a hard-wrapped one's line), read no further.
LABEL_WORDS = 8
_ENDS_IN_COLON = re.compile(r"[:\uff1a][ \t*_]*$")


def _may_label(line: str) -> bool:
    """Whether a line may name another list (`names_another_list`): of at most `LABEL_WORDS` words, or ending in a
    colon."""
    return len(line.split()) <= LABEL_WORDS or _ENDS_IN_COLON.search(line) is not None


def _section_copy(nct_id: str, text: str, first: Section, copy: Section) -> Finding:
    """A finding for a criteria section written twice whole, heading and criteria ("Inclusion Criteria: ...
    Exclusion Criteria: ..." pasted again below itself)."""
    heading = " ".join(text[text.rfind("\n", 0, copy.start) + 1:copy.start].split())
    message = f"The {copy.name} criteria are written twice, word for word, each under the heading '{heading}'."
    evidence = (f"eligibilities.criteria: '{excerpt(text, first.start, first.start + 80, 0)}' "
                f"and again: '{excerpt(text, copy.start, copy.start + 80, 0)}'")
    return Finding(nct_id, message, evidence)


def duplicate_criterion(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The same criterion text appears twice in a study's eligibility criteria, or a criteria section twice whole."""
    for nct_id, source in _criteria(con, scope):
        text = source.text
        repeats = repeated_items(text, source.memo)
        # after the items: it reads the sections their reading read; a text without a reading (no list number) has
        # its sections read from its lower case, which the age, sex and healthy-volunteer rules read too
        lowered = source.lowered if Reading not in source.memo else None
        copies = repeated_sections(text, source.memo, lowered)
        for first, copy in copies:
            yield _section_copy(nct_id, text, first, copy)
        for run in repeated_blocks(text, _stated_twice_outside(text, repeats, copies), source.memo):
            first, repeat = run[0]
            evidence = (f"eligibilities.criteria: '{excerpt(text, first.start, first.start + 80, 0)}' "
                        f"and again: '{excerpt(text, repeat.start, repeat.start + 80, 0)}'")
            if len(run) == 1:
                yield Finding(nct_id, _repeat_message(first, repeat, text), evidence)
                continue
            count = criteria_in_block(text, run, source.memo)
            last = run[-1][0]
            yield Finding(nct_id, block_message(text, run, count),
                          f"{evidence}; the block's last criterion: '{excerpt(text, last.start, last.start + 80, 0)}'")


def _stated_twice_outside(text: str, repeats: list[Repeat], copies: list[tuple[Section, Section]]) -> list[Repeat]:
    """The repeats that state one criterion twice (`_stated_twice`), not inside a section written again whole, a short
    one only in criteria that name no group (`_one_groups_list`)."""
    stated = []
    one_group = None  # read only for a short criterion's repeat
    for first, repeat in repeats:
        if not _stated_twice(text, first, repeat) or any(copy.start <= repeat.start < copy.end for _, copy in copies):
            continue
        if short_item(repeat):
            one_group = _one_groups_list(text) if one_group is None else one_group
            if not one_group:
                continue
        stated.append((first, repeat))
    return stated


def criteria_numbering_gap(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Numbered criteria skip a number or start after 1, so criteria may have been lost."""
    for nct_id, source in _criteria(con, scope):
        text = source.text
        for gap in numbering_gaps(text, source.memo):
            yield Finding(nct_id, _gap_message(gap, run_on_at_the_top(text, gap, source.memo)),
                          f"eligibilities.criteria: '{excerpt(text, gap.at, gap.at + 2, 60)}'")


def _gap_message(gap: NumberingGap, run_on: list[int]) -> str:
    """What a numbering gap loses: the numbers from the one expected up to those standing run on inside the text
    before the number found (`run_on`: "... mm3. 17. Serum creatinine" before "18."), which are there."""
    section = "criteria" if gap.section == "criteria" else f"{gap.section} criteria"
    last = (run_on[0] if run_on else gap.found) - 1
    if last == gap.expected:
        missing = f"criterion {gap.expected} is"
    elif last == gap.expected + 1:
        missing = f"criteria {gap.expected} and {last} are"
    else:
        missing = f"criteria {gap.expected} to {last} are"
    verb = f"start at {gap.found}" if gap.expected == 1 else f"jump to {gap.found}"
    written = ""
    if run_on:
        numbers = " and ".join(map(str, run_on)) if len(run_on) < 3 else f"{run_on[0]} to {run_on[-1]}"
        written = f" ({numbers} {'stands' if len(run_on) == 1 else 'stand'} inside the text before {gap.found})"
    return f"The numbered {section} {verb}, so {missing} missing{written}."


RULES = (
    Rule("contradictions.duplicate_criterion", "contradiction", "info",
         "A criterion stated twice is a copy error that may hide the criterion meant to be there. Twice in one "
         "list, or in one exclusion section under two topical headings that exclude it at the same time (an ACTG "
         "record's 'Co-existing Condition:' and 'Patients with the following are excluded:'); under a cohort's, "
         "a part's, an arm's, a step's or other people's heading or label ('Cohort B', '* Healthy volunteers', "
         "'OR', '* Caregivers', '* STEP 2 RANDOMIZATION') it is that group's criterion, below each of two parent "
         "criteria that count their items ('any 1 out of 4', 'any 3 out of 4') each parent's, and a deleted "
         "criterion's placeholder, a note or a page's header is no criterion. A criteria section written again "
         "whole, heading and criteria word for word with no group named between, is one copy error, and so is a "
         "block of consecutive criteria written again in the same order: one finding naming its first criterion and "
         "how many it holds. A criterion of three to five words ('* Able to provide informed consent') counts only "
         "as a list line of its own, word for word, in criteria that name no group, other people or step anywhere: "
         "'* Age 18-65 years' may be each group's.",
         ("eligibilities.criteria",), func=duplicate_criterion, in_worker=True),
    Rule("contradictions.criteria_numbering_gap", "contradiction", "warning",
         "A skipped number in a criteria list usually means a criterion was lost (unless the record says those "
         "numbers were deleted, or each stands run on inside the text before the gap). The message counts only the "
         "numbers not written there.",
         ("eligibilities.criteria",), func=criteria_numbering_gap, in_worker=True),
)
