"""What a study must hold to match a query (search_terms): the words of one of its spellings (query_spellings), and
a phrase for each of its numbers, names written in parts, quoted phrases, acronyms and words stemmed to a single
letter, each also with its Roman numeral and in its other spelling where it has one."""
from __future__ import annotations

from itertools import product
from os.path import commonprefix

import duckdb

from flows.search_number_words import beside, hyphened_phrases
from flows.search_patterns import ENDING, NUMBERED, PARTS, PLURAL
from flows.search_quoted import quoted_phrases
from flows.search_reading import Reading
from flows.search_romans import ROMAN_BOTH_SIDES
from flows.search_words import query_words, read


def query_spellings(con: duckdb.DuckDBPyConnection, text: str) -> list[list[str]]:
    """The words a study must all hold, one list for each way of writing the query's words: as written
    (query_words); with its names in parts joined ("PD-L1" -> pdl 1; "CAR T cell" -> cart cell); and with each word
    a study may write in two parts so written, or two words it may write joined so joined ("followup" -> follow up,
    "long term" -> longterm: compounds), SPELLINGS at most. A study holds one of them; its text must then hold
    each name in one of its spellings (name_phrases), and a word the spelling splits in its two parts side by side
    (_spellings)."""
    return [words for words, _ in _spellings(query_words(con, text)[0], read(con, text))]


# At most this many spellings of a query are searched, the one written first: each adds its words' entries to the
# search's read of the index and, where it splits a word, a look at its studies' texts.
SPELLINGS = 4


def _spellings(written: list[str], reading: Reading) -> list[tuple[list[str], list[tuple[str, ...]]]]:
    """query_spellings of a query whose written words and reading are given, each with the phrases only it needs:
    a word written joined that it splits, its parts side by side ("follow_up*": "follow up", "follow-up", not
    "follow the path up"). Its names in parts are all joined or all apart (a study that writes a name in parts
    holds it joined too); each split or join is a choice of its own, fewest choices first."""
    choices = ([[OTHER_SPELLING]] if reading.variants or reading.romans else []) + (
        [reading.names] if reading.names else []) + [[at] for at in sorted(set(reading.splits) | set(reading.joins))]
    combos = sorted(product((False, True), repeat=len(choices)), key=lambda c: (sum(c), [not x for x in c]))
    out = [(written, [])] if written else []
    for combo in combos[1:SPELLINGS]:
        chosen = {at for made, choice in zip(combo, choices) if made for at in _choice_words(choice)}
        words, phrases = _spelled(reading, chosen)
        if words and (words, phrases) not in out:
            out.append((words, phrases))
    return out


def _choice_words(choice: list) -> list[int]:
    """The first word of each name (a choice of names) or the word (a choice of a split or join) a choice makes."""
    return [item[0] if isinstance(item, tuple) else item for item in choice]


# A choice of _spellings that is no word of the query: each word that has one in its other spelling (variants).
OTHER_SPELLING = -1


def _spelled(reading: Reading, chosen: set[int]) -> tuple[list[str], list[tuple[str, ...]]]:
    """The words of a query with the names, splits and joins starting at the words `chosen` made, each word in its
    other spelling and each number in its Roman numeral where OTHER_SPELLING is chosen, and the phrases its splits
    need."""
    words, phrases, at = [], [], 0
    while at < len(reading.words):
        first, last = reading.unit(at)
        if first < last:
            words += ["".join(reading.words[first:last + 1])] if first in chosen else reading.words[first:last + 1]
        elif at in chosen and at in reading.joins:
            words.append(reading.words[at] + reading.words[at + 1])
            last = at + 1
        elif at in chosen and at in reading.splits:
            part, second, stem = reading.splits[at]
            words += [part, second]
            phrases.append((f"{part}{PARTS}{_ending(second, stem)}",))
        else:
            words.append(reading.romans.get(at, reading.words[at]) if OTHER_SPELLING in chosen else reading.words[at])
        at = last + 1
    if OTHER_SPELLING in chosen:
        words = [reading.variants.get(word, (word,))[0] for word in words]
    return [word for word in words if word not in reading.stop], phrases


# The fewest letters of a stem a phrase's last word ends in (_ending): "infect*" finds "co-infected" as the index's
# stemming finds coinfection in it; a shorter one would let too much follow ("ms" stems to "m").
STEM_LETTERS = 3


