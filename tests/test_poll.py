"""The poll cycle against the fixture server: baseline, no-change polls, new answers."""

from __future__ import annotations

import json
import shutil
from datetime import date

from monitor.backfill import backfill
from state import runs
from state.questions import get_question, status_counts
from tests.conftest import events, poll, subscribe_console, switch, table_counts


def republish(search, schv_id: int, published: str) -> None:
    """Show `schv_id` again in the search results, newest first, with a later date."""
    data = json.loads(search.read_text(encoding="utf-8"))
    results = data["result"]
    for result in results:
        tags = result["metatags"]["metatag"]
        if any(t["name"] == "opendata" and t["value"].endswith(f"/{schv_id}") for t in tags):
            for tag in tags:
                if tag["name"] == "publicatiedatum":
                    tag["value"] = published
            results.remove(result)
            results.insert(0, result)
            break
    else:
        raise AssertionError(f"{schv_id} is not listed")
    search.write_text(json.dumps(data), encoding="utf-8")


ON_THEME_DAY1 = {1814697, 1813507, 1812232, 1809124, 1819601, 1759384}


def test_first_poll_ingests_everything_listed_as_a_baseline(db, server, settings):
    subscribe_console(db)
    result = poll(db, settings, server)

    assert result.ok and result.baseline, result.errors
    stored = {r["id"] for r in db.query("SELECT id FROM questions")}
    assert stored == ON_THEME_DAY1  # off-theme results (1814500, 1820101) are left out
    # The two answered questions come with their document text.
    late = get_question(db, 1809124)
    assert late["status"] == "answered" and late["timely"] is False
    assert "SCHRIFTELIJKE VRAAG" in late["text"]
    assert get_question(db, 1759384)["document_urls"] == [
        "https://docs.vlaamsparlement.be/pfile?id=1971860"
    ]
    assert table_counts(db)["documents"] == 2
    # Everything is historical: nothing is alerted, even to a subscribed chat.
    keys = {e["key"] for e in events(db)}
    assert keys == {
        "answered_late:schv:1809124",
        "answered:schv:1759384",
        "new_question:schv:1814697",
        "new_question:schv:1813507",
        "new_question:schv:1812232",
        "new_question:schv:1819601",
        # nr. 350's promises ("tegen eind 2023", "najaar van 2023") are long past due
        "promise_overdue:3",
        "promise_overdue:4",
    }
    # nr. 170, asked 15 March, had its deadline on 15 April (Easter Monday counted out), but
    # answers are published some 15 working days after they are given: it is not reported
    # as overdue yet (and indeed it turns out answered on 2 April, published 23 April).
    assert not [k for k in keys if k.startswith("answer_overdue")]
    assert all(e["historical"] for e in events(db))
    assert table_counts(db)["outbox"] == 0
    run = runs.last_run(db)
    assert run["outcome"] == "ok" and run["error"] is None
    assert run["counts"]["new"] == 6 and run["counts"]["watermark"] == "2024-04-19"
    assert db.execute("SELECT COUNT(*) FROM session_years").fetchone()[0] == 8
    # Every request names the project.
    assert all("Opvolger" in (r.user_agent or "") for r in server.requests)


def test_second_poll_of_unchanged_data_writes_nothing(db, server, settings):
    assert poll(db, settings, server).ok
    before = table_counts(db)
    snapshot = list(db.query("SELECT * FROM questions ORDER BY id"))
    server.clear_log()
    changes = db.conn.total_changes

    result = poll(db, settings, server)

    assert result.ok and not result.baseline
    # Only the three conditional GETs it must make, all answered 304.
    assert [(r.path, r.status) for r in server.requests] == [
        ("/e/opendata/zj/alle", 304),
        ("/api/search/query/schriftelijke%20vraag", 304),
        ("/nl/themas/integratie-en-inburgering", 304),
    ]
    assert all(r.if_none_match for r in server.requests)
    assert table_counts(db) == before
    assert list(db.query("SELECT * FROM questions ORDER BY id")) == snapshot
    # The only writes are the run's own row (insert + finish).
    assert db.conn.total_changes - changes == 2
    assert result.counts["events"] == 0


