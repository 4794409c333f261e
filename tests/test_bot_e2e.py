"""End to end: the real Application against the fake Bot API server, the parliament fixture
server and a real SQLite file. Scripted conversations, time driven by the test."""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import replace
from datetime import datetime

import pytest

from bot.app import build_application, deliver_now, digest_tick
from bot.delivery import Limiter
from bot.handlers import run_poll
from monitor.poll import poll_once
from state.chats import get_chat, list_subscriptions
from state.clock import BRUSSELS
from state.db import open_db
from state.outbox import list_outbox
from tests.conftest import scenario_now, switch
from tests.fake_telegram import FakeTelegram, RunningBot, until

TOKEN = "4242424242:AAE-secret-token-for-e2e-only"
ALICE = 1001  # a private chat (and user) that tracks question 350
BOB = 2002  # another private chat
CAROL = 3003
GROUP = -500  # a group chat
ADMIN = 9009
Q350 = 1759384  # vraag nr. 350 (2022-2023)
Q170 = 1813507  # vraag nr. 170 (2023-2024), its answer (day 2) cites nr. 350


def bot_settings(settings, fake, db_path):
    return replace(
        settings,
        telegram_token=TOKEN,
        telegram_api_base=fake.base_url,
        admins=(ADMIN,),
        db_path=db_path,
    )


def make_poller(server, db_path):
    """The poll the bot runs in its thread: its own connection, at the scenario's date."""

    def run(settings):
        db = open_db(db_path)
        try:
            return poll_once(db, settings, now=scenario_now(server))
        finally:
            db.close()

    return run


def texts(fake, chat_id):
    return fake.texts(chat_id)


def test_track_alert_untrack_and_privacy(scenario, server, settings, db, db_path, caplog):
    caplog.set_level(logging.DEBUG)
    poll_once(db, settings, now=scenario_now(server))  # day 1: the baseline, no alerts

    with FakeTelegram() as fake:
        app = build_application(
            bot_settings(settings, fake, db_path),
            db,
            poll=make_poller(server, db_path),
            jobs=False,
        )

        async def script():
            async with RunningBot(app):
                # the command list is registered in Dutch on start
                commands = fake.calls_to("setMyCommands")
                assert commands and "language_code" not in commands[0].params
                assert any(c["command"] == "track" for c in commands[0].params["commands"])

                fake.send_text(ALICE, "/track 350 2022-2023")
                await until(lambda: texts(fake, ALICE))
                confirm = texts(fake, ALICE)[0]
                assert "Je volgt nu vraag nr. 350 (2022-2023): Inburgering in Brussel" in confirm

                # another chat sees none of it
                fake.send_text(BOB, "/list")
                await until(lambda: texts(fake, BOB))
                assert "Je volgt nog niets" in texts(fake, BOB)[0]

                # a non-admin cannot poll; the admin can: day 2 has the answer citing 350
                fake.send_text(BOB, "/pollnow")
                await until(lambda: len(texts(fake, BOB)) >= 2)
                assert "beheerders" in texts(fake, BOB)[1]
                switch(server, scenario, "day2")
                fake.send_text(ADMIN, "/pollnow")
                await until(lambda: any("Klaar" in t for t in texts(fake, ADMIN)), timeout=20)

                # exactly one alert for Alice: the answer to 170, naming the link to 350
                await until(lambda: len(texts(fake, ALICE)) >= 2)
                await asyncio.sleep(0.2)
                await deliver_now(app)  # a second drain sends nothing more
                alerts = texts(fake, ALICE)[1:]
                assert len(alerts) == 1, alerts
                alert = alerts[0]
                assert "Antwoord" in alert and "vraag nr. 170 (2023-2024)" in alert
                assert "Volgt op" in alert
                assert f'schriftelijke-vragen/{Q350}">vraag nr. 350 (2022-2023)</a>' in alert
                assert "24 april 2024" in alert  # a promise, its due date in Dutch
                assert texts(fake, BOB)[2:] == []  # Bob follows nothing, hears nothing

                # /untrack: buttons; Bob's tap on Alice's subscription does nothing
                fake.send_text(ALICE, "/untrack")
                await until(lambda: len(texts(fake, ALICE)) >= 3)
                sent = fake.calls_to("sendMessage", chat_id=ALICE)[-1]
                markup = sent.params["reply_markup"]
                if isinstance(markup, str):
                    markup = json.loads(markup)
                data = markup["inline_keyboard"][0][0]["callback_data"]
                assert data.startswith("untrack:")
                fake.tap(BOB, 1, data)
                await until(lambda: fake.calls_to("answerCallbackQuery"))
                assert len(list_subscriptions(db, ALICE)) == 1

                alice_message = max(fake.messages[ALICE])  # the /untrack message
                fake.tap(ALICE, alice_message, data)
                await until(lambda: fake.calls_to("editMessageText", chat_id=ALICE))
                edit = fake.calls_to("editMessageText", chat_id=ALICE)[0]
                assert "niet meer" in edit.params["text"]
                assert list_subscriptions(db, ALICE) == []

        asyncio.run(script())
        # the token was used on every call, and never logged
        assert fake.calls and all(c.token == TOKEN for c in fake.calls)
    assert TOKEN not in caplog.text
    assert TOKEN.split(":")[1] not in caplog.text


