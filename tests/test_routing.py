"""Which chats an event concerns: a table of subscriptions against events."""

from __future__ import annotations

import pytest

from monitor.routing import chats_for, in_scope, matches, normalise
from state.events import Event, Subscription

QUESTION = {
    "id": 1813507,
    "number": 170,
    "session_year": "2023-2024",
    "title": "Inburgering - Brussels Hoofdstedelijk Gewest",
    "subject": "Inburgering in Brussel: wachtlijsten",
    "asker": "Annabel Tavernier",
    "minister": "Gwendolyn Rutten",
    "themes": ["Integratie en Inburgering"],
}
ANSWER = Event(
    "answered:schv:1813507",
    "answered",
    1813507,
    {
        "question": QUESTION,
        "references": [
            {"target_id": 1759384, "kind": "written_question", "number": 350,
             "session_year": "2022-2023"},
            {"target_id": None, "kind": "debate", "number": None, "session_year": "2023-2024"},
            {"target_id": None, "kind": "written_question", "number": 98,
             "session_year": "2023-2024"},
        ],
        "promises": [{"id": 7, "span": "goedgekeurd"}],
    },
)
PROMISE_DUE = Event(
    "promise_due_soon:7", "promise_due_soon", 1813507, {"question": QUESTION, "promise": {"id": 7}}
)


def sub(kind, value, chat_id=1):
    return Subscription(id=1, chat_id=chat_id, kind=kind, value=value, label=value)


@pytest.mark.parametrize(
    ("kind", "value", "event", "expected"),
    [
        ("question", "1813507", ANSWER, True),  # the question itself
        ("question", "1759384", ANSWER, True),  # an answer that cites the tracked question
        ("question", "1", ANSWER, False),
        ("theme", "integratie en inburgering", ANSWER, True),
        ("theme", "onderwijs", ANSWER, False),
        ("person", "annabel tavernier", ANSWER, True),
        ("person", "tavernier", ANSWER, False),  # /track resolves names to the full name
        ("minister", "gwendolyn rutten", ANSWER, True),
        ("keyword", "wachtlijst", ANSWER, True),  # in the subject, Dutch compounds too
        ("keyword", "brussels hoofdstedelijk", ANSWER, True),
        ("keyword", "asiel", ANSWER, False),
        ("promise", "7", PROMISE_DUE, True),
        ("promise", "7", ANSWER, True),  # the answer that made the promise
        ("promise", "8", PROMISE_DUE, False),
        ("question_number", "170 2023-2024", ANSWER, True),  # by number, not stored yet
        ("question_number", "350 2022-2023", ANSWER, True),  # cited by number
        ("question_number", "98 2023-2024", ANSWER, True),  # cited, not resolved
        ("question_number", "350 2023-2024", ANSWER, False),  # numbers restart every year
        ("unknown", "x", ANSWER, False),
    ],
)
def test_matches(kind, value, event, expected):
    assert matches(sub(kind, value), event) is expected


def test_minister_with_a_long_title():
    event = Event("k", "new_question", 1, {"question": {
        **QUESTION, "minister": "Gwendolyn Rutten, Vlaams minister van Binnenlands Bestuur"}})
    assert matches(sub("minister", "gwendolyn rutten"), event)


def test_each_chat_once():
    subs = [sub("theme", "integratie en inburgering", 1), sub("question", "1759384", 1),
            sub("person", "annabel tavernier", 2), sub("theme", "onderwijs", 3)]
    assert sorted(chats_for(ANSWER, subs)) == [1, 2]


def test_normalise():
    assert normalise("  Integratie  en INBURGERING ") == "integratie en inburgering"
    assert normalise("Orientatie") == normalise("Oriëntatie")
    assert normalise(None) == ""


def test_in_scope_uses_the_same_rules():
    assert in_scope([sub("question", "1813507")], QUESTION)
    assert in_scope([sub("promise", "7")], QUESTION, promise={"id": 7})
    assert not in_scope([sub("promise", "7")], QUESTION)
    assert not in_scope([], QUESTION)
