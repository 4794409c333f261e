"""The ledger lifecycle: pure transitions, the calendar step, events and alerts once."""

from __future__ import annotations

from datetime import date

import pytest

from monitor import ledger
from state import ledger as store
from state import open_db
from tests.test_ledger_support import (
    SEED_ID,
    SEED_TEXT,
    add_question,
    add_seed_entries,
    add_seed_question,
    at,
    outbox_rows,
    subscribe,
)


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "t.db")


@pytest.fixture
def seeded(db):
    add_seed_question(db)
    return db, add_seed_entries(db)


D = date.fromisoformat


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        (None, "2030-01-01", "open"),  # undated entries stay open until evidence
        ("2024-04-24", "2024-04-16", "open"),  # eight days before: not yet
        ("2024-04-24", "2024-04-17", "due_soon"),  # seven days before
        ("2024-04-24", "2024-04-24", "due_soon"),  # the due day itself
        ("2024-04-24", "2024-04-25", "overdue"),  # the day after
    ],
)
def test_calendar_status(due, today, expected):
    assert ledger.calendar_status(D(due) if due else None, D(today), 7) == expected


@pytest.mark.parametrize(
    ("status", "due", "today", "expected"),
    [
        ("open", "2024-04-24", "2024-04-20", "due_soon"),
        ("open", "2024-04-24", "2024-05-01", "overdue"),  # skips due_soon
        ("due_soon", "2024-04-24", "2024-04-25", "overdue"),
        ("overdue", "2024-04-24", "2024-05-01", None),
        ("overdue", "2024-06-30", "2024-05-01", "open"),  # due date moved later
        ("kept", "2024-04-24", "2024-05-01", None),  # final statuses stay
        ("dropped", None, "2024-05-01", None),
        ("open", None, "2024-05-01", None),
    ],
)
def test_next_status(status, due, today, expected):
    assert ledger.next_status(status, D(due) if due else None, D(today), 7) == expected


def test_forward_moves_alert_backward_ones_do_not():
    assert ledger.is_forward("open", "due_soon")
    assert ledger.is_forward("due_soon", "overdue")
    assert ledger.is_forward("overdue", "kept")
    assert not ledger.is_forward("overdue", "open")


def test_seed_entries_stored(seeded):
    db, ids = seeded
    entries = {e.id: e for e in store.list_entries(db, question_ids=[SEED_ID])}
    assert len(entries) == 5
    minutes = entries[ids["minutes"]]
    assert minutes.kind == "dated" and minutes.due == "2024-04-24"
    assert minutes.span == SEED_TEXT[minutes.start : minutes.end]
    assert "worden op 24 april 2024 goedgekeurd" in minutes.span
    assert entries[ids["metro"]].due == "2024-06-20"
    assert entries[ids["bon"]].due == "2024-12-31"
    assert entries[ids["monitored"]].kind == "open" and entries[ids["monitored"]].due is None
    assert entries[ids["referral"]].kind == "referral"
    assert "bevoegde Brusselse minister" in entries[ids["referral"]].span
    assert all(e.status == "open" for e in entries.values())
    # soonest due first, undated last
    assert [e.due for e in store.list_entries(db)][:3] == [
        "2024-04-24",
        "2024-06-20",
        "2024-12-31",
    ]


def test_add_entry_keeps_status_on_refresh(seeded):
    db, ids = seeded
    ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, now=at("2024-04-25"))
    again = add_seed_entries(db)
    assert again == ids
    assert store.get_entry(db, ids["minutes"]).status == "overdue"


def test_overdue_after_due_date_alerts_once(seeded):
    db, ids = seeded
    subscribe(db, 11, "question", str(SEED_ID))
    subscribe(db, 22, "theme", "integratie en inburgering")
    subscribe(db, 33, "promise", str(ids["minutes"]))
    subscribe(db, 44, "question", "999")  # follows something else

    # the snapshot day: the minutes are due tomorrow
    first = ledger.advance(db, today=D("2024-04-23"), due_soon_days=7, now=at("2024-04-23"))
    assert len(first) == 1
    assert store.get_entry(db, ids["minutes"]).status == "due_soon"

    # past 24 April 2024, nothing published: overdue, alerted once per chat
    second = ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, now=at("2024-04-25"))
    third = ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, now=at("2024-04-25", 9))
    assert len(second) == 1 and third == []
    minutes = store.get_entry(db, ids["minutes"])
    assert minutes.status == "overdue"
    assert minutes.status_changed_at.startswith("2024-04-25T08:00:00+02:00")
    overdue_rows = [r for r in outbox_rows(db) if r["key"] == f"promise_overdue:{ids['minutes']}"]
    assert sorted(r["chat_id"] for r in overdue_rows) == [11, 22, 33]
    # the other entries did not move
    assert store.get_entry(db, ids["metro"]).status == "open"
    assert store.get_entry(db, ids["monitored"]).status == "open"
    # the history holds each change with its date
    assert [(h["status"], h["at"][:10]) for h in store.history(db, ids["minutes"])] == [
        ("due_soon", "2024-04-23"),
        ("overdue", "2024-04-25"),
    ]


