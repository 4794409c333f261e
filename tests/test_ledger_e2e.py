"""End to end: the seed's text through `monitor.understand.analyse` into the ledger, the
calendar, a later answer as evidence, the draft and the calendar file."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from monitor import draft, evidence, export, ledger
from monitor.understand import analyse
from state import ledger as store
from state import open_db
from tests.test_ledger_support import (
    FIXTURES,
    SEED_ID,
    SEED_TEXT,
    add_question,
    add_seed_question,
    at,
    outbox_rows,
    subscribe,
)

LATER_ID = 1830001


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    analyse(db, SEED_ID, SEED_TEXT, doc_date=date(2024, 4, 2), now=at("2024-04-23"))
    ledger.after_document(db, SEED_ID, SEED_TEXT, now=at("2024-04-23"))
    return db


def by_span(db, needle: str) -> store.LedgerEntry:
    [entry] = [e for e in store.list_entries(db, statuses=store.STATUSES) if needle in e.span]
    return entry


def test_seed_yields_the_design_entries(db):
    minutes = by_span(db, "worden op 24 april 2024 goedgekeurd")
    assert (minutes.kind, minutes.due) == ("dated", "2024-04-24")
    metro = by_span(db, "metrotoestellen van de MIVB")
    assert (metro.kind, metro.due) == ("dated", "2024-06-20")
    bon = by_span(db, "In 2024 zal Bon in minimum 4 gemeenten")
    assert (bon.kind, bon.due) == ("dated", "2024-12-31")
    monitored = by_span(db, "gemonitord")
    assert (monitored.kind, monitored.due) == ("open", None)
    referrals = [
        e for e in store.list_entries(db) if e.kind == "referral" and e.source == "promise"
    ]
    assert any("bevoegde Brusselse minister" in e.span for e in referrals)
    # the data lists one document: the letter listed under BIJLAGE is bound into it
    assert store.list_entries(db, sources=("attachment",)) == []
    assert all(e.status == "open" for e in store.list_entries(db, statuses=store.STATUSES))
    for entry in store.list_entries(db, sources=("promise", "attachment")):
        if entry.start is not None:
            assert SEED_TEXT[entry.start : entry.end] == entry.span


def test_overdue_once_then_evidence_then_confirm(db):
    subscribe(db, 11, "question", str(SEED_ID))
    subscribe(db, 22, "theme", "integratie en inburgering")
    minutes = by_span(db, "worden op 24 april 2024 goedgekeurd")
    subscribe(db, 33, "promise", str(minutes.id))

    # past 24 April 2024 without new documents: overdue, alerted once
    for _ in range(2):
        ledger.advance(db, today=date(2024, 4, 26), due_soon_days=7, now=at("2024-04-26"))
    assert store.get_entry(db, minutes.id).status == "overdue"
    key = f"promise_overdue:{minutes.id}"
    assert sorted(r["chat_id"] for r in outbox_rows(db) if r["key"] == key) == [11, 22, 33]

    # a later answer that cites question 170 and reports the approved minutes
    text = (FIXTURES / "answer_221_minutes_reported.txt").read_text(encoding="utf-8")
    add_question(
        db, LATER_ID, number=221, asked_on="2024-05-08", answered_on="2024-05-24", text=text,
        title="Inburgering in Brussel - Stuurgroep en wervingscampagne",
        document_urls=["https://docs.vlaamsparlement.be/pfile?id=2071234"],
    )  # fmt: skip
    summary = analyse(db, LATER_ID, text, doc_date=date(2024, 5, 24), now=at("2024-06-10"))
    assert SEED_ID in [r["target_id"] for r in summary["references"]]
    ledger.after_document(db, LATER_ID, text, now=at("2024-06-10"))
    entry = store.get_entry(db, minutes.id)
    assert entry.status == "overdue"
    assert [p["question_id"] for p in entry.proposals] == [LATER_ID]
    proposed = f"promise_proposed_kept:{minutes.id}:{LATER_ID}"
    assert sorted(r["chat_id"] for r in outbox_rows(db) if r["key"] == proposed) == [11, 22, 33]
    # the Bon promise is restated in the question, and "nog niet" in the answer: untouched
    assert by_span(db, "In 2024 zal Bon").evidence == []

    # a person confirms: kept, alerted once more
    ledger.confirm(db, minutes.id, LATER_ID, by="chat:33", now=at("2024-06-11"))
    assert store.get_entry(db, minutes.id).status == "kept"
    assert f"promise_kept:{minutes.id}" in {r["key"] for r in outbox_rows(db)}
    # the hook is idempotent
    assert ledger.after_document(db, LATER_ID, text) == []


def test_calendar_and_draft_from_analysed_seed(db):
    cal = icalendar.Calendar.from_ical(export.to_ics(store.list_entries(db)))
    dated = [e for e in store.list_entries(db) if e.due]
    assert len(cal.walk("VEVENT")) == len(dated) == 3
    assert {e.decoded("dtstart") for e in cal.walk("VEVENT")} == {
        date(2024, 4, 24),
        date(2024, 6, 20),
        date(2024, 12, 31),
    }
    ledger.advance(db, today=date(2024, 4, 26), due_soon_days=7)
    minutes = by_span(db, "worden op 24 april 2024 goedgekeurd")
    text = draft.draft_for(db, minutes.id, today=date(2024, 4, 26))
    assert "vraag nr. 170 van 15 maart 2024" in text
    assert "worden op 24 april 2024 goedgekeurd" in text
    assert text.startswith("SCHRIFTELIJKE VRAAG\n")


def test_evidence_hook_without_references_is_quiet(db):
    add_question(db, 5, number=5, text="ANTWOORD\n1. Niets.", asked_on="2024-05-01")
    assert evidence.collect_evidence(db, 5) == []


def test_late_resolution_makes_earlier_stored_answer_evidence(tmp_path):
    """The follow-up (221) is stored before the question it cites (170): its reference is
    resolved when 170 arrives, and then it is evidence for 170's entries."""
    from monitor.understand import resolve_pending

    db = open_db(tmp_path / "t.db")
    text = (FIXTURES / "answer_221_minutes_reported.txt").read_text(encoding="utf-8")
    add_question(
        db, LATER_ID, number=221, asked_on="2024-05-08", answered_on="2024-05-24", text=text,
        title="Inburgering in Brussel - Stuurgroep en wervingscampagne",
    )  # fmt: skip
    summary = analyse(db, LATER_ID, text, doc_date=date(2024, 5, 24))
    assert all(r["target_id"] is None for r in summary["references"])
    assert ledger.after_document(db, LATER_ID, text) == []

    add_seed_question(db)
    analyse(db, SEED_ID, SEED_TEXT, doc_date=date(2024, 4, 2))
    resolved = resolve_pending(db, SEED_ID)
    assert [r["question_id"] for r in resolved] == [LATER_ID]
    subscribe(db, 11, "question", str(SEED_ID))
    new = ledger.after_links(db, resolved, historical=True)  # e.g. during a backfill
    minutes = by_span(db, "worden op 24 april 2024 goedgekeurd")
    assert [p["question_id"] for p in minutes.proposals] == [LATER_ID]
    # the minutes the question asked for (a requested document) are reported too
    notulen = by_span(db, "Gelieve de notulen")
    assert notulen.source == "requested_document"
    assert [p["question_id"] for p in notulen.proposals] == [LATER_ID]
    assert len(new) == 2 and outbox_rows(db) == []  # historical: stored, not alerted


