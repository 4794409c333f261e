"""Questions, their document versions and the session years: the poller's reads and writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

__all__ = [
    "Known",
    "add_document",
    "get_by_number",
    "get_question",
    "known_questions",
    "latest_document",
    "save_question",
    "save_session_years",
    "session_years",
    "status_counts",
    "unanswered_questions",
]

COLUMNS = (
    "id", "number", "session_year", "title", "subject", "themes", "asker", "asker_id",
    "minister", "minister_id", "asked_on", "answered_on", "published_on", "status", "timely",
    "document_urls", "site_url", "text", "text_hash", "content_hash", "raw", "first_seen",
    "last_seen", "answer_seen_at",
)  # fmt: skip
JSON_COLUMNS = ("themes", "document_urls", "raw")
OPEN_PROMISE_STATUSES = ("open", "due_soon", "overdue")


@dataclass(frozen=True)
class Known:
    """What the lister compares a search result with, without loading the whole row."""

    id: int
    content_hash: str
    text_hash: str | None
    status: str
    published_on: str | None
    document_urls: tuple[str, ...]
    title: str


def _decode(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_COLUMNS:
        if key in out:
            try:
                out[key] = json.loads(out[key] or ("{}" if key == "raw" else "[]"))
            except (TypeError, ValueError):
                out[key] = {} if key == "raw" else []
    if out.get("timely") is not None:
        out["timely"] = bool(out["timely"])
    return out


def get_question(db: Database, question_id: int) -> dict[str, Any] | None:
    """The stored question with its JSON columns decoded, or None."""
    rows = list(db.query("SELECT * FROM questions WHERE id = ?", [question_id]))
    return _decode(rows[0]) if rows else None


def get_by_number(db: Database, session_year: str, number: int) -> list[dict[str, Any]]:
    """The questions with this (session year, number): one per minister at most."""
    rows = db.query(
        "SELECT * FROM questions WHERE session_year = ? AND number = ? ORDER BY id",
        [session_year, number],
    )
    return [_decode(r) for r in rows]


def known_questions(db: Database, ids: Iterable[int] | None = None) -> dict[int, Known]:
    """Every stored question (or those in `ids`) as `Known`, by id."""
    sql = (
        "SELECT id, content_hash, text_hash, status, published_on, document_urls, title "
        "FROM questions"
    )
    params: list[Any] = []
    if ids is not None:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        sql += f" WHERE id IN ({', '.join('?' for _ in wanted)})"
        params = wanted
    out: dict[int, Known] = {}
    for row in db.query(sql, params):
        out[row["id"]] = Known(
            id=row["id"],
            content_hash=row["content_hash"],
            text_hash=row["text_hash"],
            status=row["status"],
            published_on=row["published_on"],
            document_urls=tuple(json.loads(row["document_urls"] or "[]")),
            title=row["title"],
        )
    return out


def save_question(db: Database, row: Mapping[str, Any]) -> bool:
    """Insert or update one question (`row` holds the columns; JSON ones as Python values).

    Returns True when the stored row changed. `first_seen` of a stored row is kept.
    """
    values = {k: row[k] for k in COLUMNS if k in row}
    for key in JSON_COLUMNS:
        if key in values and not isinstance(values[key], str):
            values[key] = json.dumps(values[key], ensure_ascii=False, sort_keys=key == "raw")
    if "timely" in values and values["timely"] is not None:
        values["timely"] = int(bool(values["timely"]))
    names = list(values)
    updates = [n for n in names if n not in ("id", "first_seen")]
    changed = " OR ".join(f'questions."{n}" IS NOT excluded."{n}"' for n in updates)
    sql = (
        f"INSERT INTO questions ({', '.join(names)}) "
        f"VALUES ({', '.join('?' for _ in names)}) "
        f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in updates)}"
    )
    if changed:
        sql += f" WHERE {changed}"
    cursor = db.execute(sql, [values[n] for n in names])
    return cursor.rowcount == 1


def add_document(
    db: Database,
    question_id: int,
    *,
    url: str,
    sha256: str,
    text: str | None,
    text_hash: str | None,
    content_type: str | None,
    size: int,
    fetched_at: str,
) -> bool:
    """Record a document version; returns False when this exact version is stored already."""
    cursor = db.execute(
        "INSERT INTO documents (question_id, url, sha256, text_hash, text, content_type, size, "
        "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(question_id, url, sha256) DO NOTHING",
        [question_id, url, sha256, text_hash, text, content_type, size, fetched_at],
    )
    return cursor.rowcount == 1


def unanswered_questions(db: Database) -> list[dict[str, Any]]:
    """Questions without a visible answer and with a known date asked."""
    rows = db.query(
        "SELECT * FROM questions WHERE status != 'answered' AND asked_on IS NOT NULL ORDER BY id"
    )
    return [_decode(r) for r in rows]


def save_session_years(db: Database, years: Iterable[tuple[str, str, str]]) -> int:
    """Upsert (name, start, end) rows; returns how many rows changed."""
    changed = 0
    for name, start, end in years:
        cursor = db.execute(
            'INSERT INTO session_years (name, start, "end") VALUES (?, ?, ?) '
            'ON CONFLICT(name) DO UPDATE SET start = excluded.start, "end" = excluded."end" '
            "WHERE session_years.start IS NOT excluded.start "
            'OR session_years."end" IS NOT excluded."end"',
            [name, start, end],
        )
        changed += cursor.rowcount
    return changed


def session_years(db: Database) -> list[dict[str, Any]]:
    return list(db.query('SELECT name, start, "end" FROM session_years ORDER BY start'))


def status_counts(db: Database) -> dict[str, int]:
    """Counts for `opvolger status`."""

    def one(sql: str, params: list[Any] | None = None) -> int:
        return int(db.execute(sql, params or []).fetchone()[0])

    marks = ", ".join("?" for _ in OPEN_PROMISE_STATUSES)
    return {
        "questions": one("SELECT COUNT(*) FROM questions"),
        "answered": one("SELECT COUNT(*) FROM questions WHERE status = 'answered'"),
        "documents": one("SELECT COUNT(*) FROM documents"),
        "events": one("SELECT COUNT(*) FROM events"),
        "alerts_pending": one("SELECT COUNT(*) FROM outbox WHERE status = 'pending'"),
        "open_promises": one(
            f"SELECT COUNT(*) FROM promises WHERE status IN ({marks})",
            list(OPEN_PROMISE_STATUSES),
        ),
    }


def latest_document(db: Database, question_id: int, url: str) -> dict[str, Any] | None:
    """The most recently fetched version of a question's document at `url`, or None."""
    rows = list(
        db.query(
            "SELECT * FROM documents WHERE question_id = ? AND url = ? ORDER BY id DESC LIMIT 1",
            [question_id, url],
        )
    )
    return rows[0] if rows else None
