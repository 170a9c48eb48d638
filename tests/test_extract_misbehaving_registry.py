"""`trialqc pull` against a registry and a network that misbehave: rate limits, bursts of 5xx, cut and
malformed pages, paging that loops or repeats studies, refused queries, redirects, gzip, a slow server,
a bulk zip that is cut or odd, Ctrl-C, and a landing folder that cannot be written.

Every case answers three questions: what the user is told, whether anything is recorded complete that
is not, and whether the next pull completes. The registry is a scripted server on 127.0.0.1.
"""
from __future__ import annotations

import errno
import gzip
import io
import shutil
import socket
import struct
import threading
import zipfile
from contextlib import closing
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import orjson
import pytest
from typer.testing import CliRunner

from flows.errors import UsageError
from flows.extract import api_pull, bulk as bulk_module, pull_state
from flows.extract.api_pull import PullRefused
from flows.extract.bulk import BULK_FILE, pull_bulk
from flows.extract.progress import QuietProgress
from flows.extract.pull import pull_search
from flows.extract.pull_records import cursor_since
from flows.extract.registry_client import Politeness, registry_client
from flows.extract.search import Search
from tests.registry_replay import RegistryHandler, pulled_warehouse_folder
from warehouse.connect import connect

PAGE = 2  # studies per page: small pages, many page boundaries


def study(number: int) -> dict:
    """A minimal API v2 study with its NCT id."""
    return {"protocolSection": {"identificationModule": {"nctId": f"NCT{number:08d}", "briefTitle": f"Study {number}"}}}


class Registry:
    """A scripted API v2: `answers` maps the ordinal of a /studies request (1-based) to what it does instead
    of the normal page; `always` answers every /studies request when set; `expired` tokens get a 400."""

    def __init__(self, count: int = 6):
        self.studies = [study(n) for n in range(1, count + 1)]
        self.answers: dict[int, Callable] = {}
        self.always: Callable | None = None
        self.expired: set[str] = set()
        self.requests: list[dict] = []
        self.bulk: bytes = b""
        self.bulk_answers: dict[int, Callable] = {}
        self.release = threading.Event()
        self.url = ""

    def studies_asked(self) -> list[dict]:
        return [r for r in self.requests if r["path"].endswith("/studies")]

    def page(self, params: dict, total: int | None = None) -> dict:
        """The page `params` ask for: offset tokens 'o<n>', totalCount when countTotal=true."""
        offset, size = int(params.get("pageToken", "o0")[1:]), int(params.get("pageSize", "10"))
        document: dict = {"totalCount": total if total is not None else len(self.studies)} if params.get(
            "countTotal") == "true" else {}
        document["studies"] = self.studies[offset:offset + size]
        if offset + size < len(self.studies):
            document["nextPageToken"] = f"o{offset + size}"
        return document


