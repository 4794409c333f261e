"""Telegram side of the follow-up ledger: drafts, the calendar file, "ingelost" buttons,
and the digest's ledger sections.

- ``/opvolgvraag <nr>`` — a draft follow-up written question for a ledger entry;
- ``/export`` — the chat's promises with due dates as an .ics file (sendDocument);
- ``/ingelost`` — evidence waiting for a verdict, each with the buttons "ingelost" and
  "nog niet" (callback data ``lg:ok:<entry>:<question>`` / ``lg:no:<entry>:<question>``).

A chat only sees and decides on entries in its scope: the entries whose question (or the
entry itself) one of its subscriptions matches, by the same rules as the alerts.
`register(application)` adds the handlers; `digest_sections(...)` gives HTML sections.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.render import esc, fmt_date, link, question_label
from monitor import draft, export, ledger
from monitor.routing import chats_for, in_scope
from state import chats
from state import ledger as store
from state.clock import BRUSSELS
from state.ledger import LedgerEntry

__all__ = [
    "CALLBACK_PATTERN",
    "chain_block",
    "digest_sections",
    "entries_in_scope",
    "proposal_markup",
    "register",
]

log = logging.getLogger(__name__)

CALLBACK_PATTERN = r"^lg:(ok|no):(\d{1,12}):(\d{1,12})$"
_CALLBACK = re.compile(CALLBACK_PATTERN)
_ENTRY_ARG = re.compile(r"^#?(\d{1,12})$")
MAX_PROPOSALS = 10
MAX_LINES = 15
TELEGRAM_LIMIT = 4000  # below 4096, room for the <pre> tags

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "draft_usage": "Gebruik: <code>/opvolgvraag 12</code> (het nummer uit /promises of "
        "/ingelost).",
        "draft_overdue": "Vervallen toezeggingen die u kunt opvolgen:",
        "not_found": "Toezegging #{id} niet gevonden bij wat u volgt.",
        "draft_head": "Ontwerp van schriftelijke vraag voor toezegging #{id} — pas aan en dien in:",
        "export_none": "Geen toezeggingen met een datum bij wat u volgt.",
        "export_caption": "{n} toezeggingen met datum — importeer in uw agenda.",
        "proposals_none": "Geen toezeggingen die mogelijk zijn ingelost.",
        "proposal": "❔ <b>Mogelijk ingelost</b> — #{id}: {what}\n{question}\n"
        "Bewijs: {evidence}\n<i>“{excerpt}”</i>",
        "yes": "✔️ ingelost",
        "no": "✖️ nog niet",
        "confirmed": "✔️ Ingelost — bevestigd.",
        "rejected": "✖️ Nog niet ingelost — genoteerd.",
        "decided": "Hierover werd al beslist.",
        "sec_due_soon": "📅 <b>Toezeggingen die binnenkort vervallen</b>",
        "sec_overdue": "⚠️ <b>Vervallen toezeggingen</b>",
        "sec_kept": "✔️ <b>Nieuw ingeloste toezeggingen</b>",
        "sec_proposed": "❔ <b>Mogelijk ingelost</b> (bevestig met /ingelost)",
        "partly": "deels",
        "more": "… en nog {n}",
        "chain": "<b>Opvolgingsketen</b>",
        "follows": "← volgt op",
        "followed": "→ opgevolgd door",
        "unresolved": "← niet gevonden:",
        "open_n": "{n} open",
        "overdue_n": "{n} vervallen",
        "chain_total": "Nog open langs de keten: {n} ({overdue} vervallen)",
    },
    "en": {
        "draft_usage": "Usage: <code>/opvolgvraag 12</code> (the number from /promises or "
        "/ingelost).",
        "draft_overdue": "Overdue promises you can follow up:",
        "not_found": "Promise #{id} not found in what you follow.",
        "draft_head": "Draft written question (Dutch) for promise #{id} — edit and submit:",
        "export_none": "No promises with a due date in what you follow.",
        "export_caption": "{n} promises with a due date — import into your calendar.",
        "proposals_none": "No promises that may have been kept.",
        "proposal": "❔ <b>Possibly kept</b> — #{id}: {what}\n{question}\n"
        "Evidence: {evidence}\n<i>“{excerpt}”</i>",
        "yes": "✔️ kept",
        "no": "✖️ not yet",
        "confirmed": "✔️ Kept — confirmed.",
        "rejected": "✖️ Not kept yet — noted.",
        "decided": "This was already decided.",
        "sec_due_soon": "📅 <b>Promises coming due</b>",
        "sec_overdue": "⚠️ <b>Overdue promises</b>",
        "sec_kept": "✔️ <b>Newly kept promises</b>",
        "sec_proposed": "❔ <b>Possibly kept</b> (confirm with /ingelost)",
        "partly": "partly",
        "more": "… and {n} more",
        "chain": "<b>Chain of follow-ups</b>",
        "follows": "← follows up",
        "followed": "→ followed up by",
        "unresolved": "← not found:",
        "open_n": "{n} open",
        "overdue_n": "{n} overdue",
        "chain_total": "Still open along the chain: {n} ({overdue} overdue)",
    },
}


def _t(lang: str, key: str, **kwargs: Any) -> str:
    table = TEXTS.get(lang, TEXTS["nl"])
    return table[key].format(**kwargs)


# -- scope and pure rendering ----------------------------------------------------------------


def entries_in_scope(
    db: Database, chat_id: int, *, statuses: Sequence[str] = store.ACTIVE, **filters: Any
) -> list[LedgerEntry]:
    """The ledger entries one chat may see: its subscriptions match the entry's question
    (by id, theme, person, minister, keyword) or the entry itself."""
    subs = chats.list_subscriptions(db, chat_id)
    if not subs:
        return []
    return [
        e
        for e in store.list_entries(db, statuses=statuses, **filters)
        if in_scope(subs, {"id": e.question_id, **e.question}, promise={"id": e.id})
    ]


def _entry_in_scope(db: Database, chat_id: int, entry_id: int) -> LedgerEntry | None:
    found = entries_in_scope(db, chat_id, statuses=store.STATUSES, entry_ids=[entry_id])
    return found[0] if found else None


def proposal_markup(entry_id: int, question_id: int, lang: str = "nl") -> InlineKeyboardMarkup:
    """The "ingelost" / "nog niet" buttons for a proposal (also for the alert itself)."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _t(lang, "yes"), callback_data=f"lg:ok:{entry_id}:{question_id}"
                ),
                InlineKeyboardButton(
                    _t(lang, "no"), callback_data=f"lg:no:{entry_id}:{question_id}"
                ),
            ]
        ]
    )


