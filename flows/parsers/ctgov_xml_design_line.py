"""The one-line <study_design> of legacy records from before 2017: 'Label: value' pairs (2010-2016), or, in records
of 2007-2010, the bare terms of the registry's former design vocabulary ('Treatment, Randomized, Open Label,
Uncontrolled, Parallel Assignment, Safety/Efficacy Study')."""
from __future__ import annotations

import re

from flows.parsers.model import note_unread_part

_DESIGN_LABELS = {
    "Allocation": "allocation", "Endpoint Classification": "endpoint_classification",
    "Intervention Model": "intervention_model", "Masking": "masking",
    "Primary Purpose": "primary_purpose", "Time Perspective": "time_perspective",
    "Observational Model": "observational_model",
}
_DESIGN_PAIR = re.compile(
    rf"({'|'.join(_DESIGN_LABELS)}):\s*(.*?)\s*(?=,\s*(?:{'|'.join(_DESIGN_LABELS)}):|$)"
)
# The bare terms (lower case, without a closing ' Study') and the design column each gives; None for a term of what
# API v2 no longer keeps: the control ('Placebo Control') and the endpoint classification ('Safety/Efficacy Study'),
# and an observational study's selection ('Convenience Sample').
_TERMS = {
    **dict.fromkeys(("treatment", "prevention", "diagnostic", "supportive care", "screening",
                     "health services research", "basic science", "educational/counseling/training"),
                    "primary_purpose"),
    **dict.fromkeys(("randomized", "non-randomized", "nonrandomized"), "allocation"),
    **dict.fromkeys(("single group assignment", "parallel assignment", "crossover assignment",
                     "factorial assignment"), "intervention_model"),
    **dict.fromkeys(("cohort", "case control", "case-control", "case-only", "case-crossover", "ecologic or community",
                     "family-based", "natural history", "defined population"), "observational_model"),
    **dict.fromkeys(("prospective", "retrospective", "cross-sectional", "longitudinal", "retrospective/prospective"),
                    "time_perspective"),
    **dict.fromkeys(("placebo control", "active control", "uncontrolled", "dose comparison", "historical control",
                     "safety", "efficacy", "safety/efficacy", "bio-equivalence", "bio-availability",
                     "pharmacokinetics", "pharmacodynamics", "pharmacokinetics/dynamics", "convenience sample",
                     "random sample"), None),
}
# 'Open Label', 'Double Blind', 'Single Blind (Outcomes Assessor)': the masking, with its roles if named.
_MASKING_TERM = re.compile(r"(?:open label|(?:single|double|triple|quadruple)[\s-]+blind(?:ed)?)\s*(?:\(.*\))?",
                           re.IGNORECASE)
_CLOSING_STUDY = re.compile(r"\s+study$", re.IGNORECASE)
# The whole line the registry wrote where no design was given (records of about 2013): no term, nothing unread.
_NO_DESIGN = re.compile(r"\s*N/?A\s*", re.IGNORECASE)
# The commas between the terms: not those inside a masking's list of roles.
_TERM_SEPARATOR = re.compile(r",\s*(?![^()]*\))")


def design_line(line: str) -> dict[str, str]:
    """{design column: the value as the line gives it} of a <study_design> line, labelled or bare."""
    if _NO_DESIGN.fullmatch(line):
        return {}
    pairs = _DESIGN_PAIR.findall(line)
    if pairs:
        return {_DESIGN_LABELS[label]: value for label, value in pairs if value}
    return _bare_terms(line)


def _bare_terms(line: str) -> dict[str, str]:
    """The columns of a line of bare terms; several terms for one column are kept together, as the labelled line
    gives them ('Longitudinal, Prospective'), for validation to refuse. A term the vocabulary lacks is noted, quoted
    (design terms are the registry's words, never personal data), and the others are read."""
    found: dict[str, list[str]] = {}
    for term in (part.strip() for part in _TERM_SEPARATOR.split(line)):
        if not term:
            continue
        if _MASKING_TERM.fullmatch(term):
            found.setdefault("masking", []).append(term)
            continue
        bare = _CLOSING_STUDY.sub("", term)
        key = bare.lower()
        if key not in _TERMS:
            shown = term if len(term) <= 60 else f"{term[:60]}..."
            note_unread_part(f"<study_design> term '{shown}' is none of the registry's design terms")
        elif (column := _TERMS[key]) is not None:
            found.setdefault(column, []).append(bare)
    return {column: ", ".join(terms) for column, terms in found.items()}
