"""The bot's ledger commands (/opvolgvraag, /export, /ingelost, the buttons) and the
digest sections, driven with stand-in Update objects against a real SQLite file."""

from __future__ import annotations

import asyncio
from datetime import date
from types import SimpleNamespace

import icalendar
import pytest

from bot import followup
from bot.handlers import Services
from monitor import evidence, ledger
from monitor.config import Settings
from state import ledger as store
from state import open_db
from tests.test_ledger_support import (
    SEED_ID,
    add_later_answer,
    add_question,
    add_seed_entries,
    add_seed_question,
    at,
    outbox_rows,
    subscribe,
)


class Message:
    def __init__(self, text_html: str = "") -> None:
        self.sent: list[tuple[str, dict]] = []
        self.documents: list[dict] = []
        self.text_html = text_html

    async def reply_text(self, text: str, **kwargs) -> None:
        self.sent.append((text, kwargs))

    async def reply_document(self, **kwargs) -> None:
        self.documents.append(kwargs)


class Query:
    def __init__(self, data: str) -> None:
        self.data = data
        self.answers: list[tuple[str | None, bool]] = []
        self.edits: list[str] = []
        self.message = Message("❔ Mogelijk ingelost")

    async def answer(self, text: str | None = None, show_alert: bool = False) -> None:
        self.answers.append((text, show_alert))

    async def edit_message_text(self, text: str, **kwargs) -> None:
        self.edits.append(text)


def call(handler, db, chat_id: int, *args: str, query: Query | None = None, day="2024-04-26"):
    message = Message()
    update = SimpleNamespace(
        effective_chat=SimpleNamespace(id=chat_id),
        effective_message=message,
        effective_user=SimpleNamespace(id=7),
        callback_query=query,
    )
    svc = Services(db=db, settings=Settings(), clock=lambda: at(day))
    context = SimpleNamespace(args=list(args), bot_data={"opvolger": svc})
    asyncio.run(handler(update, context))
    return message


@pytest.fixture
def seeded(tmp_path):
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    ids = add_seed_entries(db)
    add_question(db, 42, number=12, themes=["Wonen"], asker="Iemand Anders")
    ids["other"] = store.add_entry(db, 42, span="Ik kom hierop terug.", kind="open")
    ledger.advance(db, today=date(2024, 4, 26), due_soon_days=7)
    subscribe(db, 11, "question", str(SEED_ID))  # follows the seed
    subscribe(db, 99, "question", "42")  # follows another question only
    return db, ids


def test_opvolgvraag_sends_the_draft(seeded):
    db, ids = seeded
    message = call(followup.opvolgvraag, db, 11, str(ids["minutes"]))
    texts = [t for t, _ in message.sent]
    assert texts[0].startswith("Ontwerp van schriftelijke vraag voor toezegging")
    body = "".join(texts[1:])
    assert body.startswith("<pre>SCHRIFTELIJKE VRAAG")
    assert "vraag nr. 170 van 15 maart 2024" in body
    assert all(kw.get("parse_mode") == "HTML" for _, kw in message.sent)
    assert all(len(t) < 4096 for t in texts)


def test_opvolgvraag_outside_scope_or_bad_input(seeded):
    db, ids = seeded
    assert "niet gevonden" in call(followup.opvolgvraag, db, 99, str(ids["minutes"])).sent[0][0]
    usage = call(followup.opvolgvraag, db, 11, "<b>x</b>").sent[0][0]
    assert "/opvolgvraag 12" in usage and "<b>x</b>" not in usage
    # without an argument: the overdue entries in scope, with their numbers
    assert f"#{ids['minutes']}" in call(followup.opvolgvraag, db, 11).sent[0][0]


def test_export_sends_ics_of_the_chats_scope(seeded):
    db, _ids = seeded
    message = call(followup.export_command, db, 11)
    [doc] = message.documents
    assert doc["filename"].endswith(".ics")
    cal = icalendar.Calendar.from_ical(doc["document"])
    assert len(cal.walk("VEVENT")) == 3
    assert "Geen toezeggingen" in call(followup.export_command, db, 99).sent[0][0]


