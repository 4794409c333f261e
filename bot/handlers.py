"""Command and button handlers: thin, each reads or changes the store for its own chat.

Every handler takes the chat id from the update itself; every store call filters on it, so
a chat only ever sees or changes its own subscriptions. Everything echoed back is escaped.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from bot.delivery import Limiter, TelegramSender, deliver_pending
from bot.digest import build_digest
from bot.render import (
    esc,
    fmt_date,
    link,
    promise_due,
    question_block,
    question_label,
    sibling_url,
    sort_promises,
    split_blocks,
)
from bot.texts import TEXTS, say
from bot.track import MAX_INPUT, understand
from monitor.config import Settings
from monitor.routing import in_scope, normalise, number_value
from state import chats, ledger, queries
from state.clock import BRUSSELS
from state.outbox import outbox_counts

log = logging.getLogger(__name__)

UNTRACK_PREFIX = "untrack:"
_CALLBACK = re.compile(r"^untrack:(\d{1,12})$")


@dataclass
class Services:
    """What the handlers and jobs share, kept in ``application.bot_data["opvolger"]``."""

    db: Database
    settings: Settings
    limiter: Limiter = field(default_factory=Limiter)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(BRUSSELS))
    fixed_clock: bool = False  # True in tests: delivery uses `clock` too
    poll: Callable[[Settings], Any] | None = None  # runs in a thread; None = not available
    delivery_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    poll_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def sender(self, bot: Any) -> TelegramSender:
        return TelegramSender(bot, self.limiter)


def services(context: ContextTypes.DEFAULT_TYPE | Application) -> Services:
    data = context.bot_data if hasattr(context, "bot_data") else context.application.bot_data
    return data["opvolger"]


def _chat_id(update: Update) -> int:
    return int(update.effective_chat.id)


def _ensure_chat(svc: Services, update: Update) -> str:
    """Register the chat (first contact) and return its language."""
    chat = update.effective_chat
    known = chats.get_chat(svc.db, chat.id)
    if known is None or not known.active:
        chats.upsert_chat(
            svc.db, chat.id, type=chat.type, title=chat.title, lang=svc.settings.lang
        )
        known = chats.get_chat(svc.db, chat.id)
    return known.lang if known else "nl"


async def _reply(update: Update, parts: list[str] | str, **kwargs: Any) -> None:
    if isinstance(parts, str):
        parts = split_blocks([parts])
    for part in parts:
        await update.effective_message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            **kwargs,
        )
        kwargs.pop("reply_markup", None)


def _args(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or ())


def _what(lang: str, kind: str, label: str) -> str:
    return say(lang, f"what_{kind}", label=esc(label, 120))


def _is_admin(svc: Services, update: Update) -> bool:
    user = update.effective_user
    return user is not None and int(user.id) in set(svc.settings.admins)


# -- commands ------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome, and subscribe the chat to the default theme(s)."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    chat_id = _chat_id(update)
    if not chats.list_subscriptions(svc.db, chat_id):
        for theme in svc.settings.themes:
            chats.add_subscription(svc.db, chat_id, "theme", normalise(theme), theme)
    themes = ", ".join(f"<b>{esc(t)}</b>" for t in svc.settings.themes)
    await _reply(update, say(lang, "welcome", themes=themes))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every command with an example."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    text = say(lang, "help")
    if _is_admin(svc, update):
        text += say(lang, "help_admin")
    await _reply(update, text)


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Switch the chat's language: /lang en | /lang nl."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    wanted = _args(context).strip().lower()[:5]
    if wanted not in TEXTS:
        await _reply(update, say(lang, "lang_usage"))
        return
    chats.set_lang(svc.db, _chat_id(update), wanted)
    await _reply(update, say(wanted, "lang_set"))


async def track(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Follow a question, a member, a minister, a theme or a keyword."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    chat_id = _chat_id(update)
    text = _args(context)
    if len(text) > MAX_INPUT:
        await _reply(update, say(lang, "track_too_long", max=MAX_INPUT))
        return
    db = svc.db
    found = understand(
        text,
        askers=queries.known_askers(db),
        ministers=queries.known_ministers(db),
        themes=sorted(set(queries.known_themes(db)) | set(svc.settings.themes)),
    )
    if found.error:
        options = "\n".join(f"• {esc(o, 120)}" for o in found.options)
        await _reply(
            update,
            say(
                lang,
                found.error,
                max=MAX_INPUT,
                number=esc(text.split()[-1] if text.split() else "", 10),
                options=options,
                query=esc(found.options[0] if found.options else text, 120),
            ),
        )
        return
    kind, value, label = found.kind, found.value, found.label
    suffix = ""
    if kind == "promise":
        entry = queries.promise_entry(db, int(value))
        if entry is None:
            await _reply(update, say(lang, "track_promise_unknown", id=int(value)))
            return
        question = {"id": entry.question_id, **entry.question}
        span = textwrap.shorten(entry.span, 110, placeholder=" …")
        label = f"#{entry.id} “{span}” ({html.unescape(question_label(question, lang))})"
    if kind == "question":
        question = None
        if value is None:  # by number and session year
            rows = queries.question_by_number(db, found.number, found.session_year)
            if len(rows) > 1:
                options = "\n".join(
                    f"• <code>/track {r['id']}</code> — {esc(r.get('minister'), 80)}: "
                    f"{esc(r.get('title'), 100)}"
                    for r in rows
                )
                await _reply(
                    update,
                    say(
                        lang,
                        "track_several",
                        number=found.number,
                        year=found.session_year,
                        options=options,
                    ),
                )
                return
            question = rows[0] if rows else None
            if question is None:
                # Not stored (yet): follow the number, so the chat hears of the question
                # when it is published or cited.
                kind = "question_number"
                value = number_value(found.number, found.session_year)
                label = html.unescape(
                    question_label(
                        {"number": found.number, "session_year": found.session_year}, lang
                    )
                )
                suffix = say(lang, "track_unknown_question")
        else:
            question = queries.get_question(db, int(value))
            if question is None:
                label = html.unescape(question_label({"id": value}, lang))
                suffix = say(lang, "track_unknown_question")
        if question is not None:
            value = str(question["id"])
            label = html.unescape(question_label(question, lang))
            if question.get("title"):
                label += f": {question['title']}"
            label = label[:150]
    if chats.has_subscription(db, chat_id, kind, value):
        await _reply(update, say(lang, "track_already", what=_what(lang, kind, label)))
        return
    chats.add_subscription(db, chat_id, kind, value, label)
    await _reply(update, say(lang, "track_ok", what=_what(lang, kind, label)) + suffix)


def _untrack_keyboard(svc: Services, chat_id: int) -> InlineKeyboardMarkup | None:
    subs = chats.list_subscriptions(svc.db, chat_id)
    if not subs:
        return None
    rows = [
        [
            InlineKeyboardButton(
                f"❌ {sub.label}"[:60], callback_data=f"{UNTRACK_PREFIX}{int(sub.id)}"
            )
        ]
        for sub in subs[:50]
    ]
    return InlineKeyboardMarkup(rows)


async def untrack(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the chat's subscriptions as buttons; a tap removes one."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    keyboard = _untrack_keyboard(svc, _chat_id(update))
    if keyboard is None:
        await _reply(update, say(lang, "untrack_empty"))
        return
    await _reply(update, say(lang, "untrack_head"), reply_markup=keyboard)


async def untrack_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on an /untrack button: remove that subscription, if it is this chat's."""
    svc = services(context)
    query = update.callback_query
    match = _CALLBACK.match(query.data or "")
    chat = update.effective_chat
    if match is None or chat is None:
        await query.answer()
        return
    chat_id = int(chat.id)
    lang = chats.chat_lang(svc.db, chat_id)
    sub = chats.get_subscription(svc.db, chat_id, int(match.group(1)))
    if sub is None or not chats.remove_subscription(svc.db, chat_id, sub.id):
        await query.answer(html.unescape(say(lang, "untrack_gone")))
        return
    done = say(lang, "untrack_done", what=_what(lang, sub.kind, sub.label))
    await query.answer()
    keyboard = _untrack_keyboard(svc, chat_id)
    text = done + ("\n\n" + say(lang, "untrack_head") if keyboard else "")
    await query.edit_message_text(
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )


