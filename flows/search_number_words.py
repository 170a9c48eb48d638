"""The words a query's number stands with in its phrase: the word beside a number written alone ("type 1 diabetes":
type 1, 1 diabetes), and the word a hyphen joins to a number written with letters ("HER2-positive")."""
from __future__ import annotations

from flows.search_reading import Reading


def hyphened_phrases(reading: Reading, numbers: list[tuple[tuple[str, ...], tuple[int, int]]]
                      ) -> list[tuple[str, ...]]:
    """The phrases of the numbers written in one run with letters whose run a hyphen joins to a word of letters
    after it, with that word: "HER2-positive" -> (her 2 positive,), which "HER 2-negative, ER-positive" does not
    hold, "PD-L1-positive" -> (pd l 1 positive, pdl 1 positive). As a name in parts stands together ("non-small"),
    a number's hyphenated word stands beside it."""
    words, runs = reading.words, reading.runs
    phrases = []
    for _, (first, last) in numbers:
        after = last + 1
        if (last == first or runs[last - 1] != runs[last] or not words[last].isdigit()
                or runs[last] not in reading.hyphened or after >= len(words) or not words[after].isalpha()
                or len(words[after]) < 2 or words[after] in reading.stop or runs.count(runs[after]) != 1):
            continue
        phrases.append(tuple(reading.spellings(first, reading.unit(after)[1])))
    return phrases


def beside(reading: Reading, at: int) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The phrase of a number written alone at `at`: with the word (or whole name) before it or the one after it,
    stop words aside; each side holds its own word, both sides the number alone."""
    words, stop = reading.words, reading.stop
    before = reading.unit(at - 1) if at and words[at - 1] not in stop else None
    after = reading.unit(at + 1) if at + 1 < len(words) and words[at + 1] not in stop else None
    either = (reading.spellings(before[0], at) if before else []) + (reading.spellings(at, after[1]) if after else [])
    held = (at, at) if before and after else (before[0], at) if before else (at, after[1]) if after else None
    return [(tuple(either), held)] if either else []
