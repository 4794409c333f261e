"""Splitting a parliament document, its header, sub-questions and offsets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from monitor.text import extract, split_document
from monitor.text.clean import clean

HERE = Path(__file__).parent / "fixtures" / "text"
SEED = (HERE / "seed-170.txt").read_text(encoding="utf-8")


def pdf_text(name: str) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(HERE / name).pages)


def test_clean_keeps_a_map_to_the_original():
    text = "inburgerings-\ntrajecten  van 15 \nnovember"
    cleaned = clean(text)
    assert cleaned.text == "inburgeringstrajecten van 15\nnovember"
    start = cleaned.text.index("trajecten")
    span, s, e = cleaned.span(start, start + len("trajecten"))
    assert span == text[s:e] == "trajecten"
    # a capital after the hyphen is a compound, not hyphenation
    assert clean("Sint-\nJoost").text == "Sint-\nJoost"


@pytest.mark.parametrize("text", [SEED, pdf_text("pfile-2058696.pdf")])
def test_split_seed(text):
    parts = split_document(text)
    h = parts.header
    assert (h.number, h.date, h.asker, h.minister) == (
        170,
        date(2024, 3, 15),
        "Annabel Tavernier",
        "Gwendolyn Rutten",
    )
    assert h.title == "Inburgering - Brussels Hoofdstedelijk Gewest"
    assert h.attachments == ("Welkomstbrief Bon Nederlands",)
    question = text[parts.question_start : parts.question_end]
    answer = text[parts.answer_start : parts.answer_end]
    assert question.strip().startswith("Sinds 1 juni 2022")
    assert question.rstrip().endswith("aan het antwoord.")
    assert answer.strip().startswith("1. a) Tussen 1 juni 2022")
    assert answer.rstrip().endswith("worden op 24 april 2024 goedgekeurd.")
    assert parts.part_of(text.index("uw eerdere vraag")) == "answer"
    assert parts.part_of(text.index("gedachtewisseling")) == "question"


def test_a_page_header_naming_the_question_itself_is_not_a_reference():
    page = "Vlaams Parlement - Schriftelijke vraag 170 (2023-2024) - 15 maart 2024\n"
    text = SEED.replace("2. a) Op 1 juni 2023", page + "2. a) Op 1 juni 2023", 1)
    assert page in text
    refs = extract(text, date(2024, 4, 2)).references
    assert [r.number for r in refs if r.number] == [350]


def test_text_without_headings_is_all_question():
    parts = split_document("Een losse passage zonder koppen.")
    assert parts.answer_start is None and parts.question_start == 0


@pytest.mark.parametrize("text", [SEED, pdf_text("pfile-2058696.pdf")])
def test_seed_worked_example(text):
    result = extract(text, date(2024, 4, 2))
    refs = [(r.kind, r.number, r.date, r.session_year) for r in result.references]
    assert refs == [
        ("debate", None, date(2023, 11, 15), "2023-2024"),
        ("written_question", 350, date(2023, 6, 9), "2022-2023"),
    ]
    promises = [(p.kind, p.due) for p in result.promises]
    assert promises == [
        ("referral", None),
        ("open", None),
        ("referral", None),
        ("dated", date(2024, 6, 20)),
        ("dated", date(2024, 12, 31)),
        ("dated", date(2024, 4, 24)),
    ]
    for item in (*result.references, *result.promises):
        assert text[item.start : item.end] == item.span
    # the answer heading ("op vraag nr. 170 van 15 maart 2024") is not a reference
    assert all(r.number != 170 for r in result.references)
    # non-references
    spans = " ".join(r.span for r in result.references)
    for number in ("4.267", "90,5", "11 mei 2017"):
        assert number not in spans


def test_seed_subquestions():
    subs = {s.label: s for s in extract(SEED, date(2024, 4, 2)).subquestions}
    assert list(subs)[:6] == ["1", "1a", "1b", "1c", "1d", "2"]
    assert subs["1d"].status == "referred"
    assert subs["1a"].status == "answered"  # figures given, the rest referred
    assert "referred" in subs["1a"].flags
    assert subs["4"].requested_document == "voorbeeld van een wervingsbrief"
    assert subs["4"].document_provided and subs["4"].status == "answered"
    assert subs["5"].requested_document == "notulen van die vergadering(en)"
    assert not subs["5"].document_provided
    assert subs["5"].status == "promised_later"
    assert set(subs["5"].flags) >= {"confidential", "promised_later"}
    for s in subs.values():
        assert SEED[s.start : s.end].strip()
        if s.requested_start is not None:
            assert "toe te voegen" in SEED[s.requested_start : s.requested_end]


def test_subquestion_not_addressed_and_confidential():
    text = (
        "SCHRIFTELIJKE VRAAG\nnr. 12\nvan JAN JANSSENS\ndatum: 3 oktober 2023\naan BART SOMERS\n"
        "VLAAMS MINISTER\nInburgering - Cijfers\nInleiding.\n"
        "1. Hoeveel dossiers zijn er?\n2. Welke adviezen gaf de commissie?\n"
        "3. Gelieve het evaluatierapport over te maken.\n"
        "BART SOMERS\nVLAAMS MINISTER\nANTWOORD\nop vraag nr. 12 van 3 oktober 2023\n"
        "van JAN JANSSENS\n1. Er zijn 120 dossiers.\n"
        "3. Het evaluatierapport leg ik ter inzage bij de voorzitter van het Vlaams Parlement.\n"
    )
    subs = {s.label: s for s in extract(text, date(2023, 11, 2)).subquestions}
    assert subs["1"].status == "answered"
    assert subs["2"].status == "not_addressed"
    assert subs["3"].status == "confidential"
    assert subs["3"].requested_document == "evaluatierapport"


def test_other_fixture_documents():
    # invented documents of the fixtures: a reference with "mijn vraag nr. 52 van ..."
    result = extract(pdf_text("pfile-2058705.pdf"), date(2024, 4, 10))
    assert [(r.number, r.date) for r in result.references] == [(52, date(2023, 10, 18))]
    assert [(p.kind, p.due) for p in result.promises] == [("dated", date(2024, 6, 21))]
    # a referral to the GGC
    result = extract(pdf_text("pfile-2057585.pdf"), date(2024, 4, 10))
    assert [p.kind for p in result.promises] == ["referral"]
    assert [(r.kind, r.date) for r in result.references] == [("debate", date(2023, 11, 15))]
