"""`opvolger bot`: the Telegram bot, with the poller on its interval in the same process."""

from __future__ import annotations

import argparse
import sys

from monitor.config import Settings

NO_TOKEN = (
    "opvolger bot: geen Telegram-token. Zet TELEGRAM_BOT_TOKEN (van @BotFather) en start "
    "opnieuw, of probeer `opvolger demo`: die toont dezelfde berichten in de terminal.\n"
    "(No Telegram token: set TELEGRAM_BOT_TOKEN, or try `opvolger demo`.)"
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bot",
        help="start de Telegram-bot (en de poller)",
        description="Start de Telegram-bot; het token komt uit TELEGRAM_BOT_TOKEN.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"opvolger bot: {exc}", file=sys.stderr)
        return 2
    if not settings.telegram_token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    from bot.app import run_bot

    return run_bot(settings)
