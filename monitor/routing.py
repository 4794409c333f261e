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
    return ids


def matches(sub: Subscription, event: Event) -> bool:
    payload = event.payload
    question = payload.get("question") or {}
    if sub.kind == "question":
        return sub.value in _question_ids(payload)
    if sub.kind == "theme":
        return sub.value in {normalise(t) for t in question.get("themes") or ()}
    if sub.kind == "person":
        return sub.value == normalise(question.get("asker"))
    if sub.kind == "minister":
        return sub.value == normalise(question.get("minister"))
    if sub.kind == "keyword":
        haystack = normalise(" ".join(str(question.get(k) or "") for k in ("title", "subject")))
        return sub.value in haystack
    if sub.kind == "promise":
        promise = payload.get("promise") or {}
        return promise.get("id") is not None and sub.value == str(promise["id"])
    return False


def chats_for(event: Event, subscriptions: Sequence[Subscription]) -> Iterable[int]:
    """The chat ids whose subscriptions match `event` (each chat once)."""
    seen: set[int] = set()
    for sub in subscriptions:
        if sub.chat_id not in seen and matches(sub, event):
            seen.add(sub.chat_id)
            yield sub.chat_id