def _propose(db):
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    evidence.collect_evidence(db, 1830001)


def test_ingelost_lists_proposals_with_buttons(seeded):
    db, ids = seeded
    _propose(db)
    message = call(followup.ingelost, db, 11)
    [(text, kwargs)] = message.sent
    assert "Mogelijk ingelost" in text and f"#{ids['minutes']}" in text
    buttons = kwargs["reply_markup"].inline_keyboard[0]
    assert [b.callback_data for b in buttons] == [
        f"lg:ok:{ids['minutes']}:1830001",
        f"lg:no:{ids['minutes']}:1830001",
    ]
    assert "Geen toezeggingen" in call(followup.ingelost, db, 99).sent[0][0]


def test_button_confirms_within_scope_only(seeded):
    db, ids = seeded
    _propose(db)
    data = f"lg:ok:{ids['minutes']}:1830001"
    # another chat cannot decide on it
    stranger = Query(data)
    call(followup.decide_button, db, 99, query=stranger)
    assert stranger.answers[0][1] is True and stranger.edits == []
    assert store.get_entry(db, ids["minutes"]).status == "overdue"
    # the chat that follows the question can
    query = Query(data)
    call(followup.decide_button, db, 11, query=query)
    assert store.get_entry(db, ids["minutes"]).status == "kept"
    assert query.edits and "Ingelost" in query.edits[0]
    assert f"promise_kept:{ids['minutes']}" in [r["key"] for r in outbox_rows(db)]
    # a second tap is harmless
    again = Query(data)
    call(followup.decide_button, db, 11, query=again)
    assert again.answers == [("Hierover werd al beslist.", False)]


def test_button_not_yet(seeded):
    db, ids = seeded
    _propose(db)
    query = Query(f"lg:no:{ids['minutes']}:1830001")
    call(followup.decide_button, db, 11, query=query)
    entry = store.get_entry(db, ids["minutes"])
    assert entry.status == "overdue" and entry.proposals == []


def test_garbage_callback_is_ignored(seeded):
    db, _ids = seeded
    query = Query("lg:ok:abc")
    call(followup.decide_button, db, 11, query=query)
    assert query.answers == [(None, False)] and query.edits == []


def test_digest_sections(seeded):
    db, ids = seeded
    subscribe(db, 11, "question", "42")
    _propose(db)
    now = at("2024-06-15")
    ledger.advance(db, today=date(2024, 6, 15), due_soon_days=7, now=now)
    sections = followup.digest_sections(db, 11, now, "nl")
    titles = [s.splitlines()[0] for s in sections]
    assert titles == [
        "📅 <b>Toezeggingen die binnenkort vervallen</b>",
        "⚠️ <b>Vervallen toezeggingen</b>",
        "❔ <b>Mogelijk ingelost</b> (bevestig met /ingelost)",
    ]
    assert "20 juni 2024" in sections[0] and f"#{ids['metro']}" in sections[0]
    assert "24 april 2024" in sections[1]
    assert '<a href="https://www.vlaamsparlement.be/' in sections[1]
    ledger.confirm(db, ids["minutes"], 1830001, now=at("2024-06-15", 9))
    later = followup.digest_sections(db, 11, at("2024-06-16"), "en", include=("kept",))
    assert later[0].startswith("✔️ <b>Newly kept promises</b>")
    assert followup.digest_sections(db, 12345, now, "nl") == []  # no subscriptions


def test_chain_block_for_vraag(seeded):
    db, ids = seeded
    assert followup.chain_block(db, 42) == ""  # cites nothing, cited by nothing
    _propose(db)  # 221 cites 170
    block = followup.chain_block(db, SEED_ID, "nl")
    assert block.splitlines()[0] == "<b>Opvolgingsketen</b>"
    assert "→ opgevolgd door <a href=" in block and "vraag nr. 221 (2023-2024)" in block
    assert block.splitlines()[-1] == "Nog open langs de keten: 5 (1 vervallen)"
    back = followup.chain_block(db, 1830001, "en")
    assert "← follows up <a href=" in back and "5 open, 1 overdue" in back
