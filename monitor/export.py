"""The ledger as iCalendar (one all-day event per due date) and as CSV.

Pure functions over `state.ledger.LedgerEntry` objects; the CLI and the bot fetch the
entries and write the bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime, timedelta

from icalendar import Calendar
from icalendar import Event as VEvent

from monitor.ledger import DEFAULT_SITE_BASE, site_url
from state.clock import BRUSSELS
from state.ledger import LedgerEntry

__all__ = ["CSV_COLUMNS", "STATUS_LABELS", "entry_title", "to_csv", "to_ics", "uid"]

PRODID = "-//Opvolger//Toezeggingen Vlaams Parlement//NL"
UID_DOMAIN = "opvolger.vlaamsparlement"

STATUS_LABELS = {
    "open": "openstaand",
    "due_soon": "binnenkort",
    "overdue": "over tijd",
    "kept": "voldaan",
    "partly_kept": "deels voldaan",
    "dropped": "geschrapt",
}
KIND_LABELS = {
    "dated": "toezegging",
    "open": "open toezegging",
    "referral": "doorverwijzing",
    "document": "gevraagd document",
}

CSV_COLUMNS = (
    "id",
    "question_id",
    "number",
    "session_year",
    "title",
    "asker",
    "minister",
    "source",
    "kind",
    "subject",
    "span",
    "due",
    "status",
    "status_changed_at",
    "proposals",
    "url",
)


def uid(entry: LedgerEntry) -> str:
    """A UID that stays the same for an entry across exports (calendars update in place)."""
    return f"promise-{entry.id}-{entry.question_id}@{UID_DOMAIN}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def entry_title(entry: LedgerEntry) -> str:
    """ "Vraag nr. 170 (2023-2024): goedkeuring verslagen stuurgroep" """
    q = entry.question
    label = f"vraag nr. {q.get('number')}" if q.get("number") else f"vraag {entry.question_id}"
    if q.get("session_year"):
        label += f" ({q['session_year']})"
    what = entry.subject or _one_line(entry.span)
    if len(what) > 90:
        what = what[:89].rstrip() + "…"
    return f"{label[0].upper()}{label[1:]}: {what}"


def _stamp(entry: LedgerEntry) -> datetime:
    try:
        return datetime.fromisoformat(entry.status_changed_at)
    except ValueError:
        return datetime.now(BRUSSELS)


def to_ics(
    entries: Iterable[LedgerEntry],
    *,
    site_base: str = DEFAULT_SITE_BASE,
    name: str = "Opvolger — toezeggingen",
) -> bytes:
    """An iCalendar file with one all-day VEVENT on the due date of each dated entry."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Brussels")
    for entry in entries:
        due = entry.due_date
        if due is None:
            continue
        url = site_url(entry.question, site_base)
        q = entry.question
        lines = [
            f"«{_one_line(entry.span)}»",
            "",
            f"Status: {STATUS_LABELS.get(entry.status, entry.status)}",
            f"Soort: {KIND_LABELS.get(entry.kind, entry.kind)}",
        ]
        if q.get("title"):
            lines.append(f"Vraag: {q['title']}")
        if q.get("asker") or q.get("minister"):
            lines.append(f"Van {q.get('asker') or '?'} aan {q.get('minister') or '?'}")
        lines.append(url)
        event = VEvent()
        event.add("uid", uid(entry))
        event.add("dtstamp", _stamp(entry))
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", entry_title(entry))
        event.add("description", "\n".join(lines))
        event.add("url", url)
        event.add("categories", [STATUS_LABELS.get(entry.status, entry.status)])
        event.add("transp", "TRANSPARENT")
        if entry.status in ("kept", "partly_kept", "dropped"):
            event.add("status", "CANCELLED" if entry.status == "dropped" else "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()


def to_csv(entries: Iterable[LedgerEntry], *, site_base: str = DEFAULT_SITE_BASE) -> str:
    """The entries as CSV (header row first, one row per entry, UTF-8 text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        q = e.question
        writer.writerow(
            [
                e.id,
                e.question_id,
                q.get("number") or "",
                q.get("session_year") or "",
                q.get("title") or "",
                q.get("asker") or "",
                q.get("minister") or "",
                e.source,
                e.kind,
                e.subject,
                _one_line(e.span),
                e.due or "",
                e.status,
                e.status_changed_at,
                len(e.proposals),
                site_url(q, site_base),
            ]
        )
    return out.getvalue()