class Handler(RegistryHandler):
    def do_GET(self) -> None:
        registry: Registry = self.server.registry
        path, params = self.requested()
        if path.endswith("/version"):
            return self.send(200, b'{"apiVersion": "2.0.5", "dataTimestamp": "2026-11-28T09:00:05"}')
        if path.endswith("/studies"):
            if params.get("pageToken") in registry.expired:
                return self.send(400, b'{"message": "pageToken is\n not valid"}')
            answer = registry.always or registry.answers.get(len(registry.studies_asked()))
            return answer(self, params) if answer else self.send(200, orjson.dumps(registry.page(params)))
        if path.endswith(".zip"):
            answer = registry.bulk_answers.get(sum(1 for r in registry.requests if r["path"].endswith(".zip")))
            return answer(self, registry.bulk) if answer else self.send(200, registry.bulk)
        self.send(404, b"{}")

    def reset(self) -> None:
        """Drop the connection with a TCP reset (SO_LINGER 0) after half a page's headers."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"studies\": [")
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    """An empty warehouse made once; each test pulls into its own copy."""
    return pulled_warehouse_folder(tmp_path_factory.mktemp("warehouse"))


@pytest.fixture(autouse=True)
def fresh_warehouse(warehouse, tmp_path):
    for path in warehouse.iterdir():
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, tmp_path / path.name)


@pytest.fixture
def registry():
    served = Registry()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads, httpd.registry = True, served
    served.url = f"http://127.0.0.1:{httpd.server_address[1]}/api/v2"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    served.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def pull(registry: Registry, tmp_path: Path, *, attempts: int = 3, sleeps: list | None = None,
         timeout: float = 5.0, progress=None):
    politeness = Politeness(min_interval=0, backoff=0.25, attempts=attempts,
                            sleep=(sleeps if sleeps is not None else []).append)
    with registry_client(registry.url, politeness, timeout=timeout) as client:
        return pull_search(Search("condition", "lupus"), landing=tmp_path / "landing", db=tmp_path / "w.duckdb",
                           client=client, progress=progress or QuietProgress(), page_size=PAGE)


def landed(tmp_path: Path) -> list[str]:
    """The NCT ids of every landed page, in folder and page order (duplicates kept)."""
    ids = []
    for page in sorted((tmp_path / "landing").glob("*/page-*.json")):
        studies = orjson.loads(page.read_bytes())["studies"]
        ids += [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]
    return ids


def rows(tmp_path: Path) -> list[tuple]:
    with closing(connect(tmp_path / "w.duckdb")) as con:
        return con.execute("""SELECT status, total_count, studies_received, reason FROM meta.registry_pulls
                              ORDER BY started_at""").fetchall()


def cursor(tmp_path: Path):
    with closing(connect(tmp_path / "w.duckdb")) as con:
        return cursor_since(con, "condition=lupus")


def every(registry: Registry) -> list[str]:
    return [s["protocolSection"]["identificationModule"]["nctId"] for s in registry.studies]


def leftovers(tmp_path: Path) -> list[str]:
    """Temporary files a write left behind in the landing folder."""
    return [p.name for p in (tmp_path / "landing").rglob("*.tmp")]


def status(code: int, headers: dict | None = None) -> Callable:
    return lambda handler, params: handler.send(code, b'{"message": "busy"}', headers)


# --- rate limits and bursts of server errors -------------------------------------------------------------

def test_429_waits_retry_after_in_seconds_or_as_a_date_else_the_back_off(registry, tmp_path):
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=90), usegmt=True)
    registry.answers.update({2: status(429, {"Retry-After": "4"}), 3: status(429, {"Retry-After": later}),
                             4: status(429)})
    sleeps: list[float] = []
    outcome = pull(registry, tmp_path, attempts=4, sleeps=sleeps)
    assert outcome.complete and landed(tmp_path) == every(registry)
    assert sleeps[0] == 4.0 and 60 < sleeps[1] <= 90 and sleeps[2] == 1.0, "third attempt: 0.25 doubled twice"


def test_a_burst_of_500_502_503_within_the_attempts_is_ridden_out(registry, tmp_path):
    registry.answers.update({2: status(500), 3: status(502), 5: status(503)})
    outcome = pull(registry, tmp_path, attempts=3)
    assert outcome.complete and landed(tmp_path) == every(registry) and cursor(tmp_path) is not None


def test_a_burst_longer_than_the_attempts_is_incomplete_keeps_the_cursor_and_resumes(registry, tmp_path):
    registry.answers.update({2: status(502), 3: status(503)})
    first = pull(registry, tmp_path, attempts=2)
    assert not first.complete and first.resumable and "HTTP 503 after retries" in first.reason
    assert rows(tmp_path)[0][0] == "incomplete" and cursor(tmp_path) is None
    second = pull(registry, tmp_path)
    assert second.complete and second.resumed and landed(tmp_path) == every(registry)


def test_a_403_is_not_said_to_come_after_retries(registry, tmp_path):
    registry.answers[2] = status(403)
    outcome = pull(registry, tmp_path)
    assert not outcome.complete and "HTTP 403 for" in outcome.reason and "after retries" not in outcome.reason
    assert len(registry.studies_asked()) == 2, "a 403 is not asked again on the spot"


# --- pages cut or malformed ------------------------------------------------------------------------------

def test_a_connection_reset_mid_page_is_asked_again(registry, tmp_path):
    registry.answers[2] = lambda handler, params: handler.reset()
    outcome = pull(registry, tmp_path)
    assert outcome.complete and landed(tmp_path) == every(registry)


def test_a_page_whose_json_is_cut_short_lands_nothing_and_the_next_pull_resumes_there(registry, tmp_path):
    registry.answers[2] = lambda handler, params: handler.send(200, orjson.dumps(registry.page(params))[:40])
    first = pull(registry, tmp_path)
    assert not first.complete and first.resumable and "page is not complete JSON" in first.reason
    assert landed(tmp_path) == every(registry)[:PAGE] and cursor(tmp_path) is None
    second = pull(registry, tmp_path)
    assert second.complete and landed(tmp_path) == every(registry)


def test_an_empty_page_that_still_has_a_next_page_token_fails_the_gate_and_is_asked_again(registry, tmp_path):
    def empty(handler, params):
        handler.send(200, orjson.dumps({**registry.page(params), "studies": []}))

    registry.answers[2] = empty
    first = pull(registry, tmp_path)
    assert not first.complete and first.resumable and "page 2 had no studies" in first.reason
    second = pull(registry, tmp_path)
    assert second.complete and landed(tmp_path) == every(registry)


# --- paging that loops or repeats studies ----------------------------------------------------------------

def test_a_page_holding_a_study_twice_does_not_pass_the_gate_for_the_one_it_lacks(registry, tmp_path):
    def twice(handler, params):  # study 4 is missing, study 3 came twice: the count still adds up to 6
        page = registry.page(params)
        handler.send(200, orjson.dumps({**page, "studies": [page["studies"][0]] * 2}))

    registry.answers[2] = twice
    outcome = pull(registry, tmp_path)
    assert not outcome.complete and outcome.received == 5
    assert outcome.reason == "received 5 of 6 studies announced"
    assert rows(tmp_path)[0][:3] == ("incomplete", 6, 5) and cursor(tmp_path) is None


def test_a_study_sent_again_on_a_later_page_counts_once(registry, tmp_path):
    def again(handler, params):
        page = registry.page(params)
        handler.send(200, orjson.dumps({**page, "studies": page["studies"] + [study(1)]}))

    registry.answers[3] = again
    outcome = pull(registry, tmp_path)
    assert outcome.complete and outcome.received == 6, "every study arrived; the repeat is no extra study"


def test_a_next_page_token_that_repeats_ends_the_pull_instead_of_looping(registry, tmp_path):
    def loop(handler, params):  # the second page, then the same token for ever (bounded: a 400 after five)
        if len(registry.studies_asked()) > 5:
            return handler.send(400, b'{"message": "too many"}')
        page = registry.page(params)
        if params.get("pageToken"):
            page["nextPageToken"] = params["pageToken"]
        handler.send(200, orjson.dumps(page))

    registry.always = loop
    first = pull(registry, tmp_path)
    assert not first.complete and not first.resumable
    assert first.reason == "received 4 of 6 studies announced (the registry sent page token 'o2' again, a loop; " \
                           "the next pull starts over)"
    assert len(registry.studies_asked()) == 2 and landed(tmp_path) == every(registry)[:4]
    registry.always = None
    second = pull(registry, tmp_path)
    assert second.complete and not second.resumed and cursor(tmp_path) is not None


def test_pages_that_bring_nothing_new_under_fresh_tokens_end_the_pull(registry, tmp_path):
    def same(handler, params):  # every token answers the first page again, with a new token each time
        asked = len(registry.studies_asked())
        if asked > 5:
            return handler.send(400, b'{"message": "too many"}')
        page = registry.page({**params, "pageToken": "o0"})
        handler.send(200, orjson.dumps({**page, "nextPageToken": f"o{asked * 100}"}))

    registry.answers.update({n: same for n in range(2, 10)})
    outcome = pull(registry, tmp_path)
    assert not outcome.complete and outcome.received == 2
    assert "page 2 brought no study not already received; the next pull starts over" in outcome.reason
    assert landed(tmp_path) == every(registry)[:2], "the repeated page is not landed"


def test_a_total_count_that_grows_between_pages_is_said_plainly_and_a_fresh_pull_completes(registry, tmp_path):
    def grown(handler, params):  # a study is added after the first page was answered
        registry.studies.append(study(7))
        handler.send(200, orjson.dumps(registry.page(params)))

    registry.answers[2] = grown
    first = pull(registry, tmp_path)
    assert not first.complete and not first.resumable and first.received == 7
    assert first.reason == "received 7 studies, more than the 6 announced (the registry changed meanwhile)"
    second = pull(registry, tmp_path)
    assert second.complete and second.received == 7


# --- refused queries -------------------------------------------------------------------------------------

def test_a_400_for_an_unknown_field_exits_2_in_one_line_and_leaves_no_running_pull(registry, tmp_path, monkeypatch):
    from flows.cli import app

    monkeypatch.setenv("TRIALQC_API_MIN_INTERVAL", "0")
    monkeypatch.setenv("TRIALQC_API_BACKOFF", "0")
    registry.always = lambda handler, params: handler.send(
        400, b'{"message": "unknown field\n\'query.condd\'"}')
    args = ["pull", "--condition", "lupus", "--api-url", registry.url, "--landing", str(tmp_path / "landing"),
            "--db", str(tmp_path / "w.duckdb"), "--page-size", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "the registry refused the query: HTTP 400" in said and "unknown field 'query.condd'" in said
    assert "Traceback" not in result.output and len(registry.studies_asked()) == 1, "a 400 is not asked again"
    assert [r[0] for r in rows(tmp_path)] == ["incomplete"], "the refused pull is recorded, not left running"
    assert not (tmp_path / "landing" / ".pulls" / "condition-lupus.json").exists()


def test_a_page_token_the_registry_no_longer_accepts_does_not_block_the_search_for_ever(registry, tmp_path):
    registry.answers[2] = status(503)
    first = pull(registry, tmp_path, attempts=1)
    assert first.resumable
    registry.expired.add("o2")  # the token kept for the resume has expired meanwhile
    with pytest.raises(PullRefused):
        pull(registry, tmp_path)
    registry.expired.clear()  # a fresh pull gets fresh tokens
    third = pull(registry, tmp_path)
    assert third.complete and not third.resumed and cursor(tmp_path) is not None
    assert [r[0] for r in rows(tmp_path)] == ["incomplete", "complete"]


# --- redirects, gzip, a slow server ----------------------------------------------------------------------

def test_a_redirect_is_followed_with_the_query_kept(registry, tmp_path):
    def moved(handler, params):
        if not handler.path.startswith("/api/v2/"):
            return handler.send(200, orjson.dumps(registry.page(params)))
        handler.send(307, b"", {"Location": handler.path.replace("/api/v2/", "/mirror/v2/")})

    registry.always = moved
    outcome = pull(registry, tmp_path)
    assert outcome.complete and landed(tmp_path) == every(registry)


def test_a_redirect_loop_is_an_interrupted_pull_not_a_traceback(registry, tmp_path):
    def loop(handler, params):
        if params.get("pageToken") == "o2":
            return handler.send(302, b"", {"Location": handler.path})
        handler.send(200, orjson.dumps(registry.page(params)))

    registry.always = loop
    outcome = pull(registry, tmp_path)
    assert not outcome.complete and outcome.resumable and "TooManyRedirects" in outcome.reason
    registry.always = None
    assert pull(registry, tmp_path).complete and landed(tmp_path) == every(registry)


def test_a_gzip_page_lands_as_its_json(registry, tmp_path):
    registry.always = lambda handler, params: handler.send(
        200, gzip.compress(orjson.dumps(registry.page(params))), {"Content-Encoding": "gzip"})
    outcome = pull(registry, tmp_path)
    assert outcome.complete and landed(tmp_path) == every(registry)


def test_a_page_said_to_be_gzip_that_is_not_is_asked_again_then_interrupted(registry, tmp_path):
    def garbled(handler, params):
        broken = params.get("pageToken") == "o2" and not registry.release.is_set()
        headers = {"Content-Encoding": "gzip"} if broken else {}
        handler.send(200, orjson.dumps(registry.page(params)), headers)

    registry.answers[2] = lambda handler, params: handler.send(
        200, orjson.dumps(registry.page(params)), {"Content-Encoding": "gzip"})
    assert pull(registry, tmp_path).complete, "garbled once: asked again on the spot"
    registry.always = garbled
    outcome = pull(registry, tmp_path, attempts=2)
    assert not outcome.complete and outcome.resumable and "DecodingError" in outcome.reason
    registry.release.set()
    assert pull(registry, tmp_path).complete


def test_a_server_slower_than_the_timeout_is_retried_then_interrupted_and_resumed(registry, tmp_path):
    def stalled(handler, params):
        registry.release.wait(5)

    registry.answers.update({2: stalled, 3: stalled})
    first = pull(registry, tmp_path, attempts=2, timeout=0.2)
    assert not first.complete and first.resumable and "ReadTimeout" in first.reason
    second = pull(registry, tmp_path)
    assert second.complete and landed(tmp_path) == every(registry)


# --- Ctrl-C, an unwritable landing folder, a full disk ---------------------------------------------------

class CtrlCAfter(QuietProgress):
    """Progress that raises KeyboardInterrupt once `pages` pages have landed (as Ctrl-C would)."""

    def __init__(self, pages: int):
        self.pages = pages

    def advance(self, studies: int) -> None:
        self.pages -= 1
        if self.pages == 0:
            raise KeyboardInterrupt


def test_ctrl_c_mid_pull_records_it_keeps_the_cursor_and_the_next_pull_resumes(registry, tmp_path):
    with pytest.raises(KeyboardInterrupt):
        pull(registry, tmp_path, progress=CtrlCAfter(2))
    assert rows(tmp_path) == [("incomplete", 6, 4, "stopped by Ctrl-C after 2 pages; the next pull resumes here")]
    assert cursor(tmp_path) is None and not leftovers(tmp_path)
    second = pull(registry, tmp_path)
    assert second.complete and second.resumed and landed(tmp_path) == every(registry)
    assert registry.studies_asked()[-1]["params"]["pageToken"] == "o4", "resumed at the page after the last landed"


def failing_open(code: int, fails: Callable[[str], bool]):
    """A stand-in for `open` that fails with `code` when writing the files `fails` picks."""
    real = open

    def fake(path, mode="r", *args, **kwargs):
        handle = real(path, mode, *args, **kwargs)
        if "w" in mode or "a" in mode:
            if fails(str(path)):
                def write(data):
                    real_write(data[: len(data) // 2])
                    raise OSError(code, __import__("os").strerror(code))
                real_write, handle.write = handle.write, write
        return handle

    return fake


def test_a_full_disk_while_writing_a_page_interrupts_leaves_no_half_file_and_resumes(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(pull_state, "open", failing_open(errno.ENOSPC, lambda p: "page-00002" in p), raising=False)
    first = pull(registry, tmp_path)
    assert not first.complete and first.resumable and first.pages == 1
    assert "could not write" in first.reason and "No space left on device" in first.reason
    assert not leftovers(tmp_path) and landed(tmp_path) == every(registry)[:2]
    assert rows(tmp_path)[0][0] == "incomplete" and cursor(tmp_path) is None
    monkeypatch.undo()
    second = pull(registry, tmp_path)
    assert second.complete and landed(tmp_path) == every(registry)


def test_a_landing_folder_that_cannot_be_written_exits_1_with_one_line(registry, tmp_path, monkeypatch):
    from flows.cli import app

    monkeypatch.setenv("TRIALQC_API_MIN_INTERVAL", "0")
    monkeypatch.setenv("TRIALQC_API_BACKOFF", "0")
    monkeypatch.setattr(pull_state, "open", failing_open(errno.EACCES, lambda p: "page-" in p), raising=False)
    args = ["pull", "--condition", "lupus", "--api-url", registry.url, "--landing", str(tmp_path / "landing"),
            "--db", str(tmp_path / "w.duckdb"), "--page-size", "2"]
    result = CliRunner().invoke(app, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "INCOMPLETE, interrupted after 0 pages: could not write" in said and "Permission denied" in said
    assert [r[0] for r in rows(tmp_path)] == ["incomplete"]
    monkeypatch.undo()
    monkeypatch.setenv("TRIALQC_API_MIN_INTERVAL", "0")
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "(resumed): complete, 6 studies of 6" in " ".join(again.output.split())


# --- the bulk zip ----------------------------------------------------------------------------------------

def zip_of(members: dict[str, bytes | None]) -> bytes:
    """A zip of `members` (None: a folder entry)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 28, 9, 0, 0))
            if data is None:
                info.external_attr = 0o40755 << 16
                archive.writestr(info, b"")
            else:
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def studies_zip(count: int = 4) -> dict[str, bytes | None]:
    return {f"NCT{n:08d}.json": orjson.dumps(study(n)) for n in range(1, count + 1)}


