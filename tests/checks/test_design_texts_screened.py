"""The design rules read only the texts that hold a needle word once folded: the same texts the plain read gives
them would be judged by, and the same findings.

The screen runs in Arrow (RE2), each letter of a word the class of every character folded to it; it is compared
with folding in Python on every character and on phrases, and the rules' findings with those from every text.
"""
from __future__ import annotations

import random
import re

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from checks import contradictions_design
from checks.check_scope import set_scope
from checks.design_text import NEEDLE_WORDS, NEEDLES
from checks.rule_findings import findings_of
from checks.study_context import folded_text, folded_words_pattern
from checks.study_text import DESIGN_FIELDS, NARRATIVE_FIELDS, texts_by_study, texts_mentioning
from tests.checks import harness

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def test_a_letter_class_holds_every_character_folded_to_the_letter_and_no_other():
    # Every character but the surrogates (no text in Arrow, which holds UTF-8), in one text.
    chars = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    expected = {letter: [] for letter in LETTERS}
    for at, char in enumerate(chars):
        folded = folded_text(char)
        if folded in expected:
            expected[folded].append(at)
    classes = re.compile("|".join(f"({folded_words_pattern((letter,))})" for letter in LETTERS))
    found = {letter: [] for letter in LETTERS}
    for m in classes.finditer(chars):
        found[LETTERS[m.lastindex - 1]].append(m.start())
    assert found == expected
    # Arrow's RE2 reads each class as Python does: as many characters of the text.
    column = pa.array([chars], pa.string())
    for letter in LETTERS:
        assert pc.count_substring_regex(column, folded_words_pattern((letter,)))[0].as_py() == len(expected[letter])


def test_the_needle_words_are_every_patterns_needles():
    assert set(NEEDLE_WORDS) == {word for needles in NEEDLES.values() for word in needles}


def test_only_lower_case_ascii_words_make_a_pattern():
    for words in (("Blind",), ("open-label",), ("ſtudy",)):
        with pytest.raises(ValueError):
            folded_words_pattern(words)


# Texts that hold a needle word in any case or spelling folding reads alike, and texts that do not.
HOLD = ["Double-BLIND study.", "no masking", "Open label", "RANDOMISED", "randomıſed 1:1", "ma\u017fked assessor",
        "An OBSERVATIONAL cohort", "Raters are unaware.", "Matching DUMMY tablets", "İn a bl\u0131nd fashion",
        "\u00c9tude randomis\u00e9e", "MAS\u212a", "SINGLE-ARM"]
QUIET = ["One arm.", "Baricitinib 2 mg once daily", "Blin d", "mas k", "Observation period", "ope n",
         "\u00c9tude non contr\u00f4l\u00e9e", "Straße µg ﬁne", "  ", ""]


def test_the_phrases_hold_a_needle_word_or_none():
    for text in HOLD:
        assert any(word in folded_text(text) for word in NEEDLE_WORDS), text
    for text in QUIET:
        assert not any(word in folded_text(text) for word in NEEDLE_WORDS), text


def _study(rnd, texts):
    study = harness.clean_study()
    pick = lambda: rnd.choice(texts)  # noqa: E731
    study["studies"][0].update(official_title=pick(), brief_title=pick())
    study["brief_summaries"] = [{"description": pick()}]
    study["detailed_descriptions"] = [{"description": pick()}] if rnd.random() < 0.8 else []
    study["designs"][0].update(masking=rnd.choice(["NONE", "DOUBLE", "SINGLE"]),
                               allocation=rnd.choice(["RANDOMIZED", "NON_RANDOMIZED", "NA"]),
                               masking_description=pick(), intervention_model_description=pick())
    for group in study["design_groups"]:
        group.update(title=pick() or "Arm", description=pick())
    for intervention in study["interventions"]:
        intervention["description"] = pick()
    study["studies"][0]["study_type"] = rnd.choice(["INTERVENTIONAL", "OBSERVATIONAL"])
    return study


