"""clincosm study page, the publications at the top of More Information, loaded into AACT's study_references: the
registry's kinds of publication as the page labels them, one citation a line."""
from __future__ import annotations

import re

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


def publications(lines: list[str]) -> tuple[list[dict[str, str | None]], int]:
    """The study_references rows of the lines before the section's first other label ('Responsible Party:'), and how
    many citations stand under no label that says their kind (their reference_type is NULL)."""
    rows: list[dict[str, str | None]] = []
    kind: str | None = None
    untyped = 0
    for line in nonblank(lines):
        label = line.rstrip(":").strip().casefold()
        if label in _KINDS and (line.endswith(":") or label == _HEADING):
            kind = _KINDS[label] if line.endswith(":") else None
            continue
        if line.endswith(":"):
            break
        if line.casefold() in _NONE:
            continue
        citation = unbullet(line)
        pmid = _PMID.search(citation)
        rows.append({"pmid": pmid.group(1) if pmid else None, "reference_type": kind,
                     "citation": citation[:pmid.start()] if pmid else citation})
        untyped += kind is None
    return rows, untyped
