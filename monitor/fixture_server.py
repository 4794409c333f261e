"""A real HTTP server on 127.0.0.1 that plays the parliament, for the demo and the tests.

It serves a *scenario* directory in the shapes of the parliament's sources:

    scenario.json              optional: {"base": "../common", "now": "2024-04-23T18:00:00+02:00"}
    search.json                every search result, newest first: {"result": [...]}
    opendata/schv/<id>.json    /e/opendata/schv/<id>
    opendata/zj/alle.json      /e/opendata/zj/alle
    pfile/<id>.pdf             /pfile?id=<id> and /files/pfile?id=<id>
    site/<path>.html           any other path, e.g. site/nl/themas/integratie-en-inburgering.html

A scenario may name a `base` directory it overlays (files missing from the scenario come
from the base). The search endpoint paginates `search.json` by the `max` and `page`
parameters and honours `inmeta:publicatiedatum:daterange:FROM..TO` in the query.

Every response carries an ETag and answers a matching If-None-Match with 304. Faults can
be injected per path (HTTP status, 429 with Retry-After, delays, malformed JSON, truncated
bodies, replaced bodies, dropped connections), and every request is logged.

Run it by hand: ``python -m monitor.fixture_server monitor/sample/day2 --port 8080``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["Fault", "FixtureServer", "LoggedRequest"]

JSON_TYPE = "application/json;charset=UTF-8"
HTML_TYPE = "text/html; charset=utf-8"
PDF_TYPE = "application/pdf"
DATERANGE = re.compile(
    r"inmeta:publicatiedatum:daterange:(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?"
)


@dataclass
class Fault:
    """Make requests whose path (with query) matches `path` (a regex) misbehave.

    kind: 'status' (answer `status`, with `retry_after` as Retry-After if set), 'delay'
    (sleep `delay` seconds, then answer normally), 'malformed' (invalid JSON), 'truncate'
    (the first half of the body), 'replace' (`body` with `content_type`), 'drop' (close the
    connection without an answer). `times`: how many matching requests it affects (None:
    all of them).
    """

    path: str
    kind: str = "status"
    status: int = 500
    retry_after: str | None = None
    delay: float = 0.0
    body: bytes = b""
    content_type: str = HTML_TYPE
    times: int | None = None
    hits: int = 0

    def matches(self, target: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        return re.search(self.path, target) is not None


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    query: str
    status: int
    if_none_match: str | None
    user_agent: str | None
    at: float = field(default_factory=time.monotonic)

    @property
    def target(self) -> str:
        return self.path + ("?" + self.query if self.query else "")


class FixtureServer:
    """A threaded HTTP server for one scenario at a time; a context manager."""

    def __init__(self, scenario: str | Path, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.Lock()
        self.scenario = Path(scenario)
        self.faults: list[Fault] = []
        self.requests: list[LoggedRequest] = []
        self.arrivals: list[str] = []  # every request's path and query, as it arrives
        handler = type("Handler", (_Handler,), {"fixture": self})
        self.httpd = _QuietServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FixtureServer:
        self._thread = threading.Thread(
            target=self.httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fixture-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- scenario -------------------------------------------------------------------------

    @property
    def scenario(self) -> Path:
        return self._scenario

    @scenario.setter
    def scenario(self, path: str | Path) -> None:
        path = Path(path)
        layers = [path]
        seen = {path.resolve()}
        while True:
            meta = _read_meta(layers[-1])
            base = meta.get("base")
            if not base:
                break
            nxt = (layers[-1] / base).resolve()
            if nxt in seen:
                raise ValueError(f"scenario base loop at {nxt}")
            seen.add(nxt)
            layers.append(nxt)
        with self._lock:
            self._scenario = path
            self._layers = layers
            self._meta = _read_meta(path)

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self._meta)

    def find(self, relative: str) -> Path | None:
        for layer in self._layers:
            candidate = layer / relative
            if candidate.is_file():
                return candidate
        return None

    # -- faults and log -------------------------------------------------------------------

    def add_fault(self, path: str, kind: str = "status", **options: Any) -> Fault:
        fault = Fault(path=path, kind=kind, **options)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.arrivals.clear()

    def _fault_for(self, target: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.matches(target):
                    fault.hits += 1
                    return fault
        return None

    def _log(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(entry)

    # -- content --------------------------------------------------------------------------

    def resolve(self, path: str, query: str) -> tuple[int, bytes, str]:
        """(status, body, content type) for a request, before faults and 304s."""
        params = parse_qs(query)
        if path.startswith("/api/search/query/"):
            return self._search(unquote(path[len("/api/search/query/") :]), params)
        if path.startswith("/e/opendata/"):
            rest = path[len("/e/opendata/") :].strip("/")
            found = self.find(f"opendata/{rest}.json") if _safe(rest) else None
            if found is None:
                return 404, b'{"error": "not found"}', JSON_TYPE
            return 200, found.read_bytes(), JSON_TYPE
        if path in ("/pfile", "/files/pfile"):
            pid = (params.get("id") or [""])[0]
            found = self.find(f"pfile/{pid}.pdf") if pid.isdigit() else None
            if found is None:
                return 404, b"<html><body>Niet gevonden</body></html>", HTML_TYPE
            return 200, found.read_bytes(), PDF_TYPE
        rest = path.strip("/")
        if _safe(rest):
            for candidate in (f"site/{rest}.html", f"site/{rest}/index.html"):
                found = self.find(candidate)
                if found is not None:
                    return 200, found.read_bytes(), HTML_TYPE
        return 404, b"<html><body>Niet gevonden</body></html>", HTML_TYPE

    def _search(self, query: str, params: dict[str, list[str]]) -> tuple[int, bytes, str]:
        found = self.find("search.json")
        results: list[dict[str, Any]] = []
        extra: dict[str, Any] = {}
        if found is not None:
            data = json.loads(found.read_text(encoding="utf-8"))
            results = list(data.get("result") or [])
            extra = {k: v for k, v in data.items() if k not in ("result", "count", "lastindex")}
        m = DATERANGE.search(query)
        if m:
            low, high = m.group(1) or "0000-00-00", m.group(2) or "9999-99-99"
            results = [r for r in results if low <= _published(r) <= high]
        try:
            size = max(1, int((params.get("max") or ["25"])[0]))
            page = max(1, int((params.get("page") or ["1"])[0]))
        except ValueError:
            return 400, b'{"error": "bad page or max"}', JSON_TYPE
        chunk = results[(page - 1) * size : page * size]
        for i, item in enumerate(chunk, start=(page - 1) * size + 1):
            item["index"] = i
        body = {
            "count": len(results),
            "lastindex": min(page * size, len(results)),
            "result": chunk,
            **extra,
        }
        return 200, json.dumps(body, ensure_ascii=False).encode("utf-8"), JSON_TYPE


def _safe(relative: str) -> bool:
    return ".." not in relative.split("/") and not relative.startswith("/")


def _published(result: dict[str, Any]) -> str:
    for tag in (result.get("metatags") or {}).get("metatag") or []:
        if tag.get("name") == "publicatiedatum":
            return str(tag.get("value"))[:10]
    return ""


def _read_meta(path: Path) -> dict[str, Any]:
    meta = path / "scenario.json"
    if meta.is_file():
        return json.loads(meta.read_text(encoding="utf-8"))
    return {}


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a timeout, a killed poller) is part of the game."""


