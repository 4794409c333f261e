"""The daily digest: grouped, every item linked, quiet days only on request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digest import build_digest, digest_due
from monitor.poll import poll_once
from monitor.routing import normalise
from state.chats import add_subscription, get_chat, set_digest, set_lang, upsert_chat
from state.clock import BRUSSELS
from tests.conftest import scenario_now, switch

MORNING = datetime(2024, 4, 24, 8, 0, tzinfo=BRUSSELS)


@pytest.fixture
def polled(scenario, server, settings, db):
    poll_once(db, settings, now=scenario_now(server))
    switch(server, scenario, "day2")
    poll_once(db, settings, now=scenario_now(server))
    return db


def follow(db, chat_id, kind, value, label=None):
    upsert_chat(db, chat_id)
    add_subscription(db, chat_id, kind, value, label or value)


def test_digest_groups_and_links_every_item(polled):
    db = polled
    follow(db, 1, "theme", normalise("Integratie en Inburgering"), "Integratie en Inburgering")
    (text,) = build_digest(db, 1, now=MORNING)
    assert text.startswith("🗞 <b>Opvolger — overzicht van 24 april 2024</b>")
    sections = ["Nieuwe vragen", "Nieuwe antwoorden", "binnen 7 dagen vervallen",
                "Vervallen toezeggingen"]
    positions = [text.index(s) for s in sections]
    assert positions == sorted(positions)
    assert "vraag nr. 215 (2023-2024)" in text  # the new question of 22 April
    assert "volgt op vraag nr. 350 (2022-2023)" in text
    assert "<b>24 april 2024</b>" in text  # the minutes, due today
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert bullets and all('<a href="https://' in line for line in bullets)


def test_digest_is_scoped_to_the_chat(polled):
    db = polled
    follow(db, 2, "person", "pieter claeys", "Pieter Claeys")
    (text,) = build_digest(db, 2, now=MORNING)
    assert "vraag nr. 178 (2023-2024)" in text
    assert "vraag nr. 170" not in text and "vraag nr. 215" not in text


def test_quiet_day_only_on_request(polled):
    db = polled
    follow(db, 3, "keyword", "kernenergie")
    assert build_digest(db, 3, now=MORNING) is None
    set_digest(db, 3, "08:00", quiet=True)
    (text,) = build_digest(db, 3, now=MORNING)
    assert "Niets nieuws" in text


def test_english_digest(polled):
    db = polled
    follow(db, 4, "question", "1813507")
    set_lang(db, 4, "en")
    (text,) = build_digest(db, 4, now=MORNING)
    assert "digest of 24 April 2024" in text and "New answers" in text


def test_since_the_last_digest(polled):
    db = polled
    follow(db, 5, "theme", normalise("Integratie en Inburgering"))
    # the day after: nothing new happened, but the promises are still listed
    later = datetime(2024, 4, 25, 8, 0, tzinfo=BRUSSELS)
    (text,) = build_digest(db, 5, now=later)
    assert "Nieuwe antwoorden" not in text
    assert "Vervallen toezeggingen" in text


@pytest.mark.parametrize(
    ("now", "last", "due"),
    [
        (datetime(2024, 4, 24, 7, 59, tzinfo=BRUSSELS), None, False),
        (datetime(2024, 4, 24, 8, 0, tzinfo=BRUSSELS), None, True),
        (datetime(2024, 4, 24, 10, 30, tzinfo=BRUSSELS), None, True),  # catching up
        (datetime(2024, 4, 24, 11, 30, tzinfo=BRUSSELS), None, False),  # too late today
        (datetime(2024, 4, 24, 8, 5, tzinfo=BRUSSELS), "2024-04-24", False),  # sent today
        # 06:00 UTC is 08:00 in Brussels (summer time); yesterday's digest was sent
        (datetime(2024, 4, 24, 6, 0, tzinfo=UTC), "2024-04-23", True),
        (datetime(2024, 1, 24, 7, 0, tzinfo=UTC), None, True),  # winter time
    ],
)
def test_digest_due(db, now, last, due):
    upsert_chat(db, 9)
    set_digest(db, 9, "08:00")
    if last:
        from state.chats import mark_digest_sent

        mark_digest_sent(db, 9, last)
    assert digest_due(get_chat(db, 9), now) is due


def test_set_digest_validates():
    from state.db import open_db

    db = open_db(":memory:")
    upsert_chat(db, 1)
    for bad in ("25:00", "8", "aa:bb", "12:60"):
        with pytest.raises(ValueError):
            set_digest(db, 1, bad)
    set_digest(db, 1, "7:05", quiet=True)
    chat = get_chat(db, 1)
    assert (chat.digest_time, chat.digest_quiet) == ("07:05", True)
    set_digest(db, 1, None)
    assert get_chat(db, 1).digest_time is None


def test_late_answers_follow_the_pollers_overdue_reports(polled, server, settings):
    """Nr. 215 (asked 22 April 2024) had its deadline on 23 May; answers are published some
    15 working days later, so the poller reports it overdue only in mid-June — and the
    digest lists it from then on, with the deadline itself."""
    db = polled
    follow(db, 6, "question", "1820721")
    early = datetime(2024, 5, 28, 8, 0, tzinfo=BRUSSELS)
    poll_once(db, settings, now=early)
    assert "Antwoord laat" not in (build_digest(db, 6, now=early, quiet=True) or [""])[0]

    june = datetime(2024, 6, 20, 8, 0, tzinfo=BRUSSELS)
    poll_once(db, settings, now=june)
    (text,) = build_digest(db, 6, now=june)
    assert "vraag nr. 215 (2023-2024)" in text
    assert "termijn verstreek op 23 mei 2024" in text
