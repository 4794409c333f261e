"""`opvolger backfill --since YYYY-MM-DD`: a historical baseline, with a progress bar."""

from __future__ import annotations

import argparse
from datetime import date

from monitor.backfill import backfill
from monitor.commands.poll import describe
from monitor.config import Settings
from state.db import open_db


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backfill",
        help="laad oudere vragen in (zonder meldingen)",
        description="Store the questions published since a date; their events are historical.",
    )
    parser.add_argument("--since", type=_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    db = open_db(settings.db_path)
    result = backfill(db, settings, args.since, progress=not args.no_progress)
    print(describe(result).replace("poll run", "backfill run", 1))
    return 0 if result.ok else 1
