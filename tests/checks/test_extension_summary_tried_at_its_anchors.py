"""A narrative's sentence calling this study an extension is looked for only where "this" starts, or "the" in a text
that says "present": the matches found there are every match of the pattern, and the studies called extensions the
same as a search of every text finds."""
from __future__ import annotations

import pytest

from checks.contradictions_design import _EXTENSION_SUMMARY
from checks.design_text import matches
from checks.study_text import StudyText

# (text, whether the pattern matches it)
PHRASES = [
    ("This study is an extension of study NCT01234567.", True),
    ("THIS OPEN-LABEL EXTENSION follows the core study.", True),
    ("The present rollover study enrols completers.", True),
    ("The  present\nroll-over trial", True),
    ("The Present long-term, open continuation", True),
    ("The Present, long-term continuation", False),
    ("This study is a long-term follow-up of participants from the randomized trial X.", True),
    ("Patients who completed the core study enter this continuation.", True),
    ("thıs ſtudy is an extenſion", True),
    ("THE PRESENT EXTENSİON", True),
    ("The extension of the core study was open-label.", False),
    ("An extension study will follow.", False),
    ("The study has a follow-up of 12 months.", False),
    ("This study will follow patients for 5 years.", False),
    ("At present, the extension phase is ongoing.", False),
    ("The presentation of the extension data", False),
    ("These extension studies", False),
]


@pytest.mark.parametrize("text, found", PHRASES, ids=[t for t, _ in PHRASES])
def test_matches_at_the_anchors_are_every_match(text, found):
    for source in (StudyText("brief_summaries.description", text),
                   StudyText("brief_summaries.description", "Background: a prior trial. " + text + " µ"),
                   StudyText("brief_summaries.description", text + "\n\n" + text)):
        every = [(m.span(), m.group()) for m in _EXTENSION_SUMMARY.finditer(source.text)]
        assert [(m.span(), m.group()) for m in matches(source, _EXTENSION_SUMMARY)] == every
        assert bool(every) is found
