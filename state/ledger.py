"""SQL for the follow-up ledger: the `promises` rows, their history and their evidence.

A ledger entry is a row of `promises` (a promise of the answer, a document the question
asked for and did not get, or a listed attachment that is missing). Its status moves
``open → due_soon → overdue → kept | partly_kept | dropped``; every change is written
together with a `promise_history` row, the evidence, and the events that alert the chats,
in one transaction (`set_status`).

Evidence items live in the entry's `evidence` JSON array, newest last. An item is a dict
with at least ``state``: ``auto`` (it changed the status by itself), ``proposed`` (a
person should confirm it: "mogelijk ingelost"), ``confirmed``, ``rejected``, ``manual``
or ``schedule`` (a change made by the calendar), and for document evidence
``question_id`` (the later question whose document is the evidence).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from state.clock import BRUSSELS, now_iso
from state.events import Event, Router, record_events

__all__ = [
    "ACTIVE",
    "FINAL",
    "STATUSES",
    "EntryNotFound",
    "LedgerEntry",
    "StaleStatus",
    "add_entry",
    "add_evidence",
    "citing_refs",
    "cited_refs",
    "decide_proposal",
    "entries_due_for_transition",
    "evidence_proposals",
    "get_entry",
    "history",
    "list_entries",
    "newly_kept_since",
    "question_facts",
    "question_text",
    "set_status",
    "subquestions_of",
]

STATUSES = ("open", "due_soon", "overdue", "kept", "partly_kept", "dropped")
ACTIVE = ("open", "due_soon", "overdue")
FINAL = ("kept", "partly_kept", "dropped")
SOURCES = ("promise", "requested_document", "attachment")


class EntryNotFound(LookupError):
    """No ledger entry with this id."""


class StaleStatus(RuntimeError):
    """The entry's status is no longer the one the caller decided on."""


@dataclass(frozen=True)
class LedgerEntry:
    """One ledger row with the facts of its question (`question`, a plain dict)."""

    id: int
    question_id: int
    source: str
    start: int | None
    end: int | None
    span: str
    subject: str
    kind: str
    due: str | None
    status: str
    status_changed_at: str
    created_at: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    question: dict[str, Any] = field(default_factory=dict)

    @property
    def due_date(self) -> date | None:
        return date.fromisoformat(self.due) if self.due else None

    @property
    def proposals(self) -> list[dict[str, Any]]:
        """Evidence items still waiting for a person ("mogelijk ingelost")."""
        return [e for e in self.evidence if e.get("state") == "proposed"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question_id": self.question_id,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "span": self.span,
            "subject": self.subject,
            "kind": self.kind,
            "due": self.due,
            "status": self.status,
            "status_changed_at": self.status_changed_at,
            "created_at": self.created_at,
            "evidence": self.evidence,
            "question": self.question,
        }


_QUESTION_FIELDS = (
    "number",
    "session_year",
    "title",
    "subject",
    "themes",
    "asker",
    "minister",
    "asked_on",
    "answered_on",
    "status",
    "site_url",
    "document_urls",
)

_SELECT = (
    'SELECT p.id, p.question_id, p.source, p.start, p."end", p.span, p.subject, p.kind, '
    "p.due, p.status, p.status_changed_at, p.created_at, p.evidence, "
    + ", ".join(f"q.{name} AS q_{name}" for name in _QUESTION_FIELDS)
    + " FROM promises p JOIN questions q ON q.id = p.question_id"
)


