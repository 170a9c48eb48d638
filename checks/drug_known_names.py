"""The drugs a study names as given: the words of its interventions and texts, their other names and classes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from checks.drug_classes import unnamed_members
from checks.drug_names import name_words, stem_drugs, words_in
from checks.drug_other_names import coded, spelled_otherwise
from checks.drug_spellings import accents_folded


class WordsOf:
    """Whether a word is one of the words of some texts, read only when first asked (most studies never are); a
    letter's accent is left off ('Métformine' has the word 'metformine')."""

    def __init__(self, texts: list[str | None]) -> None:
        self.texts, self._sets = texts, None

    def __contains__(self, word: str) -> bool:
        if self._sets is None:
            self._sets = [words_in(accents_folded(t)) for t in self.texts]
        return any(word in words for words in self._sets)



# Names that are no other name of a drug: a placebo's, a sham's, a comparison's.
_NOT_AN_ALIAS = re.compile(r"\b(?:placebo|sham|vehicle|dummy|control|standard|usual|saline|no)\b")
# A name right before the drug's opening parenthesis, or right inside the parenthesis after it (a code of one or two
# words: "ZD6474", "ABP 501", "SB5").
_NAME_BEFORE = re.compile(r"((?:[\w-]+\s+)?[\w-]+)\s*\(\s*$")
_NAME_AFTER = re.compile(r"\s*\(\s*((?:[\w-]+\s+)?[\w-]+)\s*\)")
# Other names listed in brackets after a drug and its form: "Aflibercept Injection (EYLEA, VEGF Trap-Eye)" where the
# intervention is named "VEGF Trap Eye" (NCT00527423).
_NAMES_LISTED_AFTER = re.compile(
    r"(?:\s+(?:injection|infusion|tablets?|capsules?|solution|suspension))?\s*\(([^()]{1,80})\)", re.I)
_LIST_SEPARATOR = re.compile(r"\s*[,;/]\s*")


def _hyphens_as_spaces(name: str) -> str:
    """A name in lower case with its hyphens and runs of white space as one space."""
    return " ".join(name.lower().replace("-", " ").split())


@dataclass
class KnownDrugs:
    """What a study names as given: every word of its intervention and context texts, and its drug words."""

    words: WordsOf
    names: tuple[str, ...]
    texts: list[str]
    # The interventions' names and descriptions, read for a class of drugs they give ("Statin therapy").
    interventions: list[str | None]

    @cached_property
    def drugs(self) -> set[str]:
        """Drug words of the intervention names and texts, their accents left off (read only when a word is not known
        as is)."""
        return self.name_words.union(*(stem_drugs(accents_folded(t)) for t in self.texts))

    @cached_property
    def name_words(self) -> set[str]:
        """The words of the intervention names (a code such as 'zd6474' among them), their accents left off."""
        return set().union(*(name_words(accents_folded(n)) for n in self.names))

    @cached_property
    def lowered_names(self) -> frozenset[str]:
        """The intervention names in lower case, their runs of white space as one space; not a placebo's or a
        comparison's ("Placebo (vandetanib)" is vandetanib's placebo, not vandetanib)."""
        return frozenset(lower for lower in (" ".join(n.lower().split()) for n in self.names)
                         if not _NOT_AN_ALIAS.search(lower))

    def aliased(self, text: str, at: int, drug: str) -> bool:
        """Whether the drug named at `at` is given beside an intervention's name as its other name: 'ZD6474
        (vandetanib)' where ZD6474 is an intervention (NCT00496509), 'vandetanib (ZD6474)', or 'adalimumab (ABP
        501)' where the intervention is named 'ABP 501'."""
        before = _NAME_BEFORE.search(text, max(0, at - 40), at)
        after = _NAME_AFTER.match(text, at + len(drug))
        if any(m is not None and self._names(m.group(1)) for m in (before, after)):
            return True
        listed = _NAMES_LISTED_AFTER.match(text, at + len(drug))
        return listed is not None and any(_hyphens_as_spaces(alias) in self.names_hyphens_as_spaces
                                          for alias in _LIST_SEPARATOR.split(listed.group(1)))

    @cached_property
    def names_hyphens_as_spaces(self) -> frozenset[str]:
        """The intervention names (not a placebo's) in lower case, with hyphens and runs of white space as one
        space: "VEGF Trap Eye" and "VEGF Trap-Eye" are one name."""
        return frozenset(_hyphens_as_spaces(name) for name in self.lowered_names)

    def _names(self, words: str) -> bool:
        """Whether one or two words are an intervention's name, or end in one ('SB5') or in a word of one ('ZD6474')."""
        lower = " ".join(words.lower().split())
        last = lower.rsplit(" ", 1)[-1]
        return lower in self.lowered_names or last in self.lowered_names or last in self.name_words

    @cached_property
    def member_endings(self) -> tuple[str, ...]:
        """How the names of the drugs of the classes the interventions name, and name no drug of, end ('statin'
        where 'Statin therapy' is given): an arm or an outcome naming such a drug may name the one given."""
        return unnamed_members(self.interventions)

    @property
    def quoted(self) -> str:
        """The intervention names, quoted, for evidence."""
        return ", ".join(f"'{n}'" for n in self.names)

    def __contains__(self, word: str) -> bool:
        return word in self.words or spelled_otherwise(word, self.words, self.drugs) or \
            word.endswith(self.member_endings) or coded(word, self.texts)

