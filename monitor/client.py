"""The only HTTP in `monitor/`: a polite, robust httpx client for the parliament's hosts.

- a User-Agent that names the project, and at most `requests_per_second` requests;
- timeouts, and retries with exponential backoff and jitter on connection errors,
  timeouts, 5xx and 429 (a 429's Retry-After is honoured, up to `retry_after_max`);
- conditional GET: the caller passes the stored validators (ETag / Last-Modified) and gets
  a `Response` whose `not_modified` is true on 304. The caller stores the new validators
  itself, in the same transaction as what it made of the body, so a crash between fetching
  and storing never turns into a 304 for something that was never stored;
- a size limit on downloads and a content-type check;
- URLs found in the data for ws.vlpar.be, docs.vlaamsparlement.be and
  www.vlaamsparlement.be (http or https) are fetched through the configured base URLs.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any
from urllib.parse import urlsplit

import httpx

from monitor.config import Settings

__all__ = [
    "Client",
    "ContentTypeError",
    "FetchError",
    "HTTPStatusError",
    "NotFound",
    "Response",
    "TooLarge",
    "TransportFailure",
    "Validators",
]

log = logging.getLogger(__name__)

JSON = ("application/json",)
HTML = ("text/html", "application/xhtml+xml")
PDF = ("application/pdf", "application/x-pdf", "application/octet-stream")

API_HOSTS = frozenset({"ws.vlpar.be"})
DOCS_HOSTS = frozenset({"docs.vlaamsparlement.be"})
SITE_HOSTS = frozenset({"www.vlaamsparlement.be", "vlaamsparlement.be"})


class FetchError(Exception):
    """A request that did not give a usable response; `url` is the URL requested."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class HTTPStatusError(FetchError):
    """The server answered with an error status (after the retries, for 5xx and 429)."""


class NotFound(HTTPStatusError):
    """HTTP 404 (or 410)."""


class TransportFailure(FetchError):
    """Connection refused, reset or timed out, after the retries."""


class ContentTypeError(FetchError):
    """The response is not of the expected media type."""


class TooLarge(FetchError):
    """The response is larger than the download limit."""