def test_track_a_number_not_stored_yet_alerts_when_it_is_cited(
    scenario, server, settings, db, db_path
):
    """A chat follows nr. 350 (2022-2023) before Opvolger has ever polled: the number is
    followed, and the answer that cites it reaches the chat once."""
    with FakeTelegram() as fake:
        app = build_application(bot_settings(settings, fake, db_path), db, poll=None, jobs=False)

        async def script():
            async with RunningBot(app):
                fake.send_text(CAROL, "/track 350 2022-2023")
                await until(lambda: texts(fake, CAROL))
                assert "vraag nr. 350 (2022-2023)" in texts(fake, CAROL)[0]
                assert "nog niet opgehaald" in texts(fake, CAROL)[0]
                [sub] = list_subscriptions(db, CAROL)
                assert (sub.kind, sub.value) == ("question_number", "350 2022-2023")

                poll_once(db, settings, now=scenario_now(server))  # day 1: baseline
                switch(server, scenario, "day2")
                poll_once(db, settings, now=scenario_now(server))  # the answer citing 350
                await deliver_now(app)
                await deliver_now(app)
                alerts = texts(fake, CAROL)[1:]
                assert len(alerts) == 1, alerts
                assert "vraag nr. 170 (2023-2024)" in alerts[0]
                assert "vraag nr. 350 (2022-2023)" in alerts[0]

        asyncio.run(script())


def test_admins_hear_once_when_polling_keeps_failing_and_when_it_recovers(
    scenario, server, settings, db, db_path
):
    """One failed poll stays quiet; the third in a row is told to the admins, once; the
    first success after that is told too."""
    poll_once(db, settings, now=scenario_now(server))  # a good baseline
    with FakeTelegram() as fake:
        app = build_application(
            bot_settings(settings, fake, db_path),
            db,
            poll=make_poller(server, db_path),
            jobs=False,
        )

        async def script():
            async with RunningBot(app):
                server.add_fault(r"/api/search/", "status", status=500)
                for _ in range(4):
                    await run_poll(app)
                told = texts(fake, ADMIN)
                assert len(told) == 1, told
                assert "de laatste 3 controles" in told[0] and "500" in told[0]
                server.clear_faults()
                await run_poll(app)
                assert len(texts(fake, ADMIN)) == 2
                assert "lukken weer" in texts(fake, ADMIN)[1]
                await run_poll(app)
                assert len(texts(fake, ADMIN)) == 2
                assert texts(fake, ALICE) == []  # users hear nothing of it

        asyncio.run(script())


