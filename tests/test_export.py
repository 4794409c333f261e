"""The ledger as iCalendar and CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import icalendar
import pytest

from monitor import export, ledger
from state import ledger as store
from state import open_db
from tests.test_ledger_support import SEED_ID, add_seed_entries, add_seed_question


@pytest.fixture
def seeded(tmp_path):
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    return db, add_seed_entries(db)


def test_ics_parses_with_one_event_per_dated_entry(seeded):
    db, ids = seeded
    entries = store.list_entries(db)
    cal = icalendar.Calendar.from_ical(export.to_ics(entries))
    events = cal.walk("VEVENT")
    assert len(events) == 3 == sum(1 for e in entries if e.due)
    by_start = {e.decoded("dtstart"): e for e in events}
    assert set(by_start) == {date(2024, 4, 24), date(2024, 6, 20), date(2024, 12, 31)}
    minutes = by_start[date(2024, 4, 24)]
    # all-day: a DATE, ending the next day
    assert minutes.decoded("dtend") == date(2024, 4, 25)
    assert str(minutes["summary"]) == "Vraag nr. 170 (2023-2024): goedkeuring verslagen stuurgroep"
    assert str(minutes["url"]) == (
        "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/1813507"
    )
    assert "worden op 24 april 2024 goedgekeurd" in str(minutes["description"])
    assert str(minutes["uid"]) == f"promise-{ids['minutes']}-{SEED_ID}@opvolger.vlaamsparlement"
    assert str(cal["version"]) == "2.0" and "Opvolger" in str(cal["prodid"])


def test_ics_uid_stable_across_status_changes(seeded):
    db, _ids = seeded
    before = icalendar.Calendar.from_ical(export.to_ics(store.list_entries(db)))
    ledger.advance(db, today=date(2024, 4, 25), due_soon_days=7)
    after = icalendar.Calendar.from_ical(export.to_ics(store.list_entries(db)))
    assert [str(e["uid"]) for e in before.walk("VEVENT")] == [
        str(e["uid"]) for e in after.walk("VEVENT")
    ]
    cats = {str(e["uid"]): e["categories"].to_ical().decode() for e in after.walk("VEVENT")}
    assert "over tijd" in cats.values()


def test_ics_uses_configured_site_base(seeded):
    db, _ids = seeded
    db.execute("UPDATE questions SET site_url = NULL")  # not stored: built from the base
    data = export.to_ics(store.list_entries(db), site_base="http://127.0.0.1:8080")
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["url"]) == (
        "http://127.0.0.1:8080/parlementaire-documenten/schriftelijke-vragen/1813507"
    )


def test_empty_calendar_still_parses():
    cal = icalendar.Calendar.from_ical(export.to_ics([]))
    assert cal.walk("VEVENT") == []


def test_csv_has_every_entry(seeded):
    db, ids = seeded
    rows = list(csv.DictReader(io.StringIO(export.to_csv(store.list_entries(db)))))
    assert len(rows) == 5
    assert tuple(rows[0]) == export.CSV_COLUMNS
    minutes = next(r for r in rows if r["id"] == str(ids["minutes"]))
    assert minutes["due"] == "2024-04-24" and minutes["status"] == "open"
    assert minutes["number"] == "170" and minutes["asker"] == "Annabel Tavernier"
    assert "\n" not in minutes["span"]
    referral = next(r for r in rows if r["id"] == str(ids["referral"]))
    assert referral["due"] == "" and referral["kind"] == "referral"
