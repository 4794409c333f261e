"""Attachments listed in an answer ("BIJLAGE: ...") against the documents in the data."""

from __future__ import annotations

import pytest

from monitor import ledger
from state import ledger as store
from state import open_db
from tests.test_ledger_support import SEED_ID, SEED_TEXT, add_seed_question

PFILE = "https://docs.vlaamsparlement.be/pfile?id="


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the seed: heading on its own line, numbered item without a space
        (SEED_TEXT, ["Welkomstbrief Bon Nederlands"]),
        # several items, plural heading, bullets and "1)" numbering
        (
            "ANTWOORD\n...\nBIJLAGEN:\n1) Verslag stuurgroep\n- Lijst gemeenten\n",
            ["Verslag stuurgroep", "Lijst gemeenten"],
        ),
        # heading and item on one line
        ("ANTWOORD\n...\nBIJLAGE: Overzicht per gemeente\n", ["Overzicht per gemeente"]),
        # the word in running text is no heading
        ("In bijlage vindt u het overzicht. Zie ook de bijlage bij vraag 3.\n", []),
    ],
)
def test_listed_attachments(text, names):
    found = ledger.listed_attachments(text)
    assert [a.name for a in found] == names
    assert all(text[a.start : a.end] == a.span for a in found)


def _listed(*names):
    return [ledger.Attachment(name=n, span=f"{i}.{n}", start=0, end=0) for i, n in
            enumerate(names, 1)]  # fmt: skip


@pytest.mark.parametrize(
    ("names", "urls", "missing"),
    [
        # only the answer itself in the data: the attachment is bound into it
        (["Welkomstbrief Bon Nederlands"], [PFILE + "1"], []),
        # one extra document per attachment: all there
        (["Brief", "Verslag"], [PFILE + "1", PFILE + "2", PFILE + "3"], []),
        # one extra document for two attachments: the second is missing
        (["Brief", "Verslag"], [PFILE + "1", PFILE + "2"], ["Verslag"]),
        # a document named like the second attachment provides that one
        (["Brief", "Verslag stuurgroep"], [PFILE + "1", "https://x/verslag-stuurgroep.pdf"],
         ["Brief"]),
        # two attachments, the answer and one extra document named like neither
        (["Brief", "Verslag"], [PFILE + "1", "https://x/tabel.xlsx"], ["Verslag"]),
    ],
)  # fmt: skip
def test_missing_attachments(names, urls, missing):
    assert [a.name for a in ledger.missing_attachments(_listed(*names), urls)] == missing


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    return db


def test_seed_attachment_is_bound_into_its_single_document(db):
    assert ledger.check_attachments(db, SEED_ID) == []
    assert store.list_entries(db, sources=("attachment",)) == []


TWO_ATTACHMENTS = SEED_TEXT.replace(
    "1.Welkomstbrief Bon Nederlands", "1.Overzicht wervingsacties\n2.Welkomstbrief Bon Nederlands"
)


def _documents(db, *urls):
    db.execute(
        "UPDATE questions SET document_urls = ? WHERE id = ?",
        ["[" + ", ".join(f'"{u}"' for u in urls) + "]", SEED_ID],
    )


def test_attachment_missing_from_the_data_is_an_open_entry(db):
    _documents(db, PFILE + "2058696", PFILE + "2058697")  # the answer and one attachment
    assert ledger.check_attachments(db, SEED_ID, TWO_ATTACHMENTS) == []
    [entry] = store.list_entries(db, sources=("attachment",))
    assert entry.status == "open" and entry.kind == "document" and entry.due is None
    assert entry.span == "2.Welkomstbrief Bon Nederlands"
    assert entry.subject == "bijlage: Welkomstbrief Bon Nederlands"
    assert TWO_ATTACHMENTS[entry.start : entry.end] == entry.span
    # idempotent
    ledger.check_attachments(db, SEED_ID, TWO_ATTACHMENTS)
    assert len(store.list_entries(db, sources=("attachment",))) == 1


def test_attachment_published_later_is_kept(db):
    from tests.test_ledger_support import subscribe

    _documents(db, PFILE + "2058696", PFILE + "2058697")
    ledger.check_attachments(db, SEED_ID, TWO_ATTACHMENTS)
    subscribe(db, 11, "question", str(SEED_ID))
    _documents(db, PFILE + "2058696", PFILE + "2058697", PFILE + "2058698")
    new = ledger.check_attachments(db, SEED_ID, TWO_ATTACHMENTS)
    [entry] = store.list_entries(db, sources=("attachment",), statuses=["kept"])
    assert len(new) == 1 and entry.evidence[-1]["reason"] == "document listed"