def _question_link(question: dict[str, Any], lang: str) -> str:
    return link(ledger.site_url(question), question_label(question, lang))


def _line(entry: LedgerEntry, lang: str, *, when: str | None = None) -> str:
    question = {"id": entry.question_id, **entry.question}
    what = esc(entry.subject or entry.span, 140)
    day = when if when is not None else fmt_date(entry.due, lang)
    head = f"<b>{esc(day)}</b> — " if day else ""
    return f"• {head}#{entry.id} {what} — {_question_link(question, lang)}"


def proposal_text(entry: LedgerEntry, item: dict[str, Any], lang: str = "nl") -> str:
    question = {"id": entry.question_id, **entry.question}
    evidence_q = {"id": item.get("question_id")}
    what = esc(entry.subject or entry.span, 160)
    if item.get("suggested") == "partly_kept":
        what += f" <i>({_t(lang, 'partly')})</i>"
    return _t(
        lang,
        "proposal",
        id=entry.id,
        what=what,
        question=_question_link(question, lang),
        evidence=_question_link(evidence_q, lang),
        excerpt=esc(item.get("excerpt"), 300),
    )


def _section(title: str, lines: list[str], lang: str) -> str:
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [_t(lang, "more", n=len(lines) - MAX_LINES)]
    return "\n".join([title, *lines])


