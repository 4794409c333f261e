"""`opvolger status [--json]`: what is stored, and how the last poll went."""

from __future__ import annotations

import argparse
import json
from typing import Any

from monitor.config import Settings
from state import runs
from state.db import open_db
from state.questions import status_counts


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="toon de stand van de database en de laatste poll",
        description="Counts of questions, answers, events and open promises; the last run.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def collect(db: Any) -> dict[str, Any]:
    last = runs.last_run(db)
    return {
        **status_counts(db),
        "last_run": None
        if last is None
        else {
            "id": last["id"],
            "kind": last["kind"],
            "started_at": last["started_at"],
            "finished_at": last["finished_at"],
            "outcome": last["outcome"],
            "error": last["error"],
            "counts": last["counts"],
        },
    }


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    db = open_db(settings.db_path)
    data = collect(db)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"database: {db.conn.execute('PRAGMA database_list').fetchone()[2] or ':memory:'}")
    print(f"vragen: {data['questions']} (beantwoord: {data['answered']})")
    print(f"gebeurtenissen: {data['events']}; meldingen in de wachtrij: {data['alerts_pending']}")
    print(f"open toezeggingen: {data['open_promises']}")
    last = data["last_run"]
    if last is None:
        print("laatste poll: nog geen")
    else:
        line = f"laatste {last['kind']}: #{last['id']} {last['outcome']} ({last['started_at']})"
        print(line + (f"\n  fout: {last['error']}" if last["error"] else ""))
    return 0
