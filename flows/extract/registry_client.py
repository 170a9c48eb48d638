"""An httpx client for the registry: at most one request per `min_interval`, bounded retries on
429/5xx, dropped connections, timeouts and garbled (undecodable) bodies, honouring Retry-After."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable

import httpx

# Statuses worth asking again: rate limited, or the server (or a proxy before it) failed for now.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "trialqc (ClinicalTrials.gov quality checks; +https://clinicaltrials.gov/data-api/api)"


@dataclass
class Politeness:
    """How a client paces and retries: seconds between requests, back-off base, attempts, longest wait."""

    min_interval: float = 1.0
    backoff: float = 2.0
    attempts: int = 5
    max_wait: float = 300.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    waits: list[float] = field(default_factory=list)  # every back-off taken, for the run's record

    def wait_before_retry(self, attempt: int, retry_after: str | None) -> float:
        """Seconds to wait before attempt `attempt + 1`: Retry-After when the server sent one."""
        asked = parse_retry_after(retry_after)
        wait = asked if asked is not None else self.backoff * 2 ** (attempt - 1)
        return min(max(wait, 0.0), self.max_wait)


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # not '²', which float() refuses
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - datetime.now(timezone.utc)).total_seconds(), 0.0)


class PoliteTransport(httpx.BaseTransport):
    """Wraps a transport: paces requests and retries transient failures a bounded number of times.

    With `read_body` the whole body is read inside the retry, so a connection dropped mid-page is
    retried too; a streamed download (the bulk zip) leaves it False and resumes with Range itself.
    """

    def __init__(self, inner: httpx.BaseTransport, politeness: Politeness, *, read_body: bool = True):
        self.inner, self.politeness, self.read_body = inner, politeness, read_body
        self._last: float | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, paced; retry 429/5xx, transport and decoding errors up to `attempts` times."""
        attempts = max(self.politeness.attempts, 1)
        for attempt in range(1, attempts + 1):
            self._pace()
            try:
                response = self.inner.handle_request(request)
                if self.read_body:
                    response.read()
            except (httpx.TransportError, httpx.DecodingError):  # dropped, timed out, or a body its encoding garbled
                if attempt == attempts:
                    raise
                self._back_off(attempt, None)
                continue
            if response.status_code not in RETRY_STATUSES or attempt == attempts:
                return response
            response.close()
            self._back_off(attempt, response.headers.get("Retry-After"))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _pace(self) -> None:
        p = self.politeness
        if self._last is not None and p.min_interval > 0:
            gap = self._last + p.min_interval - p.clock()
            if gap > 0:
                p.sleep(gap)
        self._last = p.clock()

    def _back_off(self, attempt: int, retry_after: str | None) -> None:
        wait = self.politeness.wait_before_retry(attempt, retry_after)
        self.politeness.waits.append(wait)
        if wait > 0:
            self.politeness.sleep(wait)

    def close(self) -> None:
        """Close the wrapped transport."""
        self.inner.close()


def registry_client(base_url: str, politeness: Politeness, *, read_body: bool = True,
                    timeout: float = 60.0) -> httpx.Client:
    """An httpx client for `base_url` that paces and retries as `politeness` says."""
    transport = PoliteTransport(httpx.HTTPTransport(), politeness, read_body=read_body)
    return httpx.Client(base_url=base_url.rstrip("/") + "/", transport=transport, follow_redirects=True,
                        timeout=httpx.Timeout(timeout, connect=15.0), headers={"User-Agent": USER_AGENT})
