"""The participants' history with a drug named in a text: one they had, failed, switched from, stop or go without,
or their standard care, not one the study gives ("previously treated with ibrutinib", "switched from tacrolimus")."""
from __future__ import annotations

import re

# The patients' history with a drug, or its place in their care, right before it: a drug they had, failed or need, or
# standard care, not one the study gives ("previously treated with ibrutinib", "refractory to imatinib", "after
# progression on osimertinib", "standard of care (enoxaparin)", "exacerbations requiring oral prednisolone").
HISTORY_BEFORE = tuple((name, re.compile(pattern + r"[\s(]*$", re.I)) for name, pattern in (
    ("treated before", r"\b(?:previously|formerly|already)\s+(?:(?:treated|exposed)\s+(?:with|to)(?:\s+prior)?"
                       r"|on|taking|receiving)"),
    ("failed before", r"\b(?:refractory|resistant|resistance|intoleran(?:t|ce)|relapsed|progressed|progressing|failed"
                      r"|failing|unresponsive|non-?respon(?:se|ding|ders?)"
                      r"|(?:inadequate|insufficient|incomplete)(?:ly)?[\s-]+respon(?:se|ding|ders?)"
                      r"|(?:after|following|despite)\s+(?:(?:disease|treatment)\s+)?"
                      r"(?:progression|failure|relapse))\s+(?:to|on|of|after|with|following|under)"
                      r"(?:\s+(?:prior|previous))?"),
    ("standard care", r"\b(?:standard[\s-]+(?:of[\s-]+)?care|usual[\s-]+care|routine[\s-]+care|(?-i:SOC|SoC))"
                      r"(?:\s*[:,]|\s+(?:with|of|using|including|consisting\s+of))?"),
    ("required", r"\b(?:requir(?:e|es|ed|ing)|need(?:ed|ing)?)(?:\s+(?:oral|intravenous|iv|systemic|rescue"
                 r"|additional|treatment\s+with|therapy\s+with))*"),
    ("tolerated", r"\bmaximally\s+tolerated"),
    # "Switch from tacrolimus to sirolimus": the drug the participants leave.
    ("switched from", r"\b(?:switch(?:ed|es|ing)?|convert(?:ed|s|ing)?|transition(?:ed|s|ing)?"
                      r"|de-?escalat(?:ed|es|ing|ion))\s+(?:over\s+)?(?:to\s+[\w-]+\s+)?from"
                      r"(?:\s+(?:their|the))?(?:\s+(?:usual|current|previous|prior|existing))?"),
    # "anti-TNF experienced patients (infliximab or adalimumab)": examples of the drugs the patients had.
    ("examples of history", r"\b(?:experienced|exposed|pre-?treated|refractory|resistant|intolerant|na[iï]ve|failures?"
                            r"|inadequate\s+responders?)\b[^.;()]{0,20}\((?:\s*[\w-]+\s*(?:,|or|and|/))*"),
))
# ... or right after it: a condition or a state of the patients named after the drug ("methicillin-resistant
# Staphylococcus aureus", "cisplatin-ineligible", "cisplatin-induced nephrotoxicity", "oxaliplatin-associated
# neuropathy", "penicillin allergy", "prednisone-free remission", "imatinib failure"), a device that carries it
# ("paclitaxel-coated balloon", "sirolimus-eluting stent"), or a background it is ("on a metformin background").
HISTORY_AFTER = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("named after", r"[\s-]+(?:resistant|resistance|refractory|intolerant|intolerance|ineligible|eligible|unfit"
                    r"|pre-?treated|experienced|exposed|induced|dependent|allerg(?:y|ies|ic)"
                    r"|hypersensitivity|coated|eluting|impregnated|loaded|failures?)\b|-(?:free|failure|failed)\b"
                    # "in metformin-treated patients": the patients' treatment before or beside the study's
                    r"|-treated\b"
                    # "oxaliplatin-associated neuropathy", "doxorubicin-related cardiotoxicity": a condition the drug
                    # causes; its adverse events or toxicity ("Ibrutinib-related adverse events") are a drug given's
                    r"|[\s-]+(?:associated|related)\b(?![\s-]+(?:adverse|aes?\b|side[\s-]+effects?|toxicit|events?\b"
                    r"|reactions?\b|safety|deaths?\b|serious))"),
    ("background", r"\s+(?:background|backbone)\b"),
    # "Adalimumab to upadacitinib switch": the drug the participants leave.
    ("switched from", r"\s+to\s+[\w-]+\s+(?:switch(?:ing)?|conversion|transition)\b"),
    # "adalimumab or infliximab inadequate responders": patients the drugs failed.
    ("inadequate response", r"(?:\s*(?:,|or|and|/)\s*[\w-]+)*[\s-]+(?:inadequate|insufficient|incomplete|partial"
                            r"|non-?)[\s-]*respon\w*"),
    # "vancomycin per standard of care", "as part of routine care".
    ("standard care after", r"\s+(?:per|as\s+(?:part\s+of\s+)?|according\s+to)\s+(?:the\s+)?(?:standard|routine|usual"
                            r"|local|institutional)\b"),
))


# A drug the participants took before the study, stop for it or go without: "no prior rituximab", "switched from
# tacrolimus", "stop their usual metformin", "without dexamethasone", "previously treated with imatinib", "progressed on
# imatinib" (HISTORY_BEFORE).
TAKEN_BEFORE = tuple((name, re.compile(pattern + r"[\s(]*$", re.I)) for name, pattern in (
    ("before the study", r"\b(?:no\s+)?(?:prior|previous|former|earlier|pre-?study)(?:\s+(?:treatment|therapy|exposure"
                         r"|use|dose|regimen)s?\s+(?:with|of|to))?"),
    ("stopped", r"\b(?:stop(?:s|ped|ping)?|discontinu(?:e|es|ed|ing)|withdrawn\s+from|instead\s+of"
                r"|replac(?:e|es|ed|ing))"
                r"(?:\s+(?:their|the))?(?:\s+(?:usual|current|previous|prior|existing))?"),
    ("their own", r"\btheir\s+(?:usual|current|own|existing|habitual|regular)"),
    ("not given", r"\b(?:no|without|w/o|minus)"),
))
_HISTORY_TAKEN = tuple(entry for entry in HISTORY_BEFORE
                       if entry[0] in ("treated before", "failed before", "switched from"))
# How far back of a drug word its history is read.
HISTORY_LOOKBACK = 80


def taken_before(text: str, at: int) -> str | None:
    """Why the drug named at `at` is one the participants took before, or stop, rather than one given ('switched
    from'...), or None."""
    before = text[max(0, at - HISTORY_LOOKBACK):at]
    return next((name for name, pattern in TAKEN_BEFORE + _HISTORY_TAKEN if pattern.search(before)), None)
