"""Events → Telegram messages: pure functions, HTML parse mode, split below 4096 chars.

Every piece of parliament text goes through `esc` (``html.escape``); links only through
`link`, which accepts http(s) URLs only. Dutch by default, English when ``lang == "en"``.
Unknown event kinds render generically instead of failing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from monitor.text.dates import MONTH_NAMES

# Telegram's limit is 4096 characters of text *after* entity parsing; keeping the raw
# HTML below the limit is always safe.
MAX_MESSAGE = 4096
SAFE_LIMIT = 3900
MAX_TEXT = 400  # a single title or quoted span is cut at this length

MONTHS = {
    "nl": MONTH_NAMES,
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}

_T: dict[str, dict[str, str]] = {
    "nl": {
        "new_question": "🆕 Nieuwe schriftelijke vraag",
        "answered": "✅ Antwoord op schriftelijke vraag",
        "answered_late": "✅ Laattijdig antwoord op schriftelijke vraag",
        "answer_changed": "✏️ Antwoord gewijzigd",
        "question_updated": "🔄 Vraag bijgewerkt",
        "answer_overdue": "⏰ Antwoord laat",
        "promise_due_soon": "📅 Toezegging vervalt binnenkort",
        "promise_overdue": "⚠️ Toezegging over tijd",
        "promise_kept": "✔️ Toezegging nagekomen",
        "promise_partly_kept": "➗ Toezegging deels nagekomen",
        "promise_proposed_kept": "❔ Toezegging mogelijk nagekomen",
        "event": "ℹ️ Gebeurtenis",
        "question_nr": "vraag nr. {number} ({year})",
        "question": "vraag",
        "asker": "Vraagsteller",
        "minister": "Minister",
        "asked_on": "gesteld op",
        "answered_on": "beantwoord op",
        "status_asked": "nog niet beantwoord",
        "status_answered": "beantwoord",
        "late": "laattijdig",
        "follows_up": "Volgt op",
        "cites": "Verwijst naar",
        "unresolved": "niet gevonden",
        "promises": "Toezeggingen",
        "due_by": "tegen {date}",
        "no_date": "zonder datum",
        "referral": "doorverwezen",
        "document_missing": "gevraagd document, niet bijgevoegd",
        "ps_open": "open",
        "ps_due_soon": "vervalt binnenkort",
        "ps_overdue": "over tijd",
        "ps_kept": "nagekomen",
        "ps_partly_kept": "deels nagekomen",
        "ps_dropped": "geschrapt",
        "promise_dropped": "✖️ Toezegging vervallen zonder uitvoering",
        "subquestions": "Deelvragen zonder antwoord",
        "sq_referred": "doorverwezen",
        "sq_promised_later": "antwoord later beloofd",
        "sq_confidential": "vertrouwelijk",
        "sq_not_addressed": "niet beantwoord",
        "resembles": "Lijkt op",
        "changes": "Wijzigingen",
        "deadline": "Antwoordtermijn verstreek op {date} ({days} werkdagen).",
        "diff": "Wat veranderde",
        "promise": "Toezegging",
        "evidence": "Bewijs",
        "ledger": "Toezeggingen uit eerdere vragen",
        "lg_promise_kept": "nagekomen",
        "lg_promise_partly_kept": "deels nagekomen",
        "lg_promise_proposed_kept": "mogelijk nagekomen — bevestig met /ingelost",
        "from_question": "uit",
        "page": "Vraag op de website",
        "document": "Document",
        "continued": "(vervolg)",
        "status": "Status",
    },
    "en": {
        "new_question": "🆕 New written question",
        "answered": "✅ Answer to written question",
        "answered_late": "✅ Late answer to written question",
        "answer_changed": "✏️ Answer changed",
        "question_updated": "🔄 Question updated",
        "answer_overdue": "⏰ Answer overdue",
        "promise_due_soon": "📅 Promise coming due",
        "promise_overdue": "⚠️ Promise overdue",
        "promise_kept": "✔️ Promise kept",
        "promise_partly_kept": "➗ Promise partly kept",
        "promise_proposed_kept": "❔ Promise possibly kept",
        "event": "ℹ️ Event",
        "question_nr": "question no. {number} ({year})",
        "question": "question",
        "asker": "Asked by",
        "minister": "Minister",
        "asked_on": "asked on",
        "answered_on": "answered on",
        "status_asked": "not answered yet",
        "status_answered": "answered",
        "late": "late",
        "follows_up": "Follows up",
        "cites": "Cites",
        "unresolved": "not found",
        "promises": "Promises",
        "due_by": "by {date}",
        "no_date": "no date",
        "referral": "referred",
        "document_missing": "requested document, not attached",
        "ps_open": "open",
        "ps_due_soon": "due soon",
        "ps_overdue": "overdue",
        "ps_kept": "kept",
        "ps_partly_kept": "partly kept",
        "ps_dropped": "dropped",
        "promise_dropped": "✖️ Promise dropped",
        "subquestions": "Sub-questions not answered",
        "sq_referred": "referred",
        "sq_promised_later": "answer promised later",
        "sq_confidential": "confidential",
        "sq_not_addressed": "not addressed",
        "resembles": "Resembles",
        "changes": "Changes",
        "deadline": "The answer was due on {date} ({days} working days).",
        "diff": "What changed",
        "promise": "Promise",
        "evidence": "Evidence",
        "ledger": "Promises from earlier questions",
        "lg_promise_kept": "kept",
        "lg_promise_partly_kept": "partly kept",
        "lg_promise_proposed_kept": "possibly kept — confirm with /ingelost",
        "from_question": "from",
        "page": "Question on the website",
        "document": "Document",
        "continued": "(continued)",
        "status": "Status",
    },
}


def t(lang: str, key: str, **kwargs: Any) -> str:
    """The phrase `key` in `lang` (Dutch when unknown), formatted with `kwargs`."""
    table = _T.get(lang) or _T["nl"]
    text = table.get(key) or _T["nl"].get(key) or key
    return text.format(**kwargs) if kwargs else text


def esc(value: Any, limit: int = MAX_TEXT) -> str:
    """Parliament (or user) text made safe for HTML parse mode, cut at `limit` chars."""
    text = " ".join(str(value or "").split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=False)


def link(url: Any, label: str) -> str:
    """An <a> element for an http(s) URL (label already escaped); the label alone otherwise."""
    url = str(url or "").strip()
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return label
    return f'<a href="{html.escape(url, quote=True)}">{label}</a>'


def parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def fmt_date(value: Any, lang: str = "nl") -> str:
    """'2024-04-24' → '24 april 2024' (English: '24 April 2024'); '' when not a date."""
    day = parse_date(value)
    if day is None:
        return ""
    months = MONTHS.get(lang, MONTHS["nl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def question_label(question: Mapping[str, Any], lang: str = "nl") -> str:
    """'vraag nr. 350 (2022-2023)', or 'vraag 1813507' when the number is unknown (escaped)."""
    number, year = question.get("number"), question.get("session_year")
    if number is not None and year:
        return esc(t(lang, "question_nr", number=number, year=year))
    if question.get("id") is not None:
        return esc(f"{t(lang, 'question')} {question['id']}")
    return esc(t(lang, "question"))


def sibling_url(question: Mapping[str, Any], other_id: Any) -> str | None:
    """The site page of question `other_id`, derived from this question's `site_url`."""
    url, own = str(question.get("site_url") or ""), question.get("id")
    if other_id is None or own is None or not url.rstrip("/").endswith(f"/{own}"):
        return None
    return url.rstrip("/")[: -len(str(own))] + str(other_id)


