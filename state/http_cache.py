"""Validators (ETag / Last-Modified) of the URLs we fetch, for conditional GETs.

The poller stores a URL's validators in the same transaction as what it made of the body,
so a 304 always means "already stored".
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from state.clock import now_iso

__all__ = ["forget", "remember", "validators"]


def validators(db: Database, url: str) -> tuple[str | None, str | None] | None:
    """The stored (etag, last_modified) of `url`, or None."""
    row = db.execute("SELECT etag, last_modified FROM http_cache WHERE url = ?", [url]).fetchone()
    return (row[0], row[1]) if row else None


def remember(
    db: Database,
    url: str,
    etag: str | None,
    last_modified: str | None,
    *,
    now: datetime | None = None,
) -> None:
    """Store the validators of `url` (or forget them when the server sent none)."""
    if not etag and not last_modified:
        forget(db, url)
        return
    db.execute(
        "INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
        "last_modified = excluded.last_modified, checked_at = excluded.checked_at "
        "WHERE http_cache.etag IS NOT excluded.etag "
        "OR http_cache.last_modified IS NOT excluded.last_modified",
        [url, etag, last_modified, now_iso(now)],
    )


def forget(db: Database, url: str) -> None:
    db.execute("DELETE FROM http_cache WHERE url = ?", [url])
