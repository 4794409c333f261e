"""Chats and subscriptions in the store: a chat only ever touches its own."""

from __future__ import annotations

import pytest

from state.chats import (
    UnknownKind,
    add_subscription,
    deactivate_chat,
    get_chat,
    get_subscription,
    list_subscriptions,
    migrate_chat,
    remove_subscription,
    set_lang,
    upsert_chat,
)
from state.db import open_db


@pytest.fixture
def db():
    return open_db(":memory:")


def test_subscriptions_are_idempotent_and_private(db):
    upsert_chat(db, 1)
    upsert_chat(db, 2)
    first = add_subscription(db, 1, "question", "1759384", "vraag nr. 350 (2022-2023)")
    assert add_subscription(db, 1, "question", "1759384", "again") == first
    add_subscription(db, 2, "keyword", "inburgering", "inburgering")
    assert [s.value for s in list_subscriptions(db, 1)] == ["1759384"]
    assert get_subscription(db, 2, first) is None
    assert remove_subscription(db, 2, first) is False  # not chat 2's
    assert len(list_subscriptions(db, 1)) == 1
    assert remove_subscription(db, 1, first) is True
    assert remove_subscription(db, 1, first) is False  # already gone
    with pytest.raises(UnknownKind):
        add_subscription(db, 1, "everything", "x", "x")


def test_user_text_is_data_not_sql(db):
    upsert_chat(db, 1, title="'); DROP TABLE chats; --")
    add_subscription(db, 1, "keyword", "'); DROP TABLE subscriptions; --", "x")
    assert get_chat(db, 1).title == "'); DROP TABLE chats; --"
    assert len(list_subscriptions(db, 1)) == 1


def test_upsert_keeps_language_and_reactivates(db):
    upsert_chat(db, 1)
    set_lang(db, 1, "en")
    deactivate_chat(db, 1)
    assert get_chat(db, 1).active is False
    upsert_chat(db, 1, title="Again")
    chat = get_chat(db, 1)
    assert (chat.active, chat.lang, chat.title) == (True, "en", "Again")
    with pytest.raises(ValueError):
        set_lang(db, 1, "fr")


def test_group_migrates_to_supergroup(db):
    upsert_chat(db, -5, type="group", title="Redactie")
    add_subscription(db, -5, "theme", "integratie en inburgering", "Integratie")
    migrate_chat(db, -5, -1005)
    assert get_chat(db, -5).active is False
    assert get_chat(db, -1005).type == "supergroup"
    assert [s.kind for s in list_subscriptions(db, -1005)] == ["theme"]
    assert list_subscriptions(db, -5) == []
