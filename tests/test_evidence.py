"""Evidence that a promise was kept: the pure assessment and the poll hook."""

from __future__ import annotations

import json
from datetime import date

import pytest

from monitor import evidence, ledger
from state import ledger as store
from state import open_db
from tests.test_ledger_support import (
    SEED_ID,
    add_later_answer,
    add_seed_entries,
    add_seed_question,
    at,
    outbox_rows,
    subscribe,
)

MINUTES = (
    "De verslagen van 6 december 2023 en 14 februari 2024 worden op 24 april 2024 goedgekeurd."
)
D = date.fromisoformat


def answer(body: str) -> str:
    return "SCHRIFTELIJKE VRAAG\nnr. 9\nvraag\nANTWOORD\nop vraag nr. 9\n" + body


@pytest.mark.parametrize(
    ("body", "verdict"),
    [
        # reported done, near the due date, pointing back at the promise: strong
        (
            "1. Zoals toegezegd in mijn antwoord op uw vraag werden de verslagen van 6 december "
            "2023 en 14 februari 2024 op 24 april 2024 goedgekeurd.",
            "kept",
        ),
        # reported done, but without pointing back: a person confirms
        (
            "2. Op de vergadering van 24 april 2024 werden de verslagen van 6 december 2023 en "
            "14 februari 2024 goedgekeurd.",
            "proposed",
        ),
        # "nog niet": not kept, not proposed
        (
            "2. De verslagen van 6 december 2023 en 14 februari 2024 zijn nog niet goedgekeurd.",
            "none",
        ),
        # still in the future tense: a repeated promise is no evidence
        (
            "2. De verslagen van 6 december 2023 en 14 februari 2024 worden in juni goedgekeurd.",
            "none",
        ),
        # another subject altogether
        ("1. De wachttijd voor een cursus Nederlands bedroeg zes weken.", "none"),
    ],
)
def test_assess_minutes(body, verdict):
    text = answer(body)
    result = evidence.assess(
        MINUTES,
        "goedkeuring verslagen stuurgroep",
        D("2024-04-24"),
        text,
        answer_start=evidence.answer_part(text),
        doc_date=D("2024-05-20"),
    )
    assert result.verdict == verdict, result


def test_assess_ignores_the_question_part():
    # the follow-up question restates the promise in the past tense; only the answer counts
    text = (
        "SCHRIFTELIJKE VRAAG\nnr. 9\nU zei dat de verslagen van 6 december 2023 en 14 februari "
        "2024 op 24 april 2024 werden goedgekeurd. Is dat zo?\nANTWOORD\nop vraag nr. 9\n"
        "1. De wachttijd voor een cursus Nederlands bedroeg zes weken.\n"
    )
    result = evidence.assess(
        MINUTES, "", D("2024-04-24"), text, answer_start=evidence.answer_part(text)
    )
    assert result.verdict == "none"


def test_assess_partly_kept_when_fewer_than_promised():
    promise = (
        "Tegen eind 2023 wil Bon met tien van de negentien Brusselse gemeenten een contact hebben."
    )
    text = answer(
        "3. Zoals aangekondigd in mijn antwoord op uw vraag werden er tegen eind 2023 contacten "
        "gelegd met 9 Brusselse gemeenten."
    )
    result = evidence.assess(
        promise,
        "contact met tien Brusselse gemeenten",
        D("2023-12-31"),
        text,
        answer_start=evidence.answer_part(text),
        doc_date=D("2024-04-02"),
    )
    assert result.verdict == "partly_kept", result
    assert any("minder dan beloofd" in r for r in result.reasons)


def test_key_terms_leave_out_dates_and_stop_words():
    assert evidence.key_terms(MINUTES, "goedkeuring verslagen stuurgroep") == [
        "versla",
        "goedge",
        "goedke",
        "stuurg",
    ]


def test_answer_part_falls_back_to_heading():
    text = answer("1. Iets.")
    assert text.index("ANTWOORD") <= evidence.answer_part(text) < text.index("1. Iets.")
    assert evidence.answer_part("geen kop") == 0


@pytest.fixture
def seeded(tmp_path):
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    ids = add_seed_entries(db)
    ledger.advance(db, today=D("2024-04-25"), due_soon_days=7, now=at("2024-04-25"))
    return db, ids


def test_later_answer_reporting_minutes_proposes_kept(seeded):
    db, ids = seeded
    subscribe(db, 11, "question", str(SEED_ID))
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    new = evidence.collect_evidence(db, 1830001, now=at("2024-06-10"))
    minutes = store.get_entry(db, ids["minutes"])
    # proposed, not decided: the status stays overdue, with a proposal waiting
    assert minutes.status == "overdue"
    [proposal] = minutes.proposals
    assert proposal["question_id"] == 1830001
    assert "goedgekeurd" in proposal["excerpt"]
    # the follow-up question restated the Bon promise; its answer says "nog niet": nothing
    assert store.get_entry(db, ids["bon"]).evidence == []
    assert store.get_entry(db, ids["monitored"]).evidence == []
    key = f"promise_proposed_kept:{ids['minutes']}:1830001"
    assert [r["key"] for r in outbox_rows(db) if r["key"].startswith("promise_proposed")] == [key]
    assert len(new) == 1
    event = db.execute("SELECT payload FROM events WHERE key = ?", [key]).fetchone()
    payload = json.loads(event[0])
    assert payload["promise"]["id"] == ids["minutes"]
    assert payload["evidence"]["question"]["number"] == 221
    # running the hook again changes nothing
    assert evidence.collect_evidence(db, 1830001) == []
    assert len(store.get_entry(db, ids["minutes"]).proposals) == 1
    assert [e.id for e, _ in store.evidence_proposals(db)] == [ids["minutes"]]


