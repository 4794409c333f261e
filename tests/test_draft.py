"""The draft follow-up written question."""

from __future__ import annotations

from datetime import date

import pytest

from monitor import draft, ledger
from state import ledger as store
from state import open_db
from tests.test_ledger_support import SEED_TEXT, add_seed_entries, add_seed_question


@pytest.fixture
def seeded(tmp_path):
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    ids = add_seed_entries(db)
    ledger.advance(db, today=date(2024, 4, 25), due_soon_days=7)
    return db, ids


def test_draft_for_overdue_minutes(seeded):
    db, ids = seeded
    text = draft.draft_for(db, ids["minutes"], today=date(2024, 5, 2))
    lines = text.splitlines()
    assert lines[:5] == [
        "SCHRIFTELIJKE VRAAG",
        "nr. …",
        "van ANNABEL TAVERNIER",
        "datum: …",
        "aan GWENDOLYN RUTTEN",
    ]
    # the portfolio from the original document
    assert lines[5].startswith("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING")
    assert "GELIJKE KANSEN" in lines[5]
    assert "Inburgering - Brussels Hoofdstedelijk Gewest - Opvolging" in lines
    assert "vraag nr. 170 van 15 maart 2024" in text
    assert "mijn schriftelijke vraag nr. 170 van 15 maart 2024" in text
    # the promise quoted verbatim (whitespace of the PDF line breaks collapsed)
    assert (
        "“De verslagen van 6 december 2023 en 14 februari 2024 worden op 24 april 2024 "
        "goedgekeurd.”" in text
    )
    assert "\n“De verslagen" in text
    assert "(24 april 2024) is intussen verstreken" in text
    assert "1. Werd deze toezegging intussen uitgevoerd?" in text
    numbered = [line for line in lines if line[:2] in ("1.", "2.", "3.")]
    assert [n[:2] for n in numbered] == ["1.", "2.", "3."]
    assert "Gelieve de verslagen toe te voegen aan het antwoord." in text


def test_draft_numbers_other_overdue_entries_after(seeded):
    db, ids = seeded
    ledger.advance(db, today=date(2024, 7, 1), due_soon_days=7)  # metro overdue too
    text = draft.draft_for(db, ids["minutes"], today=date(2024, 7, 1))
    assert "Daarnaast stelde u in hetzelfde antwoord:" in text
    assert "metrotoestellen van de MIVB" in text
    assert "5. " in text  # 3 for the minutes + 2 for the metro campaign
    assert "1. Werd de eerste toezegging" in text and "4. Werd de tweede toezegging" in text
    only = draft.draft_for(db, ids["minutes"], today=date(2024, 7, 1), include_others=False)
    assert "MIVB" not in only


def test_draft_for_referral_and_another_asker(seeded):
    db, ids = seeded
    text = draft.draft_for(
        db, ids["referral"], today=date(2024, 5, 2), include_others=False, asker="Jan Peeters"
    )
    assert "van JAN PEETERS" in text
    assert "de schriftelijke vraag nr. 170 van 15 maart 2024 van collega Annabel Tavernier" in text
    assert "de bevoegde Brusselse minister" in text
    assert "1. Heeft u de gevraagde gegevens" in text


def test_draft_for_missing_attachment(seeded):
    db, _ids = seeded
    # the data lists a second document (another attachment), but not the letter
    db.execute(
        "UPDATE questions SET document_urls = ? WHERE id = 1813507",
        ['["https://docs.vlaamsparlement.be/pfile?id=2058696", "https://x/overzicht.pdf"]'],
    )
    ledger.check_attachments(db, 1813507, SEED_TEXT.replace(
        "1.Welkomstbrief Bon Nederlands", "1.Overzicht\n2.Welkomstbrief Bon Nederlands"
    ))
    [entry] = store.list_entries(db, sources=("attachment",))
    text = draft.draft_for(db, entry.id, today=date(2024, 5, 2), include_others=False)
    assert "vermeldt als bijlage “Welkomstbrief Bon Nederlands”" in text
    assert "1. Kan u de bijlage “Welkomstbrief Bon Nederlands” alsnog bezorgen?" in text


def test_draft_unknown_entry(seeded):
    db, _ids = seeded
    with pytest.raises(store.EntryNotFound):
        draft.draft_for(db, 424242)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-15", "15 maart 2024"), (date(2023, 6, 9), "9 juni 2023"), (None, "…")],
)
def test_dutch_date(value, expected):
    assert draft.dutch_date(value) == expected


def test_minister_title_absent():
    assert draft.minister_title("geen kop", "Gwendolyn Rutten") is None
    assert draft.minister_title(None, "Gwendolyn Rutten") is None


def test_draft_for_requested_document_quotes_the_question(seeded):
    db, _ids = seeded
    from state import ledger as store

    entry_id = store.add_entry(
        db, 1813507, source="requested_document", kind="document",
        span="Gelieve de notulen van die vergadering(en) toe te voegen aan het antwoord",
        subject="notulen van die vergadering(en)",
    )  # fmt: skip
    text = draft.draft_for(db, entry_id, today=date(2024, 5, 2))
    assert "In mijn schriftelijke vraag nr. 170 van 15 maart 2024" in text
    assert (
        "vroeg ik:\n“Gelieve de notulen van die vergadering(en) toe te voegen aan het antwoord”."
        in text
    )
    assert "1. Kan u de notulen van die vergadering(en) alsnog bezorgen?" in text
    assert "Daarnaast" not in text  # promises are not mixed into a document request