class _Handler(BaseHTTPRequestHandler):
    fixture: FixtureServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms ACK stalls
    server_version = "OpvolgerFixture/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        parts = urlsplit(self.path)
        target = parts.path + ("?" + parts.query if parts.query else "")
        with self.fixture._lock:
            self.fixture.arrivals.append(target)
        status, body, ctype, headers = self._answer(parts.path, parts.query, target)
        # Logged before the answer goes out, so a client that has its answer sees it logged.
        self.fixture._log(
            LoggedRequest(
                "GET",
                parts.path,
                parts.query,
                status,
                self.headers.get("If-None-Match"),
                self.headers.get("User-Agent"),
            )
        )
        try:
            if status == 499:  # drop the connection without an answer
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True

    def _answer(
        self, path: str, query: str, target: str
    ) -> tuple[int, bytes, str | None, dict[str, str]]:
        fault = self.fixture._fault_for(target)
        if fault and fault.kind == "delay":
            time.sleep(fault.delay)
            fault = None
        if fault and fault.kind == "drop":
            return 499, b"", None, {}
        if fault and fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            return fault.status, f"fout {fault.status}".encode(), HTML_TYPE, headers
        status, body, ctype = self.fixture.resolve(path, query)
        if fault and fault.kind == "malformed":
            body, ctype = b'{"id": 1, "titel": "afgebroken', JSON_TYPE
        elif fault and fault.kind == "truncate":
            body = body[: len(body) // 2]
        elif fault and fault.kind == "replace":
            body, ctype = fault.body, fault.content_type
        if status != 200:
            return status, body, ctype, {}
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        if etag in [t.strip() for t in (self.headers.get("If-None-Match") or "").split(",")]:
            return 304, b"", None, {"ETag": etag}
        return 200, body, ctype, {"ETag": etag}


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - manual use
    parser = argparse.ArgumentParser(description="Serve an Opvolger fixture scenario.")
    parser.add_argument("scenario", type=Path)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    server = FixtureServer(args.scenario, port=args.port)
    print(f"serving {args.scenario} on {server.url}")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
