"""Change detection: compare a stored question with its new state and name the events.

Pure functions over plain dicts (question rows as `state.questions` stores them). Each
event's key is stable, so recording the same change twice is a no-op:

    new_question:schv:<id>            answered:schv:<id>         answered_late:schv:<id>
    answer_overdue:schv:<id>          answer_changed:schv:<id>:<new text hash[:12]>
    question_updated:schv:<id>:<content hash[:12]>

Every payload holds ``payload["question"]`` (see `question_payload`) and kind-specific keys.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from monitor.deadlines import answer_deadline, working_days_between
from state.events import Event

__all__ = [
    "FINDING_KEYS",
    "UPDATE_FIELDS",
    "detect",
    "is_answer_late",
    "overdue_events",
    "question_payload",
    "text_diff",
]

FINDING_KEYS = ("references", "promises", "subquestions", "resembles")
# A change in one of these (other than a new answer) is a `question_updated`.
UPDATE_FIELDS = ("title", "subject", "themes", "asker", "minister", "number", "session_year")


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def question_payload(row: Mapping[str, Any]) -> dict[str, Any]:
    """The shared ``payload["question"]`` of every event about a question."""
    urls = row.get("document_urls") or []
    timely = row.get("timely")
    return {
        "id": row["id"],
        "number": row.get("number"),
        "session_year": row.get("session_year"),
        "title": row.get("title") or "",
        "subject": row.get("subject") or "",
        "asker": row.get("asker"),
        "minister": row.get("minister"),
        "themes": list(row.get("themes") or []),
        "site_url": row.get("site_url"),
        "document_url": urls[0] if urls else None,
        "asked_on": _iso(row.get("asked_on")),
        "answered_on": _iso(row.get("answered_on")),
        "status": row.get("status"),
        "timely": None if timely is None else bool(timely),
    }


def is_answer_late(row: Mapping[str, Any], deadline_days: int = 20) -> bool:
    """The API's own flag when present; else the answer date against the deadline."""
    timely = row.get("timely")
    if timely is not None:
        return not bool(timely)
    asked, answered = _day(row.get("asked_on")), _day(row.get("answered_on"))
    if asked is None or answered is None:
        return False
    return answered > answer_deadline(asked, deadline_days)


def text_diff(old: str, new: str, *, max_lines: int = 8, width: int = 160) -> str:
    """A short line diff: the first changed lines, '-' removed and '+' added."""
    out: list[str] = []
    old_lines = [line.strip() for line in old.splitlines() if line.strip()]
    new_lines = [line.strip() for line in new.splitlines() if line.strip()]
    for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        out.append(line if len(line) <= width else line[: width - 1] + "…")
        if len(out) >= max_lines:
            out.append("…")
            break
    return "\n".join(out)


def _findings(findings: Mapping[str, Any] | None) -> dict[str, Any]:
    findings = findings or {}
    return {key: list(findings.get(key) or []) for key in FINDING_KEYS}


def detect(
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any],
    *,
    findings: Mapping[str, Any] | None = None,
    historical: bool = False,
    deadline_days: int = 20,
) -> list[Event]:
    """The events that take the stored question `old` (None: not stored) to `new`.

    `findings` is what `monitor.understand.analyse` returned for the new document text, if
    it was analysed. A question first seen with its answer gives only the answer event.
    """
    qid = int(new["id"])
    question = question_payload(new)
    events: list[Event] = []

    def add(kind: str, key: str, **extra: Any) -> None:
        payload = {"question": question, **extra}
        events.append(Event(key, kind, qid, payload, historical))

    answered_now = new.get("status") == "answered"
    answered_before = old is not None and old.get("status") == "answered"
    if answered_now and not answered_before:
        kind = "answered_late" if is_answer_late(new, deadline_days) else "answered"
        add(kind, f"{kind}:schv:{qid}", **_findings(findings))
    elif old is None:
        add("new_question", f"new_question:schv:{qid}")

    if old is not None:
        old_hash, new_hash = old.get("text_hash"), new.get("text_hash")
        if answered_before and old_hash and new_hash and old_hash != new_hash:
            add(
                "answer_changed",
                f"answer_changed:schv:{qid}:{new_hash[:12]}",
                diff=text_diff(old.get("text") or "", new.get("text") or ""),
                **_findings(findings),
            )
        changes = {
            name: [old.get(name), new.get(name)]
            for name in UPDATE_FIELDS
            if _comparable(old.get(name)) != _comparable(new.get(name))
        }
        if answered_before and not answered_now:
            changes["status"] = [old.get("status"), new.get("status")]
        if changes:
            add(
                "question_updated",
                f"question_updated:schv:{qid}:{str(new['content_hash'])[:12]}",
                changes=changes,
            )
    return events


def _comparable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(value)
    return value


def overdue_events(
    rows: Iterable[Mapping[str, Any]],
    today: date,
    *,
    deadline_days: int = 20,
    publication_days: int = 0,
    historical: bool = False,
) -> list[Event]:
    """`answer_overdue` for each unanswered question whose deadline lies before `today`.

    An answer becomes public only `publication_days` working days after the asker gets it,
    so the alert waits for that grace too: a question answered on time but not yet published
    is not reported as overdue.
    """
    events: list[Event] = []
    for row in rows:
        asked = _day(row.get("asked_on"))
        if row.get("status") == "answered" or asked is None:
            continue
        deadline = answer_deadline(asked, deadline_days)
        if today <= answer_deadline(asked, deadline_days + publication_days):
            continue
        qid = int(row["id"])
        payload = {
            "question": question_payload(row),
            "deadline": deadline.isoformat(),
            "working_days": deadline_days,
            "working_days_late": working_days_between(deadline, today),
        }
        events.append(
            Event(f"answer_overdue:schv:{qid}", "answer_overdue", qid, payload, historical)
        )
    return events
