"""Delivery of the outbox through the fake Bot API server: limits, retries, blocked chats,
and exactly-once across a killed worker."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from telegram import Bot

from bot.delivery import ConsoleSender, Limiter, TelegramSender, deliver_pending
from bot.render import render_event
from monitor.routing import chats_for
from state.chats import add_subscription, get_chat, upsert_chat
from state.clock import BRUSSELS
from state.db import open_db
from state.events import Event, record_events
from state.outbox import list_outbox, outbox_counts
from tests.fake_telegram import FakeTelegram, Limits

TOKEN = "1234567:delivery-test-token"
ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).parent / "fixtures" / "bot" / "deliver_worker.py"
T0 = datetime(2024, 4, 23, 20, 0, tzinfo=BRUSSELS)


def question(qid: int = 1813507, title: str = "Inburgering - Brussel") -> dict:
    return {
        "id": qid,
        "number": 170,
        "session_year": "2023-2024",
        "title": title,
        "asker": "Annabel Tavernier",
        "minister": "Gwendolyn Rutten",
        "themes": ["Integratie en Inburgering"],
        "site_url": f"https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/{qid}",
        "document_url": "https://docs.vlaamsparlement.be/pfile?id=2058696",
        "asked_on": "2024-03-15",
        "status": "asked",
    }


def long_payload(qid: int) -> dict:
    """An answer with so many promises that its message takes two parts."""
    promises = [
        {"id": i, "span": f"Toezegging {i}: " + "de minister zal dit opvolgen " * 8,
         "kind": "dated", "due": "2024-06-20"}
        for i in range(15)
    ]
    return {"question": question(qid, "Lang antwoord"), "promises": promises}


def setup_chats(db, chat_ids, *, now=T0):
    for chat_id in chat_ids:
        upsert_chat(db, chat_id, type="private" if chat_id > 0 else "group")
        add_subscription(db, chat_id, "theme", "integratie en inburgering", "Integratie")


def record(db, key, payload, kind="new_question", now=T0):
    return record_events(
        db, [Event(key, kind, payload["question"]["id"], payload)], route=chats_for, now=now
    )


class FakeClock:
    """A monotonic clock the Limiter sleeps on without sleeping."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


def run(coro):
    return asyncio.run(coro)


async def drain(fake, db, *, now=None, limiter=None, **kwargs):
    async with Bot(TOKEN, base_url=fake.base_url) as bot:
        sender = TelegramSender(bot, limiter or Limiter(rate=0, chat_interval=0))
        return await deliver_pending(db, sender, now=now, **kwargs)


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "opvolger.db")
    yield database
    database.close()


def test_delivers_each_alert_once_in_html(db):
    setup_chats(db, [1, 2])
    record(db, "new_question:schv:1", {"question": question(1, "Vraag <over> A&B")})
    with FakeTelegram() as fake:
        report = run(drain(fake, db, now=T0))
        again = run(drain(fake, db, now=T0 + timedelta(hours=1)))
        assert report.sent == 2 and again.sent == 0
        calls = fake.calls_to("sendMessage")
        assert sorted(c.params["chat_id"] for c in calls) == [1, 2]
        text = calls[0].params["text"]
        assert calls[0].params["parse_mode"] == "HTML"
        assert "Vraag &lt;over&gt; A&amp;B" in text
        assert 'href="https://www.vlaamsparlement.be/' in text
    assert outbox_counts(db) == {"sent": 2}


def test_429_retry_after_is_honoured(db):
    setup_chats(db, [1, 2])
    record(db, "new_question:schv:1", {"question": question(1)})
    clock = FakeClock()
    limiter = Limiter(rate=30, chat_interval=1.0, clock=clock, sleep=clock.sleep)
    with FakeTelegram() as fake:
        fake.fail("sendMessage", status=429, retry_after=7, chat_id=1)
        report = run(drain(fake, db, now=T0, limiter=limiter))
        assert report.rate_limited == 1
        row = list_outbox(db, chat_id=1)[0]
        assert row["status"] == "pending" and row["attempts"] == 0
        assert datetime.fromisoformat(row["next_attempt_at"]) == T0 + timedelta(seconds=7)
        # every later send waited for the pause
        assert limiter._paused_until >= clock.t - 0.001 or sum(clock.slept) >= 7 - 0.001
        # not due before 7 s; due after
        assert run(drain(fake, db, now=T0 + timedelta(seconds=6), limiter=limiter)).sent == 0
        assert run(drain(fake, db, now=T0 + timedelta(seconds=7), limiter=limiter)).sent == 1
        assert len(fake.calls_to("sendMessage", chat_id=1)) == 1
    assert outbox_counts(db) == {"sent": 2}


