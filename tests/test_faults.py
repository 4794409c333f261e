"""Every fault of the issue: a clear log line, a failed poll run with the error, no partial
writes, and full recovery on the next poll."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from monitor.poll import poll_once
from state import runs
from state.db import open_db
from state.questions import get_question
from tests.conftest import (
    events,
    fast_settings,
    poll,
    subscribe_console,
    switch,
    table_counts,
)

ROOT = Path(__file__).resolve().parents[1]
PDF = "application/pdf"


def assert_failed(db, caplog, *needles: str) -> dict:
    run = runs.last_run(db)
    assert run["outcome"] == "error", run
    for needle in needles:
        assert needle in (run["error"] or ""), run["error"]
        assert any(
            needle in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR
        ), [r.getMessage() for r in caplog.records]
    return run


def day2_with_fault(db, server, settings, scenario):
    """Day 1 polled (baseline, ok); the server now serves day 2."""
    subscribe_console(db)
    assert poll(db, settings, server).ok
    switch(server, scenario, "day2")


# -- the detail, the listing, the theme page ------------------------------------------------


def test_malformed_json_in_a_detail(db, server, settings, caplog):
    server.add_fault(r"/schv/1809124$", "malformed")
    result = poll(db, settings, server)

    assert not result.ok
    assert_failed(db, caplog, "schv 1809124", "malformed JSON")
    assert get_question(db, 1809124) is None  # nothing of it stored
    assert not [e for e in events(db) if e["question_id"] == 1809124]
    assert get_question(db, 1813507) is not None  # the others are

    server.clear_faults()
    again = poll(db, settings, server)
    assert again.ok and again.baseline  # still the baseline: no run had succeeded
    assert get_question(db, 1809124)["status"] == "answered"
    assert all(e["historical"] for e in events(db))


def test_malformed_json_in_the_search_response(db, server, settings, caplog):
    server.add_fault(r"/api/search/", "malformed")
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "search page 1", "malformed JSON")
    assert table_counts(db)["questions"] == 0

    server.clear_faults()
    assert poll(db, settings, server).ok
    assert table_counts(db)["questions"] == 6


def test_a_detail_without_an_expected_field(db, server, settings, scenario, caplog):
    detail = scenario / "common" / "opendata" / "schv" / "1809124.json"
    original = detail.read_text(encoding="utf-8")
    detail.write_text(original.replace('"procedureverloop"', '"procedure"'), encoding="utf-8")
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "missing field 'procedureverloop'")
    assert get_question(db, 1809124) is None

    detail.write_text(original, encoding="utf-8")
    assert poll(db, settings, server).ok
    assert get_question(db, 1809124) is not None


def test_theme_page_without_links(db, server, settings, caplog):
    server.add_fault(r"/nl/themas/", "replace", body=b"<html><body><p>Onderhoud</p></body></html>")
    result = poll(db, settings, server)
    assert not result.ok
    assert_failed(db, caplog, "theme page", "no links to written questions")
    assert table_counts(db)["http_cache"] >= 1
    assert runs.last_run(db)["counts"]["new"] == 6  # the listing's questions are complete

    server.clear_faults()
    assert poll(db, settings, server).ok


# -- documents ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        ({"kind": "truncate"}, "truncated PDF"),
        (
            {"kind": "replace", "body": b"%PDF-1.7\n1 0 obj garbage", "content_type": PDF},
            "truncated PDF",
        ),
        (
            {"kind": "replace", "body": b"<html>login</html>", "content_type": "text/html"},
            "content-type text/html",
        ),
        (
            {"kind": "replace", "body": b"<html>login</html>", "content_type": PDF},
            "not a PDF",
        ),
    ],
    ids=["truncated", "no-eof", "html-content-type", "html-labelled-pdf"],
)
def test_bad_document(db, server, settings, scenario, caplog, fault, needle):
    day2_with_fault(db, server, settings, scenario)
    before = get_question(db, 1813507)
    server.add_fault(r"pfile\?id=2058696", **fault)

    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "schv 1813507", needle)
    # No partial write: the question is as it was, without a document or an event.
    assert get_question(db, 1813507) == before
    assert not db.execute("SELECT 1 FROM documents WHERE question_id = 1813507").fetchone()
    assert "answered:schv:1813507" not in {e["key"] for e in events(db)}
    assert get_question(db, 1814697)["status"] == "answered"  # the others went through

    server.clear_faults()
    assert poll(db, settings, server).ok
    assert [e["key"] for e in events(db)].count("answered:schv:1813507") == 1
    assert get_question(db, 1813507)["status"] == "answered"


# -- HTTP errors ----------------------------------------------------------------------------


def test_http_500_on_the_search_api(db, server, settings, caplog):
    server.add_fault(r"/api/search/", "status", status=500)
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "search page 1", "HTTP 500 after 3 attempts")
    searches = [r for r in server.requests if r.path.startswith("/api/search")]
    assert len(searches) == 3  # one try and two retries
    assert table_counts(db)["questions"] == 0

    server.clear_faults()
    assert poll(db, settings, server).ok


def test_transient_500_is_retried(db, server, settings, caplog):
    server.add_fault(r"/schv/1813507$", "status", status=503, times=1)
    with caplog.at_level(logging.WARNING):
        assert poll(db, settings, server).ok
    assert any("HTTP 503" in r.getMessage() for r in caplog.records)


def test_404_for_a_listed_item(db, server, settings, caplog):
    server.add_fault(r"/schv/1819601$", "status", status=404)
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "schv 1819601", "HTTP 404")
    assert get_question(db, 1819601) is None
    assert table_counts(db)["questions"] == 5

    server.clear_faults()
    assert poll(db, settings, server).ok
    assert get_question(db, 1819601) is not None


def test_429_with_retry_after_is_honoured(db, server, settings, caplog):
    server.add_fault(r"/schv/1813507$", "status", status=429, retry_after="1", times=1)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        assert poll(db, settings, server).ok
    assert time.monotonic() - started >= 1.0
    assert any("HTTP 429" in m and "Retry-After" in m for m in caplog.messages)
    hits = [r for r in server.requests if r.path == "/e/opendata/schv/1813507"]
    assert [r.status for r in hits] == [429, 200]
    assert hits[1].at - hits[0].at >= 1.0


def test_persistent_429(db, server, settings, caplog):
    server.add_fault(r"/api/search/", "status", status=429, retry_after="0")
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "HTTP 429 after 3 attempts")

    server.clear_faults()
    assert poll(db, settings, server).ok


def test_429_asking_too_long_a_wait(db, server, settings, caplog):
    server.add_fault(r"/api/search/", "status", status=429, retry_after="3600")
    started = time.monotonic()
    assert not poll(db, settings, server).ok
    assert time.monotonic() - started < 2
    assert_failed(db, caplog, "Retry-After 3600 s exceeds")


# -- the network ----------------------------------------------------------------------------


def test_timeout(db, server, caplog):
    settings = fast_settings(server.url, timeout=0.3)
    server.add_fault(r"/schv/1813507$", "delay", delay=1.0)
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "schv 1813507", "timed out after 3 attempts")
    assert get_question(db, 1813507) is None

    server.clear_faults()
    assert poll(db, settings, server).ok
    assert get_question(db, 1813507) is not None


def test_dropped_connection(db, server, settings, caplog):
    server.add_fault(r"/schv/1813507$", "drop")
    assert not poll(db, settings, server).ok
    assert_failed(db, caplog, "schv 1813507", "failed after 3 attempts")

    server.clear_faults()
    assert poll(db, settings, server).ok


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused(db, server, caplog):
    dead = f"http://127.0.0.1:{closed_port()}"
    settings = fast_settings(dead)
    result = poll(db, settings, server)
    assert not result.ok
    run = assert_failed(db, caplog, "failed after 3 attempts")
    assert "ConnectError" in run["error"]
    assert table_counts(db)["questions"] == 0

    assert poll(db, fast_settings(server.url), server).ok
    assert table_counts(db)["questions"] == 6


# -- crashes --------------------------------------------------------------------------------


def test_failure_injected_between_questions_leaves_no_partial_state(db, server, settings, scenario):
    """A bug raised while storing the 2nd question: the 1st is complete, the 2nd absent."""
    day2_with_fault(db, server, settings, scenario)
    server.add_fault(r"/schv/1813507$", "malformed")
    result = poll(db, settings, server)
    assert not result.ok
    assert get_question(db, 1814697)["status"] == "answered"
    assert get_question(db, 1813507)["status"] == "asked"
    server.clear_faults()
    assert poll(db, settings, server).ok
    keys = [e["key"] for e in events(db)]
    assert len(keys) == len(set(keys))
    outbox = list(db.query("SELECT event_id, COUNT(*) AS n FROM outbox GROUP BY event_id"))
    assert all(r["n"] == 1 for r in outbox)


POLL_SCRIPT = (
    "from monitor.config import Settings; from monitor.poll import poll_once; "
    "from state.db import open_db; s = Settings.from_env(); poll_once(open_db(s.db_path), s)"
)


def test_killed_mid_cycle_and_rerun_gives_no_duplicate_events(
    db, db_path, server, settings, scenario, tmp_path
):
    day2_with_fault(db, server, settings, scenario)
    # Hold the third changed question's document, then kill the poller while it waits.
    server.add_fault(r"pfile\?id=2057565", "delay", delay=30.0)
    env = {
        **os.environ,
        "OPVOLGER_DB": str(db_path),
        "OPVOLGER_API_BASE": server.url,
        "OPVOLGER_DOCS_BASE": server.url,
        "OPVOLGER_SITE_BASE": server.url,
        "OPVOLGER_THEME_PAGE": settings.theme_page_path,
        "OPVOLGER_RATE_LIMIT": "1000",
        "OPVOLGER_PAGE_SIZE": str(settings.page_size),
        "OPVOLGER_TIMEOUT": "60",
        "OPVOLGER_MAX_RETRIES": "0",
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.Popen([sys.executable, "-c", POLL_SCRIPT], env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not any("id=2057565" in target for target in list(server.arrivals)):
            assert proc.poll() is None, "the poller ended before the held request"
            assert time.monotonic() < deadline, "the poller never reached the held request"
            time.sleep(0.02)
        time.sleep(0.1)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    # The killed run stored the questions before the held one, each whole, and nothing more.
    check = open_db(db_path)
    assert runs.last_run(check)["outcome"] == "running"
    assert get_question(check, 1814697)["status"] == "answered"
    assert get_question(check, 1812232)["status"] == "asked"
    stored_before = {e["key"] for e in events(check)}
    assert "answered:schv:1814697" in stored_before
    assert "answered:schv:1812232" not in stored_before
    check.close()

    server.clear_faults()
    rerun = poll_once(open_db(db_path), settings)  # the real clock, as the killed run had
    assert rerun.ok, rerun.errors
    keys = [e["key"] for e in events(db)]
    assert len(keys) == len(set(keys))
    assert "answered:schv:1812232" in keys
    killed = list(db.query("SELECT outcome, error FROM poll_runs ORDER BY id"))[-2]
    assert killed["outcome"] == "error" and "interrupted" in killed["error"]
    # One alert per (chat, event): nothing lost, nothing repeated.
    per_event = list(db.query("SELECT event_id, COUNT(*) AS n FROM outbox GROUP BY event_id"))
    assert all(r["n"] == 1 for r in per_event)
    alerted = {
        r["key"] for r in db.query("SELECT e.key FROM outbox o JOIN events e ON e.id = o.event_id")
    }
    assert {
        "answered:schv:1814697",
        "answered:schv:1813507",
        "answered:schv:1812232",
        "new_question:schv:1820721",
    } <= alerted

    # The same two days without a kill give the same events.
    reference = open_db(tmp_path / "reference.db")
    subscribe_console(reference)
    switch(server, scenario, "day1")
    assert poll(reference, settings, server).ok
    switch(server, scenario, "day2")
    assert poll_once(reference, settings).ok
    assert {e["key"] for e in events(reference)} == set(keys)
