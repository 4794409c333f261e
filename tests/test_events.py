"""Change detection (pure) and the working-day deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.deadlines import (
    answer_deadline,
    belgian_holidays,
    easter_sunday,
    is_late,
    is_working_day,
    working_days_between,
)
from monitor.events import detect, is_answer_late, overdue_events, question_payload, text_diff


def row(**changes):
    base = {
        "id": 1813507,
        "number": 170,
        "session_year": "2023-2024",
        "title": "Inburgering - Brussels Hoofdstedelijk Gewest",
        "subject": "Inburgering - Brussels Hoofdstedelijk Gewest",
        "themes": ["Integratie en Inburgering"],
        "asker": "Annabel Tavernier",
        "minister": "Gwendolyn Rutten",
        "asked_on": "2024-03-15",
        "answered_on": None,
        "status": "asked",
        "timely": None,
        "document_urls": [],
        "site_url": "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/1813507",
        "text": None,
        "text_hash": None,
        "content_hash": "c0ffee" * 10,
    }
    return base | changes


ANSWERED = {
    "status": "answered",
    "answered_on": "2024-04-02",
    "timely": True,
    "document_urls": ["https://docs.vlaamsparlement.be/pfile?id=2058696"],
    "text": "antwoord één",
    "text_hash": "aa" * 32,
}


# -- deadlines ------------------------------------------------------------------------------


def test_easter_and_holidays():
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2025) == date(2025, 4, 20)
    holidays = belgian_holidays(2024)
    assert date(2024, 4, 1) in holidays  # Paasmaandag
    assert date(2024, 5, 9) in holidays  # Hemelvaart
    assert date(2024, 5, 20) in holidays  # Pinkstermaandag
    assert len(holidays) == 10


@pytest.mark.parametrize(
    ("asked", "deadline"),
    [
        (date(2024, 3, 15), date(2024, 4, 15)),  # the seed: Easter Monday is skipped
        (date(2024, 2, 21), date(2024, 3, 20)),  # nr. 141, answered late on 28 March
        (date(2024, 4, 19), date(2024, 5, 22)),  # 1 May, Ascension and Whit Monday
        (date(2024, 12, 20), date(2025, 1, 21)),  # Christmas and New Year
        (date(2024, 3, 16), date(2024, 4, 15)),  # asked on a Saturday
    ],
)
def test_answer_deadline(asked, deadline):
    assert answer_deadline(asked) == deadline
    assert working_days_between(asked, deadline) == 20


def test_working_days():
    assert not is_working_day(date(2024, 4, 20))  # Saturday
    assert not is_working_day(date(2024, 7, 22), extra_holidays=[date(2024, 7, 22)])
    assert is_working_day(date(2024, 4, 22))
    assert is_late(date(2024, 2, 21), date(2024, 3, 28))
    assert not is_late(date(2024, 3, 15), date(2024, 4, 2))
    assert answer_deadline(date(2024, 4, 19), 0) == date(2024, 4, 19)
    with pytest.raises(ValueError):
        answer_deadline(date(2024, 4, 19), -1)


# -- events ---------------------------------------------------------------------------------


def test_new_unanswered_question():
    (event,) = detect(None, row())
    assert event.key == "new_question:schv:1813507" and event.kind == "new_question"
    assert not event.historical
    question = event.payload["question"]
    assert set(question) == {
        "id", "number", "session_year", "title", "subject", "asker", "minister", "themes",
        "site_url", "document_url", "asked_on", "answered_on", "status", "timely",
    }  # fmt: skip


def test_new_question_seen_with_its_answer_gives_only_the_answer():
    findings = {"references": [{"span": "vraag 350"}], "promises": [], "resembles": []}
    (event,) = detect(None, row(**ANSWERED), findings=findings, historical=True)
    assert event.key == "answered:schv:1813507" and event.historical
    assert event.payload["references"] == [{"span": "vraag 350"}]
    assert event.payload["subquestions"] == []
    assert event.payload["question"]["document_url"].endswith("id=2058696")


def test_answer_appears():
    (event,) = detect(row(), row(**ANSWERED))
    assert event.kind == "answered"


@pytest.mark.parametrize(
    ("changes", "late"),
    [
        ({"timely": False}, True),  # the API's flag wins
        ({"timely": True, "answered_on": "2024-05-30"}, False),
        ({"timely": None, "answered_on": "2024-04-15"}, False),  # the deadline itself
        ({"timely": None, "answered_on": "2024-04-16"}, True),
        ({"timely": None, "asked_on": None}, False),  # nothing to compare with
    ],
)
def test_answered_late(changes, late):
    new = row(**(ANSWERED | changes))
    assert is_answer_late(new) is late
    (event,) = detect(row(), new)
    assert event.kind == ("answered_late" if late else "answered")
    assert event.key == f"{event.kind}:schv:1813507"


def test_answer_changed_has_a_short_diff():
    old = row(**ANSWERED)
    new = row(**(ANSWERED | {"text": "antwoord twee", "text_hash": "bb" * 32}))
    (event,) = detect(old, new, findings={"promises": [{"span": "x"}]})
    assert event.key == f"answer_changed:schv:1813507:{'bb' * 6}"
    assert event.payload["diff"] == "-antwoord één\n+antwoord twee"
    assert event.payload["promises"] == [{"span": "x"}]


def test_question_updated():
    new = row(title="Inburgering - Brussel", content_hash="d" * 64)
    (event,) = detect(row(), new)
    assert event.key == "question_updated:schv:1813507:dddddddddddd"
    assert event.payload["changes"] == {
        "title": ["Inburgering - Brussels Hoofdstedelijk Gewest", "Inburgering - Brussel"]
    }


def test_nothing_changed():
    assert detect(row(**ANSWERED), row(**ANSWERED)) == []
    # Themes compared as sequences, whatever their container.
    assert detect(row(themes=("Integratie en Inburgering",)), row()) == []


def test_overdue():
    rows = [row(), row(id=2, asked_on="2024-04-16"), row(id=3, **ANSWERED)]
    (event,) = overdue_events(rows, date(2024, 4, 19), historical=True)
    assert event.key == "answer_overdue:schv:1813507" and event.historical
    assert event.payload["deadline"] == "2024-04-15"
    assert event.payload["working_days"] == 20
    assert event.payload["working_days_late"] == 4
    assert overdue_events(rows, date(2024, 4, 15)) == []


def test_text_diff_is_short():
    old = "\n".join(f"regel {i}" for i in range(40))
    new = "\n".join(f"lijn {i}" for i in range(40))
    diff = text_diff(old, new, max_lines=5)
    assert len(diff.splitlines()) == 6 and diff.endswith("…")


def test_question_payload_from_a_stored_row():
    payload = question_payload(row(**ANSWERED) | {"timely": 1})
    assert payload["timely"] is True and payload["answered_on"] == "2024-04-02"
