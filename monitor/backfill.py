"""Backfill: ingest the written questions published since a date, as a historical baseline.

The same cycle as a poll (`monitor.poll.poll_once` with ``kind="backfill"``): the search
API is listed back to `since`, and every event it records is historical (never alerted).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from monitor.client import Client
from monitor.config import Settings
from monitor.poll import PollResult, poll_once

__all__ = ["backfill"]


def _tqdm(items: Iterable[Any], total: int) -> Iterable[Any]:
    from tqdm import tqdm

    return tqdm(items, total=total, unit="vraag", desc="backfill")


def backfill(
    db: Database,
    settings: Settings,
    since: date,
    *,
    client: Client | None = None,
    now: datetime | None = None,
    progress: bool = True,
) -> PollResult:
    """Store every question on the themes published on or after `since` (historical)."""
    return poll_once(
        db,
        settings,
        client=client,
        now=now,
        kind="backfill",
        since=since,
        progress=_tqdm if progress else None,
    )