async def list_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The chat's subscriptions."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    subs = chats.list_subscriptions(svc.db, _chat_id(update))
    if not subs:
        await _reply(update, say(lang, "list_empty"))
        return
    lines = [say(lang, "list_head")]
    lines += [f"• {_what(lang, sub.kind, sub.label)}" for sub in subs]
    await _reply(update, split_blocks(["\n".join(lines)]))


def _find_question(db: Database, text: str) -> dict[str, Any] | None | str:
    """A stored question from '1813507' or '350 2022-2023'; 'usage' when unreadable."""
    found = understand(f"vraag {text}" if text else "")
    if found.error or found.kind != "question":
        return "usage"
    if found.value is not None:
        return queries.get_question(db, int(found.value))
    rows = queries.question_by_number(db, found.number, found.session_year)
    return rows[0] if len(rows) == 1 else None


def render_question_card(
    card: dict[str, Any], lang: str = "nl", *, extra: list[str] | None = None
) -> list[str]:
    """The /vraag message: the question, its links, citations both ways, promises and
    the sub-questions without an answer."""
    from bot.render import links_block, subquestions_block, t

    question = card["question"]
    status = t(lang, "status_answered" if question.get("status") == "answered" else "status_asked")
    blocks = [
        f"<b>{question_label(question, lang).capitalize()}</b>",
        question_block(question, lang),
        f"{say(lang, 'vraag_status')}: {esc(status)}",
    ]
    cites = []
    for ref in card["cites"]:
        target = ref.get("target")
        if target:
            target = {"id": ref["target_id"], **target}
            cites.append("• " + link(sibling_url(question, target["id"]),
                                     question_label(target, lang))
                         + f" — {esc(target.get('title'), 100)}")
        else:
            cites.append(f"• {esc(ref.get('span'), 150)} <i>({t(lang, 'unresolved')})</i>")
    if cites:
        blocks.append("\n".join([f"<b>{say(lang, 'vraag_cites')}:</b>", *cites]))
    cited_by = [
        "• " + link(sibling_url(question, other["id"]), question_label(other, lang))
        + f" — {esc(other.get('title'), 100)}"
        for other in card["cited_by"]
    ]
    if cited_by:
        blocks.append("\n".join([f"<b>{say(lang, 'vraag_cited_by')}:</b>", *cited_by]))
    promises = []
    for promise in sort_promises(card["promises"]):
        text = esc(promise.get("span") or promise.get("subject"), 200)
        state = esc(t(lang, f"ps_{promise.get('status')}"), 40)
        promises.append(f"• “{text}” — <i>{esc(promise_due(promise, lang))}</i> [{state}]")
    if promises:
        blocks.append("\n".join([f"<b>{t(lang, 'promises')}:</b>", *promises]))
    blocks.append(subquestions_block(card["subquestions"], lang))
    blocks.extend(extra or ())
    blocks.append(links_block(question, lang))
    return split_blocks([b for b in blocks if b])