def _pdf_text(name: str) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(FIXTURES / name).pages)


def test_seed_pdf_is_evidence_for_question_350(tmp_path):
    """The fixtures' nr. 350 (2022-2023) promised contacts with ten of the nineteen
    municipalities by the end of 2023 and the Rijksregister link in autumn 2023; the seed's
    answer (April 2024) reports nine municipalities and letters sent since 2 February 2024:
    partly kept, and kept late — both proposed for a person to confirm."""
    from tests.test_ledger_support import Q350_ID

    db = open_db(tmp_path / "t.db")
    text_350 = _pdf_text("pfile-1971860.pdf")
    add_question(
        db, Q350_ID, number=350, session_year="2022-2023", asked_on="2023-06-09",
        answered_on="2023-07-06", minister="Bart Somers", text=text_350,
        title="Inburgering in Brussel - Lokale wervingsplannen met de gemeenten",
    )  # fmt: skip
    analyse(db, Q350_ID, text_350, doc_date=date(2023, 7, 6))
    ledger.advance(db, today=date(2024, 4, 1), due_soon_days=7)
    contact = by_span(db, "tien van de negentien")
    link = by_span(db, "koppeling met het Rijksregister")
    assert contact.status == link.status == "overdue"

    seed = _pdf_text("pfile-2058696.pdf")
    assert "BIJLAGE:" in seed
    add_seed_question(db, text=seed)
    analyse(db, SEED_ID, seed, doc_date=date(2024, 4, 2))
    ledger.after_document(db, SEED_ID, seed)

    contact, link = store.get_entry(db, contact.id), store.get_entry(db, link.id)
    [c] = contact.proposals
    assert c["question_id"] == SEED_ID and c["suggested"] == "partly_kept"
    assert any(r.startswith("minder dan beloofd") for r in c["reasons"])
    [k] = link.proposals
    assert k["suggested"] == "kept" and "gemeld na de termijn" in k["reasons"]
    assert "2 februari 2024" in k["excerpt"]

    ledger.confirm(db, contact.id, SEED_ID)
    ledger.confirm(db, link.id, SEED_ID)
    assert store.get_entry(db, contact.id).status == "partly_kept"
    assert store.get_entry(db, link.id).status == "kept"
    keys = {r["key"] for r in db.query("SELECT key FROM events")}
    assert {f"promise_partly_kept:{contact.id}", f"promise_kept:{link.id}"} <= keys