def _loads(value: str | None, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


def _facts(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    facts = {name: row[f"{prefix}{name}"] for name in _QUESTION_FIELDS}
    facts["themes"] = _loads(facts["themes"], [])
    facts["document_urls"] = _loads(facts["document_urls"], [])
    return facts


def _entry(row: Mapping[str, Any]) -> LedgerEntry:
    question = {"id": row["question_id"], **_facts(row, "q_")}
    return LedgerEntry(
        id=row["id"],
        question_id=row["question_id"],
        source=row["source"],
        start=row["start"],
        end=row["end"],
        span=row["span"],
        subject=row["subject"] or "",
        kind=row["kind"],
        due=row["due"],
        status=row["status"],
        status_changed_at=row["status_changed_at"],
        created_at=row["created_at"],
        evidence=list(_loads(row["evidence"], [])),
        question=question,
    )


def _in(column: str, values: Sequence[Any], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


def get_entry(db: Database, entry_id: int) -> LedgerEntry | None:
    rows = list(db.query(_SELECT + " WHERE p.id = ?", [int(entry_id)]))
    return _entry(rows[0]) if rows else None


def list_entries(
    db: Database,
    *,
    statuses: Sequence[str] | None = None,
    question_ids: Iterable[int] | None = None,
    entry_ids: Iterable[int] | None = None,
    sources: Sequence[str] | None = None,
    dated: bool | None = None,
    due_from: str | None = None,
    due_to: str | None = None,
    with_proposals: bool = False,
    limit: int | None = None,
) -> list[LedgerEntry]:
    """Ledger entries, soonest due first (undated last), filtered by any of the arguments.

    `dated` True keeps entries with a due date, False those without; `due_from`/`due_to`
    bound the due date (inclusive, ISO); `with_proposals` keeps entries with evidence
    waiting for confirmation.
    """
    where: list[str] = []
    params: list[Any] = []
    if statuses:
        where.append(_in("p.status", list(statuses), params))
    if question_ids is not None:
        ids = [int(i) for i in question_ids]
        if not ids:
            return []
        where.append(_in("p.question_id", ids, params))
    if entry_ids is not None:
        ids = [int(i) for i in entry_ids]
        if not ids:
            return []
        where.append(_in("p.id", ids, params))
    if sources:
        where.append(_in("p.source", list(sources), params))
    if dated is True:
        where.append("p.due IS NOT NULL")
    elif dated is False:
        where.append("p.due IS NULL")
    if due_from:
        where.append("p.due >= ?")
        params.append(due_from)
    if due_to:
        where.append("p.due <= ?")
        params.append(due_to)
    if with_proposals:
        where.append(
            "EXISTS (SELECT 1 FROM json_each(p.evidence) "
            "WHERE json_extract(json_each.value, '$.state') = 'proposed')"
        )
    sql = _SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY p.due IS NULL, p.due, p.question_id, p.start, p.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [_entry(row) for row in db.query(sql, params)]


def entries_due_for_transition(db: Database, *, today: str, soon_until: str) -> list[LedgerEntry]:
    """Dated active entries whose status no longer fits the calendar.

    `today` and `soon_until` (today + the due-soon window) are ISO dates. Matches open
    entries due by `soon_until`, due_soon entries past due or no longer due soon, and
    overdue entries whose due date moved to today or later.
    """
    sql = _SELECT + (
        " WHERE p.due IS NOT NULL AND ("
        "(p.status = 'open' AND p.due <= ?) OR "
        "(p.status = 'due_soon' AND (p.due < ? OR p.due > ?)) OR "
        "(p.status = 'overdue' AND p.due >= ?))"
        " ORDER BY p.due, p.id"
    )
    return [_entry(row) for row in db.query(sql, [soon_until, today, soon_until, today])]


def newly_kept_since(
    db: Database, since: str, *, question_ids: Iterable[int] | None = None
) -> list[LedgerEntry]:
    """Entries that became kept or partly kept at or after `since` (ISO timestamp)."""
    entries = list_entries(db, statuses=("kept", "partly_kept"), question_ids=question_ids)
    moment = _moment(since)
    return [e for e in entries if _moment(e.status_changed_at) >= moment]


def _moment(value: str) -> datetime:
    """An ISO timestamp as an aware datetime (compared across UTC offsets, e.g. DST)."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=BRUSSELS)


def evidence_proposals(
    db: Database, *, question_ids: Iterable[int] | None = None
) -> list[tuple[LedgerEntry, dict[str, Any]]]:
    """(entry, evidence item) pairs waiting for a person's "ingelost" / "nog niet"."""
    out = []
    for entry in list_entries(db, statuses=ACTIVE, question_ids=question_ids, with_proposals=True):
        out.extend((entry, item) for item in entry.proposals)
    return out


def history(db: Database, entry_id: int) -> list[dict[str, Any]]:
    """The status changes of one entry, oldest first, evidence decoded."""
    rows = list(
        db.query(
            "SELECT status, at, evidence FROM promise_history WHERE promise_id = ? ORDER BY id",
            [int(entry_id)],
        )
    )
    for row in rows:
        row["evidence"] = _loads(row["evidence"], None)
    return rows


def add_entry(
    db: Database,
    question_id: int,
    *,
    span: str,
    kind: str,
    source: str = "promise",
    subject: str = "",
    due: str | None = None,
    start: int | None = None,
    end: int | None = None,
    now: datetime | None = None,
) -> int:
    """Create a ledger entry (status open), or refresh an existing one's facts; its id.

    Existing entries keep their status and evidence (UNIQUE question, source, span).
    """
    if source not in SOURCES:
        raise ValueError(f"unknown ledger source {source!r}")
    stamp = now_iso(now)
    with db.atomic():
        db.execute(
            'INSERT INTO promises (question_id, source, start, "end", span, subject, kind, '
            "due, status, status_changed_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) "
            "ON CONFLICT(question_id, source, span) DO UPDATE SET "
            'start = excluded.start, "end" = excluded."end", subject = excluded.subject, '
            "kind = excluded.kind, due = excluded.due",
            [int(question_id), source, start, end, span, subject, kind, due, stamp, stamp],
        )
        row = db.execute(
            "SELECT id FROM promises WHERE question_id = ? AND source = ? AND span = ?",
            [int(question_id), source, span],
        ).fetchone()
    return int(row[0])


def _current(db: Database, entry_id: int) -> tuple[str, list[dict[str, Any]]]:
    row = db.execute(
        "SELECT status, evidence FROM promises WHERE id = ?", [int(entry_id)]
    ).fetchone()
    if row is None:
        raise EntryNotFound(entry_id)
    return row[0], list(_loads(row[1], []))


def set_status(
    db: Database,
    entry_id: int,
    status: str,
    *,
    evidence: Mapping[str, Any] | None = None,
    expect: str | Sequence[str] | None = None,
    events: Sequence[Event] = (),
    route: Router | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Change an entry's status, append its evidence and history, record `events`.

    All in one transaction; returns the new event ids. With `expect`, the change happens
    only if the current status is (one of) `expect`, else `StaleStatus` is raised and
    nothing is written.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown ledger status {status!r}")
    stamp = now_iso(now)
    with db.atomic():
        current, items = _current(db, entry_id)
        if expect is not None:
            allowed = (expect,) if isinstance(expect, str) else tuple(expect)
            if current not in allowed:
                raise StaleStatus(f"entry {entry_id} is {current}, expected {allowed}")
        item = dict(evidence) if evidence else None
        if item is not None:
            item.setdefault("at", stamp)
            item.setdefault("status", status)
            items.append(item)
        db.execute(
            "UPDATE promises SET status = ?, status_changed_at = ?, evidence = ? WHERE id = ?",
            [status, stamp, json.dumps(items, ensure_ascii=False), int(entry_id)],
        )
        db.execute(
            "INSERT INTO promise_history (promise_id, status, at, evidence) VALUES (?, ?, ?, ?)",
            [
                int(entry_id),
                status,
                stamp,
                json.dumps(item, ensure_ascii=False) if item is not None else None,
            ],
        )
        return record_events(db, events, route=route, now=now) if events else []


def add_evidence(
    db: Database,
    entry_id: int,
    item: Mapping[str, Any],
    *,
    events: Sequence[Event] = (),
    route: Router | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Append an evidence item without a status change (a proposal); new event ids.

    An item for a `question_id` the entry already has evidence from is not added again
    (and its events are not recorded), so re-running evidence collection is a no-op.
    """
    stamp = now_iso(now)
    with db.atomic():
        _status, items = _current(db, entry_id)
        qid = item.get("question_id")
        if qid is not None and any(e.get("question_id") == qid for e in items):
            return []
        new = dict(item)
        new.setdefault("at", stamp)
        items.append(new)
        db.execute(
            "UPDATE promises SET evidence = ? WHERE id = ?",
            [json.dumps(items, ensure_ascii=False), int(entry_id)],
        )
        return record_events(db, events, route=route, now=now) if events else []


def decide_proposal(
    db: Database,
    entry_id: int,
    question_id: int,
    *,
    accept: bool,
    by: str | None = None,
    status: str = "kept",
    events: Sequence[Event] = (),
    route: Router | None = None,
    now: datetime | None = None,
) -> list[int]:
    """A person's verdict on a proposed evidence item: accept → `status` (kept), reject →
    the item is marked rejected and the status stays. Returns new event ids.

    Raises `LookupError` if there is no pending proposal from `question_id`.
    """
    stamp = now_iso(now)
    with db.atomic():
        current, items = _current(db, entry_id)
        pending = [
            e
            for e in items
            if e.get("state") == "proposed" and e.get("question_id") == int(question_id)
        ]
        if not pending or current not in ACTIVE:
            raise LookupError(f"no pending evidence from {question_id} for entry {entry_id}")
        for item in pending:
            item["state"] = "confirmed" if accept else "rejected"
            item["decided_at"] = stamp
            if by is not None:
                item["decided_by"] = by
        db.execute(
            "UPDATE promises SET evidence = ? WHERE id = ?",
            [json.dumps(items, ensure_ascii=False), int(entry_id)],
        )
        if not accept:
            return []
        return set_status(
            db,
            entry_id,
            status,
            evidence={
                "state": "confirmed",
                "question_id": int(question_id),
                "by": by,
            },
            events=events,
            route=route,
            now=now,
        )


def question_facts(db: Database, question_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The facts of stored questions by id (the ones the ledger shows), without text."""
    ids = sorted({int(i) for i in question_ids})
    if not ids:
        return {}
    params: list[Any] = []
    sql = (
        "SELECT id, "
        + ", ".join(_QUESTION_FIELDS)
        + " FROM questions WHERE "
        + _in("id", ids, params)
    )
    return {row["id"]: {"id": row["id"], **_facts(row)} for row in db.query(sql, params)}


def question_text(db: Database, question_id: int) -> str | None:
    """The stored text of the question's current document."""
    row = db.execute("SELECT text FROM questions WHERE id = ?", [int(question_id)]).fetchone()
    return row[0] if row else None


def cited_refs(db: Database, question_id: int) -> list[dict[str, Any]]:
    """The refs of one question to earlier written questions (resolved or not), in order."""
    return list(
        db.query(
            'SELECT id, question_id, part, start, "end", span, kind, number, date, '
            "session_year, target_id, confidence FROM refs "
            "WHERE question_id = ? AND kind = 'written_question' ORDER BY part DESC, start",
            [int(question_id)],
        )
    )


def citing_refs(db: Database, target_id: int) -> list[dict[str, Any]]:
    """Refs from other questions resolved to `target_id` (what follows it up)."""
    return list(
        db.query(
            'SELECT id, question_id, part, start, "end", span, kind, number, date, '
            "session_year, target_id, confidence FROM refs "
            "WHERE target_id = ? AND question_id != ? ORDER BY question_id, start",
            [int(target_id), int(target_id)],
        )
    )


def subquestions_of(db: Database, question_id: int) -> list[dict[str, Any]]:
    """The stored sub-questions of a question (label, text, status, answer), in order."""
    return list(
        db.query(
            "SELECT label, text, status, answer FROM subquestions WHERE question_id = ? "
            "ORDER BY rowid",
            [int(question_id)],
        )
    )
