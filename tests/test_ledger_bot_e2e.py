"""End to end: the ledger's bot commands in the real Application, against the fake Bot API
server (tests/fake_telegram.py) and a real SQLite file."""

from __future__ import annotations

import asyncio
import json
from datetime import date

from telegram.ext import CommandHandler

from bot import followup
from bot.app import build_application
from monitor import evidence, ledger
from monitor.config import Settings
from state import ledger as store
from state import open_db
from tests.fake_telegram import FakeTelegram, RunningBot, until
from tests.test_ledger_support import (
    SEED_ID,
    add_later_answer,
    add_seed_entries,
    add_seed_question,
    at,
    subscribe,
)

TOKEN = "4242424242:AAE-ledger-e2e-token"
ALICE = 1001  # follows the seed question
BOB = 2002  # follows nothing


def _registered(app) -> bool:
    return any(
        isinstance(h, CommandHandler) and "opvolgvraag" in h.commands
        for group in app.handlers.values()
        for h in group
    )


def test_draft_export_and_confirm_button(tmp_path):
    path = tmp_path / "t.db"
    db = open_db(path)
    add_seed_question(db)
    ids = add_seed_entries(db)
    ledger.advance(db, today=date(2024, 4, 26), due_soon_days=7)
    subscribe(db, ALICE, "question", str(SEED_ID))
    subscribe(db, BOB, "keyword", "iets heel anders")
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    evidence.collect_evidence(db, 1830001)

    with FakeTelegram() as fake:
        settings = Settings(telegram_token=TOKEN, telegram_api_base=fake.base_url, db_path=path)
        app = build_application(settings, db, poll=None, clock=lambda: at("2024-06-01"), jobs=False)
        if not _registered(app):  # until bot/app.py wires it
            followup.register(app)

        async def script():
            async with RunningBot(app):
                fake.send_text(ALICE, f"/opvolgvraag {ids['minutes']}")
                await until(lambda: len(fake.texts(ALICE)) >= 2)
                draft = "".join(fake.texts(ALICE)[1:])
                assert "SCHRIFTELIJKE VRAAG" in draft
                assert "vraag nr. 170 van 15 maart 2024" in draft

                fake.send_text(BOB, f"/opvolgvraag {ids['minutes']}")
                await until(lambda: fake.texts(BOB))
                assert "niet gevonden" in fake.texts(BOB)[0]

                fake.send_text(ALICE, "/export")
                await until(lambda: fake.calls_to("sendDocument", chat_id=ALICE))
                doc = fake.calls_to("sendDocument", chat_id=ALICE)[0].params["document"]
                assert doc["filename"].endswith(".ics") and doc["size"] > 500

                before = len(fake.texts(ALICE))
                fake.send_text(ALICE, "/ingelost")
                await until(lambda: len(fake.texts(ALICE)) > before)
                sent = fake.calls_to("sendMessage", chat_id=ALICE)[-1]
                markup = sent.params["reply_markup"]
                markup = json.loads(markup) if isinstance(markup, str) else markup
                data = markup["inline_keyboard"][0][0]["callback_data"]
                assert data == f"lg:ok:{ids['minutes']}:1830001"

                fake.tap(BOB, 1, data)  # not Bob's to decide
                await until(lambda: fake.calls_to("answerCallbackQuery"))
                assert store.get_entry(db, ids["minutes"]).status == "overdue"

                fake.tap(ALICE, max(fake.messages[ALICE]), data)
                await until(lambda: fake.calls_to("editMessageText", chat_id=ALICE))
                assert store.get_entry(db, ids["minutes"]).status == "kept"
                edit = fake.calls_to("editMessageText", chat_id=ALICE)[0]
                assert "Ingelost" in edit.params["text"]

        asyncio.run(script())


def test_a_chat_tracking_one_promise_hears_when_it_is_overdue(tmp_path):
    path = tmp_path / "t.db"
    db = open_db(path)
    add_seed_question(db)
    ids = add_seed_entries(db)

    with FakeTelegram() as fake:
        settings = Settings(telegram_token=TOKEN, telegram_api_base=fake.base_url, db_path=path)
        app = build_application(settings, db, poll=None, clock=lambda: at("2024-04-23"), jobs=False)

        async def script():
            async with RunningBot(app):
                fake.send_text(BOB, f"/track #{ids['minutes']}")
                await until(lambda: fake.texts(BOB))
                assert "Je volgt nu toezegging" in fake.texts(BOB)[0]
                assert "worden op 24 april 2024 goedgekeurd" in fake.texts(BOB)[0]
                fake.send_text(BOB, "/track #999999")
                await until(lambda: len(fake.texts(BOB)) >= 2)
                assert "bestaat niet" in fake.texts(BOB)[1]

        asyncio.run(script())

    # past 24 April: the promise Bob follows is overdue; one alert is queued for him
    ledger.advance(db, today=date(2024, 4, 25), due_soon_days=7, now=at("2024-04-25"))
    ledger.advance(db, today=date(2024, 4, 25), due_soon_days=7, now=at("2024-04-25"))
    rows = list(db.query(
        "SELECT e.kind, e.payload FROM outbox o JOIN events e ON e.id = o.event_id "
        "WHERE o.chat_id = ?", [BOB],
    ))  # fmt: skip
    assert [r["kind"] for r in rows] == ["promise_overdue"]
    assert json.loads(rows[0]["payload"])["promise"]["id"] == ids["minutes"]