def promise_due(promise: Mapping[str, Any], lang: str = "nl") -> str:
    if promise.get("kind") == "referral":
        return t(lang, "referral")
    if promise.get("kind") == "document" and not promise.get("due"):
        return t(lang, "document_missing")
    if promise.get("due"):
        return t(lang, "due_by", date=fmt_date(promise["due"], lang))
    return t(lang, "no_date")


def promise_line(promise: Mapping[str, Any], lang: str = "nl") -> str:
    """'• “span” — tegen 24 april 2024' (the span is the minister's own words)."""
    text = promise.get("span") or promise.get("subject") or ""
    return f"• “{esc(text, 300)}” — <i>{esc(promise_due(promise, lang))}</i>"


_PROMISE_ORDER = {"dated": 0, "open": 1, "document": 2, "referral": 3}


def sort_promises(promises: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Dated promises first (soonest first), then open ones, documents, referrals."""
    items = [p for p in promises or () if isinstance(p, Mapping)]
    return sorted(
        items, key=lambda p: (_PROMISE_ORDER.get(p.get("kind"), 4), str(p.get("due") or ""))
    )


# -- blocks of a message -------------------------------------------------------------------


def _header(kind: str, question: Mapping[str, Any], lang: str) -> str:
    title = t(lang, kind) if kind in _T["nl"] and kind != "event" else None
    if title is None:
        title = f"{t(lang, 'event')}: {esc(kind, 60)}"
    if question:
        return f"<b>{title}</b> — {question_label(question, lang)}"
    return f"<b>{title}</b>"


def question_block(question: Mapping[str, Any], lang: str = "nl") -> str:
    """Title, asker, minister, dates and status of a question (escaped)."""
    lines = []
    if question.get("title"):
        lines.append(f"<b>{esc(question['title'])}</b>")
    who = []
    if question.get("asker"):
        who.append(f"{t(lang, 'asker')}: {esc(question['asker'], 120)}")
    if question.get("minister"):
        who.append(f"{t(lang, 'minister')}: {esc(question['minister'], 120)}")
    if who:
        lines.append(" · ".join(who))
    dates = []
    if question.get("asked_on"):
        dates.append(f"{t(lang, 'asked_on')} {fmt_date(question['asked_on'], lang)}")
    if question.get("answered_on"):
        answered = f"{t(lang, 'answered_on')} {fmt_date(question['answered_on'], lang)}"
        if question.get("timely") in (0, False):
            answered += f" ({t(lang, 'late')})"
        dates.append(answered)
    elif question.get("status") == "asked":
        dates.append(t(lang, "status_asked"))
    if dates:
        text = " · ".join(dates)
        lines.append(text[0].upper() + text[1:])
    return "\n".join(lines)


def links_block(question: Mapping[str, Any], lang: str = "nl") -> str:
    parts = []
    if question.get("site_url"):
        parts.append(link(question["site_url"], t(lang, "page")))
    if question.get("document_url"):
        parts.append(link(question["document_url"], t(lang, "document")))
    parts = [p for p in parts if p.startswith("<a ")]
    return "🔗 " + " · ".join(parts) if parts else ""


def reference_line(
    ref: Mapping[str, Any], question: Mapping[str, Any], lang: str = "nl"
) -> str:
    if ref.get("target_id") is not None:
        label = esc(ref.get("target_label") or f"{t(lang, 'question')} {ref['target_id']}")
        return "• " + link(sibling_url(question, ref["target_id"]), label)
    if ref.get("kind") in (None, "written_question"):  # a question we could have stored
        return f"• {esc(ref.get('span'), 200)} <i>({t(lang, 'unresolved')})</i>"
    return f"• {esc(ref.get('span'), 200)}"  # a debate, an oral question, a letter, ...


def references_block(payload: Mapping[str, Any], lang: str = "nl") -> str:
    question = payload.get("question") or {}
    refs = [r for r in payload.get("references") or () if isinstance(r, Mapping)]
    if not refs:
        return ""
    resolved = [r for r in refs if r.get("target_id") is not None]
    unresolved = [r for r in refs if r.get("target_id") is None]
    lines = []
    unique: dict[Any, Mapping[str, Any]] = {}
    for ref in resolved:
        unique.setdefault(ref["target_id"], ref)
    if len(unique) == 1:
        only = reference_line(next(iter(unique.values())), question, lang)[2:]
        lines.append(f"<b>{t(lang, 'follows_up')}</b> {only}")
    elif unique:
        lines.append(f"<b>{t(lang, 'follows_up')}:</b>")
        lines.extend(reference_line(ref, question, lang) for ref in unique.values())
    if unresolved:
        lines.append(f"<b>{t(lang, 'cites')}:</b>")
        lines.extend(reference_line(ref, question, lang) for ref in unresolved)
    return "\n".join(lines)


def promises_block(promises: Iterable[Mapping[str, Any]], lang: str = "nl") -> str:
    items = sort_promises(promises)
    if not items:
        return ""
    return "\n".join([f"<b>{t(lang, 'promises')}:</b>"] + [promise_line(p, lang) for p in items])


def subquestions_block(subquestions: Iterable[Mapping[str, Any]], lang: str = "nl") -> str:
    open_items = [
        s for s in subquestions or () if isinstance(s, Mapping) and s.get("status") != "answered"
    ]
    if not open_items:
        return ""
    lines = [f"<b>{t(lang, 'subquestions')}:</b>"]
    for sub in open_items:
        status = t(lang, f"sq_{sub.get('status')}") if sub.get("status") else ""
        lines.append(f"• {esc(sub.get('label'), 20)}: {esc(status, 60)}")
    return "\n".join(lines)


def resembles_block(payload: Mapping[str, Any], lang: str = "nl") -> str:
    question = payload.get("question") or {}
    items = [r for r in payload.get("resembles") or () if isinstance(r, Mapping)]
    if not items:
        return ""
    lines = [f"<b>{t(lang, 'resembles')}:</b>"]
    for item in items[:5]:
        label = esc(item.get("label") or f"{t(lang, 'question')} {item.get('id')}")
        lines.append("• " + link(sibling_url(question, item.get("id")), label))
    return "\n".join(lines)


def changes_block(payload: Mapping[str, Any], lang: str = "nl") -> str:
    changes = payload.get("changes")
    if not isinstance(changes, Mapping) or not changes:
        return ""
    lines = [f"<b>{t(lang, 'changes')}:</b>"]
    for field, change in changes.items():
        if isinstance(change, list | tuple) and len(change) == 2:
            old, new = change
            lines.append(f"• {esc(field, 40)}: {esc(old, 150)} → {esc(new, 150)}")
        else:
            lines.append(f"• {esc(field, 40)}: {esc(change, 300)}")
    return "\n".join(lines)


def diff_block(payload: Mapping[str, Any], lang: str = "nl") -> str:
    diff = payload.get("diff")
    if not diff:
        return ""
    if not isinstance(diff, str):
        diff = "\n".join(str(line) for line in diff) if isinstance(diff, list) else str(diff)
    body = "\n".join(esc(line, 300) for line in diff.splitlines()[:40] if line.strip())
    return f"<b>{t(lang, 'diff')}:</b>\n<pre>{body}</pre>" if body else ""


def promise_event_block(payload: Mapping[str, Any], lang: str = "nl") -> str:
    promise = payload.get("promise")
    if not isinstance(promise, Mapping):
        return ""
    lines = [f"<b>{t(lang, 'promise')}:</b>", promise_line(promise, lang)]
    evidence = payload.get("evidence")
    if isinstance(evidence, Mapping):
        source = evidence.get("question")
        if isinstance(source, Mapping) and source.get("id") is not None:
            label = link(source.get("site_url"), question_label(source, lang))
            lines.append(f"<b>{t(lang, 'evidence')}:</b> {label}")
        if evidence.get("excerpt"):
            lines.append(f"<i>“{esc(evidence['excerpt'], 300)}”</i>")
    return "\n".join(lines)


def ledger_block(payload: Mapping[str, Any], lang: str = "nl") -> str:
    """What this answer did to promises of earlier questions (evidence they were kept)."""
    changes = [c for c in payload.get("ledger") or () if isinstance(c, Mapping)]
    lines = []
    for change in changes:
        promise = change.get("promise") if isinstance(change.get("promise"), Mapping) else {}
        cited = change.get("question") if isinstance(change.get("question"), Mapping) else {}
        if not promise:
            continue
        key = f"lg_{change.get('kind')}"
        status = t(lang, key) if key in _T["nl"] else esc(change.get("kind"), 40)
        origin = link(cited.get("site_url"), question_label(cited, lang)) if cited else ""
        text = esc(promise.get("span") or promise.get("subject"), 300)
        lines.append(f"• “{text}” ({origin}) — <i>{status}</i>")
    if not lines:
        return ""
    return "\n".join([f"<b>{t(lang, 'ledger')}:</b>", *lines])


def render_blocks(event: Mapping[str, Any], lang: str = "nl") -> list[str]:
    """The paragraphs of an event's message, in order (empty ones dropped)."""
    kind = str(event.get("kind") or "event")
    payload = event.get("payload") or {}
    if not isinstance(payload, Mapping):
        payload = {}
    question = payload.get("question") if isinstance(payload.get("question"), Mapping) else {}
    blocks = [_header(kind, question, lang)]
    if kind.startswith("promise_"):
        blocks.append(promise_event_block(payload, lang))
    blocks.append(question_block(question, lang))
    if kind == "answer_overdue" and payload.get("deadline"):
        blocks.append(
            t(
                lang,
                "deadline",
                date=fmt_date(payload["deadline"], lang),
                days=esc(payload.get("working_days", "?"), 10),
            )
        )
    blocks.append(changes_block(payload, lang))
    blocks.append(diff_block(payload, lang))
    blocks.append(references_block(payload, lang))
    blocks.append(ledger_block(payload, lang))
    blocks.append(promises_block(payload.get("promises") or (), lang))
    blocks.append(subquestions_block(payload.get("subquestions") or (), lang))
    blocks.append(resembles_block(payload, lang))
    blocks.append(links_block(question, lang))
    return [b for b in blocks if b]


def render_event(event: Any, lang: str = "nl") -> list[str]:
    """An event (a row of `events` as a dict, or an `Event`) as HTML message parts."""
    if not isinstance(event, Mapping):
        event = {"kind": getattr(event, "kind", "event"), "payload": getattr(event, "payload", {})}
    return split_blocks(render_blocks(event, lang))


# -- splitting ---------------------------------------------------------------------------

def _hard_cut(text: str, limit: int) -> int:
    """A cut position ≤ limit that is not inside a tag or an entity, preferring a space."""
    cut = text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    while True:
        lt, gt = text.rfind("<", 0, cut), text.rfind(">", 0, cut)
        amp, semi = text.rfind("&", 0, cut), text.rfind(";", 0, cut)
        if lt > gt:
            cut = lt
        elif amp > semi and cut - amp < 10:
            cut = amp
        else:
            return max(cut, 1)


def _open_tags(piece: str) -> list[str]:
    """The opening tags still open at the end of `piece`, outermost first."""
    stack: list[str] = []
    for match in re.finditer(r"<(/?)(b|i|pre|code|a)\b[^>]*>", piece):
        if match.group(1):
            if stack and re.match(rf"<{match.group(2)}\b", stack[-1]):
                stack.pop()
        else:
            stack.append(match.group(0))
    return stack


def _closing(tags: list[str]) -> str:
    names = [_TAG_NAME.match(tag).group(1) for tag in reversed(tags)]
    return "".join(f"</{name}>" for name in names)


_TAG_NAME = re.compile(r"<(\w+)")


def split_text(text: str, limit: int = SAFE_LIMIT) -> list[str]:
    """Split HTML `text` into parts ≤ `limit`: between paragraphs where a paragraph fits
    whole, between lines inside a paragraph too long for one part, inside a line (at a
    space, never inside a tag or entity) only for a line longer than a part."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""

    def add(unit: str, sep: str) -> None:
        nonlocal current
        candidate = f"{current}{sep}{unit}" if current else unit
        if len(candidate) <= limit:
            current = candidate
            return
        if current:
            parts.append(current)
        current = unit

    for paragraph in text.split("\n\n"):
        if len(paragraph) <= limit:
            add(paragraph, "\n\n")
            continue
        for index, line in enumerate(paragraph.split("\n")):
            sep = "\n\n" if index == 0 else "\n"
            while len(line) > limit:
                cut = _hard_cut(line, limit - 200)
                still_open = _open_tags(line[:cut])
                add(line[:cut] + _closing(still_open), sep)
                line = "".join(still_open) + line[cut:].lstrip()
                sep = "\n"
            add(line, sep)
    if current:
        parts.append(current)
    return [p for p in parts if p.strip()]


def split_blocks(blocks: list[str], limit: int = SAFE_LIMIT) -> list[str]:
    return split_text("\n\n".join(blocks), limit)


def strip_tags(text: str) -> str:
    """Plain text of an HTML message part (for the console)."""

    def _anchor(match: re.Match[str]) -> str:
        return f"{match.group(2)} ({html.unescape(match.group(1))})"

    text = re.sub(r'<a href="([^"]*)">(.*?)</a>', _anchor, text, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)
