"""The daily digest of a chat: compact, grouped, every item linked.

For the chat's subscriptions: new questions and new answers since the last digest (or the
last 24 hours), promises due in the next `due_soon_days` days, overdue promises, and
questions whose answer is overdue. A quiet day gives no digest, unless the chat asked for
quiet-day digests (``/digest 08:00 stil``), which then say "niets nieuws".
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlite_utils import Database
from telegram.error import Forbidden, RetryAfter, TelegramError

from bot.delivery import retry_seconds
from bot.render import esc, fmt_date, link, question_label, split_blocks, t
from monitor.routing import in_scope, matches
from state import ledger
from state.chats import (
    Chat,
    chats_with_digest,
    deactivate_chat,
    get_chat,
    list_subscriptions,
    mark_digest_sent,
)
from state.clock import BRUSSELS
from state.digest import events_since, overdue_answers
from state.events import Event, Subscription

log = logging.getLogger(__name__)

NEW_KINDS = ("new_question",)
ANSWER_KINDS = ("answered", "answered_late", "answer_changed")
MAX_ITEMS = 15
CATCH_UP = timedelta(hours=3)  # a digest missed (bot down) is still sent this long after
SITE_PAGE = "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/{id}"

_H = {
    "nl": {
        "title": "🗞 <b>Opvolger — overzicht van {date}</b>",
        "new": "🆕 <b>Nieuwe vragen</b>",
        "answers": "✅ <b>Nieuwe antwoorden</b>",
        "due": "📅 <b>Toezeggingen die binnen {days} dagen vervallen</b>",
        "overdue": "⚠️ <b>Vervallen toezeggingen</b>",
        "late": "⏰ <b>Antwoord laat</b>",
        "late_line": "termijn verstreek op {date}",
        "quiet": "Niets nieuws binnen wat je volgt.",
        "more": "… en nog {n}",
    },
    "en": {
        "title": "🗞 <b>Opvolger — digest of {date}</b>",
        "new": "🆕 <b>New questions</b>",
        "answers": "✅ <b>New answers</b>",
        "due": "📅 <b>Promises coming due within {days} days</b>",
        "overdue": "⚠️ <b>Overdue promises</b>",
        "late": "⏰ <b>Answer overdue</b>",
        "late_line": "was due on {date}",
        "quiet": "Nothing new within what you follow.",
        "more": "… and {n} more",
    },
}


def h(lang: str, key: str, **kwargs: Any) -> str:
    text = (_H.get(lang) or _H["nl"])[key]
    return text.format(**kwargs) if kwargs else text


@dataclass
class DigestItems:
    new_questions: list[dict[str, Any]] = field(default_factory=list)
    new_answers: list[dict[str, Any]] = field(default_factory=list)
    due_soon: list[ledger.LedgerEntry] = field(default_factory=list)
    overdue: list[ledger.LedgerEntry] = field(default_factory=list)
    late_answers: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (q, deadline)
    ledger: list[str] = field(default_factory=list)  # ready HTML sections (bot.followup)

    def empty(self) -> bool:
        return not (
            self.ledger
            or self.new_questions
            or self.new_answers
            or self.due_soon
            or self.overdue
            or self.late_answers
        )


def _today(now: datetime) -> date:
    return now.astimezone(BRUSSELS).date() if now.tzinfo else now.date()


def _site(question: Mapping[str, Any]) -> str | None:
    if question.get("site_url"):
        return str(question["site_url"])
    if question.get("id") is not None:
        return SITE_PAGE.format(id=question["id"])
    return None


def _event_matches(subs: Sequence[Subscription], row: Mapping[str, Any]) -> bool:
    event = Event(
        key=row.get("key", ""),
        kind=row.get("kind", ""),
        question_id=row.get("question_id"),
        payload=row.get("payload") or {},
    )
    return any(matches(sub, event) for sub in subs)


def collect(
    db: Database,
    subs: Sequence[Subscription],
    *,
    now: datetime,
    since: datetime,
    due_soon_days: int = 7,
) -> DigestItems:
    """What the digest of a chat with `subs` holds at `now`."""
    items = DigestItems()
    if not subs:
        return items
    today = _today(now)
    since_iso = since.isoformat(timespec="seconds")
    seen: set[tuple[str, Any]] = set()
    for row in events_since(db, since_iso, NEW_KINDS + ANSWER_KINDS):
        if not _event_matches(subs, row):
            continue
        question = (row.get("payload") or {}).get("question") or {}
        bucket = "new" if row["kind"] in NEW_KINDS else "answer"
        key = (bucket, question.get("id", row["id"]))
        if key in seen:
            continue
        seen.add(key)
        entry = {"question": question, "kind": row["kind"], "payload": row.get("payload") or {}}
        (items.new_questions if bucket == "new" else items.new_answers).append(entry)

    def scoped(entries: list[ledger.LedgerEntry]) -> list[ledger.LedgerEntry]:
        return [
            e for e in entries
            if in_scope(subs, {"id": e.question_id, **e.question}, promise={"id": e.id})
        ]

    items.due_soon = scoped(
        ledger.list_entries(
            db,
            statuses=ledger.ACTIVE,
            dated=True,
            due_from=today.isoformat(),
            due_to=(today + timedelta(days=due_soon_days)).isoformat(),
        )
    )
    items.overdue = scoped(
        ledger.list_entries(
            db, statuses=ledger.ACTIVE, dated=True, due_to=(today - timedelta(days=1)).isoformat()
        )
    )
    items.overdue.sort(key=lambda e: e.due or "", reverse=True)
    for question in overdue_answers(db):
        if in_scope(subs, question):
            items.late_answers.append((question, question.get("deadline") or ""))
    items.late_answers.sort(key=lambda item: item[1], reverse=True)
    return items


def _capped(lines: list[str], lang: str) -> list[str]:
    if len(lines) <= MAX_ITEMS:
        return lines
    return lines[:MAX_ITEMS] + [h(lang, "more", n=len(lines) - MAX_ITEMS)]


def _question_line(question: Mapping[str, Any], lang: str) -> str:
    label = link(_site(question), question_label(question, lang))
    extra = []
    if question.get("asker"):
        extra.append(esc(question["asker"], 80))
    title = esc(question.get("title"), 140)
    who = f" ({', '.join(extra)})" if extra else ""
    return f"• {label}: {title}{who}"


def _entry_line(entry: ledger.LedgerEntry, lang: str) -> str:
    question = {"id": entry.question_id, **entry.question}
    what = esc(entry.span or entry.subject, 160)
    label = link(_site(question), question_label(question, lang))
    return f"• <b>{fmt_date(entry.due, lang)}</b> — #{int(entry.id)} {what} — {label}"


def render_digest(
    items: DigestItems,
    *,
    lang: str = "nl",
    today: date,
    due_soon_days: int = 7,
    quiet: bool = False,
) -> list[str] | None:
    """The digest's message parts, or None on a quiet day (unless `quiet`)."""
    blocks = [h(lang, "title", date=fmt_date(today, lang))]
    if items.empty():
        if not quiet:
            return None
        blocks.append(h(lang, "quiet"))
        return split_blocks(blocks)
    if items.new_questions:
        lines = [_question_line(i["question"], lang) for i in items.new_questions]
        blocks.append("\n".join([h(lang, "new"), *_capped(lines, lang)]))
    if items.new_answers:
        lines = []
        for item in items.new_answers:
            line = _question_line(item["question"], lang)
            refs = [
                r for r in item["payload"].get("references") or ()
                if isinstance(r, Mapping) and r.get("target_id") is not None
            ]
            if refs:
                label = esc(refs[0].get("target_label") or refs[0]["target_id"], 60)
                line += f" — {t(lang, 'follows_up').lower()} {label}"
            lines.append(line)
        blocks.append("\n".join([h(lang, "answers"), *_capped(lines, lang)]))
    if items.due_soon:
        lines = [_entry_line(e, lang) for e in items.due_soon]
        blocks.append("\n".join([h(lang, "due", days=due_soon_days), *_capped(lines, lang)]))
    if items.overdue:
        lines = [_entry_line(e, lang) for e in items.overdue]
        blocks.append("\n".join([h(lang, "overdue"), *_capped(lines, lang)]))
    if items.late_answers:
        lines = []
        for question, deadline in items.late_answers:
            when = h(lang, "late_line", date=fmt_date(deadline, lang))
            lines.append(f"{_question_line(question, lang)} — <i>{when}</i>")
        blocks.append("\n".join([h(lang, "late"), *_capped(lines, lang)]))
    blocks.extend(items.ledger)
    return split_blocks(blocks)


