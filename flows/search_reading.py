"""A query's reading (Reading): its words as the index splits them and what is known of each, and the ways a
study's text may write a span of them."""
from __future__ import annotations

from dataclasses import dataclass, field

from flows.search_patterns import PARTS


@dataclass(frozen=True)
class Reading:
    """A query's words as the index splits them (`words`), the run of letters and digits each was written in
    (`runs`), the names written in parts among them (`names`: first and last word of each), the stop words, each
    word's stem, the words written in capitals as an acronym (`acronyms`), and the words a study may write in two
    parts or joined (`splits`: word -> its two parts and the second's stem; `joins`: the first of two words also
    written as one), the single letters it writes small (`small`), the words a study may spell the British or the
    American way (`variants`: word -> the other spelling and its stem), the runs a hyphen follows (`hyphened`), and
    the numbers a study may write in Roman numerals (`romans`: word -> its numeral)."""

    words: list[str]
    runs: list[int]
    names: list[tuple[int, int]]
    stop: set[str]
    stems: list[str] = field(default_factory=list)
    acronyms: list[int] = field(default_factory=list)
    splits: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    joins: list[int] = field(default_factory=list)
    small: set[int] = field(default_factory=set)
    variants: dict[str, tuple[str, str]] = field(default_factory=dict)
    hyphened: set[int] = field(default_factory=set)
    romans: dict[int, str] = field(default_factory=dict)

    def unit(self, at: int) -> tuple[int, int]:
        """The words a phrase takes with the word at `at`: its whole name when it is a part of one."""
        return next(((first, last) for first, last in self.names if first <= at <= last), (at, at))

    def spellings(self, first: int, last: int, compounds: bool = False) -> list[str]:
        """The ways a study's text may write the words first..last: as written apart, and with each name in parts
        among them also joined; with `compounds` (a quoted phrase), also each word a study may write in two parts
        so written and two words it may write joined so joined ("follow up" -> followup; "followup" -> follow_up:
        compounds). NAME_SPELLINGS names and compounds at most, the first ones."""
        out, at, choices = [""], first, 0
        while at <= last:
            start, end = self.unit(at)
            ways = [" ".join(self.words[start:end + 1])]
            if choices < NAME_SPELLINGS and start < end:
                ways.append(self._joined(start, end))
            elif choices < NAME_SPELLINGS and compounds:
                end, ways = self._compound_ways(at, last, ways)
            choices += len(ways) > 1
            out = [f"{head} {way}".strip() for head in out for way in ways]
            at = end + 1
        return out

    def _compound_ways(self, at: int, last: int, ways: list[str]) -> tuple[int, list[str]]:
        """The last word and the ways of writing a phrase's word at `at` that a study may write otherwise
        (compounds): with the next word, apart or joined ("follow up", "followup"), or in two parts ("followup",
        "follow_up"); the word alone as written where it is neither."""
        if at in self.joins and at + 1 <= last and self.unit(at + 1) == (at + 1, at + 1):
            return at + 1, [f"{self.words[at]} {self.words[at + 1]}", self.words[at] + self.words[at + 1]]
        if at in self.splits:
            part, second, _ = self.splits[at]
            return at, ways + [f"{part}{PARTS}{second}"]
        return at, ways

    def _joined(self, first: int, last: int) -> str:
        """A name's parts written joined. A part of a single letter with no digit after it is a capital: a registry
        writes "CART" for CAR-T and "cart" for a cart, "Tcell" for T-cell; after a digit the run is a name alone
        ("pdl 1" is PD-L1). A first letter the query writes small is in any case: "e-cigarette" finds "ecigarettes"
        (`small`)."""
        return "".join(self.words[at] if at == first and at in self.small else self._case(at)
                       for at in range(first, last + 1))

    def _case(self, at: int) -> str:
        """The word at `at` as a joined spelling writes it (_joined): a single letter a capital, unless a digit
        follows it in its run."""
        word = self.words[at]
        after = self.words[at + 1] if at + 1 < len(self.words) and self.runs[at + 1] == self.runs[at] else ""
        return word.upper() if len(word) == 1 and not after.isdigit() else word


# At most this many names in parts of one phrase are also searched joined (their spellings multiply).
NAME_SPELLINGS = 4
