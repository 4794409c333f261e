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

from monitor.text.dates import dutch_day
from state import ledger as store
from state.ledger import LedgerEntry

__all__ = ["draft_followup", "draft_for", "dutch_date", "minister_title"]

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
    return dutch_day(value)


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


ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste")


def _quote(span: str) -> str:
    """The span verbatim between Dutch quotes, its line breaks undone; a sentence that the
    span cuts off before its full stop gets the stop after the quote."""
    text = " ".join(span.split())
    return f"“{text}”" + ("" if text.endswith((".", "?", "!", ":")) else ".")


def _document_in(span: str) -> str | None:
    match = _DOCUMENT.search(span)
    return match.group(1).lower() if match else None


def _with_article(noun: str) -> str:
    if noun.split()[0] in ("de", "het", "een", "die", "dat", "deze", "dit"):
        return noun
    plural = noun.endswith(("en", "s")) or noun == "notulen"
    neuter = noun.startswith(("rapport", "verslag ", "overzicht", "actieplan"))
    return ("het " if neuter and not plural else "de ") + noun


def _attachment_name(entry: LedgerEntry) -> str:
    return entry.subject.removeprefix("bijlage: ") if entry.subject else entry.span


def _is_document(entry: LedgerEntry) -> bool:
    return entry.source in ("requested_document", "attachment") or entry.kind == "document"


def _this(index: int, total: int) -> str:
    """ "deze toezegging" when there is one, else "de eerste toezegging", ..."""
    if total == 1:
        return "deze toezegging"
    word = ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}de"
    return f"de {word} toezegging"


def _questions_for(entry: LedgerEntry, today: date | None, which: str) -> list[str]:
    """The numbered sub-questions that follow up one entry (`which`: "deze toezegging")."""
    out: list[str] = []
    if entry.source == "attachment":
        out.append(
            f"Kan u de bijlage “{_attachment_name(entry)}” alsnog bezorgen? Gelieve ze toe "
            "te voegen aan het antwoord."
        )
        out.append("Zo niet: waarom werd ze niet gepubliceerd?")
        return out
    if _is_document(entry):
        doc = entry.subject or _document_in(entry.span) or "het gevraagde document"
        out.append(
            f"Kan u {_with_article(doc)} alsnog bezorgen? Gelieve het document toe te voegen "
            "aan het antwoord."
        )
        out.append("Zo niet: waarom niet, en wanneer kan het wel worden bezorgd?")
        return out
    if entry.kind == "referral":
        target = _REFERRED_TO.search(entry.span)
        who = target.group(1) if target else "de bevoegde instantie"
        out.append(
            f"Heeft u de gevraagde gegevens intussen kunnen opvragen bij {who}? Zo ja, wat zijn ze?"
        )
        out.append("Welke afspraken bestaan er om deze gegevens voortaan uit te wisselen?")
        return out
    if entry.kind == "open":
        out.append(f"Wat zijn de resultaten van de opvolging die u met {which} aankondigde?")
        out.append("Welke conclusies trekt u daaruit, en welke stappen zet u nu?")
        return out
    due = entry.due_date
    if due and today and today > due:
        out.append(f"Werd {which} intussen uitgevoerd? Zo ja, op welke datum? Zo nee, waarom niet?")
        out.append("Wat is de nieuwe timing, en welke stappen staan daarvoor nog gepland?")
    else:
        out.append(f"Wat is de stand van zaken van {which}?")
        out.append("Blijft de vooropgestelde timing behouden? Zo niet, wat is de nieuwe timing?")
    doc = _document_in(entry.span)
    if doc:
        out.append(f"Gelieve {_with_article(doc)} toe te voegen aan het antwoord.")
    return out


def draft_followup(
    entry: LedgerEntry,
    *,
    others: Sequence[LedgerEntry] = (),
    today: date | None = None,
    question_text: str | None = None,
    asker: str | None = None,
) -> str:
    """The draft question (plain text) that follows up `entry` and, after it, `others`
    (outstanding promises of the same answer).

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
    cited = ("mijn schriftelijke " if same_asker else "de schriftelijke ") + cited
    if not same_asker:
        cited += f" van collega {original_asker}"
    if q.get("title"):
        cited += f" over “{q['title']}”"
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
    if entry.source == "attachment":
        lines.append(
            f"Het antwoord op {cited} vermeldt als bijlage “{_attachment_name(entry)}”. "
            "Die bijlage werd echter niet samen met het antwoord gepubliceerd."
        )
    elif _is_document(entry):
        lines.append(f"In {cited} vroeg ik:")
        lines.append(_quote(entry.span))
        lines.append("Dat document werd niet bij het antwoord gevoegd.")
    else:
        lines.append(f"In het antwoord op {cited} stelde u:")
        lines.append(_quote(entry.span))
        due = entry.due_date
        if due and today and today > due and entry.kind == "dated":
            lines.append(
                f"Die termijn ({dutch_date(due)}) is intussen verstreken. Ik vond nog geen "
                "bericht dat deze toezegging werd uitgevoerd."
            )
        elif entry.kind == "referral":
            lines.append("Op dat deel van mijn vraag kwam daardoor geen antwoord.")
    extra = [o for o in others if o.id != entry.id and not _is_document(o)]
    if extra and not _is_document(entry):
        lines.append("Daarnaast stelde u in hetzelfde antwoord:")
        lines.extend(_quote(o.span) for o in extra)
    else:
        extra = []
    items = [entry, *extra]
    n = 0
    for index, item in enumerate(items):
        for question in _questions_for(item, today, _this(index, len(items))):
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
