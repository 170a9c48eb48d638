"""meddatax lists of names (conditions, countries) as a copied or printed page may give them: each item after a list
mark the site does not show ('• Scleroderma', '▪ Bangladesh', '1. Asthma'). A name is loaded without its mark, read
as on every layout (flows.parsers.list_marks)."""
from __future__ import annotations

from flows.parsers.list_marks import list_names as list_items

__all__ = ["list_items"]
