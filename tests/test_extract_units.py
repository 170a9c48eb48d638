"""Small parts of the extract stage: Retry-After, searches, option checks."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from flows.errors import UsageError
from flows.extract.command import pull_request
from flows.extract.registry_client import Politeness, parse_retry_after
from flows.extract.search import Search, search_from_options
from flows.settings import Settings


def test_retry_after_is_read_as_seconds_or_as_an_http_date():
    assert parse_retry_after("7") == 7.0
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=120), usegmt=True)
    assert 100 < parse_retry_after(later) <= 120
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    assert parse_retry_after("\u00b2") is None  # a digit to str.isdigit(), not to float()


def test_the_wait_is_retry_after_else_a_doubling_back_off_and_never_beyond_the_cap():
    politeness = Politeness(backoff=2.0, max_wait=60.0)
    assert [politeness.wait_before_retry(n, None) for n in (1, 2, 3)] == [2.0, 4.0, 8.0]
    assert politeness.wait_before_retry(1, "30") == 30.0
    assert politeness.wait_before_retry(1, "3600") == 60.0


def test_a_search_has_a_stable_key_a_safe_slug_and_its_api_parameters():
    search = Search("condition", "  Systemic   Sclerosis ")
    assert search.key == "condition=systemic sclerosis" == Search("condition", "systemic sclerosis").key
    assert search.slug == "condition-systemic-sclerosis"
    assert search.params(date(2026, 11, 1)) == {
        "format": "json", "query.cond": "  Systemic   Sclerosis ",
        "filter.advanced": "AREA[LastUpdatePostDate]RANGE[2026-11-01,MAX]"}
    assert Search().params(None) == {"format": "json"} and Search().key == "registry"
    assert len(Search("term", "x" * 300).slug) <= 60
    assert Search("sponsor", "../../etc").slug == "sponsor-etc"


def test_options_that_contradict_each_other_are_usage_errors():
    settings = Settings.from_env()
    assert search_from_options(term=None, condition="lupus").key == "condition=lupus"
    for options in ({"term": "a", "sponsor": "b"}, {"bulk": True, "condition": "lupus"},
                    {"since": date(2026, 1, 1), "full": True}, {"page_size": 1001}, {"condition": "  "}):
        with pytest.raises(UsageError):
            pull_request(settings, **options)
