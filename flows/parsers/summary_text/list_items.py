"""Trial-summary page, a list of names one a line (its conditions): a line's bullet, or its number in a list
numbered 1, 2, 3..., is no part of the name, read as on every layout (flows.parsers.list_marks)."""
from __future__ import annotations

from flows.parsers.list_marks import list_names

__all__ = ["list_names"]
