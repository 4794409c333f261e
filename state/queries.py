"""Read queries the bot needs that the poller's and the ledger's state modules do not have.

Where `state.questions`, `state.findings`, `state.ledger` or `state.runs` already answer a
question, the bot calls them; this module adds the few lists the bot alone needs (names to
match `/track` against, unanswered questions, the card of one question).
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from state import findings, ledger, questions, runs

__all__ = [
    "known_askers",
    "known_ministers",
    "known_themes",
    "last_poll",
    "question_by_number",
    "question_card",
    "get_question",
    "session_year_names",
]


def get_question(db: Database, question_id: int) -> dict[str, Any] | None:
    return questions.get_question(db, int(question_id))


def question_by_number(db: Database, number: int, session_year: str) -> list[dict[str, Any]]:
    return questions.get_by_number(db, session_year, int(number))


def session_year_names(db: Database) -> list[str]:
    return [row["name"] for row in questions.session_years(db)]


def _distinct(db: Database, column: str) -> list[str]:
    assert column in ("asker", "minister")
    return [
        row[0]
        for row in db.execute(
            f"SELECT DISTINCT {column} FROM questions WHERE {column} IS NOT NULL "
            f"AND {column} != '' ORDER BY {column}"
        ).fetchall()
    ]


def known_askers(db: Database) -> list[str]:
    """Every member of parliament who asked a stored question."""
    return _distinct(db, "asker")


def known_ministers(db: Database) -> list[str]:
    return _distinct(db, "minister")


def known_themes(db: Database) -> list[str]:
    rows = db.execute(
        "SELECT DISTINCT j.value FROM questions q, json_each(q.themes) j "
        "WHERE json_valid(q.themes) ORDER BY j.value"
    ).fetchall()
    return [row[0] for row in rows if isinstance(row[0], str) and row[0]]


def promise_entry(db: Database, entry_id: int) -> ledger.LedgerEntry | None:
    """A ledger entry by its number (as `/promises` shows it), or None."""
    return ledger.get_entry(db, entry_id)


def question_card(db: Database, question_id: int) -> dict[str, Any] | None:
    """One question with what it cites, what cites it, its promises and sub-questions."""
    question = questions.get_question(db, int(question_id))
    if question is None:
        return None
    found = findings.list_findings(db, int(question_id))
    cites, seen = [], set()
    for ref in found["refs"]:  # resolved ones once per target; unresolved ones as written
        if ref.get("target_id") is not None:
            if ref["target_id"] in seen:
                continue
            seen.add(ref["target_id"])
        cites.append(ref)
    cited_by = [r for r in findings.refs_citing(db, int(question_id))
                if r["question_id"] != int(question_id)]
    facts = ledger.question_facts(
        db, [r["target_id"] for r in cites if r.get("target_id") is not None]
        + [r["question_id"] for r in cited_by]
    )
    for ref in cites:
        ref["target"] = facts.get(ref["target_id"]) if ref.get("target_id") else None
    by_question: dict[int, dict[str, Any]] = {}
    for ref in cited_by:
        by_question.setdefault(ref["question_id"], {"id": ref["question_id"],
                                                    **facts.get(ref["question_id"], {})})
    promises = []
    for row in found["promises"]:
        row = dict(row)
        try:
            row["evidence"] = json.loads(row.get("evidence") or "[]")
        except (TypeError, ValueError):
            row["evidence"] = []
        promises.append(row)
    urls = question.get("document_urls") or []
    question["document_url"] = urls[-1] if urls else None
    return {
        "question": question,
        "cites": cites,
        "cited_by": list(by_question.values()),
        "promises": promises,
        "subquestions": found["subquestions"],
    }


def last_poll(db: Database) -> dict[str, Any] | None:
    """The latest poll run (any kind) and the latest successful one, with store counts."""
    last = runs.last_run(db)
    if last is None:
        return None
    return {
        "last": last,
        "last_ok": runs.last_ok_run(db, ("poll", "backfill", "demo")),
        "counts": questions.status_counts(db),
    }


def poll_failure_streak(db: Database) -> int:
    """Failed polls in a row (0 after a successful one)."""
    return runs.failure_streak(db, "poll")