def test_commands_in_both_languages(scenario, server, settings, db, db_path, caplog):
    caplog.set_level(logging.DEBUG)
    poll_once(db, settings, now=scenario_now(server))
    switch(server, scenario, "day2")
    poll_once(db, settings, now=scenario_now(server))
    now = datetime(2024, 4, 24, 9, 0, tzinfo=BRUSSELS)

    with FakeTelegram() as fake:
        app = build_application(
            bot_settings(settings, fake, db_path), db, poll=None, jobs=False, clock=lambda: now
        )

        async def ask(chat, text):
            before = len(texts(fake, chat))
            fake.send_text(chat, text)
            await until(lambda: len(texts(fake, chat)) > before)
            await asyncio.sleep(0.05)  # multi-part replies
            return "\n".join(texts(fake, chat)[before:])

        async def script():
            async with RunningBot(app):
                welcome = await ask(ALICE, "/start")
                assert "Welkom" in welcome and "Integratie en Inburgering" in welcome
                assert [s.kind for s in list_subscriptions(db, ALICE)] == ["theme"]

                helptext = await ask(ALICE, "/help")
                for command in ("/track", "/untrack", "/list", "/vraag", "/promises",
                                "/digest", "/status", "/lang", "stil", "/ingelost",
                                "/opvolgvraag", "/export"):
                    assert command in helptext
                assert "/pollnow" not in helptext

                assert "zittingsjaar" in await ask(ALICE, "/track 350")
                assert "te lang" in await ask(ALICE, "/track " + "x" * 250)
                bad = await ask(ALICE, "/track <b>inburgering</b>")
                assert "<b>inburgering" not in bad and "leestekens" in bad
                person = await ask(ALICE, "/track tavernier")
                assert "parlementslid Annabel Tavernier" in person
                keyword = await ask(ALICE, "/track woord inburgeringsattest")
                assert "trefwoord „inburgeringsattest”" in keyword
                unknown = await ask(ALICE, "/track 1999999")
                assert "Je volgt nu vraag 1999999." in unknown and "nog niet" in unknown
                again = await ask(ALICE, "/track 1999999")
                assert "al" in again

                card = await ask(ALICE, "/vraag 170 2023-2024")
                assert "Inburgering - Brussels Hoofdstedelijk Gewest" in card
                assert "Annabel Tavernier" in card and "Gwendolyn Rutten" in card
                assert "nr. 350 (2022-2023)" in card  # what it cites
                assert "24 april 2024" in card
                assert "Opvolgingsketen" in card  # the ledger's chain block
                cited = await ask(ALICE, f"/vraag {Q350}")
                assert "nr. 170 (2023-2024)" in cited  # what cites it

                due = await ask(ALICE, "/promises due")
                assert "20 juni 2024" not in due or "Toezeggingen" in due
                allp = await ask(ALICE, "/promises")
                assert "Openstaande toezeggingen" in allp and "31 december 2024" in allp

                fake.send_text(ALICE, "/promises ics")
                doc = (await until(lambda: fake.calls_to("sendDocument", chat_id=ALICE)))[0]
                assert doc.params["document"]["filename"] == "opvolger-toezeggingen.ics"
                assert doc.params["document"]["size"] > 200
                assert "openstaande toezeggingen" in doc.params["caption"]

                status = await ask(ALICE, "/status")
                assert "Laatste controle" in status and "gelukt" in status

                assert "08:00" in await ask(ALICE, "/digest 08:00")
                assert "Je volgt" in await ask(ALICE, "/list")

                english = await ask(ALICE, "/lang en")
                assert "English" in english
                assert "Commands" in await ask(ALICE, "/help")
                assert "You follow" in await ask(ALICE, "/list")
                assert get_chat(db, ALICE).lang == "en"

        asyncio.run(script())
    assert TOKEN not in caplog.text