def _ending(word: str, stem: str) -> str:
    """A phrase's last word as it may end in a study's text: a single letter there and no more ("CAR T" is not
    "car trips"), a longer word in any letters after what it shares with its stem ("infection" -> "infect*", as
    "co-infected" stems like coinfection, "ups" -> "up*"), or after itself when that is shorter than STEM_LETTERS
    and not its whole stem."""
    if len(word) == 1:
        return word
    shared = commonprefix([word, stem])
    return (shared if len(shared) >= STEM_LETTERS or (shared == stem and len(stem) > 1) else word) + ENDING


def search_terms(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[tuple[list[str], list[tuple[str, ...]]]],
                                                                   list[tuple[str, ...]]]:
    """What a study must hold to match a query, its words read once: the words of one of its spellings and the
    phrases that spelling needs (query_spellings, _spellings), and a phrase of each of its numbers, names written
    in parts, quoted phrases and acronyms (number_phrases, name_phrases, quoted_phrases, acronym_phrases) and of
    each word stemmed to a single letter (_short_stems); no phrases when it has no words."""
    reading = read(con, text)
    spellings = _spellings(query_words(con, text)[0], reading)
    if not spellings:
        return [], []
    numbers = _number_phrases(reading)
    phrases = [phrase for phrase, _ in numbers] + hyphened_phrases(reading, numbers) + \
        _name_phrases(reading, numbers) + quoted_phrases(con, text) + _acronym_phrases(reading) + _short_stems(reading)
    phrases = _in_roman(phrases, numbers, reading)
    return spellings, list(dict.fromkeys(_respelled(phrase, reading) for phrase in phrases))


def _in_roman(phrases: list[tuple[str, ...]], numbers: list[tuple[tuple[str, ...], tuple[int, int]]],
              reading: Reading) -> list[tuple[str, ...]]:
    """The phrases with each number that has a Roman numeral (romans) also written so, beside the word before it,
    and after ROMAN_BOTH_SIDES words with the query's next word too, which may end as its stem lets it: "phase 2
    asthma" -> (phase 2, 2 asthma, phase ii), "type 2 diabetes" -> (type 2, 2 diabetes, type ii diabet*)."""
    words, stems = reading.words, reading.stems
    out = list(phrases)
    for phrase, (first, last) in numbers:
        at = next((n for n in (first, last) if n in reading.romans), None)
        if at is None or phrase not in out:
            continue
        way = " ".join(words[reading.unit(at - 1)[0]:at] + [reading.romans[at]])
        if words[at - 1] in ROMAN_BOTH_SIDES and at + 1 < len(words) and words[at + 1] not in reading.stop:
            end = reading.unit(at + 1)[1]
            way += " " + " ".join(words[at + 1:end] + [_ending(words[end], stems[end]) if stems else words[end]])
        out[out.index(phrase)] = phrase + (way,)
    return out


def _respelled(phrase: tuple[str, ...], reading: Reading) -> tuple[str, ...]:
    """A phrase's ways of writing, and each with its words in their other spelling where they have one (variants):
    "haemophilia a" is also "hemophilia a", and a last word's ending follows its spelling ("tumour*" -> "tumor*")."""
    if not reading.variants:
        return phrase
    other = {}
    for word, (variant, stem) in reading.variants.items():
        other[word] = variant
        other.setdefault(_ending(word, dict(zip(reading.words, reading.stems)).get(word, word)), _ending(variant, stem))
    respelled = tuple(" ".join(other.get(token, token) for token in way.split(" ")) for way in phrase)
    return tuple(dict.fromkeys(phrase + respelled))


