"""`opvolger poll [--once]`: poll the parliament once, or every `poll_interval` seconds."""

from __future__ import annotations

import argparse
import logging
import time

from monitor.client import Client
from monitor.config import Settings
from monitor.poll import PollResult, poll_once
from state.db import open_db

log = logging.getLogger(__name__)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "poll",
        help="haal nieuwe vragen en antwoorden op",
        description="Poll the search API, the theme page and the open-data API; "
        "store questions, findings, events and alerts.",
    )
    parser.add_argument("--once", action="store_true", help="one poll, then exit")
    parser.add_argument("--interval", type=float, default=None, help="seconds between polls")
    parser.set_defaults(func=run)


def describe(result: PollResult) -> str:
    c = result.counts
    parts = [
        f"poll run {result.run_id}: {result.outcome}",
        f"{c.get('new', 0)} new, {c.get('updated', 0)} updated, {c.get('events', 0)} events",
        f"{c.get('requests', 0)} requests ({c.get('not_modified', 0)} not modified)",
    ]
    if result.baseline:
        parts.append("baseline (not alerted)")
    text = "; ".join(parts)
    if result.errors:
        text += "\n  " + "\n  ".join(result.errors)
    return text


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    db = open_db(settings.db_path)
    interval = args.interval if args.interval is not None else settings.poll_interval
    with Client(settings) as client:
        if args.once:
            result = poll_once(db, settings, client=client)
            print(describe(result))
            return 0 if result.ok else 1
        log.info("polling every %.0f s; Ctrl-C stops", interval)
        try:
            while True:
                started = time.monotonic()
                print(describe(poll_once(db, settings, client=client)), flush=True)
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            log.info("stopped")
            return 0