def test_daily_digest_arrives_at_its_time(scenario, server, settings, db, db_path):
    poll_once(db, settings, now=scenario_now(server))
    switch(server, scenario, "day2")
    poll_once(db, settings, now=scenario_now(server))  # events created 23 April 20:00

    clock = {"now": datetime(2024, 4, 24, 7, 59, tzinfo=BRUSSELS)}
    with FakeTelegram() as fake:
        app = build_application(
            bot_settings(settings, fake, db_path),
            db,
            poll=None,
            jobs=False,
            clock=lambda: clock["now"],
            limiter=Limiter(rate=0, chat_interval=0, group_interval=0),  # no real waiting
        )

        async def script():
            async with RunningBot(app):
                for chat, commands in (
                    (ALICE, ["/start", "/digest 08:00"]),  # the theme
                    (BOB, ["/track woord kernenergie", "/digest 08:00 stil"]),  # quiet days too
                    (CAROL, ["/track woord kernenergie", "/digest 08:00"]),
                    (GROUP, ["/start@opvolger_test_bot", "/digest@opvolger_test_bot 8:00"]),
                ):
                    for command in commands:
                        fake.send_text(chat, command)
                await until(lambda: all(len(texts(fake, c)) >= 2
                                        for c in (ALICE, BOB, CAROL, GROUP)))
                before = {c: len(texts(fake, c)) for c in (ALICE, BOB, CAROL, GROUP)}

                assert await digest_tick(app) == []  # 07:59: not yet
                clock["now"] = datetime(2024, 4, 24, 8, 0, tzinfo=BRUSSELS)
                sent = await digest_tick(app)
                assert sorted(sent) == sorted([ALICE, BOB, GROUP])  # Carol: nothing to say
                digest = "\n".join(texts(fake, ALICE)[before[ALICE]:])
                assert digest.startswith("🗞 <b>Opvolger — overzicht van 24 april 2024</b>")
                for heading in ("Nieuwe vragen", "Nieuwe antwoorden",
                                "Toezeggingen die binnen 7 dagen vervallen",
                                "Vervallen toezeggingen"):
                    assert heading in digest
                assert "vraag nr. 170 (2023-2024)" in digest
                assert "<b>24 april 2024</b>" in digest
                assert texts(fake, GROUP)[before[GROUP]:] == texts(fake, ALICE)[before[ALICE]:]
                assert "Niets nieuws" in texts(fake, BOB)[-1]
                assert len(texts(fake, CAROL)) == before[CAROL]
                # once a day only
                clock["now"] = datetime(2024, 4, 24, 8, 1, tzinfo=BRUSSELS)
                assert await digest_tick(app) == []
                # the next day at 08:00 again
                clock["now"] = datetime(2024, 4, 25, 8, 0, tzinfo=BRUSSELS)
                assert sorted(await digest_tick(app)) == sorted([ALICE, BOB, GROUP])
                assert "overzicht van 25 april 2024" in texts(fake, ALICE)[-1]
                assert "Nieuwe antwoorden" not in texts(fake, ALICE)[-1]  # already told

        asyncio.run(script())
    assert list_outbox(db, chat_id=ALICE) == []  # digests are not alerts


def test_build_needs_a_token(settings, db):
    from telegram.error import InvalidToken

    with pytest.raises(InvalidToken):
        build_application(replace(settings, telegram_token=None), db)


def test_errors_are_logged_and_told_to_admins_without_the_token(
    settings, db, db_path, caplog, monkeypatch
):
    caplog.set_level(logging.DEBUG)

    def broken(_db):
        raise RuntimeError(f"database exploded near {TOKEN}")

    monkeypatch.setattr("state.queries.last_poll", broken)
    with FakeTelegram() as fake:
        app = build_application(bot_settings(settings, fake, db_path), db, poll=None,
                                jobs=False)

        async def script():
            async with RunningBot(app):
                fake.send_text(ALICE, "/status")
                await until(lambda: texts(fake, ADMIN))

        asyncio.run(script())
        told = texts(fake, ADMIN)[0]
        assert "RuntimeError" in told and "database exploded" in told
        assert TOKEN not in told and "&lt;token&gt;" in told
    assert "Traceback" in caplog.text and "database exploded" in caplog.text
    assert TOKEN not in caplog.text


def test_the_job_queue_delivers_alerts_on_its_own(settings, db, db_path):
    """The real scheduler: the delivery job drains the outbox within a few seconds."""
    from monitor.routing import chats_for
    from state.chats import add_subscription, upsert_chat
    from state.events import Event, record_events

    upsert_chat(db, ALICE)
    add_subscription(db, ALICE, "question", str(Q170), "vraag nr. 170")
    question = {"id": Q170, "number": 170, "session_year": "2023-2024", "title": "Inburgering",
                "site_url": f"https://www.vlaamsparlement.be/x/{Q170}"}
    record_events(db, [Event(f"new_question:schv:{Q170}", "new_question", Q170,
                             {"question": question})], route=chats_for)
    with FakeTelegram() as fake:
        app = build_application(bot_settings(settings, fake, db_path), db, poll=None)
        names = sorted(job.name for job in app.job_queue.jobs())
        assert names == ["delivery", "digest"]

        async def script():
            async with RunningBot(app):
                await until(lambda: texts(fake, ALICE), timeout=10)

        asyncio.run(script())
        assert len(texts(fake, ALICE)) == 1 and "vraag nr. 170" in texts(fake, ALICE)[0]


def test_opvolger_bot_without_a_token_points_to_the_demo(monkeypatch, capsys):
    from monitor.cli import main

    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["bot"]) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "opvolger demo" in err
