"""Numbered schema migrations; each runs in its own transaction.

The schema is explicit: tables never grow through `alter=True`. A new column or table is
a new migration appended at the end, never an edit of an applied one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("opvolger")


@migrations(name="0001_core")
def m0001_core(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,            -- the parliament's schv id
            number INTEGER,                    -- vraagnummer, restarts each session year
            session_year TEXT,                 -- '2023-2024'
            title TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            themes TEXT NOT NULL DEFAULT '[]', -- JSON array of theme names
            asker TEXT,
            asker_id INTEGER,
            minister TEXT,
            minister_id INTEGER,
            asked_on TEXT,                     -- ISO date
            answered_on TEXT,                  -- ISO date
            published_on TEXT,                 -- ISO date (search publicatiedatum)
            status TEXT NOT NULL,              -- 'asked' | 'answered'
            timely INTEGER,                    -- 1/0/NULL (the API's own flag)
            document_urls TEXT NOT NULL DEFAULT '[]',
            site_url TEXT,
            text TEXT,                         -- extracted text of the current document
            text_hash TEXT,                    -- sha256 of `text`
            content_hash TEXT NOT NULL,        -- hash of the normalised metadata
            raw TEXT NOT NULL DEFAULT '{}',    -- the detail JSON as received
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            answer_seen_at TEXT                -- when the answer became visible to us
        );
        CREATE INDEX questions_number ON questions(session_year, number);
        CREATE INDEX questions_asker ON questions(asker);
        CREATE INDEX questions_minister ON questions(minister);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES questions(id),
            url TEXT NOT NULL,
            sha256 TEXT NOT NULL,              -- of the downloaded bytes
            text_hash TEXT,
            text TEXT,
            content_type TEXT,
            size INTEGER,
            fetched_at TEXT NOT NULL,
            UNIQUE (question_id, url, sha256)
        );

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,          -- idempotency key, e.g. 'answered:schv:1813507'
            kind TEXT NOT NULL,
            question_id INTEGER,
            payload TEXT NOT NULL DEFAULT '{}',
            historical INTEGER NOT NULL DEFAULT 0,  -- baseline/backfill: never alerted
            created_at TEXT NOT NULL
        );
        CREATE INDEX events_question ON events(question_id);
        CREATE INDEX events_created ON events(created_at);

        CREATE TABLE poll_runs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'poll', -- 'poll' | 'backfill' | 'demo'
            started_at TEXT NOT NULL,
            finished_at TEXT,
            outcome TEXT NOT NULL DEFAULT 'running',  -- running | ok | error
            counts TEXT NOT NULL DEFAULT '{}',
            error TEXT
        );

        CREATE TABLE http_cache (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT NOT NULL
        );

        CREATE TABLE session_years (
            name TEXT PRIMARY KEY,             -- '2023-2024', 'BZ 2024'
            start TEXT NOT NULL,               -- ISO date
            "end" TEXT NOT NULL
        );

        CREATE TABLE refs (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES questions(id),
            part TEXT NOT NULL,                -- 'question' | 'answer'
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            span TEXT NOT NULL,
            kind TEXT NOT NULL,
            number INTEGER,
            date TEXT,
            session_year TEXT,
            target_id INTEGER,                 -- resolved stored question, NULL = unresolved
            confidence REAL,
            resolved_at TEXT,
            UNIQUE (question_id, part, start, "end")
        );
        CREATE INDEX refs_target ON refs(target_id);

        CREATE TABLE resemblances (
            question_id INTEGER NOT NULL,
            other_id INTEGER NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (question_id, other_id)
        );

        CREATE TABLE promises (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES questions(id),
            source TEXT NOT NULL DEFAULT 'promise',  -- promise | requested_document | attachment
            start INTEGER,
            "end" INTEGER,
            span TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,                -- dated | open | referral | document
            due TEXT,                          -- ISO date or NULL
            status TEXT NOT NULL DEFAULT 'open',  -- open due_soon overdue kept partly_kept dropped
            status_changed_at TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            UNIQUE (question_id, source, span)
        );
        CREATE INDEX promises_status ON promises(status, due);

        CREATE TABLE promise_history (
            id INTEGER PRIMARY KEY,
            promise_id INTEGER NOT NULL REFERENCES promises(id),
            status TEXT NOT NULL,
            at TEXT NOT NULL,
            evidence TEXT
        );

        CREATE TABLE subquestions (
            question_id INTEGER NOT NULL REFERENCES questions(id),
            label TEXT NOT NULL,               -- '1', '1a', ...
            text TEXT NOT NULL,
            status TEXT NOT NULL,  -- answered referred promised_later confidential not_addressed
            answer TEXT,
            PRIMARY KEY (question_id, label)
        );

        CREATE TABLE chats (
            id INTEGER PRIMARY KEY,            -- Telegram chat id
            type TEXT NOT NULL DEFAULT 'private',
            title TEXT,
            lang TEXT NOT NULL DEFAULT 'nl',
            active INTEGER NOT NULL DEFAULT 1,
            digest_time TEXT,                  -- 'HH:MM' Europe/Brussels, NULL = off
            digest_quiet INTEGER NOT NULL DEFAULT 0,  -- also send on quiet days
            last_digest_on TEXT,
            created_at TEXT NOT NULL,
            deactivated_at TEXT
        );

        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id),
            kind TEXT NOT NULL,                -- theme question person minister keyword promise
            value TEXT NOT NULL,               -- normalised value matched against events
            label TEXT NOT NULL,               -- what the user sees
            created_at TEXT NOT NULL,
            UNIQUE (chat_id, kind, value)
        );

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id),
            event_id INTEGER NOT NULL REFERENCES events(id),
            status TEXT NOT NULL DEFAULT 'pending',  -- pending sending sent dead
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            parts_sent INTEGER NOT NULL DEFAULT 0,   -- message parts Telegram accepted
            last_error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            UNIQUE (chat_id, event_id)
        );
        CREATE INDEX outbox_pending ON outbox(status, next_attempt_at);
        """
    )
