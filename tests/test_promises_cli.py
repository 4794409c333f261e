"""`opvolger promises`: table, filters, exports and actions, against a real SQLite file."""

from __future__ import annotations

import argparse
import csv
import io
import json

import icalendar
import pytest

from monitor.commands import promises
from state import ledger as store
from state import open_db
from tests.test_ledger_support import (
    SEED_ID,
    add_later_answer,
    add_seed_entries,
    add_seed_question,
)


def run(*argv: str) -> int:
    """Parse and run like `opvolger promises ...` (only this sub-command registered)."""
    parser = argparse.ArgumentParser(prog="opvolger")
    promises.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["promises", *argv])
    return args.func(args)


@pytest.fixture
def seeded(tmp_path, monkeypatch):
    path = tmp_path / "t.db"
    monkeypatch.setenv("OPVOLGER_DB", str(path))
    db = open_db(path)
    add_seed_question(db)
    return db, add_seed_entries(db)


def test_table_lists_active_entries(seeded, capsys):
    assert run() == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:5] == ["ID", "VERVALT", "STATUS", "VRAAG", "SOORT"]
    assert len(out) == 6
    assert "2024-04-24" in out[1] and "170 (2023-2024)" in out[1]


def test_advance_then_filter_by_status(seeded, capsys):
    db, ids = seeded
    assert run("advance", "--today", "2024-04-25") == 0
    assert "1 nieuwe meldingen" in capsys.readouterr().out
    assert run("--status", "overdue", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [ids["minutes"]]
    assert rows[0]["status"] == "overdue" and rows[0]["question"]["number"] == 170
    assert run("--status", "kept") == 0
    assert "Geen toezeggingen." in capsys.readouterr().out
    assert run("--status", "due,open", "--question", str(SEED_ID), "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_unknown_status_is_an_error(seeded):
    with pytest.raises(SystemExit):
        run("--status", "bogus")


def test_ics_and_csv_files(seeded, tmp_path, capsys):
    ics, table = tmp_path / "out.ics", tmp_path / "out.csv"
    assert run("--status", "all", "--ics", str(ics), "--csv", str(table)) == 0
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert len(cal.walk("VEVENT")) == 3
    assert len(list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))) == 5
    assert "3 toezeggingen met datum" in capsys.readouterr().err


def test_csv_to_stdout(seeded, capsysbinary):
    assert run("--csv", "-") == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("id,question_id,number")
    assert len(out.strip().splitlines()) == 6


def test_draft_and_chain(seeded, capsys):
    _db, ids = seeded
    assert run("draft", str(ids["minutes"]), "--today", "2024-05-02") == 0
    out = capsys.readouterr().out
    assert out.startswith("SCHRIFTELIJKE VRAAG\n")
    assert "vraag nr. 170 van 15 maart 2024" in out
    assert run("chain", str(SEED_ID)) == 0
    assert capsys.readouterr().out.startswith("vraag nr. 170 (2023-2024)")
    assert run("chain", str(SEED_ID), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["start"] == SEED_ID and len(data["nodes"][0]["outstanding"]) == 5
    assert run("draft", "999") == 1
    assert run("chain", "999") == 1


def test_show_confirm_reject_drop(seeded, capsys):
    db, ids = seeded
    run("advance", "--today", "2024-04-25")
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    from monitor.evidence import collect_evidence

    collect_evidence(db, 1830001)
    capsys.readouterr()
    assert run("--status", "overdue") == 0
    assert "mogelijk ingelost" in capsys.readouterr().out
    assert run("confirm", str(ids["minutes"]), "1830001") == 0
    assert store.get_entry(db, ids["minutes"]).status == "kept"
    assert run("reject", str(ids["minutes"]), "1830001") == 1  # nothing pending any more
    assert run("drop", str(ids["monitored"]), "--reason", "niet meer relevant") == 0
    assert run("drop", str(ids["monitored"])) == 1
    capsys.readouterr()
    assert run("show", str(ids["minutes"])) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [h["status"] for h in shown["history"]] == ["overdue", "kept"]
    assert shown["url"].endswith("/1813507")
    assert run("show", "999") == 1
