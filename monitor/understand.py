"""The hook the poller calls: understand one question's document and store the findings.

`analyse` splits the document, extracts references, promises and sub-questions, resolves the
references to stored questions, finds the earlier questions it resembles and stores it all
through `state.findings`, inside the caller's transaction. `resolve_pending` links earlier
unresolved references once the question they cite has been stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import sqlite_utils

from monitor import linking
from monitor.text import extract, split_document
from monitor.text.models import Reference
from state import findings

__all__ = ["DEFAULT_PREDECESSORS", "DbResolver", "analyse", "resolve_pending"]

# Minister → the ministers who held the portfolio before them (question numbers are per
# minister, so a cited number is looked up with the predecessors too).
DEFAULT_PREDECESSORS: dict[str, tuple[str, ...]] = {
    "Gwendolyn Rutten": ("Bart Somers",),
}

RESEMBLE_LIMIT = 5


class DbResolver:
    """`linking.Resolver` over the `questions` table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def by_number(self, session_year: str, number: int) -> list[linking.Candidate]:
        rows = findings.questions_by_number(self.db, session_year, number)
        return [linking.Candidate.from_row(r) for r in rows]

    def by_date(self, day: date) -> list[linking.Candidate]:
        rows = findings.questions_asked_on(self.db, day.isoformat())
        return [linking.Candidate.from_row(r) for r in rows]


_INDEXES: dict[str, tuple[linking.TitleIndex, set[int]]] = {}


def title_index(db: sqlite_utils.Database) -> linking.TitleIndex:
    """The stored titles as a `linking.TitleIndex`, kept per database and grown with new ids.

    Built once per process (a poll analyses many questions); titles edited later are not
    re-indexed until the process restarts.
    """
    key = _db_key(db)
    ids = findings.question_ids(db)
    cached = _INDEXES.get(key) if key else None
    if cached and not cached[1] <= set(ids):
        cached = None  # questions disappeared (a new database at the same path): rebuild
    index, known = cached or (linking.TitleIndex([]), set())
    new = [i for i in ids if i not in known]
    if new:
        index.add(linking.Candidate.from_row(r) for r in findings.questions_by_ids(db, new))
        known.update(new)
    if key:  # an in-memory database is not cached: its identity is not stable
        _INDEXES[key] = (index, known)
    return index


def _db_key(db: sqlite_utils.Database) -> str:
    rows = db.execute("PRAGMA database_list").fetchall()
    return next((r[2] for r in rows if r[1] == "main"), "") or ""


def _citing(row: Mapping[str, Any] | None, question_id: int, doc_date: date | None):
    row = row or {}
    return linking.Citing(
        id=question_id,
        asker=row.get("asker"),
        minister=row.get("minister"),
        title=row.get("title") or "",
        subject=row.get("subject") or "",
        doc_date=doc_date,
    )


def _own_question(ref: Reference, part: str) -> bool:
    """'uw vraag' in the answer and 'mijn vraag' in the question name the asker's own."""
    return (ref.possessive == "uw" and part == "answer") or (
        ref.possessive == "mijn" and part == "question"
    )


def _inside(start: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in ranges)