async def vraag(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """One question: facts, links, what it cites and what cites it, promises."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    text = _args(context)[:MAX_INPUT]
    found = _find_question(svc.db, text)
    if found == "usage":
        await _reply(update, say(lang, "vraag_usage"))
        return
    card = queries.question_card(svc.db, found["id"]) if isinstance(found, dict) else None
    if card is None:
        await _reply(update, say(lang, "vraag_not_found"))
        return
    await _reply(update, render_question_card(card, lang, extra=[_chain(svc, found["id"], lang)]))


def _chain(svc: Services, question_id: int, lang: str) -> str:
    """The chain of follow-ups around the question (the ledger's view), if it has one."""
    try:
        from bot.followup import chain_block

        return chain_block(svc.db, int(question_id), lang)
    except Exception:  # the card stands without it
        log.exception("the follow-up chain of %s could not be built", question_id)
        return ""


def promises_in_scope(
    db: Database, chat_id: int, which: str, *, today: date, due_soon_days: int
) -> list[ledger.LedgerEntry]:
    """Active promises of the questions the chat follows: all, due soon, or overdue."""
    kwargs: dict[str, Any] = {"statuses": ledger.ACTIVE}
    if which == "due":
        kwargs.update(
            dated=True,
            due_from=today.isoformat(),
            due_to=(today + timedelta(days=due_soon_days)).isoformat(),
        )
    elif which == "overdue":
        kwargs.update(dated=True, due_to=(today - timedelta(days=1)).isoformat())
    subs = chats.list_subscriptions(db, chat_id)
    return [
        e
        for e in ledger.list_entries(db, **kwargs)
        if in_scope(subs, {"id": e.question_id, **e.question}, promise={"id": e.id})
    ]


async def promises(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Promises in the chat's scope, with due dates: /promises [open|due|overdue]."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    asked = (_args(context).strip().lower() or "open")[:20]
    which = {"open": "open", "due": "due", "overdue": "overdue", "vervallen": "overdue",
             "binnenkort": "due", "ics": "ics", "agenda": "ics", "csv": "csv"}.get(asked)
    if which is None:
        await _reply(update, say(lang, "promises_usage"))
        return
    today = svc.clock().astimezone(BRUSSELS).date()
    days = svc.settings.due_soon_days
    if which in ("ics", "csv"):
        await _send_export(update, svc, which, lang)
        return
    entries = promises_in_scope(svc.db, _chat_id(update), which, today=today, due_soon_days=days)
    if not entries:
        await _reply(update, say(lang, "promises_none", which=which))
        return
    lines = [say(lang, f"promises_head_{which}", days=days)]
    for entry in entries[:40]:
        question = {"id": entry.question_id, **entry.question}
        due = f"<b>{fmt_date(entry.due, lang)}</b>" if entry.due else esc(promise_due(
            {"kind": entry.kind, "due": entry.due}, lang))
        label = link(question.get("site_url"), question_label(question, lang))
        text = esc(entry.span or entry.subject, 160)
        lines.append(f"• {due} — #{int(entry.id)} “{text}” — {label}")
    if len(entries) > 40:
        lines.append(say(lang, "more", n=len(entries) - 40))
    await _reply(update, split_blocks(["\n".join(lines)]))


async def _send_export(update: Update, svc: Services, fmt: str, lang: str) -> None:
    """The open promises in the chat's scope as a calendar (.ics) or a table (.csv)."""
    from monitor.export import to_csv, to_ics

    today = svc.clock().astimezone(BRUSSELS).date()
    entries = promises_in_scope(
        svc.db, _chat_id(update), "open", today=today, due_soon_days=svc.settings.due_soon_days
    )
    if fmt == "ics":
        data = to_ics(entries, site_base=svc.settings.site_base)
    else:
        data = to_csv(entries, site_base=svc.settings.site_base).encode("utf-8")
    await update.effective_message.reply_document(
        InputFile(data, filename=f"opvolger-toezeggingen.{fmt}"),
        caption=say(lang, "export_caption", n=len(entries)),
        parse_mode=ParseMode.HTML,
    )


_DIGEST_TIME = re.compile(r"^(\d{1,2})[:.hu](\d{2})$")


async def digest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/digest: now; /digest HH:MM [stil]: daily; /digest off: no more."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    chat_id = _chat_id(update)
    words = [w.lower() for w in (context.args or ())][:3]
    if not words:
        parts = build_digest(
            svc.db,
            chat_id,
            now=svc.clock(),
            since=svc.clock() - timedelta(hours=24),
            due_soon_days=svc.settings.due_soon_days,
            quiet=True,
        )
        await _reply(update, parts or [])
        return
    if words[0] in ("off", "uit", "stop"):
        chats.set_digest(svc.db, chat_id, None)
        await _reply(update, say(lang, "digest_off"))
        return
    match = _DIGEST_TIME.match(words[0])
    quiet = len(words) > 1 and words[1] in ("stil", "quiet", "altijd", "always")
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59 or (
        len(words) > 1 and not quiet
    ):
        await _reply(update, say(lang, "digest_usage"))
        return
    at = f"{int(match.group(1)):02d}:{match.group(2)}"
    chats.set_digest(svc.db, chat_id, at, quiet=quiet)
    await _reply(
        update,
        say(lang, "digest_set", time=at, quiet=say(lang, "digest_quiet") if quiet else ""),
    )


def _when(value: str | None, lang: str) -> str:
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(value).astimezone(BRUSSELS)
    except ValueError:
        return esc(value, 40)
    return f"{fmt_date(moment.date(), lang)} {moment:%H:%M}"


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Last poll, its outcome, the counts."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    info = queries.last_poll(svc.db)
    lines = [say(lang, "status_head")]
    if info is None:
        lines.append(say(lang, "status_never"))
    else:
        last = info["last"]
        outcome = say(lang, f"outcome_{last['outcome']}") if last["outcome"] in (
            "ok", "error", "running") else esc(last["outcome"], 20)
        lines.append(
            say(lang, "status_last", when=_when(last.get("finished_at") or last["started_at"],
                                                lang), outcome=outcome)
        )
        if last["outcome"] == "error" and last.get("error"):
            lines.append(f"<i>{esc(last['error'], 300)}</i>")
        if info["last_ok"] and info["last_ok"]["id"] != last["id"]:
            lines.append(say(lang, "status_last_ok", when=_when(
                info["last_ok"].get("finished_at"), lang)))
        counts = {k: int(v) for k, v in info["counts"].items() if isinstance(v, int)}
        counts.setdefault("questions", 0)
        counts.setdefault("answered", 0)
        counts.setdefault("events", 0)
        counts.setdefault("open_promises", 0)
        lines.append(say(lang, "status_counts", **counts))
    lines.append(say(lang, "status_outbox", pending=outbox_counts(svc.db).get("pending", 0)))
    lines.append(say(lang, "status_subs", n=len(chats.list_subscriptions(svc.db,
                                                                        _chat_id(update)))))
    await _reply(update, "\n".join(lines))


async def pollnow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins only: poll the parliament now, then deliver the alerts."""
    svc = services(context)
    lang = _ensure_chat(svc, update)
    if not _is_admin(svc, update):
        await _reply(update, say(lang, "pollnow_denied"))
        return
    if svc.poll is None:
        await _reply(update, say(lang, "pollnow_unavailable"))
        return
    await _reply(update, say(lang, "pollnow_started"))
    try:
        result = await run_poll(context.application)
    except Exception as exc:  # reported to the admin who asked
        log.exception("poll requested by an admin failed")
        await _reply(update, say(lang, "pollnow_failed", error=esc(type(exc).__name__, 80)))
        return
    await _reply(update, say(lang, "pollnow_done", summary=esc(summarise(result), 300)))


def summarise(result: Any) -> str:
    if result is None:
        return "—"
    outcome = getattr(result, "outcome", None)
    counts = getattr(result, "counts", None)
    if isinstance(counts, dict):
        shown = ", ".join(f"{k}={v}" for k, v in counts.items() if not isinstance(v, str | dict))
        return f"{outcome or 'ok'}: {shown}" if shown else str(outcome or "ok")
    return str(outcome or result)


# -- shared with the jobs ------------------------------------------------------------------


async def run_poll(application: Application) -> Any:
    """Run the poller in a thread (it opens its own connection), then deliver."""
    svc = services(application)
    if svc.poll is None:
        return None
    async with svc.poll_lock:
        before = queries.poll_failure_streak(svc.db)
        result = await asyncio.to_thread(svc.poll, svc.settings)
        after = queries.poll_failure_streak(svc.db)
    await deliver(application)
    await tell_admins_about_polling(application, before, after, result)
    return result


POLL_FAILURES_TOLD = 3  # one failed poll stays quiet; this many in a row are reported


async def tell_admins_about_polling(
    application: Application, before: int, after: int, result: Any
) -> None:
    """Tell the admins once when polling has failed `POLL_FAILURES_TOLD` times in a row,
    and once when it works again (urlwatch's persisted failure counter)."""
    svc = services(application)
    if after == POLL_FAILURES_TOLD:
        error = getattr(result, "errors", None) or ["?"]
        text = say("nl", "poll_failing", n=after, error=esc(error[0], 300))
    elif before >= POLL_FAILURES_TOLD and after == 0:
        text = say("nl", "poll_recovered", n=before)
    else:
        return
    for admin in svc.settings.admins:
        try:
            await application.bot.send_message(admin, text, parse_mode=ParseMode.HTML)
        except TelegramError as exc:
            log.warning("could not tell admin %s: %s", admin, type(exc).__name__)


DELIVERY_BUDGET = 15.0  # seconds one drain may take; the next job run continues


async def deliver(application: Application, *, now: datetime | None = None) -> Any:
    """Drain the outbox (one drain at a time, bounded so that shutdown never waits long)."""
    svc = services(application)
    if svc.delivery_lock.locked():
        return None
    async with svc.delivery_lock:
        report = await deliver_pending(
            svc.db, svc.sender(application.bot), now=now, max_seconds=DELIVERY_BUDGET
        )
    if report.claimed:
        log.info(
            "delivered %d alerts (%d messages); %d retried, %d dead, %d rate-limited",
            report.sent, report.parts, report.retried, report.dead, report.rate_limited,
        )
    return report


def register(application: Application) -> None:
    """Add the command and button handlers."""
    for name, callback in (
        ("start", start),
        ("help", help_command),
        ("hulp", help_command),
        ("lang", lang_command),
        ("taal", lang_command),
        ("track", track),
        ("volg", track),
        ("untrack", untrack),
        ("list", list_command),
        ("lijst", list_command),
        ("vraag", vraag),
        ("promises", promises),
        ("toezeggingen", promises),
        ("digest", digest),
        ("status", status),
        ("pollnow", pollnow),
    ):
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(untrack_button, pattern=r"^untrack:"))