def download(registry: Registry, tmp_path: Path, attempts: int = 3):
    politeness = Politeness(min_interval=0, backoff=0, attempts=attempts)
    with registry_client(registry.url, politeness, read_body=False, timeout=5.0) as client:
        return pull_bulk(url=registry.url.replace("/api/v2", f"/bulk/{BULK_FILE}"), landing=tmp_path / "landing",
                         db=tmp_path / "w.duckdb", client=client, politeness=politeness, progress=QuietProgress())


def bulk_status(tmp_path: Path) -> list[tuple]:
    with closing(connect(tmp_path / "w.duckdb")) as con:
        return con.execute("SELECT status, total_count FROM meta.registry_pulls").fetchall()


def test_a_zip_cut_short_never_reaches_the_loader(registry, tmp_path):
    whole = zip_of(studies_zip())
    registry.bulk = whole[: len(whole) - 30]
    outcome = download(registry, tmp_path)
    assert not outcome.complete and outcome.reason.startswith("not a whole zip") and outcome.path is None
    assert not list((tmp_path / "landing").rglob("*.zip*")) and bulk_status(tmp_path)[0][0] == "incomplete"


def test_folders_readmes_and_mac_copies_in_the_zip_are_not_counted_as_study_files(registry, tmp_path):
    registry.bulk = zip_of({"studies/": None, **{f"studies/{k}": v for k, v in studies_zip().items()},
                            "README.md": b"# all studies\n", "__MACOSX/studies/._NCT00000001.json": b"\0\5\26",
                            "studies/.DS_Store": b"\0"})
    outcome = download(registry, tmp_path)
    assert outcome.complete and outcome.entries == 4, "the four files the loader reads"


