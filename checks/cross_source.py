"""Rule family cross_source: one study as several sources tell it, and what records say of each other."""
from __future__ import annotations

from checks.cross_source_related import RULES as RELATED_RULES
from checks.cross_source_versions import RULES as VERSION_RULES

RULES = VERSION_RULES + RELATED_RULES
