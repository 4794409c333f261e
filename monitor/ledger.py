"""The follow-up ledger's lifecycle: pure transitions, and the steps that apply them.

Statuses move ``open → due_soon → overdue → kept | partly_kept | dropped``. The calendar
moves dated entries (`calendar_status`); evidence (`monitor.evidence`) or a person moves
them to a final status. Every forward move is an `Event` with a stable key, recorded with
the status change in one transaction, so each chat that follows the question, its theme
or the entry itself is alerted exactly once.

Hooks for the poll cycle and the daily job:

- `advance(db, today=..., due_soon_days=...)` — the calendar step;
- `after_document(db, question_id, text)` — after a new or changed document was analysed:
  checks its listed attachments and collects evidence for earlier entries it cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from rapidfuzz import fuzz
from sqlite_utils import Database

from monitor.config import Settings
from monitor.routing import chats_for
from state import ledger as store
from state.events import Event, Router, record_events

__all__ = [
    "EVENT_KINDS",
    "Attachment",
    "after_document",
    "after_links",
    "advance",
    "calendar_status",
    "check_attachments",
    "confirm",
    "drop",
    "entry_payload",
    "listed_attachments",
    "missing_attachments",
    "next_status",
    "reject",
    "site_url",
    "status_event",
]

DEFAULT_SITE_BASE = Settings().site_base
QUESTION_PAGE = "/parlementaire-documenten/schriftelijke-vragen/{id}"

# The order of the calendar statuses; a move up this scale is worth an alert.
_RANK = {"open": 0, "due_soon": 1, "overdue": 2}

EVENT_KINDS = {
    "due_soon": "promise_due_soon",
    "overdue": "promise_overdue",
    "kept": "promise_kept",
    "partly_kept": "promise_partly_kept",
    "dropped": "promise_dropped",
    "proposed": "promise_proposed_kept",
}


# -- pure transitions ----------------------------------------------------------------------


def calendar_status(due: date | None, today: date, due_soon_days: int) -> str:
    """The status the calendar gives an active entry: undated entries stay open."""
    if due is None:
        return "open"
    if today > due:
        return "overdue"
    if today >= due - timedelta(days=due_soon_days):
        return "due_soon"
    return "open"


def next_status(status: str, due: date | None, today: date, due_soon_days: int) -> str | None:
    """The calendar's next status for an entry, or None when it stays (final ones stay)."""
    if status not in _RANK:
        return None
    target = calendar_status(due, today, due_soon_days)
    return None if target == status else target


def is_forward(old: str, new: str) -> bool:
    """A move that people are told about (a due date moved later is not)."""
    if new in store.FINAL:
        return True
    return _RANK.get(new, 0) > _RANK.get(old, 0)


def site_url(question: dict[str, Any], site_base: str = DEFAULT_SITE_BASE) -> str:
    """The question's page on the parliament's site (stored, else built from its id)."""
    return question.get("site_url") or site_base.rstrip("/") + QUESTION_PAGE.format(
        id=question["id"]
    )


def entry_payload(
    entry: store.LedgerEntry,
    *,
    status: str | None = None,
    site_base: str = DEFAULT_SITE_BASE,
) -> dict[str, Any]:
    """The event payload for an entry: ``{"promise": {...}, "question": {...}}``."""
    q = entry.question
    urls = q.get("document_urls") or []
    return {
        "promise": {
            "id": entry.id,
            "span": entry.span,
            "kind": entry.kind,
            "due": entry.due,
            "subject": entry.subject,
            "status": status or entry.status,
            "source": entry.source,
        },
        "question": {
            "id": entry.question_id,
            "number": q.get("number"),
            "session_year": q.get("session_year"),
            "title": q.get("title"),
            "subject": q.get("subject"),
            "asker": q.get("asker"),
            "minister": q.get("minister"),
            "themes": list(q.get("themes") or []),
            "site_url": site_url(q, site_base),
            "document_url": urls[0] if urls else None,
            "asked_on": q.get("asked_on"),
            "answered_on": q.get("answered_on"),
            "status": q.get("status"),
        },
    }


def status_event(
    entry: store.LedgerEntry,
    status: str,
    *,
    evidence: dict[str, Any] | None = None,
    historical: bool = False,
    site_base: str = DEFAULT_SITE_BASE,
) -> Event:
    """The event for an entry reaching `status` (``proposed`` = "mogelijk ingelost").

    Keys: ``promise_<status>:<id>``; a proposal is keyed by its evidence question too
    (``promise_proposed_kept:<id>:<question id>``), so each document proposes once.
    """
    kind = EVENT_KINDS[status]
    payload = entry_payload(
        entry, status=entry.status if status == "proposed" else status, site_base=site_base
    )
    key = f"{kind}:{entry.id}"
    if evidence is not None:
        payload["evidence"] = evidence
        if status == "proposed":
            key += f":{evidence['question']['id']}"
    return Event(
        key=key,
        kind=kind,
        question_id=entry.question_id,
        payload=payload,
        historical=historical,
    )


