"""What a pull asks the registry for: one search (term, condition, intervention, sponsor) or everything."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

# The API v2 query parameter of each search kind.
QUERY_PARAMS = {"term": "query.term", "condition": "query.cond", "intervention": "query.intr",
                "sponsor": "query.spons"}
WHOLE_REGISTRY = "registry"
PAGE_SIZE = 1000  # the most the API v2 returns per page


@dataclass(frozen=True)
class Search:
    """One search of the registry; `kind` None means the whole registry."""

    kind: str | None = None
    value: str = ""

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in QUERY_PARAMS:
            raise ValueError(f"unknown search kind {self.kind!r}: use one of {', '.join(QUERY_PARAMS)}")
        if self.kind is not None and not self.value.strip():
            raise ValueError(f"the {self.kind} search needs a value")

    @property
    def key(self) -> str:
        """The identity of the search across pulls (the cursor's key): case and spacing do not matter."""
        if self.kind is None:
            return WHOLE_REGISTRY
        return f"{self.kind}={' '.join(self.value.lower().split())}"

    @property
    def slug(self) -> str:
        """A file-name-safe name for the search's landing folders."""
        if self.kind is None:
            return WHOLE_REGISTRY
        words = re.sub(r"[^a-z0-9]+", "-", self.key.replace("=", "-")).strip("-")
        if len(words) <= 60:
            return words
        return f"{words[:50]}-{hashlib.sha256(self.key.encode()).hexdigest()[:8]}"

    def params(self, since: date | None) -> dict[str, str]:
        """The API v2 query parameters of this search, limited to studies updated on or after `since`."""
        params = {"format": "json"}
        if self.kind is not None:
            params[QUERY_PARAMS[self.kind]] = self.value
        if since is not None:
            params["filter.advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since.isoformat()},MAX]"
        return params


def search_from_options(**options: str | None) -> Search:
    """The one search given among term/condition/intervention/sponsor, or the whole registry."""
    given = {kind: value for kind, value in options.items() if value is not None}
    if len(given) > 1:
        raise ValueError(f"give at most one of --{', --'.join(QUERY_PARAMS)} (got {', '.join(given)})")
    if not given:
        return Search()
    kind, value = next(iter(given.items()))
    return Search(kind, value)
