"""Factories shared by the ledger tests (no tests here): questions, the seed's entries.

The seed is question nr. 170 of 15 March 2024 (schv 1813507), whose answer holds the five
promises listed in DESIGN.md; question nr. 350 (2022-2023, schv 1759384) is the one it
cites. Rows go in through the store functions (`state.questions`, `state.ledger`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from state import ledger as store
from state.clock import BRUSSELS
from state.questions import save_question

FIXTURES = Path(__file__).parent / "fixtures" / "ledger"
SEED_TEXT = (FIXTURES / "seed_170.txt").read_text(encoding="utf-8")
SEED_ID = 1813507
Q350_ID = 1759384
SITE = "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen"


def at(day: str, hour: int = 8) -> datetime:
    """A moment in Brussels on an ISO day."""
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), BRUSSELS).replace(
        hour=hour
    )


def add_question(db, qid: int, **facts) -> int:
    row = {
        "id": qid,
        "number": 1,
        "session_year": "2023-2024",
        "title": "Vraag",
        "subject": "Vraag",
        "themes": ["Integratie en Inburgering"],
        "asker": "Annabel Tavernier",
        "minister": "Gwendolyn Rutten",
        "asked_on": "2024-03-15",
        "answered_on": "2024-04-02",
        "status": "answered",
        "document_urls": [],
        "content_hash": f"h{qid}",
        "first_seen": "2024-04-23T08:00:00+02:00",
        "last_seen": "2024-04-23T08:00:00+02:00",
    }
    row.update(facts)
    save_question(db, row)
    return qid


def add_seed_question(db, text: str = SEED_TEXT) -> int:
    return add_question(
        db,
        SEED_ID,
        number=170,
        title="Inburgering - Brussels Hoofdstedelijk Gewest",
        subject="Inburgering - Brussels Hoofdstedelijk Gewest",
        asked_on="2024-03-15",
        answered_on="2024-04-02",
        published_on="2024-04-23",
        site_url=f"{SITE}/{SEED_ID}",
        document_urls=["https://docs.vlaamsparlement.be/pfile?id=2058696"],
        text=text,
    )


def _find(text: str, pattern: str) -> tuple[str, int, int]:
    match = re.search(pattern, text, re.S)
    assert match, pattern
    return match.group(0), match.start(), match.end()


# (pattern in the seed text, kind, due, subject) — the entries DESIGN.md lists.
SEED_PROMISES = (
    (r"De verslagen van 6 december 2023\s+en 14 februari 2024 worden op 24 april 2024 "
     r"goedgekeurd\.", "dated", "2024-04-24", "goedkeuring verslagen stuurgroep"),
    (r"Daarnaast zal in het voorjaar van 2024.*?van de MIVB\.", "dated", "2024-06-20",
     "zichtbaarheidscampagne in de metro"),
    (r"In 2024 zal Bon in minimum 4 gemeenten.*?mee te ondersteunen\.", "dated", "2024-12-31",
     "Bon-medewerkers in minimum 4 gemeenten"),
    (r"Dit wordt verder\s+gemonitord\.", "open", None, "impact GGC-trajecten monitoren"),
    (r"Voor de algemene cijfers in kader.*?bevoegde Brusselse minister\.", "referral", None,
     "algemene cijfers verplichte inburgering Brussel"),
)  # fmt: skip


def add_seed_entries(db, text: str = SEED_TEXT, now: datetime | None = None) -> dict[str, int]:
    """The seed's five ledger entries, by a short name."""
    names = ("minutes", "metro", "bon", "monitored", "referral")
    ids = {}
    for name, (pattern, kind, due, subject) in zip(names, SEED_PROMISES, strict=True):
        span, start, end = _find(text, pattern)
        ids[name] = store.add_entry(
            db,
            SEED_ID,
            span=span,
            kind=kind,
            due=due,
            subject=subject,
            start=start,
            end=end,
            now=now or at("2024-04-23"),
        )
    return ids


def subscribe(db, chat_id: int, kind: str, value: str) -> None:
    from state.chats import add_subscription, upsert_chat

    upsert_chat(db, chat_id)
    add_subscription(db, chat_id, kind, value, value)


def outbox_rows(db) -> list[dict]:
    return list(
        db.query(
            "SELECT o.chat_id, e.key FROM outbox o JOIN events e ON e.id = o.event_id ORDER BY o.id"
        )
    )


def add_later_answer(
    db,
    qid: int,
    number: int,
    filename: str,
    *,
    asked_on: str,
    answered_on: str,
    cites: int = SEED_ID,
    cited: str = "vraag nr. 170 van 15 maart 2024",
) -> str:
    """Store a later question-and-answer from tests/fixtures/ledger with its resolved
    reference(s) to `cites`; returns the text."""
    from state.findings import save_findings

    text = (FIXTURES / filename).read_text(encoding="utf-8")
    add_question(
        db,
        qid,
        number=number,
        asked_on=asked_on,
        answered_on=answered_on,
        text=text,
        title=text.splitlines()[7],
        subject=text.splitlines()[7],
    )
    answer = text.index("ANTWOORD")
    refs = []
    for m in re.finditer(re.escape(cited), text):
        refs.append(
            {
                "part": "answer" if m.start() >= answer else "question",
                "start": m.start(),
                "end": m.end(),
                "span": m.group(0),
                "kind": "written_question",
                "number": 170,
                "date": "2024-03-15",
                "session_year": "2023-2024",
                "target_id": cites,
                "confidence": 0.95,
            }
        )
    save_findings(db, qid, refs=refs, promises=[], subquestions=[], resemblances=[])
    return text