def test_403_deactivates_the_chat_and_kills_its_alerts(db):
    setup_chats(db, [1, 2])
    record(db, "new_question:schv:1", {"question": question(1)})
    record(db, "new_question:schv:2", {"question": question(2)})
    with FakeTelegram() as fake:
        fake.fail("sendMessage", status=403, chat_id=2)
        report = run(drain(fake, db, now=T0))
        assert report.deactivated == {2}
        assert get_chat(db, 2).active is False
        assert {r["status"] for r in list_outbox(db, chat_id=2)} == {"dead"}
        assert {r["status"] for r in list_outbox(db, chat_id=1)} == {"sent"}
        # a blocked chat is routed nothing new
        record(db, "new_question:schv:3", {"question": question(3)})
        assert [r["chat_id"] for r in list_outbox(db) if r["status"] == "pending"] == [1]
        # /start again (upsert) reactivates it
        upsert_chat(db, 2)
        assert get_chat(db, 2).active is True


def test_network_errors_and_5xx_back_off_then_succeed(db):
    setup_chats(db, [1])
    record(db, "new_question:schv:1", {"question": question(1)})
    with FakeTelegram() as fake:
        fake.fail("sendMessage", status=500, times=2)
        first = run(drain(fake, db, now=T0))
        row = list_outbox(db)[0]
        assert first.retried == 1 and row["status"] == "pending" and row["attempts"] == 1
        assert "Internal Server Error" in row["last_error"]
        assert datetime.fromisoformat(row["next_attempt_at"]) == T0 + timedelta(seconds=5)
        second = run(drain(fake, db, now=T0 + timedelta(seconds=5)))
        row = list_outbox(db)[0]
        assert second.retried == 1 and row["attempts"] == 2
        assert datetime.fromisoformat(row["next_attempt_at"]) == T0 + timedelta(seconds=15)
        third = run(drain(fake, db, now=T0 + timedelta(seconds=15)))
        assert third.sent == 1
        assert len(fake.calls_to("sendMessage")) == 1


def test_gives_up_after_max_attempts(db):
    setup_chats(db, [1])
    record(db, "new_question:schv:1", {"question": question(1)})
    with FakeTelegram() as fake:
        fake.fail("sendMessage", status=502, times=10)
        now = T0
        for _ in range(3):
            run(drain(fake, db, now=now, max_attempts=3))
            now += timedelta(hours=2)
        assert list_outbox(db)[0]["status"] == "dead"


def test_unparsable_html_is_resent_as_plain_text(db):
    setup_chats(db, [1])
    record(db, "new_question:schv:1", {"question": question(1)})
    with FakeTelegram() as fake:
        fake.fail("sendMessage", status=400, description="Bad Request: can't parse entities")
        report = run(drain(fake, db, now=T0))
        assert report.sent == 1
        sent = fake.calls_to("sendMessage")[0].params
        assert "parse_mode" not in sent and "<b>" not in sent["text"]


def test_multipart_message_is_split_and_sent_in_order(db):
    setup_chats(db, [1])
    payload = long_payload(1)
    record(db, "answered:schv:1", payload, kind="answered")
    parts = render_event({"kind": "answered", "payload": payload})
    assert len(parts) >= 2 and all(len(p) < 4096 for p in parts)
    with FakeTelegram() as fake:
        run(drain(fake, db, now=T0))
        assert fake.texts(1) == parts
    row = list_outbox(db)[0]
    assert row["parts_sent"] == len(parts) and row["status"] == "sent"