# -- the calendar step ---------------------------------------------------------------------


def advance(
    db: Database,
    *,
    today: date,
    due_soon_days: int,
    now: datetime | None = None,
    historical: bool = False,
    route: Router | None = chats_for,
    site_base: str = DEFAULT_SITE_BASE,
) -> list[int]:
    """Move dated entries along the calendar; returns the ids of the new events.

    Idempotent: a second run on the same day changes nothing, and an event key that was
    recorded before is never recorded (nor alerted) again. `historical` stores the events
    without alerting (a baseline or backfill).
    """
    soon_until = today + timedelta(days=due_soon_days)
    events: list[Event] = []
    with db.atomic():  # one transaction: every status change together with its event
        for entry in store.entries_due_for_transition(
            db, today=today.isoformat(), soon_until=soon_until.isoformat()
        ):
            new = next_status(entry.status, entry.due_date, today, due_soon_days)
            if new is None:
                continue
            try:
                store.set_status(
                    db,
                    entry.id,
                    new,
                    evidence={"state": "schedule", "today": today.isoformat(), "due": entry.due},
                    expect=entry.status,
                    now=now,
                )
            except store.StaleStatus:
                continue
            if is_forward(entry.status, new):
                # An entry recorded today was just announced, due date and all, in its
                # answer's alert: its first calendar step is recorded without a second alert.
                quiet = historical or entry.created_at[:10] == today.isoformat()
                events.append(status_event(entry, new, historical=quiet, site_base=site_base))
        # recorded at once (the subscriptions are read once), still inside the transaction
        return record_events(db, events, route=route, now=now) if events else []


# -- a person's decisions ------------------------------------------------------------------


def confirm(
    db: Database,
    entry_id: int,
    question_id: int,
    *,
    by: str | None = None,
    status: str | None = None,
    now: datetime | None = None,
    route: Router | None = chats_for,
    site_base: str = DEFAULT_SITE_BASE,
) -> list[int]:
    """Accept ("ingelost") the evidence from `question_id`: the entry becomes kept, or
    partly kept when the evidence reported less than was promised (or `status` says)."""
    entry = store.get_entry(db, entry_id)
    if entry is None:
        raise store.EntryNotFound(entry_id)
    pending = [p for p in entry.proposals if p.get("question_id") == int(question_id)]
    status = status or (pending[0].get("suggested") if pending else None) or "kept"
    if status not in ("kept", "partly_kept"):
        raise ValueError(f"a proposal confirms to kept or partly_kept, not {status!r}")
    evidence = _evidence_ref(db, question_id, site_base)
    event = status_event(entry, status, evidence=evidence, site_base=site_base)
    return store.decide_proposal(
        db,
        entry_id,
        question_id,
        accept=True,
        by=by,
        status=status,
        events=[event],
        route=route,
        now=now,
    )


def reject(
    db: Database,
    entry_id: int,
    question_id: int,
    *,
    by: str | None = None,
    now: datetime | None = None,
) -> None:
    """Reject ("nog niet") the evidence from `question_id`: the status stays."""
    store.decide_proposal(db, entry_id, question_id, accept=False, by=by, now=now)


def drop(
    db: Database,
    entry_id: int,
    *,
    reason: str = "",
    by: str | None = None,
    now: datetime | None = None,
    route: Router | None = chats_for,
    site_base: str = DEFAULT_SITE_BASE,
) -> list[int]:
    """Take an entry off the books (withdrawn, moot); alerts like any final status."""
    entry = store.get_entry(db, entry_id)
    if entry is None:
        raise store.EntryNotFound(entry_id)
    return store.set_status(
        db,
        entry_id,
        "dropped",
        evidence={"state": "manual", "reason": reason, "by": by},
        expect=store.ACTIVE,
        events=[status_event(entry, "dropped", site_base=site_base)],
        route=route,
        now=now,
    )


def _evidence_ref(db: Database, question_id: int, site_base: str) -> dict[str, Any]:
    facts = store.question_facts(db, [question_id]).get(int(question_id)) or {
        "id": int(question_id)
    }
    return {
        "question": {
            "id": int(question_id),
            "number": facts.get("number"),
            "session_year": facts.get("session_year"),
            "title": facts.get("title"),
            "answered_on": facts.get("answered_on"),
            "site_url": site_url(facts, site_base),
        }
    }


# -- attachments ---------------------------------------------------------------------------

MAX_ATTACHMENTS = 20
_BIJLAGE = re.compile(r"^[ \t]*BIJLAGEN?[ \t]*:?[ \t]*$|^[ \t]*BIJLAGEN?[ \t]*:", re.M)
_ITEM = re.compile(r"[ \t]*(?:\d+[ \t]*[.)][ \t]*|[-•*][ \t]*)?(?P<name>\S.*?)[ \t]*$")


