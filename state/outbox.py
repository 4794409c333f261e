"""The outbox: alerts waiting for Telegram, claimed with a lease, committed per part.

A row's life: ``pending`` → (claimed) ``sending`` → ``sent``; or back to ``pending`` with a
later ``next_attempt_at`` after a transient error; or ``dead`` when it cannot be delivered
(the chat blocked the bot, or too many failures).

A claim sets ``status = 'sending'`` and ``next_attempt_at`` to the end of a lease. The lease
end doubles as the claim's token: every later write is conditional on it, so a worker whose
lease expired (and whose rows were taken over) cannot record anything. A worker that dies
leaves its rows claimable again when the lease ends; ``parts_sent`` says where to resume.

Times are ISO 8601 with offset; comparisons go through ``julianday()`` so offsets (summer
and winter time) compare correctly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from state.clock import BRUSSELS, now_iso


@dataclass(frozen=True)
class Claim:
    """One claimed outbox row with what is needed to send it."""

    id: int
    chat_id: int
    event_id: int
    attempts: int
    parts_sent: int
    token: str  # the lease end written at claim time
    lang: str
    chat_type: str
    event: dict[str, Any]


def _at(now: datetime | None, seconds: float = 0.0) -> str:
    moment = now or datetime.now(BRUSSELS)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BRUSSELS)
    return now_iso(moment + timedelta(seconds=seconds))


def claim_due(
    db: Database,
    *,
    now: datetime | None = None,
    limit: int = 100,
    lease_seconds: float = 60.0,
    exclude_chats: set[int] | frozenset[int] = frozenset(),
) -> list[Claim]:
    """Claim up to `limit` rows that are due: pending ones and expired leases, oldest first."""
    current = _at(now)
    token = _at(now, lease_seconds)
    placeholders = ",".join("?" for _ in exclude_chats)
    exclude = f"AND o.chat_id NOT IN ({placeholders})" if exclude_chats else ""
    with db.atomic():
        # one statement: the write lock is taken at once, so two workers never claim the
        # same row (and never deadlock upgrading a read to a write)
        ids = [
            row[0]
            for row in db.execute(
                "UPDATE outbox SET status = 'sending', next_attempt_at = ? WHERE id IN ("
                "SELECT o.id FROM outbox o JOIN chats c ON c.id = o.chat_id "
                "WHERE o.status IN ('pending', 'sending') AND c.active = 1 "
                "AND (o.next_attempt_at IS NULL OR julianday(o.next_attempt_at) <= julianday(?)) "
                f"{exclude} ORDER BY o.id LIMIT ?) RETURNING id",
                [token, current, *sorted(exclude_chats), int(limit)],
            ).fetchall()
        ]
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        rows = list(
            db.query(
                "SELECT o.id, o.chat_id, o.event_id, o.attempts, o.parts_sent, c.lang, "
                "c.type AS chat_type, e.kind, e.key, e.question_id, e.payload, e.created_at "
                "FROM outbox o JOIN chats c ON c.id = o.chat_id JOIN events e ON e.id = o.event_id "
                f"WHERE o.id IN ({marks}) ORDER BY o.id",
                ids,
            )
        )
    claims = []
    for row in rows:
        event = {
            "id": row["event_id"],
            "key": row["key"],
            "kind": row["kind"],
            "question_id": row["question_id"],
            "payload": json.loads(row["payload"] or "{}"),
            "created_at": row["created_at"],
        }
        claims.append(
            Claim(
                id=row["id"],
                chat_id=row["chat_id"],
                event_id=row["event_id"],
                attempts=row["attempts"],
                parts_sent=row["parts_sent"],
                token=token,
                lang=row["lang"],
                chat_type=row["chat_type"],
                event=event,
            )
        )
    return claims


def renew_lease(db: Database, claim: Claim, token: str) -> bool:
    """Extend the lease to `token`; False if the row is no longer ours."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET next_attempt_at = ? "
            "WHERE id = ? AND status = 'sending' AND next_attempt_at = ?",
            [token, claim.id, claim.token],
        )
    return cursor.rowcount == 1


def record_part(
    db: Database, claim: Claim, parts_sent: int, total: int, *, now: datetime | None = None
) -> bool:
    """Commit that Telegram accepted part `parts_sent` (1-based) of `total`; the last part
    marks the row sent. False if the row is no longer ours (the part was still sent)."""
    with db.atomic():
        if parts_sent >= total:
            cursor = db.execute(
                "UPDATE outbox SET parts_sent = ?, status = 'sent', sent_at = ?, last_error = NULL "
                "WHERE id = ? AND status = 'sending' AND next_attempt_at = ?",
                [parts_sent, _at(now), claim.id, claim.token],
            )
        else:
            cursor = db.execute(
                "UPDATE outbox SET parts_sent = ? "
                "WHERE id = ? AND status = 'sending' AND next_attempt_at = ?",
                [parts_sent, claim.id, claim.token],
            )
    return cursor.rowcount == 1


def reschedule(
    db: Database,
    claim: Claim,
    *,
    delay_seconds: float,
    error: str,
    count_attempt: bool = True,
    now: datetime | None = None,
) -> bool:
    """Give the row back as pending, due after `delay_seconds`."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, "
            "attempts = attempts + ? "
            "WHERE id = ? AND status = 'sending' AND next_attempt_at = ?",
            [_at(now, delay_seconds), error[:500], int(count_attempt), claim.id, claim.token],
        )
    return cursor.rowcount == 1


def mark_dead(db: Database, claim: Claim, error: str) -> bool:
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'dead', last_error = ?, attempts = attempts + 1 "
            "WHERE id = ? AND status = 'sending' AND next_attempt_at = ?",
            [error[:500], claim.id, claim.token],
        )
    return cursor.rowcount == 1


def release(db: Database, claim: Claim) -> bool:
    """Hand an unsent claim back without counting an attempt (e.g. on shutdown)."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = NULL "
            "WHERE id = ? AND status = 'sending' AND next_attempt_at = ?",
            [claim.id, claim.token],
        )
    return cursor.rowcount == 1


def recover_orphans(db: Database) -> int:
    """Give every claimed row back as due at once; only for a worker that KNOWS no other
    worker is alive (it holds the drain lock): the rows were claimed by a dead one. Their
    `parts_sent` stays, so a half-sent message resumes where it stopped."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = NULL "
            "WHERE status = 'sending'"
        )
    return cursor.rowcount


def database_file(db: Database) -> str | None:
    """The path of the database's main file (None in memory)."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main":
            return row[2] or None
    return None


def outbox_counts(db: Database) -> dict[str, int]:
    """Rows per status, e.g. ``{"pending": 2, "sent": 40}``."""
    return {
        row["status"]: row["n"]
        for row in db.query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
    }


def next_due(db: Database) -> str | None:
    """The earliest `next_attempt_at` among rows still to deliver (None if none)."""
    row = db.execute(
        "SELECT next_attempt_at FROM outbox WHERE status IN ('pending', 'sending') "
        "ORDER BY julianday(next_attempt_at) LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def list_outbox(db: Database, *, chat_id: int | None = None) -> list[dict[str, Any]]:
    if chat_id is None:
        return list(db.query("SELECT * FROM outbox ORDER BY id"))
    return list(db.query("SELECT * FROM outbox WHERE chat_id = ? ORDER BY id", [int(chat_id)]))