def test_killed_worker_restarted_delivers_each_alert_exactly_once(db, tmp_path):
    """A worker process is killed (SIGKILL) while Telegram has not yet accepted its 9th
    message, in the middle of a two-part alert. A restarted worker sends every remaining
    message once: what was accepted before the kill is not repeated, the half-sent
    alert resumes at its second part."""
    chats = [1, 2, 3, 4, 5]
    setup_chats(db, chats)
    record(db, "new_question:schv:1", {"question": question(1)})
    record(db, "answered:schv:2", long_payload(2), kind="answered")
    short = render_event({"kind": "new_question", "payload": {"question": question(1)}})
    long = render_event({"kind": "answered", "payload": long_payload(2)})
    assert len(short) == 1 and len(long) == 2
    with FakeTelegram() as fake:
        # oldest first: the short alert to chats 1-5, the long one to chat 1 (2 parts),
        # to chat 2 part 1 … and part 2 is held
        fake.hold(after=8)
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
        worker = subprocess.Popen(
            [sys.executable, str(WORKER), str(tmp_path / "opvolger.db"), fake.base_url],
            env=env,
            cwd=ROOT,
        )
        try:
            assert fake.held.wait(30), "the worker never reached the 9th message"
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        finally:
            if worker.poll() is None:
                worker.kill()
        fake.release(drop=True)  # the held message was never accepted
        assert len(fake.calls_to("sendMessage")) == 8
        half = [r for r in list_outbox(db) if r["status"] == "sending"]
        assert [(r["chat_id"], r["parts_sent"]) for r in half] == [(2, 1)]

        # restarted at once: the dead worker's claim is resumed at part 2 (the restarted
        # worker holds the drain lock, so it knows that claim's owner is gone)
        restart = run(drain(fake, db, now=datetime.now(BRUSSELS)))
        assert restart.recovered == 1
        assert restart.sent == 4 and restart.parts == 1 + 3 * 2
        for chat_id in chats:
            assert sorted(fake.texts(chat_id)) == sorted(short + long), chat_id
        assert len(fake.calls_to("sendMessage")) == 15
    assert outbox_counts(db) == {"sent": 10}


def test_stays_within_telegram_limits(db):
    """45 chats through a server that answers 429 past ~30/s and 1/s per chat."""
    chats = list(range(1, 46))
    setup_chats(db, chats)
    record(db, "new_question:schv:1", {"question": question(1)})
    record(db, "new_question:schv:2", {"question": question(2)})  # a 2nd message per chat
    with FakeTelegram(limits=Limits()) as fake:
        started = time.monotonic()
        report = run(drain(fake, db, now=T0, limiter=Limiter()))
        elapsed = time.monotonic() - started
        assert report.sent == 90 and report.rate_limited == 0 and fake.rate_limited == 0
        assert elapsed < 10.0  # ~3.2 s at 28 msg/s
        # one chat's two messages are at least a second apart
        times = [c.at for c in fake.calls_to("sendMessage", chat_id=7)]
        assert len(times) == 2 and times[1] - times[0] >= 0.95


def test_limiter_spaces_groups_and_pauses():
    clock = FakeClock()
    limiter = Limiter(rate=10, chat_interval=1.0, group_interval=3.0, clock=clock,
                      sleep=clock.sleep)
    start = clock.t
    slots = [limiter._reserve(-5) - start for _ in range(3)]
    assert slots == [0.0, 3.0, 6.0]  # a group: 20/min
    private = [limiter._reserve(c) - start for c in (1, 2, 3)]
    assert private[0] == pytest.approx(0.1) and private[2] == pytest.approx(0.3)  # 10/s
    limiter.pause(5)
    assert limiter._reserve(9) - start >= 5


def test_console_sender_prints_plain_text(db):
    setup_chats(db, [7])
    record(db, "new_question:schv:1", {"question": question(1, "Vraag <x>")})
    stream = io.StringIO()
    report = run(deliver_pending(db, ConsoleSender(stream), now=T0))
    out = stream.getvalue()
    assert report.sent == 1
    assert "Vraag <x>" in out and "<b>" not in out
    assert "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/1" in out


def test_unknown_event_kinds_are_delivered_generically(db):
    setup_chats(db, [1])
    record(db, "promise_weird:1", {"question": question(1), "whatever": [1, 2]},
           kind="promise_weird")
    stream = io.StringIO()
    assert run(deliver_pending(db, ConsoleSender(stream), now=T0)).sent == 1
    assert "promise_weird" in stream.getvalue()


