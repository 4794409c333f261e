"""`opvolger demo`: the real pipeline against the bundled sample, offline, in seconds."""

from __future__ import annotations

import argparse
import logging

from monitor.config import Settings
from monitor.demo import run_demo


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="toon wat Opvolger doet, op voorbeeldgegevens (offline)",
        description="Serve the bundled sample on 127.0.0.1, poll day 1 (baseline), day 2 and "
        "day 3, and print the events and the alerts. Uses a temporary database unless "
        "OPVOLGER_DB is set.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "verbose", False):
        logging.getLogger("monitor").setLevel(logging.WARNING)
    summary = run_demo(Settings.from_env())
    return 0 if all(day["outcome"] == "ok" for day in summary["days"]) else 1
