"""Chats and their subscriptions: the only writes the bot's commands make.

Every function that reads or changes a subscription takes the chat id and filters on it,
so one chat can never see or remove another chat's subscriptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from state.clock import now_iso
from state.events import Subscription

LANGS = ("nl", "en")
SUBSCRIPTION_KINDS = (
    "theme",
    "question",
    "question_number",
    "person",
    "minister",
    "keyword",
    "promise",
)


class UnknownKind(ValueError):
    """A subscription kind the router does not know."""


@dataclass(frozen=True)
class Chat:
    id: int
    type: str
    title: str | None
    lang: str
    active: bool
    digest_time: str | None
    digest_quiet: bool
    last_digest_on: str | None


def _chat(row: dict[str, Any]) -> Chat:
    return Chat(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        lang=row["lang"],
        active=bool(row["active"]),
        digest_time=row["digest_time"],
        digest_quiet=bool(row["digest_quiet"]),
        last_digest_on=row["last_digest_on"],
    )


def upsert_chat(
    db: Database,
    chat_id: int,
    *,
    type: str = "private",  # noqa: A002 - the Telegram field name
    title: str | None = None,
    lang: str = "nl",
    now: datetime | None = None,
) -> None:
    """Create the chat, or refresh its type and title and reactivate it; keeps its lang."""
    if lang not in LANGS:
        lang = "nl"
    with db.atomic():
        db.execute(
            "INSERT INTO chats (id, type, title, lang, active, created_at) "
            "VALUES (?, ?, ?, ?, 1, ?) "
            "ON CONFLICT(id) DO UPDATE SET type = excluded.type, "
            "title = COALESCE(excluded.title, chats.title), active = 1, deactivated_at = NULL",
            [int(chat_id), type, title, lang, now_iso(now)],
        )


def get_chat(db: Database, chat_id: int) -> Chat | None:
    rows = list(db.query("SELECT * FROM chats WHERE id = ?", [int(chat_id)]))
    return _chat(rows[0]) if rows else None


def chat_lang(db: Database, chat_id: int) -> str:
    row = db.execute("SELECT lang FROM chats WHERE id = ?", [int(chat_id)]).fetchone()
    return row[0] if row else "nl"


def add_subscription(db: Database, chat_id: int, kind: str, value: str, label: str) -> int:
    """Subscribe the chat; returns the subscription id (the existing one if already there)."""
    if kind not in SUBSCRIPTION_KINDS:
        raise UnknownKind(kind)
    value = str(value)
    with db.atomic():
        db.execute(
            "INSERT INTO subscriptions (chat_id, kind, value, label, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(chat_id, kind, value) DO NOTHING",
            [int(chat_id), kind, value, label, now_iso()],
        )
        row = db.execute(
            "SELECT id FROM subscriptions WHERE chat_id = ? AND kind = ? AND value = ?",
            [int(chat_id), kind, value],
        ).fetchone()
    return int(row[0])


def has_subscription(db: Database, chat_id: int, kind: str, value: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM subscriptions WHERE chat_id = ? AND kind = ? AND value = ?",
            [int(chat_id), kind, str(value)],
        ).fetchone()
    )


def remove_subscription(db: Database, chat_id: int, subscription_id: int) -> bool:
    """Remove one of the chat's own subscriptions; False if it is not (or no longer) theirs."""
    with db.atomic():
        cursor = db.execute(
            "DELETE FROM subscriptions WHERE id = ? AND chat_id = ?",
            [int(subscription_id), int(chat_id)],
        )
    return cursor.rowcount == 1


def get_subscription(db: Database, chat_id: int, subscription_id: int) -> Subscription | None:
    rows = list(
        db.query(
            "SELECT id, chat_id, kind, value, label FROM subscriptions "
            "WHERE id = ? AND chat_id = ?",
            [int(subscription_id), int(chat_id)],
        )
    )
    return Subscription(**rows[0]) if rows else None


def list_subscriptions(db: Database, chat_id: int) -> list[Subscription]:
    rows = db.query(
        "SELECT id, chat_id, kind, value, label FROM subscriptions WHERE chat_id = ? "
        "ORDER BY id",
        [int(chat_id)],
    )
    return [Subscription(**row) for row in rows]


def set_lang(db: Database, chat_id: int, lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    with db.atomic():
        db.execute("UPDATE chats SET lang = ? WHERE id = ?", [lang, int(chat_id)])


def set_digest(
    db: Database, chat_id: int, time_or_none: str | None, *, quiet: bool = False
) -> None:
    """Daily digest at 'HH:MM' (Europe/Brussels), or off with None; `quiet` = also on
    days with nothing new."""
    if time_or_none is not None:
        hh, _, mm = time_or_none.partition(":")
        if not (hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60):
            raise ValueError(f"not a time: {time_or_none!r}")
        time_or_none = f"{int(hh):02d}:{int(mm):02d}"
    with db.atomic():
        db.execute(
            "UPDATE chats SET digest_time = ?, digest_quiet = ? WHERE id = ?",
            [time_or_none, int(bool(quiet) and time_or_none is not None), int(chat_id)],
        )


def mark_digest_sent(db: Database, chat_id: int, on: str) -> None:
    """Remember the (Brussels) date of the chat's last daily digest."""
    with db.atomic():
        db.execute("UPDATE chats SET last_digest_on = ? WHERE id = ?", [on, int(chat_id)])


def chats_with_digest(db: Database) -> list[Chat]:
    rows = db.query(
        "SELECT * FROM chats WHERE active = 1 AND digest_time IS NOT NULL ORDER BY id"
    )
    return [_chat(row) for row in rows]


def deactivate_chat(db: Database, chat_id: int, *, now: datetime | None = None) -> None:
    """The bot was blocked or removed: stop routing to the chat and give up its alerts."""
    with db.atomic():
        db.execute(
            "UPDATE chats SET active = 0, deactivated_at = ? WHERE id = ?",
            [now_iso(now), int(chat_id)],
        )
        db.execute(
            "UPDATE outbox SET status = 'dead', last_error = COALESCE(last_error, 'chat inactive') "
            "WHERE chat_id = ? AND status IN ('pending', 'sending')",
            [int(chat_id)],
        )


def migrate_chat(db: Database, old_id: int, new_id: int, *, now: datetime | None = None) -> None:
    """A group became a supergroup: move the chat, its subscriptions and its queued alerts."""
    with db.atomic():
        row = db.execute(
            "SELECT type, title, lang, digest_time, digest_quiet, last_digest_on FROM chats "
            "WHERE id = ?",
            [int(old_id)],
        ).fetchone()
        if row is None:
            return
        db.execute(
            "INSERT INTO chats (id, type, title, lang, active, digest_time, digest_quiet, "
            "last_digest_on, created_at) VALUES (?, 'supergroup', ?, ?, 1, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO NOTHING",
            [int(new_id), row[1], row[2], row[3], row[4], row[5], now_iso(now)],
        )
        db.execute(
            "UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?",
            [int(new_id), int(old_id)],
        )
        db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [int(old_id)])
        db.execute(
            "UPDATE OR IGNORE outbox SET chat_id = ?, status = 'pending', next_attempt_at = NULL "
            "WHERE chat_id = ? AND status IN ('pending', 'sending')",
            [int(new_id), int(old_id)],
        )
        db.execute(
            "UPDATE chats SET active = 0, deactivated_at = ? WHERE id = ?",
            [now_iso(now), int(old_id)],
        )