def test_claims_are_exclusive_and_leases_expire(db, tmp_path):
    from state import outbox

    setup_chats(db, [1, 2, 3, 4])
    record(db, "new_question:schv:1", {"question": question(1)})
    other = open_db(tmp_path / "opvolger.db")  # a second worker, its own connection
    mine = outbox.claim_due(db, now=T0, limit=2, lease_seconds=60)
    theirs = outbox.claim_due(other, now=T0, limit=10, lease_seconds=60)
    assert {c.chat_id for c in mine} == {1, 2} and {c.chat_id for c in theirs} == {3, 4}
    # a live lease is not taken over; an expired one is, and the old owner loses the row
    assert outbox.claim_due(other, now=T0 + timedelta(seconds=30), limit=10) == []
    taken = outbox.claim_due(other, now=T0 + timedelta(seconds=61), limit=10, lease_seconds=60)
    assert {c.id for c in taken} == {c.id for c in mine} | {c.id for c in theirs}
    assert outbox.record_part(db, mine[0], 1, 1) is False
    assert outbox.record_part(other, taken[0], 1, 1) is True
    other.close()


def test_the_unavoidable_window_repeats_at_most_the_one_part(db, tmp_path):
    """Killed after Telegram accepted a message but before the commit recording it: the
    restarted worker repeats exactly that one message, nothing else."""
    setup_chats(db, [1, 2, 3])
    record(db, "new_question:schv:1", {"question": question(1)})
    with FakeTelegram() as fake:
        fake.hold(after=1)
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
        worker = subprocess.Popen(
            [sys.executable, str(WORKER), str(tmp_path / "opvolger.db"), fake.base_url],
            env=env,
            cwd=ROOT,
        )
        try:
            assert fake.held.wait(30)
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        finally:
            if worker.poll() is None:
                worker.kill()
        fake.release(drop=False)  # Telegram accepts it; the worker never hears so
        fake.wait_for(lambda: len(fake.calls_to("sendMessage")) == 2)
        run(drain(fake, db, now=datetime.now(BRUSSELS)))
        counts = {c: len(fake.texts(c)) for c in (1, 2, 3)}
        assert sorted(counts.values()) == [1, 1, 2]  # one duplicate: chat 2's message
        assert counts[2] == 2
    assert outbox_counts(db) == {"sent": 3}


def test_unreachable_api_is_retried_later(db):
    setup_chats(db, [1])
    record(db, "new_question:schv:1", {"question": question(1)})
    fake = FakeTelegram().start()
    fake.stop()  # nothing listens on its port any more

    from telegram.request import HTTPXRequest

    async def go():
        bot = Bot(TOKEN, base_url=fake.base_url, request=HTTPXRequest(connect_timeout=0.5))
        return await deliver_pending(db, TelegramSender(bot, Limiter(rate=0)), now=T0)

    report = run(go())
    row = list_outbox(db)[0]
    assert report.retried == 1 and row["status"] == "pending" and row["attempts"] == 1
    assert "NetworkError" in row["last_error"] or "TimedOut" in row["last_error"]


def test_a_proposal_alert_carries_the_verdict_buttons(db):
    setup_chats(db, [1])
    payload = {
        "question": question(1),
        "promise": {"id": 7, "span": "worden op 24 april 2024 goedgekeurd", "kind": "dated",
                    "due": "2024-04-24", "status": "due_soon"},
        "evidence": {"question": {"id": 1820721, "number": 215, "session_year": "2023-2024"},
                     "excerpt": "De verslagen werden op 24 april goedgekeurd."},
    }
    record(db, "promise_proposed_kept:7:1820721", payload, kind="promise_proposed_kept")
    with FakeTelegram() as fake:
        run(drain(fake, db, now=T0))
        (call,) = fake.calls_to("sendMessage", chat_id=1)
    markup = call.params["reply_markup"]
    buttons = [b["callback_data"] for row in markup["inline_keyboard"] for b in row]
    assert buttons == ["lg:ok:7:1820721", "lg:no:7:1820721"]
    assert "Bewijs:" in call.params["text"] and "vraag nr. 215 (2023-2024)" in call.params["text"]
    assert "werden op 24 april goedgekeurd" in call.params["text"]


def test_one_drainer_per_database(db):
    from bot.delivery import DrainLock

    setup_chats(db, [1])
    record(db, "new_question:schv:1", {"question": question(1)})
    other = DrainLock(db)
    assert other.acquire() is True  # another process is draining
    try:
        report = run(deliver_pending(db, ConsoleSender(io.StringIO()), now=T0))
        assert report.busy and report.sent == 0
    finally:
        other.release()
    assert run(deliver_pending(db, ConsoleSender(io.StringIO()), now=T0)).sent == 1
    assert DrainLock(open_db(":memory:")).acquire() is None  # nothing to lock in memory