SENTENCES = HOLD + QUIET + [
    "This is a randomized, double-blind, placebo-controlled study.", "Participants will not be randomized.",
    "This study is a non-randomized, open-label trial.", "A previous double-blind trial was published.",
    "The present study is an observational cohort study.", "No masking.", "Open label; outcome assessors are blinded.",
]


def _warehouse(tmp_path, seed, count=40):
    rnd = random.Random(seed)
    texts = SENTENCES + [" ".join(rnd.choice(SENTENCES) for _ in range(3)) for _ in range(30)]
    studies = {f"NCT{n:08d}": _study(rnd, texts) for n in range(1, count + 1)}
    return harness.warehouse_with(tmp_path, studies)


def test_the_screened_read_keeps_exactly_the_texts_holding_a_needle_word(tmp_path):
    con = _warehouse(tmp_path, "read")
    fields = DESIGN_FIELDS + NARRATIVE_FIELDS
    scope = set_scope(con, None, harness.AS_OF)
    plain = texts_by_study(con, scope, fields)
    # A part of the scope reads only its studies, as a worker does.
    for part in (scope.nct_ids, frozenset(sorted(scope.nct_ids)[::2]), frozenset()):
        screened = texts_mentioning(con, type(scope)(scope.as_of, part, scope.cache), fields, NEEDLE_WORDS)
        expected = {n: kept for n, found in plain.items() if n in part
                    if (kept := [(t.field, t.text) for t in found if any(w in folded_text(t.text) for w in NEEDLE_WORDS)])}
        assert {n: [(t.field, t.text) for t in found] for n, found in screened.items()} == expected
    assert expected == {} and screened == {}


# randomized_trait_cohorts reads arms and links, and of the texts only whether a word of randomization is there: it
# never reads the screened design texts.
RULE_IDS = [r.id for r in contradictions_design.RULES
            if r.func is not None and r.id != "contradictions.randomized_trait_cohorts"]


def test_the_design_rules_find_from_the_screened_texts_what_they_find_from_every_text(tmp_path, monkeypatch):
    count = 80
    con = _warehouse(tmp_path, "rules", count)
    rules = [r for r in contradictions_design.RULES if r.id in RULE_IDS]

    def findings():
        scope = set_scope(con, None, harness.AS_OF)
        return {r.id: sorted(findings_of(con, r, scope), key=repr) for r in rules}

    screened = findings()
    monkeypatch.setattr(contradictions_design, "_design_texts",
                        lambda con, scope: texts_by_study(con, scope, DESIGN_FIELDS + NARRATIVE_FIELDS))
    plain = findings()
    assert screened == plain
    for rule_id, found in plain.items():  # each rule fires on some studies and stays quiet on others
        assert 0 < len({f.nct_id for f in found}) < count, rule_id


def test_columns_of_any_string_type_or_none_are_screened_as_folding_says():
    from checks.rule import CheckScope
    from checks.study_text import _read_texts, _read_texts_mentioning

    ids = ["NCT00000001", "NCT00000002", "NCT00000003"]
    values = ["Double-BLIND study.", "Single arm.", None]
    scope = CheckScope(harness.AS_OF, frozenset(ids[:2]))
    for column in (pa.array(values, pa.string()), pa.array(values, pa.large_string()), pa.nulls(3)):
        rows = pa.table({"nct_id": pa.array(ids, pa.string()), "title": column, "other": pa.array(HOLD[:3])})
        got = _read_texts_mentioning("t", ("title", "other"), rows, scope, NEEDLE_WORDS)
        plain = _read_texts("t", ("title", "other"), rows, scope)
        expected = {n: kept for n, found in plain.items()
                    if (kept := [(t.field, t.text) for t in found if any(w in folded_text(t.text) for w in NEEDLE_WORDS)])}
        assert {n: [(t.field, t.text) for t in found] for n, found in got.items()} == expected
        assert expected["NCT00000001"][-1] == ("t.other", HOLD[0])  # row by row, column by column
