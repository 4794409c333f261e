"""`monitor.understand.analyse` on the seed document, stored in a real SQLite file."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from monitor.understand import analyse, resolve_pending
from state import findings, open_db

HERE = Path(__file__).parent / "fixtures" / "text"
NOW = datetime(2024, 4, 23, 9, 0)


def pdf_text(name: str) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(HERE / name).pages)


def question_row(schv: dict) -> dict:
    """A `questions` row as the poller stores it, from an open-data detail."""
    steps = {s["status"]: s["datum"][:10] for s in schv["procedureverloop"]}
    asked = next((d for s, d in steps.items() if s.startswith("Vraag gesteld")), None)
    answered = next((d for s, d in steps.items() if "beantwoord" in s), None)
    person = schv["vraagsteller"]
    minister = schv["minister"]
    return {
        "id": schv["id"],
        "number": int(schv["vraagnummer"]),
        "session_year": schv["zittingsjaar"],
        "title": schv["titel"],
        "subject": schv["onderwerp"],
        "themes": json.dumps(schv["thema"]),
        "asker": f"{person['voornaam']} {person['naam']}",
        "minister": f"{minister['voornaam']} {minister['naam']}",
        "asked_on": asked,
        "answered_on": answered,
        "status": "answered" if answered else "asked",
        "content_hash": "x",
        "first_seen": "2024-04-23T09:00:00+02:00",
        "last_seen": "2024-04-23T09:00:00+02:00",
    }


def store(db, *ids: int) -> None:
    for schv_id in ids:
        schv = json.loads((HERE / f"schv-{schv_id}.json").read_text(encoding="utf-8"))
        db["questions"].insert(question_row(schv))


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "t.db")
    # the seed question and the three questions numbered 350 in 2022-2023
    store(database, 1813507, 1759384, 1718266, 1672941)
    return database


@pytest.fixture(scope="module")
def seed_text() -> str:
    return pdf_text("pfile-2058696.pdf")


def test_seed_pdf_text_has_both_parts(seed_text):
    assert "ANTWOORD" in seed_text and "BIJLAGE:" in seed_text


def test_analyse_seed(db, seed_text):
    summary = analyse(db, 1813507, seed_text, doc_date=date(2024, 4, 2), now=NOW)
    json.dumps(summary)  # the event payload must be JSON

    refs = {r["kind"]: r for r in summary["references"]}
    # "uw eerdere vraag 350 d.d. 9 juni 2023" → Tavernier's nr. 350, not the other two
    wq = refs["written_question"]
    assert (wq["number"], wq["date"], wq["session_year"]) == (350, "2023-06-09", "2022-2023")
    assert wq["target_id"] == 1759384
    assert wq["target_label"] == "vraag nr. 350 (2022-2023)"
    assert 0.6 <= wq["confidence"] <= 1
    # "de gedachtewisseling ... van 15 november 2023": a debate, not a stored question
    debate = refs["debate"]
    assert (debate["date"], debate["session_year"], debate["target_id"]) == (
        "2023-11-15",
        "2023-2024",
        None,
    )
    assert len(summary["references"]) == 2

    promises = [(p["kind"], p["due"]) for p in summary["promises"]]
    assert ("dated", "2024-04-24") in promises
    assert ("dated", "2024-06-20") in promises
    assert ("dated", "2024-12-31") in promises
    assert ("open", None) in promises
    assert promises.count(("referral", None)) == 2
    # the minutes were asked for and not attached: a requested document on the ledger
    assert ("document", None) in promises
    requested = [p for p in summary["promises"] if p["kind"] == "document"]
    assert len(requested) == 1 and "notulen" in requested[0]["subject"]

    status = {s["label"]: s["status"] for s in summary["subquestions"]}
    assert status["1d"] == "referred"
    assert status["4"] == "answered"  # the letter is attached (BIJLAGE)
    assert status["5"] == "promised_later"  # partly ter inzage, partly due 24 April
    assert status["1b"] == "promised_later"  # "Dit wordt verder gemonitord"

    stored = findings.list_findings(db, 1813507)
    assert len(stored["refs"]) == 2
    target = [r for r in stored["refs"] if r["target_id"] is not None]
    assert [r["target_id"] for r in target] == [1759384]
    assert {r["part"] for r in stored["refs"]} == {"question", "answer"}
    assert len(stored["promises"]) == len(summary["promises"])
    assert {s["label"] for s in stored["subquestions"]} >= {"1", "1a", "1d", "4", "5"}
    for row in (*stored["refs"], *stored["promises"]):
        assert seed_text[row["start"] : row["end"]] == row["span"]
    # "what cites it"
    assert [r["question_id"] for r in findings.refs_citing(db, 1759384)] == [1813507]


def test_analyse_is_idempotent_and_keeps_ledger_status(db, seed_text):
    first = analyse(db, 1813507, seed_text, doc_date=date(2024, 4, 2), now=NOW)
    dated = next(p for p in first["promises"] if p["due"] == "2024-04-24")
    db.execute("UPDATE promises SET status = 'kept' WHERE id = ?", [dated["id"]])
    second = analyse(db, 1813507, seed_text, doc_date=date(2024, 4, 2), now=NOW)
    assert [p["id"] for p in second["promises"]] == [p["id"] for p in first["promises"]]
    assert second["references"] == first["references"]
    status = db.execute("SELECT status FROM promises WHERE id = ?", [dated["id"]]).fetchone()[0]
    assert status == "kept"
    assert db.execute("SELECT count(*) FROM refs").fetchone()[0] == 2


def test_analyse_runs_inside_the_callers_transaction(db, seed_text):
    with pytest.raises(RuntimeError), db.atomic():
        analyse(db, 1813507, seed_text, doc_date=date(2024, 4, 2), now=NOW)
        raise RuntimeError("the poll failed")
    assert db.execute("SELECT count(*) FROM promises").fetchone()[0] == 0


def test_resolve_pending_links_a_question_stored_later(tmp_path, seed_text):
    db = open_db(tmp_path / "t.db")
    store(db, 1813507, 1718266, 1672941)  # Tavernier's nr. 350 is not stored yet
    summary = analyse(db, 1813507, seed_text, doc_date=date(2024, 4, 2), now=NOW)
    wq = next(r for r in summary["references"] if r["kind"] == "written_question")
    assert wq["target_id"] is None  # not linked to somebody else's nr. 350
    store(db, 1759384)
    resolved = resolve_pending(db, 1759384, now=NOW)
    assert [(r["question_id"], r["target_id"]) for r in resolved] == [(1813507, 1759384)]
    assert resolved[0]["target_label"] == "vraag nr. 350 (2022-2023)"
    assert resolve_pending(db, 1759384, now=NOW) == []  # only once


def test_resemblance_finds_the_earlier_question(tmp_path):
    db = open_db(tmp_path / "t.db")
    store(db, 1813507, 1759384, 1718266, 1672941)
    text = "SCHRIFTELIJKE VRAAG\nnr. 170\nEen korte vraag zonder verwijzingen?"
    db.execute("UPDATE refs SET target_id = NULL")
    summary = analyse(db, 1759384, text, doc_date=date(2023, 6, 9), now=NOW)
    assert summary["resembles"] == []  # nothing earlier than 9 June 2023 on the theme
    summary = analyse(db, 1813507, text, doc_date=date(2024, 3, 15), now=NOW)
    assert [r["id"] for r in summary["resembles"]][:1] == [1759384]
    assert all(0 <= r["score"] <= 1 for r in summary["resembles"])
