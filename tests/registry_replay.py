"""A local stand-in for the ClinicalTrials.gov API v2 (loopback, port 0) that replays real records.

It serves GET /api/v2/version, GET /api/v2/studies (query.term/cond/intr/spons, the
AREA[LastUpdatePostDate]RANGE[date,MAX] filter, pageSize, pageToken, countTotal, fields=NCTId) and
GET /bulk/ctg-studies.json.zip (with Range), and misbehaves on cue: `faults` maps the ordinal of a
/studies request (1-based) and `bulk_faults` that of a bulk request to what goes wrong.
"""
from __future__ import annotations

import io
import re
import threading
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import orjson

from tests.shared_corpus import CORPUS

FIXTURE = Path(__file__).parent / "fixtures" / "registry_api"
_SINCE = re.compile(r"AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}),MAX\]")


def pulled_warehouse_folder(folder: Path) -> Path:
    """`folder` holding an empty warehouse, w.duckdb, made as a first pull makes it (with its writer's files): made
    once by a module, copied by each test that pulls into it."""
    from flows.publish import writer_connection

    with writer_connection(folder / "w.duckdb"):
        pass
    return folder


def corpus_files(limit: int | None = None) -> list[Path]:
    """Real API v2 record files: the shared corpus when present, else the bundled fixture; sorted by id."""
    folder = CORPUS / "json_v2" if (CORPUS / "json_v2").is_dir() else FIXTURE
    return sorted(folder.glob("NCT*.json"))[:limit]


def corpus_records(limit: int | None = None) -> list[dict]:
    """The records of `corpus_files(limit)`, parsed."""
    return [orjson.loads(p.read_bytes()) for p in corpus_files(limit)]


def nct_id(record: dict) -> str:
    return record["protocolSection"]["identificationModule"]["nctId"]


def last_update(record: dict) -> str:
    return record["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"]


def _matches(record: dict, params: dict[str, str]) -> bool:
    p = record["protocolSection"]
    wanted = {
        "query.cond": " ".join(p.get("conditionsModule", {}).get("conditions", [])),
        "query.intr": " ".join(i.get("name", "") for i in p.get("armsInterventionsModule", {}).get("interventions", [])),
        "query.spons": orjson.dumps(p.get("sponsorCollaboratorsModule", {})).decode(),
        "query.term": orjson.dumps(record).decode(),
    }
    for name, text in wanted.items():
        if name in params and params[name].lower() not in text.lower():
            return False
    since = _SINCE.search(params.get("filter.advanced", ""))
    return not since or last_update(record) >= since.group(1)


@dataclass
class ReplayRegistry:
    """The records served, the faults to play, and every request the server saw."""

    records: list[dict]
    data_timestamp: str = "2026-11-28T09:00:05"
    faults: dict[int, str] = field(default_factory=dict)
    bulk_faults: dict[int, str] = field(default_factory=dict)
    bulk_members: dict[str, bytes] | None = None
    down_for: set[str] = field(default_factory=set)  # query values always answered 503
    requests: list[dict] = field(default_factory=list)
    blocked: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def studies_requests(self) -> list[dict]:
        """The query parameters of every /studies request, in order."""
        return [r["params"] for r in self.requests if r["path"].endswith("/studies")]

    def bulk_zip(self) -> bytes:
        """The bulk download: one JSON file per study (or `bulk_members` when set)."""
        members = self.bulk_members or {f"{nct_id(r)}.json": orjson.dumps(r) for r in self.records}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():  # a fixed date: the same bytes on every request
                info = zipfile.ZipInfo(name, date_time=(2026, 11, 28, 9, 0, 0))
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    def page(self, params: dict[str, str], fault: str | None) -> dict:
        """One /studies page for `params`."""
        chosen = [r for r in self.records if _matches(r, params)]
        offset = int(params.get("pageToken", "o0")[1:])
        size = int(params.get("pageSize", "10"))
        studies = chosen[offset:offset + size]
        if params.get("fields") == "NCTId":
            studies = [{"protocolSection": {"identificationModule": {"nctId": nct_id(r)}}} for r in studies]
        document: dict = {}
        if params.get("countTotal") == "true":
            document["totalCount"] = len(chosen)
        document["studies"] = [] if fault == "empty" else studies
        if offset + size < len(chosen) and fault != "empty":
            document["nextPageToken"] = f"o{offset + size}"
        return document


class RegistryHandler(BaseHTTPRequestHandler):
    """What every fake registry of the tests does with a request: log it in its registry's `requests` (path, query
    parameters, headers) and answer with a body of its own, quietly."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def requested(self) -> tuple[str, dict[str, str]]:
        """The request's path and query parameters, logged in the server's registry."""
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.server.registry.requests.append({"path": url.path, "params": params, "headers": dict(self.headers)})
        return url.path, params

    def send(self, status: int, body: bytes, headers: dict | None = None, close: bool = False) -> None:
        """Answer `status` with `body` (JSON unless `headers` say otherwise); `close` ends the connection after it."""
        self.send_response(status)
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body)), **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()


class _Handler(RegistryHandler):
    def do_GET(self) -> None:
        registry: ReplayRegistry = self.server.registry
        path, params = self.requested()
        if path.endswith("/version"):
            return self.send(200, orjson.dumps({"apiVersion": "2.0.5", "dataTimestamp": registry.data_timestamp}))
        if path.endswith("/studies"):
            return self._studies(registry, params)
        if path.endswith("/ctg-studies.json.zip"):
            return self._bulk(registry)
        self.send(404, b'{"error": "not found"}')

    def _studies(self, registry: ReplayRegistry, params: dict[str, str]) -> None:
        number = len(registry.studies_requests())
        fault = "503" if registry.down_for & set(params.values()) else registry.faults.get(number)
        if fault == "429":
            return self.send(429, b"Too Many Requests", {"Retry-After": "7"})
        if fault == "503":
            return self.send(503, b"Service Unavailable")
        if fault == "block":
            registry.blocked.set()
            registry.release.wait(60)
        body = orjson.dumps(registry.page(params, fault))
        if fault == "drop":
            return self.send(200, body[: len(body) // 2], {"Content-Length": str(len(body))}, close=True)
        self.send(200, body)

    def _bulk(self, registry: ReplayRegistry) -> None:
        number = sum(1 for r in registry.requests if r["path"].endswith(".zip"))
        fault = registry.bulk_faults.get(number)
        data = registry.bulk_zip()
        start = 0
        match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if match and fault != "no-range":
            start = int(match.group(1))
        rest = data[start:]
        headers = {"Content-Length": str(len(rest)), "Content-Type": "application/zip", "Accept-Ranges": "bytes"}
        status = 200
        if start:
            status, headers["Content-Range"] = 206, f"bytes {start}-{len(data) - 1}/{len(data)}"
        if fault == "cut":
            return self.send(status, rest[: len(rest) // 2], headers, close=True)
        if fault == "short":  # no length announced: the cut is only visible in the zip itself
            del headers["Content-Length"]
            return self.send(status, rest[: len(rest) // 2], headers, close=True)
        self.send(status, rest, headers)


class ReplayServer:
    """Start the replay registry on 127.0.0.1 (port 0) in a thread; stop it on exit."""

    def __init__(self, registry: ReplayRegistry):
        self.registry = registry
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.registry = registry
        registry.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/api/v2"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ReplayRegistry:
        self.thread.start()
        return self.registry

    def __exit__(self, *exc) -> None:
        self.registry.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)
