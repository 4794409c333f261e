"""SQL for the findings of text understanding: refs, promises, sub-questions, resemblances.

The pure pipeline (`monitor.text`, `monitor.linking`) never touches the database;
`monitor.understand` calls these functions inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from state import ledger
from state.clock import now_iso

__all__ = [
    "get_question",
    "list_findings",
    "questions_asked_on",
    "question_ids",
    "questions_by_ids",
    "questions_by_number",
    "refs_citing",
    "resemblance_pool",
    "save_findings",
    "set_ref_target",
    "unresolved_refs",
]

_QUESTION_COLUMNS = (
    "id, number, session_year, title, subject, themes, asker, minister, "
    "asked_on, answered_on, published_on"
)


def _question(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    try:
        out["themes"] = json.loads(out.get("themes") or "[]")
    except (TypeError, ValueError):
        out["themes"] = []
    return out


def get_question(db: Database, question_id: int) -> dict[str, Any] | None:
    """The stored question's linking facts (no text), or None."""
    rows = list(db.query(f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE id = ?", [question_id]))
    return _question(rows[0]) if rows else None


def questions_by_number(db: Database, session_year: str, number: int) -> list[dict[str, Any]]:
    """Every stored question with this (session year, number): one per minister at most."""
    sql = f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE session_year = ? AND number = ?"
    return [_question(r) for r in db.query(sql + " ORDER BY id", [session_year, number])]


def questions_asked_on(db: Database, asked_on: str) -> list[dict[str, Any]]:
    """Stored questions asked, answered or published on this ISO date."""
    sql = (
        f"SELECT {_QUESTION_COLUMNS} FROM questions "
        "WHERE asked_on = ? OR answered_on = ? OR published_on = ? ORDER BY id"
    )
    return [_question(r) for r in db.query(sql, [asked_on, asked_on, asked_on])]


def resemblance_pool(
    db: Database, *, exclude_id: int | None = None, before: str | None = None
) -> list[dict[str, Any]]:
    """Titles and subjects of stored questions (asked before `before`, if given)."""
    where, params = ["title != ''"], []
    if exclude_id is not None:
        where.append("id != ?")
        params.append(exclude_id)
    if before:
        where.append("(asked_on IS NULL OR asked_on < ?)")
        params.append(before)
    sql = f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE {' AND '.join(where)} ORDER BY id"
    return [_question(r) for r in db.query(sql, params)]


def question_ids(db: Database) -> list[int]:
    """Ids of all stored questions that have a title."""
    return [row[0] for row in db.execute("SELECT id FROM questions WHERE title != ''").fetchall()]


def questions_by_ids(db: Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Linking facts of these questions (in chunks, for large id lists)."""
    out: list[dict[str, Any]] = []
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE id IN ({marks}) ORDER BY id"
        out.extend(_question(r) for r in db.query(sql, chunk))
    return out


def save_findings(
    db: Database,
    question_id: int,
    *,
    refs: Sequence[Mapping[str, Any]],
    promises: Sequence[Mapping[str, Any]],
    subquestions: Sequence[Mapping[str, Any]],
    resemblances: Iterable[tuple[int, float]],
    now: datetime | None = None,
) -> list[int]:
    """Replace the findings of one question; returns the ledger ids of `promises`, in order.

    Ledger rows are kept across re-analysis (UNIQUE(question_id, source, span)): their
    offsets, kind, due date and subject are refreshed, their status is left alone. Rows
    whose span no longer occurs are removed unless they already have a history.
    """
    stamp = now_iso(now)
    with db.atomic():
        db.execute("DELETE FROM refs WHERE question_id = ?", [question_id])
        for ref in refs:
            db.execute(
                'INSERT INTO refs (question_id, part, start, "end", span, kind, number, date, '
                "session_year, target_id, confidence, resolved_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                'ON CONFLICT(question_id, part, start, "end") DO NOTHING',
                [
                    question_id,
                    ref["part"],
                    ref["start"],
                    ref["end"],
                    ref["span"],
                    ref["kind"],
                    ref.get("number"),
                    ref.get("date"),
                    ref.get("session_year"),
                    ref.get("target_id"),
                    ref.get("confidence"),
                    stamp if ref.get("target_id") is not None else None,
                ],
            )
        ids: list[int] = []
        keep: set[tuple[str, str]] = set()
        for promise in promises:
            source = promise.get("source", "promise")
            keep.add((source, promise["span"]))
            # One upsert for the ledger: an entry keeps its id, status and evidence.
            ids.append(
                ledger.add_entry(
                    db,
                    question_id,
                    span=promise["span"],
                    kind=promise["kind"],
                    source=source,
                    subject=promise.get("subject") or "",
                    due=promise.get("due"),
                    start=promise.get("start"),
                    end=promise.get("end"),
                    now=now,
                )
            )
        for pid, source, span in db.execute(
            "SELECT id, source, span FROM promises WHERE question_id = ? "
            "AND source IN ('promise', 'requested_document')",
            [question_id],
        ).fetchall():
            if (source, span) in keep:
                continue
            has_history = db.execute(
                "SELECT 1 FROM promise_history WHERE promise_id = ? LIMIT 1", [pid]
            ).fetchone()
            if not has_history:
                db.execute("DELETE FROM promises WHERE id = ?", [pid])
        db.execute("DELETE FROM subquestions WHERE question_id = ?", [question_id])
        for sub in subquestions:
            db.execute(
                "INSERT INTO subquestions (question_id, label, text, status, answer) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(question_id, label) DO UPDATE SET "
                "text = excluded.text, status = excluded.status, answer = excluded.answer",
                [question_id, sub["label"], sub["text"], sub["status"], sub.get("answer")],
            )
        db.execute("DELETE FROM resemblances WHERE question_id = ?", [question_id])
        for other_id, score in resemblances:
            db.execute(
                "INSERT OR REPLACE INTO resemblances (question_id, other_id, score) "
                "VALUES (?, ?, ?)",
                [question_id, other_id, float(score)],
            )
    return ids


def list_findings(db: Database, question_id: int) -> dict[str, list[dict[str, Any]]]:
    """Everything stored for one question: refs, promises, sub-questions, resemblances."""
    return {
        "refs": list(
            db.query(
                "SELECT * FROM refs WHERE question_id = ? ORDER BY part DESC, start",
                [question_id],
            )
        ),
        "promises": list(
            db.query("SELECT * FROM promises WHERE question_id = ? ORDER BY id", [question_id])
        ),
        "subquestions": list(
            db.query(
                "SELECT * FROM subquestions WHERE question_id = ? ORDER BY rowid", [question_id]
            )
        ),
        "resemblances": list(
            db.query(
                "SELECT * FROM resemblances WHERE question_id = ? ORDER BY score DESC",
                [question_id],
            )
        ),
    }


def refs_citing(db: Database, target_id: int) -> list[dict[str, Any]]:
    """Stored refs resolved to `target_id` ("what cites it"), oldest citing question first."""
    return list(
        db.query(
            "SELECT r.*, q.number AS citing_number, q.session_year AS citing_session_year, "
            "q.title AS citing_title FROM refs r JOIN questions q ON q.id = r.question_id "
            "WHERE r.target_id = ? ORDER BY q.asked_on, r.question_id, r.start",
            [target_id],
        )
    )


def unresolved_refs(
    db: Database,
    *,
    session_year: str | None = None,
    number: int | None = None,
    date: str | None = None,
    exclude_question_id: int | None = None,
) -> list[dict[str, Any]]:
    """Unresolved refs that could point to a question with these facts."""
    where = ["target_id IS NULL", "(number IS NOT NULL OR date IS NOT NULL)"]
    params: list[Any] = []
    match = []
    if session_year is not None and number is not None:
        match.append("(number = ? AND (session_year = ? OR session_year IS NULL))")
        params += [number, session_year]
    if date is not None:
        match.append("date = ?")
        params.append(date)
    if match:
        where.append("(" + " OR ".join(match) + ")")
    if exclude_question_id is not None:
        where.append("question_id != ?")
        params.append(exclude_question_id)
    sql = f"SELECT * FROM refs WHERE {' AND '.join(where)} ORDER BY question_id, start"
    return list(db.query(sql, params))


def set_ref_target(
    db: Database,
    ref_id: int,
    target_id: int,
    confidence: float,
    now: datetime | None = None,
) -> bool:
    """Resolve one stored ref; False if it was already resolved."""
    cursor = db.execute(
        "UPDATE refs SET target_id = ?, confidence = ?, resolved_at = ? "
        "WHERE id = ? AND target_id IS NULL",
        [target_id, float(confidence), now_iso(now), ref_id],
    )
    return cursor.rowcount == 1