def test_event_payload_shape(seeded):
    db, ids = seeded
    ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, now=at("2024-04-25"))
    event = next(
        e
        for e in db.query("SELECT * FROM events")
        if e["key"] == f"promise_overdue:{ids['minutes']}"
    )
    import json

    payload = json.loads(event["payload"])
    assert event["kind"] == "promise_overdue" and event["question_id"] == SEED_ID
    assert set(payload["promise"]) == {"id", "span", "kind", "due", "subject", "status", "source"}
    assert payload["promise"]["status"] == "overdue"
    assert payload["question"]["number"] == 170
    assert payload["question"]["site_url"].endswith("/schriftelijke-vragen/1813507")
    assert payload["question"]["document_url"] == "https://docs.vlaamsparlement.be/pfile?id=2058696"
    assert payload["question"]["themes"] == ["Integratie en Inburgering"]
    assert payload["question"]["asked_on"] == "2024-03-15"


def test_jump_straight_to_overdue_is_one_event(seeded):
    db, ids = seeded
    new = ledger.advance(db, today=D("2025-01-10"), due_soon_days=7, now=at("2025-01-10"))
    keys = [r["key"] for r in db.query("SELECT key FROM events ORDER BY id")]
    assert len(new) == 3
    assert keys == [
        f"promise_overdue:{ids['minutes']}",
        f"promise_overdue:{ids['metro']}",
        f"promise_overdue:{ids['bon']}",
    ]


def test_historical_advance_stores_without_alerts(seeded):
    db, ids = seeded
    subscribe(db, 11, "question", str(SEED_ID))
    ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, historical=True)
    assert outbox_rows(db) == []
    assert store.get_entry(db, ids["minutes"]).status == "overdue"


def test_due_date_moved_later_goes_back_quietly(seeded):
    db, ids = seeded
    ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, now=at("2024-04-25"))
    minutes = store.get_entry(db, ids["minutes"])
    store.add_entry(db, SEED_ID, span=minutes.span, kind="dated", due="2024-09-30")
    before = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert ledger.advance(db, today=D("2024-04-26"), due_soon_days=7) == []
    assert store.get_entry(db, ids["minutes"]).status == "open"
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before


def test_due_soon_window_is_configurable(seeded):
    db, ids = seeded
    ledger.advance(db, today=D("2024-06-01"), due_soon_days=30)
    assert store.get_entry(db, ids["metro"]).status == "due_soon"


def test_set_status_is_atomic_with_expect(seeded):
    db, ids = seeded
    with pytest.raises(store.StaleStatus):
        store.set_status(db, ids["minutes"], "kept", expect="overdue")
    assert store.get_entry(db, ids["minutes"]).status == "open"
    assert store.history(db, ids["minutes"]) == []
    with pytest.raises(store.EntryNotFound):
        store.set_status(db, 999999, "kept")
    with pytest.raises(ValueError):
        store.set_status(db, ids["minutes"], "done")


def test_drop_alerts_and_is_final(seeded):
    db, ids = seeded
    subscribe(db, 11, "promise", str(ids["monitored"]))
    new = ledger.drop(db, ids["monitored"], reason="GGC-traject afgeschaft", by="cli")
    assert len(new) == 1
    assert store.get_entry(db, ids["monitored"]).status == "dropped"
    assert [r["chat_id"] for r in outbox_rows(db)] == [11]
    with pytest.raises(store.StaleStatus):
        ledger.drop(db, ids["monitored"])
    assert ledger.advance(db, today=D("2030-01-01"), due_soon_days=7)  # others move
    assert store.get_entry(db, ids["monitored"]).status == "dropped"


def test_list_filters(seeded):
    db, ids = seeded
    add_question(db, 1, number=5)
    store.add_entry(db, 1, span="Ik kom hierop terug.", kind="open")
    ledger.advance(db, today=D("2024-04-25"), due_soon_days=7)
    assert [e.id for e in store.list_entries(db, statuses=["overdue"])] == [ids["minutes"]]
    assert len(store.list_entries(db, question_ids=[1])) == 1
    assert store.list_entries(db, question_ids=[]) == []
    assert len(store.list_entries(db, dated=True)) == 3
    assert len(store.list_entries(db, dated=False)) == 3
    assert [e.due for e in store.list_entries(db, due_from="2024-05-01", due_to="2024-07-01")] == [
        "2024-06-20"
    ]
    assert len(store.list_entries(db, limit=2)) == 2


def test_newly_kept_since_compares_instants_across_dst(seeded):
    db, ids = seeded
    from datetime import datetime

    # 02:30 summer time on the night the clocks go back is 00:30 UTC ...
    store.set_status(
        db, ids["minutes"], "kept", now=datetime.fromisoformat("2024-10-27T02:30:00+02:00")
    )
    assert store.get_entry(db, ids["minutes"]).status_changed_at == "2024-10-27T02:30:00+02:00"
    # ... before 02:10 winter time (01:10 UTC), though it sorts after it as text
    assert store.newly_kept_since(db, "2024-10-27T02:10:00+01:00") == []
    assert len(store.newly_kept_since(db, "2024-10-27T00:10:00+00:00")) == 1