def analyse(
    db: sqlite_utils.Database,
    question_id: int,
    text: str,
    *,
    doc_date: date | None,
    now: datetime | None = None,
    predecessors: Mapping[str, Iterable[str]] | None = None,
) -> dict:
    """Extract, resolve and store the findings of one question's document; returns a summary.

    Idempotent: re-analysing the same text leaves the same rows, and promise ledger rows
    keep their id and status.
    """
    if predecessors is None:
        predecessors = DEFAULT_PREDECESSORS
    parts = split_document(text)
    extraction = extract(text, doc_date)
    row = findings.get_question(db, question_id)
    citing = _citing(row, question_id, doc_date)
    resolver = DbResolver(db)

    refs: list[dict[str, Any]] = []
    ref_summary: list[dict[str, Any]] = []
    for ref in extraction.references:
        if _inside(ref.start, parts.headings):
            continue
        part = parts.part_of(ref.start)
        link = linking.resolve(
            ref,
            citing,
            resolver,
            own_question=_own_question(ref, part),
            predecessors=predecessors,
        )
        item = ref.to_dict()
        item["part"] = part
        item["target_id"] = link.target_id if link else None
        item["confidence"] = link.confidence if link else None
        refs.append(item)
        ref_summary.append(
            {
                "span": ref.span,
                "kind": ref.kind,
                "number": ref.number,
                "date": item["date"],
                "session_year": ref.session_year,
                "target_id": item["target_id"],
                "target_label": link.target.label if link else None,
                "confidence": item["confidence"],
            }
        )

    # Promises are the answering side's: only those in the answer part count.
    promises: list[dict[str, Any]] = []
    if parts.answer_start is not None:
        for promise in extraction.promises:
            if promise.start >= parts.answer_start and not _inside(promise.start, parts.headings):
                promises.append({**promise.to_dict(), "source": "promise"})
    for sub in extraction.subquestions:
        if sub.requested_document and not sub.document_provided:
            promises.append(
                {
                    "source": "requested_document",
                    "span": sub.requested_span or sub.requested_document,
                    "start": sub.requested_start,
                    "end": sub.requested_end,
                    "kind": "document",
                    "due": None,
                    "subject": sub.requested_document,
                }
            )

    resembles: list[linking.Resemblance] = []
    if row and row.get("title"):
        me = linking.Candidate.from_row(row)
        cited = {r["target_id"] for r in refs if r["target_id"] is not None}
        found = linking.resemble(me, title_index(db), limit=RESEMBLE_LIMIT + len(cited) + 1)
        resembles = [r for r in found if r.target_id not in cited and r.target_id != question_id]
        resembles = resembles[:RESEMBLE_LIMIT]

    subs = [
        {"label": s.label, "text": s.text, "status": s.status, "answer": s.answer}
        for s in extraction.subquestions
    ]
    with db.atomic():
        ids = findings.save_findings(
            db,
            question_id,
            refs=refs,
            promises=promises,
            subquestions=subs,
            resemblances=[(r.target_id, r.score) for r in resembles],
            now=now,
        )
    return {
        "references": ref_summary,
        "promises": [
            {
                "id": pid,
                "span": p["span"],
                "kind": p["kind"],
                "due": p["due"],
                "subject": p.get("subject") or "",
            }
            for pid, p in zip(ids, promises, strict=True)
        ],
        "subquestions": [{"label": s["label"], "status": s["status"]} for s in subs],
        "resembles": [
            {"id": r.target_id, "label": r.target.label, "score": r.score} for r in resembles
        ],
    }


def resolve_pending(
    db: sqlite_utils.Database,
    question_id: int,
    *,
    now: datetime | None = None,
    predecessors: Mapping[str, Iterable[str]] | None = None,
) -> list[dict]:
    """Resolve earlier unresolved refs that the newly stored `question_id` answers to.

    Returns the refs newly resolved (with `target_id`, `target_label`, `confidence`).
    """
    if predecessors is None:
        predecessors = DEFAULT_PREDECESSORS
    row = findings.get_question(db, question_id)
    if not row:
        return []
    target = linking.Candidate.from_row(row)
    pending = findings.unresolved_refs(
        db,
        session_year=target.session_year,
        number=target.number,
        date=target.asked_on.isoformat() if target.asked_on else None,
        exclude_question_id=question_id,
    )
    resolver = DbResolver(db)
    resolved: list[dict] = []
    with db.atomic():
        for stored in pending:
            ref = Reference(
                span=stored["span"],
                start=stored["start"],
                end=stored["end"],
                kind=stored["kind"],
                number=stored["number"],
                date=date.fromisoformat(stored["date"]) if stored["date"] else None,
                session_year=stored["session_year"],
                possessive=_possessive(stored["span"]),
            )
            citing_row = findings.get_question(db, stored["question_id"]) or {}
            when = citing_row.get("answered_on") or citing_row.get("asked_on")
            citing = _citing(
                citing_row, stored["question_id"], date.fromisoformat(when[:10]) if when else None
            )
            link = linking.resolve(
                ref,
                citing,
                resolver,
                own_question=_own_question(ref, stored["part"]),
                predecessors=predecessors,
            )
            if link is None or link.target_id != question_id:
                continue
            if findings.set_ref_target(db, stored["id"], question_id, link.confidence, now):
                resolved.append(
                    {
                        **stored,
                        "target_id": question_id,
                        "target_label": target.label,
                        "confidence": link.confidence,
                    }
                )
    return resolved


def _possessive(span: str) -> str | None:
    from monitor.text.references import possessive_of

    return possessive_of(span)
