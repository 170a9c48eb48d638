"""A sentence that is the title of an article a reference cites, which speaks of the cited trial."""
from __future__ import annotations

import re

# A cited article's title, as a reference gives it: the journal, year, volume and pages right after it ("A randomized
# double-blind trial of drug X. N Engl J Med 2010;362:123-30", "... J Clin Oncol. 2010 May 1;28(13):2137-43", "...
# doi:10.1056/..."), or, after its authors' "et al.", the journal and year alone ("Smith J, et al. A double-blind
# trial of drug X. Lancet 2010."). The title speaks of the cited trial, not of this one.
_JOURNAL = r"\s*(?:[A-Z][A-Za-z&'-]*\.?,?\s+){1,8}\(?(?:19|20)\d{2}\)?"
_CITATION_AFTER = re.compile(
    _JOURNAL + r"(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*[;,]\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[eE]?\d+"
    r"|\s*(?i:doi|pmid)\s*:")
_JOURNAL_YEAR_AFTER = re.compile(_JOURNAL + r"\s*[.;]?\s*(?:$|[\n)\]])")
_ET_AL_BEFORE = re.compile(r"\bet\.?\s+al\.?[,;]?\s*$", re.I)
# How far before a sentence its authors' "et al." may stand (their list ends right before the title).
_AUTHORS_REACH = 12


def cited_title(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] is the title of an article a reference cites: a journal's year,
    volume and pages follow it, or its authors' "et al." stands right before it and a journal and year follow."""
    if _CITATION_AFTER.match(text, end):
        return True
    return bool(_ET_AL_BEFORE.search(text, max(0, start - _AUTHORS_REACH), start)
                and _JOURNAL_YEAR_AFTER.match(text, end))
