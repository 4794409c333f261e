"""A draft follow-up written question in Dutch, in the parliament's usual form.

The draft follows the layout of the published questions (see the seed): "SCHRIFTELIJKE
VRAAG", number and date left open for the registry, "van <ASKER>", "aan <MINISTER>" with
the portfolio, the title, an introduction that cites the earlier question by number and
date and quotes the promise verbatim, and numbered sub-questions. It is a starting point
for the member's staff, never sent by itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlite_utils import Database

from state import ledger as store
from state.ledger import LedgerEntry

__all__ = ["draft_followup", "draft_for", "dutch_date", "minister_title"]

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_DOCUMENT = re.compile(
    r"\b(?:de|het|een)\s+((?:\w+\s+)?(?:verslagen|verslag|notulen|rapport|rapporten|studie|"
    r"evaluatie|nota|brief|brieven|cijfers|resultaten|overzicht|lijst|analyse|actieplan|"
    r"planning))\b",
    re.I,
)
_REFERRED_TO = re.compile(r"\bnaar\s+((?:de|het)\s+[^.,;:]+?)(?:[.,;:]|$)", re.I)
_UPPER_LINE = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")


def dutch_date(value: date | str | None) -> str:
    """`2024-03-15` → "15 maart 2024"."""
    if value is None:
        return "…"
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def minister_title(text: str | None, minister: str | None) -> str | None:
    """The minister's portfolio lines under "aan <NAAM>" in a stored question text."""
    if not text or not minister:
        return None
    lines = text.splitlines()
    name = minister.upper()
    for i, line in enumerate(lines):
        if line.strip().upper() in (f"AAN {name}", name) or line.strip().startswith("aan "):
            title: list[str] = []
            for nxt in lines[i + 1 : i + 5]:
                if not nxt.strip() or not _UPPER_LINE.match(nxt.strip()):
                    break
                title.append(nxt.strip().rstrip(","))
            if title:
                return ", ".join(title)
    return None


def _quote(span: str) -> str:
    return "“" + " ".join(span.split()) + "”"


def _document_in(span: str) -> str | None:
    match = _DOCUMENT.search(span)
    return match.group(1).lower() if match else None


def _questions_for(entry: LedgerEntry, today: date | None) -> list[str]:
    """The numbered sub-questions that follow up one entry."""
    what = entry.subject or "deze toezegging"
    doc = _document_in(entry.span) or (entry.subject if entry.kind == "document" else None)
    due = entry.due_date
    out: list[str] = []
    if entry.source in ("requested_document", "attachment") or entry.kind == "document":
        name = entry.subject.removeprefix("bijlage: ") if entry.subject else "het document"
        out.append(
            f"Kan u {name} alsnog bezorgen? Gelieve het document toe te voegen aan het antwoord."
        )
        out.append("Zo niet: waarom niet, en wanneer kan het wel worden bezorgd?")
        return out
    if entry.kind == "referral":
        target = _REFERRED_TO.search(entry.span)
        who = target.group(1) if target else "de bevoegde instantie"
        out.append(
            f"Heeft u de gevraagde gegevens ({what}) intussen kunnen opvragen bij {who}? "
            "Zo ja, wat zijn ze?"
        )
        out.append("Welke afspraken bestaan er om deze gegevens voortaan uit te wisselen?")
        return out
    if entry.kind == "open":
        out.append(f"Wat zijn de resultaten van de opvolging ({what}) tot nu toe?")
        out.append("Welke conclusies trekt u daaruit, en welke stappen zet u nu?")
        return out
    if due and today and today > due:
        out.append(
            f"Werd de toezegging ({what}) intussen uitgevoerd? Zo ja, op welke datum? "
            "Zo nee, waarom niet?"
        )
        out.append("Wat is de nieuwe timing, en welke stappen staan daarvoor nog gepland?")
    else:
        out.append(f"Wat is de stand van zaken van de toezegging ({what})?")
        out.append("Blijft de vooropgestelde timing behouden? Zo niet, wat is de nieuwe timing?")
    if doc:
        out.append(f"Gelieve {_with_article(doc)} toe te voegen aan het antwoord.")
    return out


def _with_article(noun: str) -> str:
    plural = noun.endswith(("en", "s")) or noun == "notulen"
    return (
        "de " if plural or not noun.startswith(("rapport", "verslag", "overzicht")) else "het "
    ) + noun


def draft_followup(
    entry: LedgerEntry,
    *,
    others: Sequence[LedgerEntry] = (),
    today: date | None = None,
    question_text: str | None = None,
    asker: str | None = None,
) -> str:
    """The draft question (plain text) that follows up `entry` and, after it, `others`
    (outstanding entries of the same question).

    `asker` is the member who will ask it (default: the asker of the earlier question,
    who then cites "mijn schriftelijke vraag").
    """
    q = entry.question
    original_asker = q.get("asker") or "…"
    asker = asker or original_asker
    same_asker = asker == original_asker
    minister = q.get("minister") or "…"
    number = q.get("number")
    asked_on = dutch_date(q.get("asked_on")) if q.get("asked_on") else None
    cited = f"vraag nr. {number}" if number else f"vraag {entry.question_id}"
    if asked_on:
        cited += f" van {asked_on}"
    whose = "mijn schriftelijke " if same_asker else "de schriftelijke "
    if not same_asker:
        cited += f" van collega {original_asker}"
    title = q.get("title") or "Opvolging"
    portfolio = minister_title(question_text, minister)

    lines = [
        "SCHRIFTELIJKE VRAAG",
        "nr. …",
        f"van {asker.upper()}",
        "datum: …",
        f"aan {minister.upper()}",
    ]
    if portfolio:
        lines.append(portfolio)
    lines.append(f"{title} - Opvolging")
    intro = f"In het antwoord op {whose}{cited}"
    if q.get("title"):
        intro += f" over “{q['title']}”"
    lines.append(intro + " stelde u:")
    lines.append(_quote(entry.span))
    due = entry.due_date
    if due and today and today > due and entry.kind == "dated":
        lines.append(
            f"Die termijn ({dutch_date(due)}) is intussen verstreken. Ik vond nog geen "
            "bericht dat deze toezegging werd uitgevoerd."
        )
    elif entry.kind == "referral":
        lines.append("Op dat deel van mijn vraag kwam daardoor geen antwoord.")
    elif entry.kind == "document":
        lines.append("Dat document werd niet bij het antwoord gevoegd.")
    extra = [o for o in others if o.id != entry.id]
    if extra:
        lines.append("Daarnaast stelde u in hetzelfde antwoord:")
        lines.extend(f"- {_quote(o.span)}" for o in extra)
    n = 0
    for item in [entry, *extra]:
        for question in _questions_for(item, today):
            n += 1
            lines.append(f"{n}. {question}")
    return "\n".join(lines) + "\n"


def draft_for(
    db: Database,
    entry_id: int,
    *,
    today: date | None = None,
    include_others: bool = True,
    asker: str | None = None,
) -> str:
    """The draft for one ledger entry from the store (raises `EntryNotFound`)."""
    entry = store.get_entry(db, entry_id)
    if entry is None:
        raise store.EntryNotFound(entry_id)
    others: list[LedgerEntry] = []
    if include_others:
        others = [
            o
            for o in store.list_entries(db, question_ids=[entry.question_id], statuses=("overdue",))
            if o.id != entry.id
        ]
    return draft_followup(
        entry,
        others=others,
        today=today,
        question_text=store.question_text(db, entry.question_id),
        asker=asker,
    )
