"""clincosm study page, the typed lines of its conditions and arms tables: 'Drug: Baricitinib', 'Experimental: ...'."""
from __future__ import annotations

import re

from flows.parsers.page_text import unbullet

ARM_LABELS = frozenset({"Experimental", "Active Comparator", "Placebo Comparator", "Sham Comparator",
                        "No Intervention", "Other"})
INTERVENTION_LABELS = frozenset({"Drug", "Device", "Biological", "Procedure", "Procedure/Surgery",
                                 "Radiation", "Behavioral", "Genetic", "Dietary Supplement",
                                 "Combination Product", "Diagnostic Test", "Other"})
_TYPED = re.compile(r"^([A-Z][A-Za-z /]*?):\s+(\S.*)$")


def typed_line(line: str, allowed: frozenset[str]) -> tuple[str, str] | None:
    """'Drug: Baricitinib' -> ('Drug', 'Baricitinib') when the label is one of `allowed`."""
    text = unbullet(line)
    if ":" not in text:  # _TYPED needs a colon: a line without one is no typed line (most arm table lines)
        return None
    match = _TYPED.match(text)
    return (match.group(1), match.group(2).strip()) if match and match.group(1) in allowed else None