def digest_since(chat: Chat | None, now: datetime) -> datetime:
    """Since the chat's last digest (at most a week back), else the last 24 hours."""
    default = now - timedelta(hours=24)
    if chat is None or not chat.last_digest_on or not chat.digest_time:
        return default
    try:
        last_day = date.fromisoformat(chat.last_digest_on)
        hh, mm = (int(x) for x in chat.digest_time.split(":"))
    except ValueError:
        return default
    since = datetime.combine(last_day, time(hh, mm), tzinfo=BRUSSELS)
    return max(min(since, now), now - timedelta(days=7))


def build_digest(
    db: Database,
    chat_id: int,
    *,
    now: datetime | None = None,
    since: datetime | None = None,
    due_soon_days: int = 7,
    quiet: bool | None = None,
) -> list[str] | None:
    """The digest of one chat as message parts (None: nothing to say)."""
    now = now or datetime.now(BRUSSELS)
    chat = get_chat(db, chat_id)
    lang = chat.lang if chat else "nl"
    if quiet is None:
        quiet = bool(chat and chat.digest_quiet)
    since = since or digest_since(chat, now)
    items = collect(
        db,
        list_subscriptions(db, chat_id),
        now=now,
        since=since,
        due_soon_days=due_soon_days,
    )
    items.ledger = ledger_sections(db, chat_id, now=now, since=since, lang=lang)
    return render_digest(
        items, lang=lang, today=_today(now), due_soon_days=due_soon_days, quiet=quiet
    )


