"""Events and the outbox rows they fan out to, written in one transaction.

An event has a stable idempotency key; recording the same event twice is a no-op, so a
poll that is re-run after a crash never alerts twice. Outbox rows are created in the same
transaction as the event, so an event is never stored without its alerts (urlwatch's flaw).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from state.clock import now_iso


@dataclass(frozen=True)
class Event:
    """A change worth telling: `key` is stable, e.g. ``answered:schv:1813507``."""

    key: str
    kind: str
    question_id: int | None
    payload: dict[str, Any] = field(default_factory=dict)
    historical: bool = False


@dataclass(frozen=True)
class Subscription:
    id: int
    chat_id: int
    kind: str
    value: str
    label: str


Router = Callable[[Event, Sequence[Subscription]], Iterable[int]]


def active_subscriptions(db: Database) -> list[Subscription]:
    rows = db.query(
        "SELECT s.id, s.chat_id, s.kind, s.value, s.label FROM subscriptions s "
        "JOIN chats c ON c.id = s.chat_id WHERE c.active = 1 ORDER BY s.id"
    )
    return [Subscription(**row) for row in rows]


def record_events(
    db: Database,
    events: Iterable[Event],
    *,
    route: Router | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Store the events not stored yet and queue their alerts; returns the new event ids.

    Historical events (baseline, backfill) are stored but never routed. Runs inside one
    transaction (nested in the caller's, if any).
    """
    created = now_iso(now)
    new_ids: list[int] = []
    with db.atomic():
        subs: list[Subscription] | None = None
        for event in events:
            cursor = db.execute(
                "INSERT INTO events (key, kind, question_id, payload, historical, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
                [
                    event.key,
                    event.kind,
                    event.question_id,
                    json.dumps(event.payload, ensure_ascii=False, default=str),
                    int(event.historical),
                    created,
                ],
            )
            if cursor.rowcount != 1:
                continue
            event_id = cursor.lastrowid
            new_ids.append(event_id)
            if event.historical or route is None:
                continue
            if subs is None:
                subs = active_subscriptions(db)
            for chat_id in sorted(set(route(event, subs))):
                db.execute(
                    "INSERT INTO outbox (chat_id, event_id, status, created_at, next_attempt_at) "
                    "VALUES (?, ?, 'pending', ?, ?) ON CONFLICT(chat_id, event_id) DO NOTHING",
                    [chat_id, event_id, created, created],
                )
    return new_ids


def event_exists(db: Database, key: str) -> bool:
    return bool(db.execute("SELECT 1 FROM events WHERE key = ?", [key]).fetchone())


def get_event(db: Database, event_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM events WHERE id = ?", [event_id]))
    if not rows:
        return None
    row = rows[0]
    row["payload"] = json.loads(row["payload"])
    return row


def list_events(
    db: Database, *, since: str | None = None, include_historical: bool = False, limit: int = 500
) -> list[dict[str, Any]]:
    where, params = [], []
    if since:
        where.append("created_at >= ?")
        params.append(since)
    if not include_historical:
        where.append("historical = 0")
    sql = "SELECT * FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id LIMIT ?"
    params.append(limit)
    rows = list(db.query(sql, params))
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows
