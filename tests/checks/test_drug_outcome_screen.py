"""The drug rule reads the outcomes only of studies where Arrow's stem screen (`STEM_SCREEN`) finds a possible drug
word: every text with a drug word (`stem_drugs`) passes the screen, so no study with one is left out.

Checked on phrases that name drugs in any case, beside any character, and on texts that name none; the
rule's findings from the screened outcomes are those from every outcome (tests/checks/test_drug_context_read.py
reads them all, on every drug case of the rule table).
"""
from __future__ import annotations

import random

import pyarrow as pa
import pyarrow.compute as pc

from checks.check_scope import set_scope
from checks.drug_names import INN_STEMS, STEM_SCREEN, stem_drugs
from checks.study_text import rows_by_study, rows_by_study_matching
from tests.checks import harness


def _screened(texts):
    return pc.fill_null(pc.match_substring_regex(pa.array(texts, pa.string()), STEM_SCREEN), False).to_pylist()


NAMED = ["Baricitinib 2 mg", "BELIMUMAB", "change in ESSDAI on ofatumumab.", "Ruxolitinib-treated",
         "(tofacitinib)", "dose of apixaban_", "İbrutinib", "\u212aetoprofen vs placebo", "atorvastatin\u00e9",
         "Use of rescue ondansetron", "word1 lisinopril2", "\u00e9tanercept"]
UNNAMED = ["Change in ESSDAI score", "Patient-reported symptom score", "mab", "Pain at week 12",
           "Cholesterol level", "April visit", "Except as noted", "", "Tinib alone"]


def test_every_text_with_a_drug_word_passes_the_screen():
    named = [t for t in NAMED if stem_drugs(t)]
    assert len(named) >= 8  # most phrases name a drug; the screen passes each
    assert all(_screened(named))
    # Texts without a drug word mostly stay out (the screen may pass a stem inside an ordinary word).
    assert not any(stem_drugs(t) for t in UNNAMED)
    assert not any(_screened(["Change in ESSDAI score", "Pain at week 12", "", "Patient-reported symptom score"]))


def test_drug_words_beside_any_character_pass_the_screen():
    # A drug word in every case, beside characters of every kind, as stem_drugs reads it: it passes.
    rnd = random.Random(5)
    neighbours = (list(" .,;:()[]-/+'\"\n\t®") + ["\u0130", "\u0131", "\u017f", "\u212a", "\u2003", "\u00a0"]
                  + [chr(c) for c in range(0x20, 0x250, 7)])
    texts = []
    for stem in INN_STEMS:
        for _ in range(6):
            word = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(3, 6))) + stem
            word = "".join(c.upper() if rnd.random() < 0.3 else c for c in word)
            texts.append(rnd.choice(neighbours) + word + rnd.choice(neighbours + [""]))
    named = [t for t in texts if stem_drugs(t)]
    assert len(named) > len(texts) // 10
    assert all(_screened(named)), [t for t, ok in zip(named, _screened(named)) if not ok]


def test_studies_outcomes_are_read_only_where_the_screen_finds_a_stem(tmp_path):
    studies = {}
    for n, measures in enumerate([["ESSDAI score", "Rescue ondansetron use"], ["Pain score"], [],
                                  ["Pain", "Adalimumab trough levels"]], start=1):
        study = harness.clean_study()
        study["design_outcomes"] = [{**study["design_outcomes"][0], "measure": m} for m in measures]
        studies[f"NCT{n:08d}"] = study
    con = harness.warehouse_with(tmp_path, studies)
    scope = set_scope(con, None, harness.AS_OF)
    plain = rows_by_study(con, scope, "design_outcomes", ("measure", "description"))
    for part in (scope.nct_ids, frozenset(["NCT00000001", "NCT00000002"]), frozenset()):
        got = rows_by_study_matching(con, type(scope)(scope.as_of, part, scope.cache), "design_outcomes",
                                     ("measure", "description"), STEM_SCREEN)
        expected = {n: rows for n, rows in plain.items() if n in part and n in ("NCT00000001", "NCT00000004")}
        assert got == expected  # every row of a study with a stem, in table order; no other study
