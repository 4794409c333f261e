"""Shared fixtures: a real fixture server on 127.0.0.1, a real SQLite file, fast settings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from monitor.config import Settings
from monitor.fixture_server import FixtureServer
from monitor.poll import PollResult, poll_once
from state.db import open_db

FIXTURES = Path(__file__).parent / "fixtures"
THEME_PAGE = "/nl/themas/integratie-en-inburgering"


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    """A private copy of the tests' scenario (`vlpar/{common,day1,day2}` + `documents/`)."""
    root = tmp_path / "scenario"
    for name in ("vlpar", "documents"):
        shutil.copytree(FIXTURES / name, root / name, ignore=shutil.ignore_patterns("*.py"))
    return root / "vlpar"


@pytest.fixture
def server(scenario: Path) -> Iterator[FixtureServer]:
    with FixtureServer(scenario / "day1") as srv:
        yield srv


def fast_settings(base_url: str, **overrides: object) -> Settings:
    settings = replace(
        Settings(),
        api_base=base_url,
        docs_base=base_url,
        site_base=base_url,
        theme_page_path=THEME_PAGE,
        requests_per_second=1000.0,
        timeout=2.0,
        max_retries=2,
        backoff_base=0.01,
        retry_after_max=5.0,
        page_size=4,
        db_path=None,
    )
    return replace(settings, **overrides)


@pytest.fixture
def settings(server: FixtureServer) -> Settings:
    return fast_settings(server.url)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "opvolger.db"


@pytest.fixture
def db(db_path: Path):
    database = open_db(db_path)
    yield database
    database.close()


def scenario_now(server: FixtureServer) -> datetime:
    return datetime.fromisoformat(server.meta["now"])


def poll(db, settings: Settings, server: FixtureServer, **kwargs: object) -> PollResult:
    """One poll at the scenario's own date."""
    return poll_once(db, settings, now=scenario_now(server), **kwargs)


def switch(server: FixtureServer, scenario: Path, day: str) -> None:
    server.scenario = scenario / day
    server.clear_log()


def events(db, *, historical: bool | None = None) -> list[dict]:
    sql = "SELECT key, kind, question_id, historical FROM events"
    if historical is not None:
        sql += f" WHERE historical = {int(historical)}"
    return list(db.query(sql + " ORDER BY id"))


def table_counts(db) -> dict[str, int]:
    names = ("questions", "documents", "events", "outbox", "refs", "promises", "http_cache")
    return {n: db.execute(f"SELECT COUNT(*) FROM {n}").fetchone()[0] for n in names}


def subscribe_console(db, theme: str = "Integratie en Inburgering", chat_id: int = 42) -> int:
    from monitor.routing import normalise
    from state.chats import add_subscription, upsert_chat

    upsert_chat(db, chat_id, type="private", title="test")
    return add_subscription(db, chat_id, "theme", normalise(theme), theme)
