"""Settings from the environment, with defaults for production.

Every base URL is configuration, so the tests and the demo point the same code at a
server on 127.0.0.1. The Telegram token is read here and nowhere else, and is never
part of `repr()`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_THEME = "Integratie en Inburgering"


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def parse_predecessors(value: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``"Gwendolyn Rutten: Bart Somers; Ben Weyts: Hilde Crevits, Pascal Smet"``."""
    pairs = []
    for item in value.split(";"):
        if not item.strip():
            continue
        minister, sep, before = item.partition(":")
        if not sep or not minister.strip() or not _split(before):
            raise ValueError(
                f"OPVOLGER_PREDECESSORS: expected 'Minister: Predecessor, ...', got {item!r}"
            )
        pairs.append((minister.strip(), _split(before)))
    return tuple(pairs)


@dataclass(frozen=True)
class Settings:
    api_base: str = "https://ws.vlpar.be"
    docs_base: str = "https://docs.vlaamsparlement.be"
    site_base: str = "https://www.vlaamsparlement.be"
    # Path of the theme page on the site; empty disables the theme-page watcher.
    theme_page_path: str = "/nl/themas/integratie-en-inburgering"
    themes: tuple[str, ...] = (DEFAULT_THEME,)
    db_path: Path | None = None
    poll_interval: float = 900.0  # seconds between polls
    requests_per_second: float = 2.0
    timeout: float = 30.0
    max_retries: int = 4
    backoff_base: float = 1.0  # seconds; doubled per retry, with jitter
    max_download_bytes: int = 25 * 1024 * 1024
    page_size: int = 25
    user_agent: str = "Opvolger/0.1 (+https://github.com/opvolger; written-question follow-up bot)"
    # Rules of procedure: a minister answers within 20 working days.
    answer_deadline_working_days: int = 20
    # Answers are published about 15 working days after the asker receives them, so an
    # unanswered question is reported overdue only once that grace has passed as well.
    answer_publication_days: int = 15
    due_soon_days: int = 7
    # Minister → who held the portfolio before (numbers are per minister, so a cited number
    # is also looked up among the predecessors' questions).
    predecessors: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("Gwendolyn Rutten", ("Bart Somers",)),
    )
    telegram_token: str | None = field(default=None, repr=False)
    telegram_api_base: str | None = None  # e.g. http://127.0.0.1:8081/bot
    admins: tuple[int, ...] = ()
    lang: str = "nl"
    # Search API query (server side); items are filtered on soort SCHV and the themes here.
    search_query: str = "schriftelijke vraag"
    search_required_fields: str = "aggregaattype:Schriftelijke vraag"
    baseline_pages: int = 4  # pages listed by the first poll of an empty database
    max_pages: int = 40  # pages a poll lists at most before it gives up on reaching known items
    retry_after_max: float = 120.0  # a longer Retry-After is not waited for: the request fails

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        base = cls()
        values: dict[str, object] = {}
        text = {
            "OPVOLGER_API_BASE": "api_base",
            "OPVOLGER_DOCS_BASE": "docs_base",
            "OPVOLGER_SITE_BASE": "site_base",
            "OPVOLGER_THEME_PAGE": "theme_page_path",
            "OPVOLGER_TELEGRAM_API_BASE": "telegram_api_base",
            "OPVOLGER_USER_AGENT": "user_agent",
            "OPVOLGER_LANG": "lang",
            "OPVOLGER_SEARCH_QUERY": "search_query",
        }
        for key, attr in text.items():
            if key in env:
                values[attr] = env[key].rstrip("/") if attr.endswith("base") else env[key]
        numbers = {
            "OPVOLGER_POLL_INTERVAL": ("poll_interval", float),
            "OPVOLGER_RATE_LIMIT": ("requests_per_second", float),
            "OPVOLGER_TIMEOUT": ("timeout", float),
            "OPVOLGER_MAX_RETRIES": ("max_retries", int),
            "OPVOLGER_BACKOFF": ("backoff_base", float),
            "OPVOLGER_MAX_DOWNLOAD": ("max_download_bytes", int),
            "OPVOLGER_PAGE_SIZE": ("page_size", int),
            "OPVOLGER_ANSWER_DEADLINE_DAYS": ("answer_deadline_working_days", int),
            "OPVOLGER_PUBLICATION_DAYS": ("answer_publication_days", int),
            "OPVOLGER_DUE_SOON_DAYS": ("due_soon_days", int),
            "OPVOLGER_BASELINE_PAGES": ("baseline_pages", int),
            "OPVOLGER_MAX_PAGES": ("max_pages", int),
            "OPVOLGER_RETRY_AFTER_MAX": ("retry_after_max", float),
        }
        for key, (attr, kind) in numbers.items():
            if env.get(key):
                try:
                    values[attr] = kind(env[key])
                except ValueError as exc:
                    raise ValueError(f"{key} must be a number, got {env[key]!r}") from exc
        if env.get("OPVOLGER_THEMES"):
            values["themes"] = _split(env["OPVOLGER_THEMES"])
        if env.get("OPVOLGER_PREDECESSORS"):
            values["predecessors"] = parse_predecessors(env["OPVOLGER_PREDECESSORS"])
        if env.get("OPVOLGER_DB"):
            values["db_path"] = Path(env["OPVOLGER_DB"])
        if env.get("TELEGRAM_BOT_TOKEN"):
            values["telegram_token"] = env["TELEGRAM_BOT_TOKEN"].strip()
        if env.get("OPVOLGER_ADMINS"):
            try:
                values["admins"] = tuple(int(a) for a in _split(env["OPVOLGER_ADMINS"]))
            except ValueError as exc:
                raise ValueError("OPVOLGER_ADMINS must be comma-separated user ids") from exc
        return replace(base, **values)