def acronym_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold for each word a query writes in capitals as an acronym (_acronyms):
    the word in capitals, its letters side by side or with a hyphen or a space between ("CART": "CART", "CAR-T",
    "CAR T", "CART19"; not "golf cart" nor "Cart"), and an "s" after it ("CAR-Ts"); or the word in any case with
    its number after a hyphen, there or after a part of a name written with a capital inside ("COVID": "Covid-19",
    "covid-19"; "SARS": "Sars-CoV-2"): the number tells the name, as it does in a query ("COVID-19" is no acronym).
    Without its number a word in small letters or with one capital is a word ("Hearing Aids", "All patients",
    "Golf Cart"), and so is one before a number written apart from it ("All 20 patients": the index's text writes
    "Covid19" so too, which is not found)."""
    return _acronym_phrases(read(con, text))


def _acronym_phrases(reading: Reading) -> list[tuple[str, ...]]:
    """acronym_phrases of a reading."""
    return [(reading.words[at].upper() + PLURAL, reading.words[at].upper() + NUMBERED) for at in reading.acronyms]


def _short_stems(reading: Reading) -> list[tuple[str, ...]]:
    """The words of two letters or more a query writes alone that stemming takes to a single letter ("ms" to m,
    "os" to o, "us" to u), each as a phrase of its own (written so, in any case): the index holds the single letter
    for them and for every unit and name part a study writes with it (the m of mg/m2, the T of T cells), which a
    study's text must not stand in for."""
    in_names = {at for first, last in reading.names for at in range(first, last + 1)}
    return [(word,) for at, (word, stem) in enumerate(zip(reading.words, reading.stems))
            if len(word) > 1 and len(stem) == 1 and word.isalpha() and word not in reading.stop
            and at not in in_names and at not in reading.acronyms]


def number_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold one of, for each number of a query. A number written alone, with
    the words written next to it (stop words aside): "type 1 diabetes" -> (type 1, 1 diabetes), "IL-6" ->
    (il 6,), "2.5 mg" -> (2 5,) and (2 5, 5 mg). A number written in one run with letters, that whole run:
    "HER2" -> (her 2,), "H1N1" -> (h 1 n 1,), which "HER-2", "HER 2" and "H1N1" hold but "HER3" and "H3N2 ... 1"
    do not. A number alone is in most studies' text ("1 year", "6 months"): without its word, type 1 diabetes
    would find type 2 diabetes studies, and IL-6 the IL-2 ones. A word that is a part of a name written in parts
    stands for the whole name, in each of its spellings: "PD-L1" -> (pd l 1, pdl 1), "SARS-CoV-2" -> (sars cov 2,
    sarscov 2), which "PD-1" and "anti-PD-1" do not hold."""
    return [phrase for phrase, _ in _number_phrases(read(con, text))]


def _number_phrases(reading: Reading) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The number phrases of a reading (number_phrases), each with the first and last word that each of its
    spellings holds (a name in parts among them is held by the phrase)."""
    words, runs, stop = reading.words, reading.runs, reading.stop
    phrases = []
    for run in dict.fromkeys(runs):
        at = [i for i, r in enumerate(runs) if r == run]
        if len(at) > 1 and any(words[i].isdigit() for i in at):
            first, last = reading.unit(at[0])[0], reading.unit(at[-1])[1]
            phrases.append((tuple(reading.spellings(first, last)), (first, last)))
        elif words[at[0]].isdigit():
            phrases += beside(reading, at[0])
    return list(dict(phrases).items())


def name_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold one of, for each name a query writes in parts that no number phrase
    holds: its parts next to each other, as written apart, or joined ("CAR-T" -> (car t, carT): "CAR T", "CAR-T",
    "CART" but not "a car" and "T cells" apart, nor "a golf cart"). A last part of two letters or more may end as
    the index's stemming lets it ("double-blind*" finds "double-blinded", "T-cell*" "T cells"); a single letter
    ends there ("CAR T" is not "car trips")."""
    reading = read(con, text)
    return _name_phrases(reading, _number_phrases(reading))


def _name_phrases(reading: Reading, numbers: list[tuple[tuple[str, ...], tuple[int, int]]]) -> list[tuple[str, ...]]:
    """name_phrases of a reading whose number phrases are given; a last part of two letters or more ends as its
    stem lets it (_ending: "co-infection" finds "co-infected")."""
    held = [span for _, span in numbers]
    phrases = []
    for first, last in reading.names:
        if any(start <= first and last <= end for start, end in held):
            continue
        word, ways = reading.words[last], reading.spellings(first, last)
        if len(word) > 1:  # a single letter ends there, in the case its joined spelling writes it ("carT")
            ending = _ending(word, reading.stems[last]) if reading.stems else word + ENDING
            ways = [way[:len(way) - len(word)] + ending for way in ways]
        phrases.append(tuple(ways))
    return phrases