def ledger_sections(
    db: Database, chat_id: int, *, now: datetime, since: datetime, lang: str
) -> list[str]:
    """The ledger's own sections (promises kept since the last digest, proposals waiting
    for a verdict) from `bot.followup`; the digest stands without them."""
    try:
        from bot.followup import digest_sections

        return digest_sections(
            db, chat_id, now, lang, since=since, include=("kept", "proposed")
        )
    except Exception:
        log.exception("the ledger's digest sections failed for chat %s", chat_id)
        return []


def digest_due(chat: Chat, now: datetime) -> bool:
    """Whether the chat's daily digest should go out at `now` (Brussels time)."""
    if not chat.digest_time or not chat.active:
        return False
    local = now.astimezone(BRUSSELS)
    today = local.date().isoformat()
    if chat.last_digest_on == today:
        return False
    hh, mm = (int(x) for x in chat.digest_time.split(":"))
    at = datetime.combine(local.date(), time(hh, mm), tzinfo=BRUSSELS)
    return at <= local < at + CATCH_UP


async def send_due_digests(
    db: Database,
    sender: Any,
    *,
    now: datetime | None = None,
    due_soon_days: int = 7,
) -> list[int]:
    """Send every digest due at `now`; returns the chat ids that got one.

    A chat's day is marked done only after all parts went out; a failed send is retried at
    the next tick (within the catch-up window). Errors are the caller's (`bot.app`) to map.
    """
    now = now or datetime.now(BRUSSELS)
    done = []
    for chat in chats_with_digest(db):
        if not digest_due(chat, now):
            continue
        parts = build_digest(
            db, chat.id, now=now, due_soon_days=due_soon_days
        )
        limiter = getattr(sender, "limiter", None)
        try:
            for part in parts or ():
                if limiter is not None:
                    await limiter.acquire(chat.id)
                await sender.send(chat.id, part)
        except Forbidden:
            deactivate_chat(db, chat.id, now=now)
            continue
        except RetryAfter as exc:
            if limiter is not None:
                limiter.pause(retry_seconds(exc))
            continue
        except TelegramError as exc:
            log.warning("digest for chat %s failed: %s", chat.id, exc)
            continue
        mark_digest_sent(db, chat.id, now.astimezone(BRUSSELS).date().isoformat())
        if parts:
            done.append(chat.id)
    return done
