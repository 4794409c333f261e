"""The `opvolger` command line: one sub-command per module in `monitor.commands`."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# Each module exposes `add_parser(subparsers)`, which registers its sub-command and sets
# `func(args) -> int` as the parser default.
COMMANDS = (
    "demo",
    "poll",
    "backfill",
    "status",
    "extract",
    "evaluate",
    "bot",
    "promises",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opvolger",
        description="Volgt schriftelijke vragen van het Vlaams Parlement op.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"monitor.commands.{name}").add_parser(sub)
    return parser


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL at INFO, and a Bot API URL contains the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # The job queue logs every run of every job (delivery runs every 2 s) at INFO.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.verbose)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