@dataclass(frozen=True)
class Validators:
    """What a conditional GET sends back: the stored ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Response:
    url: str  # the URL as given (before rewriting)
    target: str  # the URL requested: the key of its validators in the cache
    status: int
    content: bytes = b""
    content_type: str = ""
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def json(self) -> Any:
        return json.loads(self.content.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


class RateLimiter:
    """At most `rate` request starts per second (thread-safe)."""

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            self._sleep(delay)


class Client:
    """GET with politeness and retries; use as a context manager or call `close()`."""

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._rng = rng
        self._limiter = RateLimiter(settings.requests_per_second, sleep=sleep)
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=True,
            transport=transport,
        )
        self.stats: Counter[str] = Counter()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # -- URLs -----------------------------------------------------------------------------

    def rewrite(self, url: str) -> str:
        """`url` with a parliament host replaced by the configured base URL."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host in API_HOSTS:
            base = self.settings.api_base
        elif host in DOCS_HOSTS:
            base = self.settings.docs_base
        elif host in SITE_HOSTS:
            base = self.settings.site_base
        else:
            return url
        rest = parts.path or "/"
        if parts.query:
            rest += "?" + parts.query
        return base.rstrip("/") + rest

    def api_url(self, path: str) -> str:
        return self.settings.api_base.rstrip("/") + "/" + path.lstrip("/")

    def site_url(self, path: str) -> str:
        return self.settings.site_base.rstrip("/") + "/" + path.lstrip("/")

    # -- requests -------------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        accept: Sequence[str] = JSON,
        validators: Validators | None = None,
        params: dict[str, Any] | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """GET `url` (rewritten to the configured bases); retries what is worth retrying.

        Raises a `FetchError` subclass when no usable response comes; returns a `Response`
        with status 200 or (for a conditional GET) 304.
        """
        target = self.rewrite(url)
        limit = self.settings.max_download_bytes if max_bytes is None else max_bytes
        headers = {"Accept": ", ".join(accept) if accept != PDF else "application/pdf, */*"}
        if validators:
            headers.update(validators.headers())
        attempts = 1 + max(0, self.settings.max_retries)
        for attempt in range(1, attempts + 1):
            self._limiter.wait()
            self.stats["requests"] += 1
            try:
                response = self._fetch(target, headers, params, limit, url)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                what = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
                reason = f"{type(exc).__name__}: {exc}".rstrip(": ")
                if attempt == attempts:
                    raise TransportFailure(
                        f"GET {target} {what} after {attempts} attempts ({reason})", url=url
                    ) from exc
                self._backoff(target, attempt, attempts, reason)
                continue
            status = response.status
            if status == 429 or status >= 500:
                if attempt == attempts:
                    raise HTTPStatusError(
                        f"GET {target}: HTTP {status} after {attempts} attempts",
                        url=url,
                        status=status,
                    )
                wait = None
                if status == 429:
                    wait = _retry_after(response.retry_after, time.time())
                    if wait is not None and wait > self.settings.retry_after_max:
                        raise HTTPStatusError(
                            f"GET {target}: HTTP 429, Retry-After {wait:.0f} s exceeds the "
                            f"{self.settings.retry_after_max:.0f} s we wait",
                            url=url,
                            status=status,
                        )
                self._backoff(target, attempt, attempts, f"HTTP {status}", wait)
                continue
            return self._finish(response, accept, target, url)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(
        self, target: str, attempt: int, attempts: int, reason: str, wait: float | None = None
    ) -> None:
        if wait is None:
            wait = self.settings.backoff_base * (2 ** (attempt - 1)) * (0.5 + self._rng())
            how = "backoff"
        else:
            how = "Retry-After"
        self.stats["retries"] += 1
        log.warning(
            "GET %s: %s; retry %d/%d in %.2f s (%s)",
            target,
            reason,
            attempt,
            attempts - 1,
            wait,
            how,
        )
        self._sleep(wait)

    def _fetch(
        self,
        target: str,
        headers: dict[str, str],
        params: dict[str, Any] | None,
        limit: int,
        url: str,
    ) -> _Raw:
        with self._http.stream("GET", target, headers=headers, params=params) as resp:
            status = resp.status_code
            ctype = resp.headers.get("content-type", "")
            validators = Validators(resp.headers.get("etag"), resp.headers.get("last-modified"))
            retry_after = resp.headers.get("retry-after")
            if status != 200:
                return _Raw(status, b"", ctype, validators, retry_after)
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise TooLarge(
                    f"GET {target}: {declared} bytes exceeds the {limit}-byte limit",
                    url=url,
                    status=status,
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise TooLarge(
                        f"GET {target}: more than the {limit}-byte limit", url=url, status=status
                    )
                chunks.append(chunk)
            return _Raw(status, b"".join(chunks), ctype, validators, retry_after)

    def _finish(self, raw: _Raw, accept: Sequence[str], target: str, url: str) -> Response:
        if raw.status == 304:
            self.stats["not_modified"] += 1
            return Response(url, target, 304, b"", raw.content_type, raw.validators)
        if raw.status in (404, 410):
            raise NotFound(
                f"GET {target}: HTTP {raw.status} (not found)", url=url, status=raw.status
            )
        if raw.status != 200:
            raise HTTPStatusError(f"GET {target}: HTTP {raw.status}", url=url, status=raw.status)
        media = _media_type(raw.content_type)
        if media not in accept:
            raise ContentTypeError(
                f"GET {target}: content-type {media or '(none)'}, expected {', '.join(accept)}",
                url=url,
                status=raw.status,
            )
        self.stats["bytes"] += len(raw.content)
        return Response(url, target, 200, raw.content, raw.content_type, raw.validators)


@dataclass(frozen=True)
class _Raw:
    status: int
    content: bytes
    content_type: str
    validators: Validators
    retry_after: str | None = None