@dataclass(frozen=True)
class Attachment:
    """An attachment the answer lists ("BIJLAGE: 1.Welkomstbrief ..."); `span` is the line."""

    name: str
    span: str
    start: int
    end: int


def listed_attachments(text: str) -> list[Attachment]:
    """The attachments listed after the last "BIJLAGE(N):" heading of `text`."""
    headings = list(_BIJLAGE.finditer(text))
    if not headings:
        return []
    out: list[Attachment] = []
    pos = headings[-1].end()
    for line in text[pos:].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        match = _ITEM.match(line.rstrip("\r\n"))
        if not match or not line.strip():
            continue
        name = match.group("name").strip()
        if len(name) < 3 or len(name) > 200:
            continue
        lead = len(line) - len(line.lstrip())
        span = line.strip()
        out.append(
            Attachment(name=name, span=span, start=start + lead, end=start + lead + len(span))
        )
        if len(out) >= MAX_ATTACHMENTS:
            break
    return out


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", value.casefold()).strip()


def missing_attachments(
    listed: Sequence[Attachment], document_urls: Sequence[str]
) -> list[Attachment]:
    """The listed attachments the data does not provide as documents.

    The first document is the question-and-answer itself; each further one provides an
    attachment — the one its URL names, else the next one in the list. When the data lists
    a single document, the attachments are taken to be bound into it (the parliament often
    publishes them in the same PDF): a missed entry beats a false "missing" alarm.
    """
    if len(document_urls) <= 1:
        return []
    extras = [_slug(url) for url in list(document_urls)[1:]]
    unmatched = list(listed)
    for url in list(extras):
        named = [a for a in unmatched if fuzz.partial_ratio(_slug(a.name), url) >= 90]
        if named:
            unmatched.remove(named[0])
            extras.remove(url)
    for _url in extras:
        if unmatched:
            unmatched.pop(0)
    return unmatched


def check_attachments(
    db: Database,
    question_id: int,
    text: str | None = None,
    *,
    now: datetime | None = None,
    route: Router | None = chats_for,
    site_base: str = DEFAULT_SITE_BASE,
    historical: bool = False,
) -> list[int]:
    """Keep the ledger's attachment entries in step with the documents; new event ids.

    A listed attachment that is missing becomes an open entry (source ``attachment``); an
    open one that the data now provides is kept.
    """
    if text is None:
        text = store.question_text(db, question_id) or ""
    facts = store.question_facts(db, [question_id]).get(int(question_id))
    if facts is None:
        return []
    listed = listed_attachments(text)
    missing = {a.span for a in missing_attachments(listed, facts.get("document_urls") or [])}
    with db.atomic():
        for item in listed:
            if item.span in missing:
                store.add_entry(
                    db,
                    question_id,
                    source="attachment",
                    kind="document",
                    span=item.span,
                    subject=f"bijlage: {item.name}",
                    start=item.start,
                    end=item.end,
                    now=now,
                )
        event_ids: list[int] = []
        for entry in store.list_entries(
            db, question_ids=[question_id], sources=("attachment",), statuses=store.ACTIVE
        ):
            if entry.span in missing or entry.span not in {a.span for a in listed}:
                continue
            event_ids += store.set_status(
                db,
                entry.id,
                "kept",
                evidence={"state": "auto", "reason": "document listed"},
                expect=entry.status,
                events=[
                    status_event(entry, "kept", historical=historical, site_base=site_base)
                ],
                route=route,
                now=now,
            )
    return event_ids


def after_document(
    db: Database,
    question_id: int,
    text: str | None = None,
    *,
    now: datetime | None = None,
    route: Router | None = chats_for,
    site_base: str = DEFAULT_SITE_BASE,
    historical: bool = False,
) -> list[int]:
    """The poll hook after `monitor.understand.analyse`: attachments, then evidence for
    the earlier questions the document cites. Returns the new event ids."""
    from monitor.evidence import collect_evidence

    ids = check_attachments(
        db, question_id, text, now=now, route=route, site_base=site_base, historical=historical
    )
    ids += collect_evidence(
        db,
        question_id,
        text=text,
        now=now,
        route=route,
        site_base=site_base,
        historical=historical,
    )
    return ids


def after_links(
    db: Database,
    resolved: Iterable[Mapping[str, Any]],
    *,
    now: datetime | None = None,
    route: Router | None = chats_for,
    site_base: str = DEFAULT_SITE_BASE,
    historical: bool = False,
) -> list[int]:
    """The poll hook after `monitor.understand.resolve_pending`: references resolved late
    (the cited question arrived after the citing one) may make the citing document
    evidence for the cited question's entries. `resolved` holds refs with `question_id`."""
    from monitor.evidence import collect_evidence

    ids: list[int] = []
    for question_id in dict.fromkeys(int(r["question_id"]) for r in resolved):
        ids += collect_evidence(
            db, question_id, now=now, route=route, site_base=site_base, historical=historical
        )
    return ids
