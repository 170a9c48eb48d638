"""Words that deny a design term: a negation close before it ("not randomized", "non-blinded"), or a denial right
after it ("randomization is not applicable", "Randomization: N/A")."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide

# A negation close before a term, in the same clause: "will not be", "no", "without"; or carried to it by "or"
# ("with no blinding of subjects or randomization"); a term said to be impossible ("this trial cannot be
# double-blinded", "it is impossible to run a double-blind comparison"); a term set against this study ("unlike an
# observational study, this trial assigns ..."); "non" or "un" before it, joined by any hyphen or spaced ("Non -
# randomized").
NEGATION_BEFORE = re.compile(hyphens_wide(
    r"(?:\b(?:not|no|never|without|neither|nor|rather\s+than|instead\s+of|unlike)\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:cannot|can't)\s+be\s+(?:[\w-]+\s+)?|\b(?:non|un)\s*[\s-]?\s*"
    r"|\b(?:not|no|without|neither)\s+(?:[\w-]+\s+){1,4}(?:or|nor)\s+"
    # A subject denied at its clause's start, then its verb ("However, no participant in the study will be
    # randomized", "neither patients nor clinicians can be blinded"): the clause holds the "no", which no "but",
    # "and", relative pronoun or new subject ends ("and no exclusion criteria they will be randomized"); not a bound
    # ("no more than 10 patients will be randomized") nor what someone has ("Patients with no prior therapy will be
    # randomized").
    r"|(?:(?:^|[,;:.(]\s*|\b(?:and|but|however|so|thus|therefore|hence|as|since|because|that|where|whereas|while"
    r"|although|though)\s+)no|\bneither)\s+(?!(?:more|less|fewer|later|earlier|sooner)\s+than\b)"
    r"(?:(?!(?:but|and|yet|however|while|whereas|although|who|whom|which|that|whose|they|we|he|she|it|you)\b)"
    r"[\w-]+\s+){1,6}"
    r"(?:will|would|can|could|shall|should|may|might|must|is|are|was|were)\s+(?:be\s+|been\s+)?"
    r"|\b(?:impossible|unable|infeasible|unfeasible|impractical|unethical)\s+to\s+(?:[\w-]+\s+){0,3})$"),
    re.I,
)
# A heading's answer that ends it: at the end of the text or of a clause, or before the next heading in capitals
# ("RANDOMIZATION-None BLINDING-single").
_ANSWER_ENDS = r"(?=\s*(?:[.;,)\n]|$)|\s+(?-i:[A-Z]{2}))"
# A denial right after a term, or after the design it names: "single or double blind is not appropriate"
# (NCT05696093), "special methods for randomization are not required" (NCT06897982), "a double-blind design is not
# feasible", "randomization is not applicable as this is a single-arm study", "randomization was deemed unethical",
# "Randomization not applicable", "a randomized design was not chosen"; a heading answered no ("Randomization: N/A",
# "Randomized: No").
NEGATION_AFTER = re.compile(
    r"(?:\s+(?:design|study|trial|approach|method|comparison|technique|procedure|fashion|manner))?(?:\s+(?:"
    r"(?:(?:is|was|are|were|would\s+be|will\s+be)\s+not|(?:would|could|will|can)\s+not\s+be|cannot\s+be)\s+"
    r"(?:appropriate|possible|feasible|practical|practicable|ethical|applicable|used|applied|planned|performed|done"
    r"|required|needed|necessary|involved|conducted|maintained|ensured|chosen|adopted|employed|utili[sz]ed|pursued"
    r"|considered)\b"
    r"|(?:is|was|are|were|would\s+be|will\s+be)\s+(?:(?:deemed|considered|judged|thought|felt|found)\s+"
    r"(?:to\s+be\s+)?)?(?:impossible|unfeasible|infeasible|impractical|unethical|inappropriate|not\s+ethical)\b"
    r"|not\s+(?:applicable|done|performed|used|planned)\b"
    # "The observational study design was rejected", "a double-blind design was considered but not adopted".
    r"|(?:was|were|has\s+been|had\s+been)\s+(?:considered\s+(?:but|and)\s+)?(?:rejected|abandoned|discarded"
    r"|dismissed|not\s+(?:adopted|chosen|pursued))\b)"
    # "RANDOMIZATION & ALLOCATION CONCEALMENT-Not applicable" (NCT05696600): a heading answered no.
    r"|(?:\s*&\s*[\w ]{1,30}?)?\s*[-:–]\s*(?:not\s+applicable\b|(?:none|n/?a|no)" + _ANSWER_ENDS + "))", re.I)


def denied_before(text: str, at: int) -> bool:
    """Whether a term at text[at:] is denied by the words close before it ("not blinded", "non-blinded")."""
    return NEGATION_BEFORE.search(text, max(0, at - 80), at) is not None