def test_confirm_and_reject_a_proposal(seeded):
    db, ids = seeded
    subscribe(db, 11, "promise", str(ids["minutes"]))
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    evidence.collect_evidence(db, 1830001)
    ledger.reject(db, ids["minutes"], 1830001, by="chat:11")
    entry = store.get_entry(db, ids["minutes"])
    assert entry.status == "overdue" and entry.proposals == []
    assert entry.evidence[-1]["state"] == "rejected"
    with pytest.raises(LookupError):
        ledger.confirm(db, ids["minutes"], 1830001)  # nothing pending any more


def test_confirm_marks_kept_and_alerts(seeded):
    db, ids = seeded
    subscribe(db, 11, "promise", str(ids["minutes"]))
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    evidence.collect_evidence(db, 1830001)
    new = ledger.confirm(db, ids["minutes"], 1830001, by="chat:11", now=at("2024-06-11"))
    entry = store.get_entry(db, ids["minutes"])
    assert entry.status == "kept" and len(new) == 1
    assert store.history(db, ids["minutes"])[-1]["evidence"]["state"] == "confirmed"
    assert [r["key"] for r in outbox_rows(db)][-1] == f"promise_kept:{ids['minutes']}"
    assert [e.id for e in store.newly_kept_since(db, "2024-06-11")] == [ids["minutes"]]
    assert store.newly_kept_since(db, "2024-06-12") == []


def test_strong_evidence_marks_kept(seeded):
    db, ids = seeded
    subscribe(db, 11, "question", str(SEED_ID))
    add_later_answer(
        db, 1830002, 240, "answer_240_minutes_confirmed.txt",
        asked_on="2024-05-17", answered_on="2024-05-30",
    )  # fmt: skip
    new = evidence.collect_evidence(db, 1830002, now=at("2024-06-01"))
    entry = store.get_entry(db, ids["minutes"])
    assert entry.status == "kept" and len(new) == 1
    assert entry.evidence[-1]["state"] == "auto"
    assert entry.evidence[-1]["question_id"] == 1830002
    assert f"promise_kept:{ids['minutes']}" in [r["key"] for r in outbox_rows(db)]
    # the kept entry no longer moves with the calendar
    ledger.advance(db, today=D("2024-07-01"), due_soon_days=7)
    assert store.get_entry(db, ids["minutes"]).status == "kept"


def test_unrelated_follow_up_proposes_nothing(seeded):
    db, _ids = seeded
    add_later_answer(
        db, 1830003, 250, "answer_250_unrelated.txt",
        asked_on="2024-05-22", answered_on="2024-06-05",
    )  # fmt: skip
    assert evidence.collect_evidence(db, 1830003) == []
    assert store.evidence_proposals(db) == []


def test_no_resolved_reference_no_evidence(seeded):
    db, ids = seeded
    add_later_answer(
        db, 1830002, 240, "answer_240_minutes_confirmed.txt",
        asked_on="2024-05-17", answered_on="2024-05-30", cites=999,
    )  # fmt: skip
    assert evidence.collect_evidence(db, 1830002) == []
    assert store.get_entry(db, ids["minutes"]).status == "overdue"


LINK = "De technische koppeling met het Rijksregister verwacht ik in het najaar van 2023."
LINK_CONTEXT = (
    LINK + " Wordt overwogen om ook in Brussel wervingsbrieven te versturen aan nieuwkomers?"
)
ASKS = (
    "Is de vooropgestelde praktijk van het automatisch versturen van wervingsbrieven aan alle "
    "nieuwkomers in het Brusselse Hoofdstedelijke Gewest al in werking getreden?"
)


@pytest.mark.parametrize(
    ("subs", "verdict"),
    [
        # a later part asks about it, and its answer reports it done (after the due date)
        ([{"label": "4", "text": ASKS, "answer": "De verzending startte op 2 februari 2024."}],
         "proposed"),
        # same part, answered "nog niet"
        ([{"label": "4", "text": ASKS, "answer": "De brieven worden nog niet verstuurd."}],
         "none"),
        # same part, the answer is still a promise
        ([{"label": "4", "text": ASKS, "answer": "De verzending start in juni."}], "none"),
        # a part about something else
        ([{"label": "1", "text": "Hoeveel inburgeraars kozen voor een NT2-traject?",
           "answer": "Er werden 8 trajecten gestart."}], "none"),
        ([], "none"),
    ],
)  # fmt: skip
def test_assess_by_subquestion(subs, verdict):
    result = evidence.assess_by_subquestion(
        LINK_CONTEXT, subs, D("2023-12-20"), doc_date=D("2024-04-02")
    )
    assert result.verdict == verdict, result
    if verdict == "proposed":
        assert result.reasons[0].startswith("deelvraag 4 vraagt ernaar")
        assert "gemeld na de termijn" in result.reasons
