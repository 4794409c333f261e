"""The HTTP client against the fixture server: URLs, politeness, conditional GET, limits."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from monitor.client import (
    HTML,
    JSON,
    PDF,
    Client,
    ContentTypeError,
    HTTPStatusError,
    NotFound,
    TooLarge,
    Validators,
    _retry_after,
)
from monitor.config import Settings
from tests.conftest import fast_settings


@pytest.fixture
def client(server):
    with Client(fast_settings(server.url)) as c:
        yield c


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # The open-data metatag uses http://
        ("http://ws.vlpar.be/e/opendata/schv/1813507", "API/e/opendata/schv/1813507"),
        ("https://ws.vlpar.be/api/search/query/x?page=2", "API/api/search/query/x?page=2"),
        ("https://docs.vlaamsparlement.be/pfile?id=2058696", "DOCS/pfile?id=2058696"),
        ("https://docs.vlaamsparlement.be/files/pfile?id=1", "DOCS/files/pfile?id=1"),
        (
            "https://www.vlaamsparlement.be/nl/parlementaire-documenten/schriftelijke-vragen/9",
            "SITE/nl/parlementaire-documenten/schriftelijke-vragen/9",
        ),
        ("http://vlaamsparlement.be/x", "SITE/x"),
        # Other hosts are left alone.
        ("https://example.org/pfile?id=1", "https://example.org/pfile?id=1"),
    ],
)
def test_parliament_urls_go_to_the_configured_bases(url, expected):
    settings = replace(Settings(), api_base="API", docs_base="DOCS/", site_base="SITE")
    with Client(settings) as client:
        assert client.rewrite(url) == expected


def test_user_agent_and_accept(client, server):
    response = client.get("http://ws.vlpar.be/e/opendata/zj/alle")
    assert response.status == 200 and response.json()["items"]
    assert response.validators.etag
    request = server.requests[-1]
    assert request.user_agent.startswith("Opvolger/")


def test_conditional_get_answers_304(client, server):
    first = client.get("https://ws.vlpar.be/e/opendata/schv/1809124")
    again = client.get("https://ws.vlpar.be/e/opendata/schv/1809124", validators=first.validators)
    assert again.not_modified and again.content == b""
    assert server.requests[-1].if_none_match == first.validators.etag
    assert client.stats["not_modified"] == 1


def test_validators_headers():
    assert Validators("abc", "Tue, 23 Apr 2024 10:00:00 GMT").headers() == {
        "If-None-Match": "abc",
        "If-Modified-Since": "Tue, 23 Apr 2024 10:00:00 GMT",
    }
    assert Validators().headers() == {}


def test_rate_limit(server):
    settings = fast_settings(server.url, requests_per_second=20.0)
    with Client(settings) as client:
        started = time.monotonic()
        for _ in range(6):
            client.get("https://ws.vlpar.be/e/opendata/zj/alle")
        # Six requests at 20/s: the last starts at least 5 × 50 ms after the first.
        assert time.monotonic() - started >= 0.25
    starts = [r.at for r in server.requests]
    assert starts[-1] - starts[0] >= 0.24


def test_download_size_limit(client):
    with pytest.raises(TooLarge, match="limit"):
        client.get("https://docs.vlaamsparlement.be/pfile?id=2058696", accept=PDF, max_bytes=1000)


def test_content_type_check(client):
    with pytest.raises(ContentTypeError, match="content-type application/pdf"):
        client.get("https://docs.vlaamsparlement.be/pfile?id=2058696", accept=JSON)
    page = client.get(
        "https://www.vlaamsparlement.be/nl/themas/integratie-en-inburgering", accept=HTML
    )
    assert b"schriftelijke-vragen" in page.content


def test_not_found_is_not_retried(client, server):
    with pytest.raises(NotFound, match="HTTP 404"):
        client.get("https://ws.vlpar.be/e/opendata/schv/1")
    assert len(server.requests) == 1


def test_retries_with_exponential_backoff_and_jitter(server):
    sleeps: list[float] = []
    settings = fast_settings(server.url, max_retries=3, backoff_base=1.0)
    server.add_fault(r"/zj/alle", "status", status=502)
    with Client(settings, sleep=sleeps.append, rng=lambda: 0.5) as client:
        with pytest.raises(HTTPStatusError, match="HTTP 502 after 4 attempts"):
            client.get("https://ws.vlpar.be/e/opendata/zj/alle")
    backoff = [s for s in sleeps if s >= 0.01]  # leave out the rate limiter's waits
    assert backoff == [1.0, 2.0, 4.0]  # base × 2^n × (0.5 + jitter)


def test_retry_after_parsing():
    assert _retry_after("7", 0.0) == 7.0
    assert _retry_after("Thu, 01 Jan 1970 00:01:40 GMT", 40.0) == pytest.approx(60.0)
    assert _retry_after("soon", 0.0) is None
    assert _retry_after(None, 0.0) is None
