"""Queries behind the daily digest: what happened since a moment, by kind."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

__all__ = ["events_since", "overdue_answers"]


def events_since(
    db: Database, since: str, kinds: Sequence[str], *, limit: int = 2000
) -> list[dict[str, Any]]:
    """Non-historical events of `kinds` created at or after `since` (ISO with offset)."""
    if not kinds:
        return []
    marks = ", ".join("?" for _ in kinds)
    rows = list(
        db.query(
            f"SELECT * FROM events WHERE historical = 0 AND kind IN ({marks}) "
            "AND julianday(created_at) >= julianday(?) ORDER BY id LIMIT ?",
            [*kinds, since, int(limit)],
        )
    )
    for row in rows:
        try:
            row["payload"] = json.loads(row["payload"] or "{}")
        except (TypeError, ValueError):
            row["payload"] = {}
    return rows


def overdue_answers(db: Database) -> list[dict[str, Any]]:
    """Unanswered questions the poller reported as overdue (an `answer_overdue` event, so
    the deadline and the publication grace are the poller's), each with its `deadline`."""
    rows = list(
        db.query(
            "SELECT q.*, e.payload AS overdue FROM questions q "
            "JOIN events e ON e.key = 'answer_overdue:schv:' || q.id "
            "WHERE q.status != 'answered' ORDER BY q.asked_on DESC"
        )
    )
    for row in rows:
        try:
            row["deadline"] = json.loads(row.pop("overdue") or "{}").get("deadline")
        except (TypeError, ValueError):
            row["deadline"] = None
        for key in ("themes", "document_urls"):
            try:
                row[key] = json.loads(row.get(key) or "[]")
            except (TypeError, ValueError):
                row[key] = []
    return rows