def test_a_member_that_is_not_a_study_is_counted_so_the_gate_after_the_load_stays_open(registry, tmp_path):
    registry.bulk = zip_of({**studies_zip(), "notes.txt": b"not json", "NCT99999999.json": b'{"hello": 1}'})
    outcome = download(registry, tmp_path)
    assert outcome.complete and outcome.entries == 6, "the loader will reject two: the gate then says 4 of 6"


def test_a_content_length_longer_than_the_body_is_a_cut_download_resumed_with_range(registry, tmp_path):
    registry.bulk = zip_of(studies_zip())
    registry.bulk_answers[1] = lambda handler, data: handler.send(
        200, data[: len(data) // 2], {"Content-Length": str(len(data)), "Accept-Ranges": "bytes"}, close=True)

    def rest(handler, data):
        start = int(handler.headers["Range"].split("=")[1].rstrip("-"))
        handler.send(206, data[start:], {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"})

    registry.bulk_answers[2] = rest
    outcome = download(registry, tmp_path)
    assert outcome.complete and outcome.path.read_bytes() == registry.bulk


def test_a_content_length_shorter_than_the_zip_fails_verification(registry, tmp_path):
    registry.bulk = zip_of(studies_zip())
    registry.bulk_answers[1] = lambda handler, data: handler.send(
        200, data, {"Content-Length": str(len(data) - 25)}, close=True)
    outcome = download(registry, tmp_path)
    assert not outcome.complete and not outcome.resumable and outcome.path is None
    assert download(registry, tmp_path).complete, "the next pull downloads it afresh"


def test_a_full_disk_mid_download_is_incomplete_and_resumes_from_what_was_written(registry, tmp_path, monkeypatch):
    registry.bulk = zip_of(studies_zip(40))
    monkeypatch.setattr(bulk_module, "open", failing_open(errno.ENOSPC, lambda p: p.endswith(".part")),
                        raising=False)
    first = download(registry, tmp_path)
    assert not first.complete and first.resumable and "No space left on device" in first.reason
    assert bulk_status(tmp_path) == [("incomplete", None)]
    monkeypatch.undo()
    second = download(registry, tmp_path)
    assert second.complete and second.pull_id == first.pull_id and second.path.read_bytes() == registry.bulk


def test_a_refused_query_raises_a_usage_error_from_the_command(registry, tmp_path):
    from flows.extract.command import run_pull, pull_request
    from flows.settings import Settings

    registry.always = status(400)
    request = pull_request(Settings.from_env(), condition="lupus", api_url=registry.url, landing=tmp_path / "l",
                           db=tmp_path / "w.duckdb", page_size=2)
    with pytest.raises(UsageError, match="the next pull of this search starts over"):
        run_pull(request, Politeness(min_interval=0, backoff=0, attempts=1), lambda label: QuietProgress())


def test_the_gate_counts_each_study_once_after_a_resume(registry, tmp_path):
    registry.answers[3] = status(503)
    first = pull(registry, tmp_path, attempts=1)
    assert first.resumable and first.received == 4
    registry.answers[4] = lambda handler, params: handler.send(
        200, orjson.dumps({**registry.page(params), "studies": [study(1), study(5), study(6)]}))
    second = pull(registry, tmp_path)
    assert second.complete and second.received == 6, "study 1, landed before the cut, is not counted twice"
    assert api_pull.landed_ids(second.folder, second.pages) == set(every(registry))


def test_ctrl_c_mid_download_is_recorded_and_the_next_bulk_pull_resumes_with_range(registry, tmp_path):
    registry.bulk = zip_of(studies_zip(40))
    politeness = Politeness(min_interval=0, backoff=0, attempts=2)
    url = registry.url.replace("/api/v2", f"/bulk/{BULK_FILE}")
    with registry_client(registry.url, politeness, read_body=False, timeout=5.0) as client:
        with pytest.raises(KeyboardInterrupt):
            pull_bulk(url=url, landing=tmp_path / "landing", db=tmp_path / "w.duckdb", client=client,
                      politeness=politeness, progress=CtrlCAfter(1))
    [(state, reason)] = [(s, r) for s, r in bulk_rows(tmp_path)]
    assert state == "incomplete" and reason.startswith("stopped by Ctrl-C at ")
    outcome = download(registry, tmp_path)
    assert outcome.complete and outcome.path.read_bytes() == registry.bulk
    assert registry.requests[-1]["headers"].get("Range", "").startswith("bytes="), "resumed, not started over"


def bulk_rows(tmp_path: Path) -> list[tuple]:
    with closing(connect(tmp_path / "w.duckdb")) as con:
        return con.execute("SELECT status, reason FROM meta.registry_pulls").fetchall()
