"""Poll runs: one row per poll or backfill, with its outcome, counts and error."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from state.clock import now_iso

__all__ = ["finish_run", "has_ok_run", "last_run", "last_ok_run", "start_run"]

INTERRUPTED = "interrupted: the process stopped before the run finished"


def start_run(db: Database, kind: str = "poll", *, now: datetime | None = None) -> int:
    """Open a run; earlier runs still marked 'running' were killed, and are closed as errors."""
    stamp = now_iso(now)
    with db.atomic():
        db.execute(
            "UPDATE poll_runs SET outcome = 'error', finished_at = ?, error = ? "
            "WHERE outcome = 'running'",
            [stamp, INTERRUPTED],
        )
        cursor = db.execute(
            "INSERT INTO poll_runs (kind, started_at, outcome, counts) "
            "VALUES (?, ?, 'running', '{}')",
            [kind, stamp],
        )
    return int(cursor.lastrowid)


def finish_run(
    db: Database,
    run_id: int,
    outcome: str,
    *,
    counts: dict[str, Any] | None = None,
    error: str | None = None,
    now: datetime | None = None,
) -> None:
    if outcome not in ("ok", "error"):
        raise ValueError(f"outcome must be 'ok' or 'error', not {outcome!r}")
    with db.atomic():
        db.execute(
            "UPDATE poll_runs SET outcome = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?",
            [
                outcome,
                now_iso(now),
                json.dumps(counts or {}, ensure_ascii=False, sort_keys=True),
                error,
                run_id,
            ],
        )


def _row(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    row = dict(row)
    row["counts"] = json.loads(row.get("counts") or "{}")
    return row


def last_run(db: Database, kind: str | None = None) -> dict[str, Any] | None:
    """The most recent run (of `kind`, if given), with `counts` decoded."""
    sql, params = "SELECT * FROM poll_runs", []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    rows = list(db.query(sql + " ORDER BY id DESC LIMIT 1", params))
    return _row(rows[0] if rows else None)


def last_ok_run(db: Database, kinds: tuple[str, ...] = ("poll",)) -> dict[str, Any] | None:
    marks = ", ".join("?" for _ in kinds)
    rows = list(
        db.query(
            f"SELECT * FROM poll_runs WHERE outcome = 'ok' AND kind IN ({marks}) "
            "ORDER BY id DESC LIMIT 1",
            list(kinds),
        )
    )
    return _row(rows[0] if rows else None)


def has_ok_run(db: Database, kinds: tuple[str, ...] = ("poll", "backfill")) -> bool:
    return last_ok_run(db, kinds) is not None


def failure_streak(db: Database, kind: str = "poll") -> int:
    """How many of the latest finished runs of `kind` failed in a row (0 after a success)."""
    streak = 0
    for row in db.query(
        "SELECT outcome FROM poll_runs WHERE kind = ? AND outcome != 'running' ORDER BY id DESC",
        [kind],
    ):
        if row["outcome"] == "ok":
            break
        streak += 1
    return streak
