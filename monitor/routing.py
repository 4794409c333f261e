"""Which chats an event concerns: a pure function over the event and the subscriptions.

Event payloads share one shape (see `monitor.events`): ``payload["question"]`` holds the
question's id, number, session_year, title, subject, asker, minister and themes;
``payload["references"]`` the resolved references (``target_id``); ``payload["promise"]``
a ledger entry (``id``). A chat that tracks a question also hears of answers that cite it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from state.events import Event, Subscription


def normalise(value: str | None) -> str:
    """Casefolded, accents stripped, whitespace collapsed: the form subscriptions store."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def _question_ids(payload: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    question = payload.get("question") or {}
    if question.get("id") is not None:
        ids.add(str(question["id"]))
    for ref in payload.get("references") or ():
        if ref.get("target_id") is not None:
            ids.add(str(ref["target_id"]))
    for change in payload.get("ledger") or ():
        cited = change.get("question") or {}
        if cited.get("id") is not None:
            ids.add(str(cited["id"]))
    return ids


def number_value(number: int, session_year: str) -> str:
    """The value of a `question_number` subscription: ``"350 2022-2023"``."""
    return f"{int(number)} {session_year}"


def _question_numbers(payload: dict[str, Any]) -> set[str]:
    """The questions an event is about or cites, by number and session year."""
    out: set[str] = set()
    question = payload.get("question") or {}
    items = [question, *(payload.get("references") or ())]
    for item in items:
        if item.get("number") is not None and item.get("session_year"):
            if item is not question and item.get("kind") not in (None, "written_question"):
                continue
            out.add(number_value(item["number"], item["session_year"]))
    return out


def _same_person(value: str, name: str | None) -> bool:
    """The subscribed (normalised) name is the name, or its leading words ("rutten" does not
    match, "gwendolyn rutten" matches "Gwendolyn Rutten, Vlaams minister van ...")."""
    full = normalise(name)
    if not value or not full:
        return False
    if value == full:
        return True
    head = full.split(",")[0].strip()
    return value == head


def matches(sub: Subscription, event: Event) -> bool:
    payload = event.payload
    question = payload.get("question") or {}
    if sub.kind == "question":
        return sub.value in _question_ids(payload)
    if sub.kind == "question_number":  # "350 2022-2023": a question not stored yet
        return sub.value in _question_numbers(payload)
    if sub.kind == "theme":
        return sub.value in {normalise(t) for t in question.get("themes") or ()}
    if sub.kind == "person":
        return _same_person(sub.value, question.get("asker"))
    if sub.kind == "minister":
        return _same_person(sub.value, question.get("minister"))
    if sub.kind == "keyword":
        haystack = normalise(" ".join(str(question.get(k) or "") for k in ("title", "subject")))
        return sub.value in haystack
    if sub.kind == "promise":
        promise = payload.get("promise") or {}
        ids = {str(p["id"]) for p in payload.get("promises") or () if p.get("id") is not None}
        for change in payload.get("ledger") or ():  # an answer that (possibly) keeps it
            if (change.get("promise") or {}).get("id") is not None:
                ids.add(str(change["promise"]["id"]))
        if promise.get("id") is not None:
            ids.add(str(promise["id"]))
        return sub.value in ids
    return False


def in_scope(
    subscriptions: Sequence[Subscription],
    question: dict[str, Any],
    *,
    promise: dict[str, Any] | None = None,
) -> bool:
    """Whether any of the subscriptions concerns this question (and promise): the digest
    and `/promises` use the same rules as the alerts."""
    payload: dict[str, Any] = {"question": question}
    if promise is not None:
        payload["promise"] = promise
    probe = Event(key="", kind="scope", question_id=question.get("id"), payload=payload)
    return any(matches(sub, probe) for sub in subscriptions)


def chats_for(event: Event, subscriptions: Sequence[Subscription]) -> Iterable[int]:
    """The chat ids whose subscriptions match `event` (each chat once)."""
    seen: set[int] = set()
    for sub in subscriptions:
        if sub.chat_id not in seen and matches(sub, event):
            seen.add(sub.chat_id)
            yield sub.chat_id
