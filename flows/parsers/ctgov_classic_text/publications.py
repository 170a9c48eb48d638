"""clincosm study page, the publications at the top of More Information, loaded into AACT's study_references: the
registry's kinds of publication as the page labels them, one citation a line."""
from __future__ import annotations

import re
from collections.abc import Callable

from flows.parsers.page_text import nonblank, unbullet

# The label above a list -> its reference_type; the bare heading 'Publications' does not say which kind follows.
_KINDS = {"publications": "BACKGROUND", "publications of results": "RESULT",
          "publications automatically indexed to this study by clinicaltrials.gov identifier (nct number)": "DERIVED"}
# The labels of the publications of a kind, in lower case and without their colon.
KIND_LABELS = frozenset(_KINDS)
_HEADING = "publications"
_NONE = frozenset({"none provided.", "none provided", "not provided"})
# A citation may end with its PubMed id: '... 2022;61:123-30. PubMed 34012345', '[PMID: 34012345]'.
_PMID = re.compile(r"\s*\[?\s*(?:PubMed|PMID)\s*:?\s*(\d{1,9})\s*\]?\s*$", re.I)
UNTYPED = "publication kind not shown"


def publications(lines: list[str], is_label: Callable[[str], bool] = lambda line: True,
                 ) -> tuple[list[dict[str, str | None]], int]:
    """The study_references rows of the lines before the section's first other label ('Responsible Party:', a line
    ending with a colon that `is_label` knows), and how many citations stand under no label that says their kind
    (their reference_type is NULL)."""
    rows: list[dict[str, str | None]] = []
    untyped = 0
    for citation, kind in _citations(lines, is_label):
        pmid = _PMID.search(citation)
        rows.append({"pmid": pmid.group(1) if pmid else None, "reference_type": kind,
                     "citation": citation[:pmid.start()] if pmid else citation})
        untyped += kind is None
    return rows, untyped


def _citations(lines: list[str], is_label: Callable[[str], bool]) -> list[tuple[str, str | None]]:
    """Each citation's text (without its bullet) and the kind its label says. The page bullets every citation of a
    list: a line without a bullet below a bulleted one goes on with it (a copy wrapped at a fixed width breaks a
    citation at any space, after its authors' full stop or a title's colon too: 'Prophylactic ... resection:'), unless
    it is a label of the section; where no citation is bulleted, a line is one."""
    citations: list[tuple[str, str | None]] = []
    kind: str | None = None
    bulleted = False  # whether the citation above was bulleted
    for line in nonblank(lines):
        label = line.rstrip(":").strip().casefold()
        if label in _KINDS and (line.endswith(":") or label == _HEADING):
            kind, bulleted = (_KINDS[label] if line.endswith(":") else None), False
            continue
        citation = unbullet(line)
        if bulleted and citation == line.strip() and not (line.endswith(":") and is_label(line)):
            citations[-1] = (f"{citations[-1][0]} {citation}", kind)
            continue
        if line.endswith(":"):
            break
        if line.casefold() in _NONE:
            bulleted = False
            continue
        bulleted = citation != line.strip()
        citations.append((citation, kind))
    return citations
