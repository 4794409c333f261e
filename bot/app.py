"""The python-telegram-bot `Application`: handlers, jobs (poll, delivery, digest), errors.

`build_application(settings, db)` builds it; `run_bot(settings)` runs it with long polling.
The Bot API base URL comes from the settings (``OPVOLGER_TELEGRAM_API_BASE``), so the
tests and a self-hosted Bot API server reach the same code. The token is never logged: the
httpx logger (which logs request URLs) is quieted and a filter redacts it from every log
record as a second line of defence.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlite_utils import Database
from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot import followup, handlers
from bot.digest import send_due_digests
from bot.handlers import Services, services
from bot.texts import COMMANDS_NL, say
from monitor.config import Settings
from state.clock import BRUSSELS
from state.db import open_db

log = logging.getLogger(__name__)

DELIVERY_INTERVAL = 2.0  # seconds between outbox drains
DIGEST_INTERVAL = 60.0  # seconds between digest checks

COMMANDS_EN = (
    ("start", "Welcome and follow the default theme"),
    ("help", "Every command with an example"),
    ("track", "Follow a question, member, minister, theme or keyword"),
    ("untrack", "Stop a subscription"),
    ("list", "Your subscriptions"),
    ("vraag", "One question: /vraag 350 2022-2023"),
    ("promises", "Promises: open, due or overdue"),
    ("digest", "Digest now, or daily: /digest 08:00"),
    ("status", "Last check of the parliament"),
    ("ingelost", "Promises possibly kept: confirm or reject"),
    ("opvolgvraag", "Draft a follow-up question for a promise"),
    ("export", "Your promises as a calendar file (.ics)"),
    ("lang", "Language: /lang en or /lang nl"),
)


class TokenFilter(logging.Filter):
    """Replaces the bot token in any log record (message, args, traceback) by a marker."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self.token = token or ""

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg = message.replace(self.token, "<token>")
            record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def redact(text: str, token: str | None) -> str:
    return text.replace(token, "<token>") if token else text


def install_token_filter(token: str | None) -> TokenFilter:
    """Quiet httpx (it logs every URL, token included) and redact the token everywhere."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    token_filter = TokenFilter(token)
    root = logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, TokenFilter) for f in handler.filters):
            handler.addFilter(token_filter)
    return token_filter


def api_urls(api_base: str) -> tuple[str, str]:
    """(base_url, base_file_url) for python-telegram-bot from e.g. http://host:8081/bot."""
    base = api_base.rstrip("/")
    if base.endswith("/bot"):
        return base, base[: -len("/bot")] + "/file/bot"
    return base, base + "/file"


def default_poll(settings: Settings) -> Any:
    """One poll (with the ledger's calendar step) on its own database connection: it runs
    in a worker thread."""
    from monitor.poll import poll_once

    db = open_db(settings.db_path)
    try:
        return poll_once(db, settings)
    finally:
        db.close()


async def post_init(application: Application) -> None:
    """Register the command list (Dutch by default, English for English clients)."""
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS_NL])
    await application.bot.set_my_commands(
        [BotCommand(c, d) for c, d in COMMANDS_EN], language_code="en"
    )


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with its traceback and tell the admins (without the token)."""
    error = context.error
    svc = services(context)
    token = svc.settings.telegram_token
    log.error("error while handling an update", exc_info=error)
    summary = redact(f"{type(error).__name__}: {error}", token)[:300]
    for admin in svc.settings.admins:
        try:
            await context.bot.send_message(
                admin,
                say("nl", "error_admin", error=html.escape(summary)),
                parse_mode=ParseMode.HTML,
            )
        except TelegramError as exc:
            log.warning("could not tell admin %s: %s", admin, type(exc).__name__)


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The poll on its interval (in a thread), then delivery."""
    try:
        await handlers.run_poll(context.application)
    except Exception:
        log.exception("scheduled poll failed")


async def delivery_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Drain the outbox."""
    await deliver_now(context.application)


async def deliver_now(application: Application, *, now: datetime | None = None) -> Any:
    svc = services(application)
    return await handlers.deliver(application, now=now or _fixed_now(svc))


def _fixed_now(svc: Services) -> datetime | None:
    """The injected clock's time in tests; None (real time, re-read per batch) otherwise."""
    return svc.clock() if svc.fixed_clock else None


async def digest_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every minute: send the daily digests whose time has come."""
    await digest_tick(context.application)


async def digest_tick(application: Application, *, now: datetime | None = None) -> list[int]:
    """Send the digests due at `now` (default: the services' clock); the job's body."""
    svc = services(application)
    return await send_due_digests(
        svc.db,
        svc.sender(application.bot),
        now=now or svc.clock(),
        due_soon_days=svc.settings.due_soon_days,
    )


def build_application(
    settings: Settings,
    db: Database,
    *,
    poll: Callable[[Settings], Any] | None | bool = True,
    clock: Callable[[], datetime] | None = None,
    jobs: bool = True,
    limiter: Any = None,
) -> Application:
    """The bot, ready to run. `poll`: True = the poller (`monitor.poll`) if installed, a
    callable to use instead, or None/False for none; `clock` fixes "now" for tests; `jobs`
    False leaves the scheduling to the caller (tests call `digest_tick`/`deliver_now`)."""
    if not settings.telegram_token:
        raise InvalidToken("no bot token: set TELEGRAM_BOT_TOKEN")
    install_token_filter(settings.telegram_token)
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .defaults(Defaults(tzinfo=BRUSSELS))
        .post_init(post_init)
    )
    if settings.telegram_api_base:
        base_url, file_url = api_urls(settings.telegram_api_base)
        builder = builder.base_url(base_url).base_file_url(file_url)
    application = builder.build()

    if poll is True:
        poll = default_poll
    svc = Services(db=db, settings=settings, poll=poll or None)
    if limiter is not None:
        svc.limiter = limiter
    if clock is not None:
        svc.clock = clock
        svc.fixed_clock = True
    application.bot_data["opvolger"] = svc

    handlers.register(application)
    followup.register(application)  # the ledger: /opvolgvraag, /export, /ingelost
    application.add_error_handler(error_handler)

    if jobs and application.job_queue is not None:
        queue = application.job_queue
        if svc.poll is not None:
            queue.run_repeating(poll_job, interval=settings.poll_interval, first=5, name="poll")
        queue.run_repeating(
            delivery_job,
            interval=DELIVERY_INTERVAL,
            first=1,
            name="delivery",
            job_kwargs={"max_instances": 3, "coalesce": True},
        )
        queue.run_repeating(
            digest_job,
            interval=DIGEST_INTERVAL,
            first=10,
            name="digest",
            job_kwargs={"max_instances": 1, "coalesce": True},
        )
    return application


def run_bot(settings: Settings) -> int:
    """Run the bot (and the poller on its interval) until interrupted."""
    if not settings.telegram_token:
        return 2
    db = open_db(settings.db_path)
    application = build_application(settings, db)
    log.info("Opvolger bot starting (poller %s)",
             "on" if services(application).poll else "not installed")
    try:
        application.run_polling(allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY])
    except InvalidToken:
        log.error("Telegram refused the bot token (TELEGRAM_BOT_TOKEN)")
        return 2
    return 0