def digest_sections(
    db: Database,
    chat_id: int,
    now: datetime,
    lang: str = "nl",
    *,
    due_soon_days: int = 7,
    since: datetime | None = None,
    include: Sequence[str] = ("due_soon", "overdue", "kept", "proposed"),
) -> list[str]:
    """HTML sections for the chat's digest: promises coming due (within `due_soon_days`),
    overdue ones, those kept since `since` (default: a day ago) and proposals waiting for
    a verdict. Empty sections are left out."""
    today = now.astimezone(BRUSSELS).date() if now.tzinfo else now.date()
    since = since or now - timedelta(days=1)
    subs = chats.list_subscriptions(db, chat_id)
    if not subs:
        return []
    entries = [
        e
        for e in store.list_entries(db, statuses=store.STATUSES)
        if in_scope(subs, {"id": e.question_id, **e.question}, promise={"id": e.id})
    ]
    soon_until = (today + timedelta(days=due_soon_days)).isoformat()
    sections: list[str] = []
    for name in include:
        if name == "due_soon":
            chosen = [
                e
                for e in entries
                if e.status in store.ACTIVE and e.due and today.isoformat() <= e.due <= soon_until
            ]
            lines = [_line(e, lang) for e in chosen]
        elif name == "overdue":
            chosen = [
                e
                for e in entries
                if e.status in store.ACTIVE and e.due and e.due < today.isoformat()
            ]
            chosen.sort(key=lambda e: e.due or "", reverse=True)
            lines = [_line(e, lang) for e in chosen]
        elif name == "kept":
            kept = {e.id for e in store.newly_kept_since(db, since.isoformat())}
            chosen = [e for e in entries if e.id in kept]
            lines = [
                _line(e, lang, when=_t(lang, "partly") if e.status == "partly_kept" else "")
                for e in chosen
            ]
        elif name == "proposed":
            lines = [_line(e, lang, when="") for e in entries if e.proposals]
        else:
            continue
        if lines:
            sections.append(_section(_t(lang, f"sec_{name}"), lines, lang))
    return sections


def chain_block(db: Database, question_id: int, lang: str = "nl") -> str:
    """HTML for /vraag: the chain of follow-ups around a question with what is still open
    along it; empty when the question neither cites nor is cited."""
    from monitor.chains import build_chain

    chain = build_chain(db, question_id)
    start, *earlier = chain.earlier
    if not earlier and not chain.later and not start.unresolved:
        return ""

    def counts(node: Any) -> str:
        overdue = sum(1 for e in node.outstanding if e.status == "overdue")
        text = _t(lang, "open_n", n=len(node.outstanding))
        if overdue:
            text += ", " + _t(lang, "overdue_n", n=overdue)
        return text

    lines = [_t(lang, "chain")]
    for ref in start.unresolved:
        lines.append(f"{_t(lang, 'unresolved')} «{esc(ref['span'], 120)}»")
    for node in earlier:
        indent = "  " * (node.depth - 1)
        label = _question_link(node.question, lang)
        lines.append(f"{indent}{_t(lang, 'follows')} {label} — {counts(node)}")
    for node in chain.later:
        indent = "  " * (-node.depth - 1)
        label = _question_link(node.question, lang)
        lines.append(f"{indent}{_t(lang, 'followed')} {label} — {counts(node)}")
    overdue = sum(1 for e in chain.outstanding if e.status == "overdue")
    lines.append(_t(lang, "chain_total", n=len(chain.outstanding), overdue=overdue))
    return "\n".join(lines)


# -- handlers -----------------------------------------------------------------------------


def _services(context: ContextTypes.DEFAULT_TYPE) -> Any:
    from bot.handlers import services

    return services(context)


def _lang(db: Database, chat_id: int) -> str:
    return chats.chat_lang(db, chat_id)


def _today(svc: Any) -> date:
    return svc.clock().astimezone(BRUSSELS).date()


async def _say(update: Update, text: str, **kwargs: Any) -> None:
    await update.effective_message.reply_text(
        text,
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        **kwargs,
    )


def _draft_parts(text: str) -> list[str]:
    """The draft in <pre> blocks below Telegram's limit, split at line ends."""
    parts: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if len(current) + len(line) > TELEGRAM_LIMIT - 20 and current:
            parts.append(current)
            current = ""
        current += line
    if current:
        parts.append(current)
    import html

    return [f"<pre>{html.escape(p.rstrip(), quote=False)}</pre>" for p in parts]