def test_a_new_answer_yields_exactly_one_answered_event(db, server, settings, scenario):
    subscribe_console(db, chat_id=42)
    assert poll(db, settings, server).ok
    switch(server, scenario, "day2")

    result = poll(db, settings, server)

    assert result.ok, result.errors
    fresh = events(db, historical=False)
    keys = [e["key"] for e in fresh]
    assert keys.count("answered:schv:1813507") == 1
    assert set(keys) == {
        "answered:schv:1814697",
        "answered:schv:1813507",
        "answered:schv:1812232",
        "new_question:schv:1820721",
    }
    seed = get_question(db, 1813507)
    assert seed["status"] == "answered" and seed["published_on"] == "2024-04-23"
    assert seed["answer_seen_at"].startswith("2024-04-23")
    assert "BIJLAGE: 1.Welkomstbrief Bon Nederlands" in " ".join(seed["text"].split())
    # One alert per event for the chat that follows the theme.
    outbox = list(db.query("SELECT chat_id, event_id FROM outbox"))
    assert len(outbox) == 4 and {r["chat_id"] for r in outbox} == {42}
    payload = json.loads(
        db.execute("SELECT payload FROM events WHERE key = 'answered:schv:1813507'").fetchone()[0]
    )
    question = payload["question"]
    assert question["number"] == 170 and question["session_year"] == "2023-2024"
    assert question["document_url"] == "https://docs.vlaamsparlement.be/pfile?id=2058696"
    assert question["site_url"].endswith("/schriftelijke-vragen/1813507")
    assert question["timely"] is True and question["asker"] == "Annabel Tavernier"
    for key in ("references", "promises", "subquestions", "resembles"):
        assert isinstance(payload[key], list)

    # The same data again: nothing new, no second alert.
    outbox_before = table_counts(db)["outbox"]
    again = poll(db, settings, server)
    assert again.ok and again.counts["events"] == 0
    assert table_counts(db)["outbox"] == outbox_before


def test_listing_stops_at_known_items(db, server, settings, scenario):
    assert poll(db, settings, server).ok
    switch(server, scenario, "day2")
    poll(db, settings, server)
    pages = [r.query for r in server.requests if r.path.startswith("/api/search")]
    # Pages of 4, watermark 2024-04-19: page 3 is the first with older results.
    assert len(pages) == 3
    details = [r.path for r in server.requests if r.path.startswith("/e/opendata/schv/")]
    # Only the new and the changed questions are fetched, never the known, unchanged ones.
    assert sorted(details) == sorted(
        f"/e/opendata/schv/{i}" for i in (1814697, 1813507, 1820721, 1812232)
    )


def test_theme_page_brings_in_questions_the_search_missed(db, server, settings, scenario):
    page = scenario / "day1" / "site" / "nl" / "themas" / "integratie-en-inburgering.html"
    html = page.read_text(encoding="utf-8")
    # An absolute link with /nl/ prefix to a question the search does not list (yet).
    extra = (
        '<a href="https://www.vlaamsparlement.be/nl/parlementaire-documenten/'
        'schriftelijke-vragen/1820721?x=1">nieuw</a>'
    )
    page.write_text(html.replace("</main>", extra + "</main>"), encoding="utf-8")

    result = poll(db, settings, server)

    assert result.ok, result.errors
    assert result.counts["from_theme_page"] == 1
    assert get_question(db, 1820721)["published_on"] is None


def test_changed_answer_text_yields_answer_changed_with_diff(db, server, settings, scenario):
    subscribe_console(db)
    assert poll(db, settings, server).ok
    # The answer of nr. 350 is replaced by another document; the listing shows it again.
    documents = scenario.parent / "documents" / "pfile"
    shutil.copy(documents / "2057565.pdf", documents / "1971860.pdf")
    republish(scenario / "day1" / "search.json", 1759384, "2024-04-20")

    result = poll(db, settings, server)

    assert result.ok, result.errors
    changed = [e for e in events(db, historical=False) if e["kind"] == "answer_changed"]
    assert len(changed) == 1 and changed[0]["key"].startswith("answer_changed:schv:1759384:")
    payload = json.loads(
        db.execute("SELECT payload FROM events WHERE kind = 'answer_changed'").fetchone()[0]
    )
    assert payload["diff"] and len(payload["diff"].splitlines()) <= 9
    assert table_counts(db)["documents"] == 3  # both versions are kept


def test_backfill_records_a_historical_baseline(db, server, settings, scenario):
    switch(server, scenario, "day2")
    subscribe_console(db)
    result = backfill(db, settings, date(2024, 4, 19), progress=False)

    assert result.ok and result.kind == "backfill", result.errors
    stored = {r["id"] for r in db.query("SELECT id FROM questions")}
    # Published on or after 19 April: not nr. 350 (2023) nor nr. 209 (16 April).
    assert stored == {1814697, 1813507, 1820721, 1812232, 1809124}
    assert all(e["historical"] for e in events(db))
    assert table_counts(db)["outbox"] == 0
    # After a backfill, a poll is no longer a baseline.
    assert not poll(db, settings, server).baseline


def test_status_counts(db, server, settings, scenario):
    poll(db, settings, server)
    switch(server, scenario, "day2")
    poll(db, settings, server)
    counts = status_counts(db)
    assert counts["questions"] == 7 and counts["answered"] == 5
    assert counts["events"] == len(events(db))
    assert counts["open_promises"] >= 0