async def opvolgvraag(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A draft follow-up written question: /opvolgvraag <nr>."""
    svc = _services(context)
    chat_id = int(update.effective_chat.id)
    lang = _lang(svc.db, chat_id)
    arg = " ".join(context.args or ())[:20].strip()
    match = _ENTRY_ARG.match(arg)
    if not match:
        overdue = entries_in_scope(svc.db, chat_id, statuses=("overdue",))[:MAX_LINES]
        text = _t(lang, "draft_usage")
        if overdue:
            text += "\n\n" + _t(lang, "draft_overdue") + "\n"
            text += "\n".join(_line(e, lang) for e in overdue)
        await _say(update, text)
        return
    entry_id = int(match.group(1))
    if _entry_in_scope(svc.db, chat_id, entry_id) is None:
        await _say(update, _t(lang, "not_found", id=entry_id))
        return
    text = draft.draft_for(svc.db, entry_id, today=_today(svc))
    await _say(update, _t(lang, "draft_head", id=entry_id))
    for part in _draft_parts(text):
        await _say(update, part)


async def export_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The chat's promises with due dates as an iCalendar file."""
    svc = _services(context)
    chat_id = int(update.effective_chat.id)
    lang = _lang(svc.db, chat_id)
    entries = entries_in_scope(svc.db, chat_id, statuses=store.STATUSES, dated=True)
    if not entries:
        await _say(update, _t(lang, "export_none"))
        return
    data = export.to_ics(entries, site_base=svc.settings.site_base)
    await update.effective_message.reply_document(
        document=data,
        filename="opvolger-toezeggingen.ics",
        caption=_t(lang, "export_caption", n=len(entries)),
    )


async def ingelost(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Evidence waiting for a verdict, each with the buttons "ingelost" / "nog niet"."""
    svc = _services(context)
    chat_id = int(update.effective_chat.id)
    lang = _lang(svc.db, chat_id)
    pending = [
        (entry, item)
        for entry in entries_in_scope(svc.db, chat_id, with_proposals=True)
        for item in entry.proposals
    ][:MAX_PROPOSALS]
    if not pending:
        await _say(update, _t(lang, "proposals_none"))
        return
    for entry, item in pending:
        await _say(
            update,
            proposal_text(entry, item, lang),
            reply_markup=proposal_markup(entry.id, int(item["question_id"]), lang),
        )


async def decide_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on "ingelost" / "nog niet": only for entries in the chat's scope."""
    svc = _services(context)
    query = update.callback_query
    chat_id = int(update.effective_chat.id)
    lang = _lang(svc.db, chat_id)
    match = _CALLBACK.match(query.data or "")
    if not match:
        await query.answer()
        return
    verdict, entry_id, question_id = match.group(1), int(match.group(2)), int(match.group(3))
    if _entry_in_scope(svc.db, chat_id, entry_id) is None:
        await query.answer(_t(lang, "not_found", id=entry_id), show_alert=True)
        return
    user = update.effective_user
    by = f"telegram:{chat_id}" + (f"/{user.id}" if user else "")
    try:
        if verdict == "ok":
            ledger.confirm(
                svc.db,
                entry_id,
                question_id,
                by=by,
                now=svc.clock(),
                route=chats_for,
                site_base=svc.settings.site_base,
            )
            note = _t(lang, "confirmed")
        else:
            ledger.reject(svc.db, entry_id, question_id, by=by, now=svc.clock())
            note = _t(lang, "rejected")
    except (LookupError, store.StaleStatus):
        await query.answer(_t(lang, "decided"))
        return
    await query.answer(note)
    message = query.message
    original = getattr(message, "text_html", None) or ""
    await query.edit_message_text(
        (original + "\n\n" if original else "") + note,
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )


def register(application: Application) -> None:
    """Add the ledger's commands and the "ingelost" / "nog niet" buttons."""
    for name, callback in (
        ("opvolgvraag", opvolgvraag),
        ("export", export_command),
        ("ingelost", ingelost),
    ):
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(decide_button, pattern=CALLBACK_PATTERN))
