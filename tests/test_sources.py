"""Parsers of the parliament's shapes (pure) and the theme-page link finder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from monitor.parse import (
    DocumentError,
    ParseError,
    canonical_document_url,
    extract_pdf_text,
    parse_question,
    parse_search_page,
    parse_session_years,
    question_ids_from_page,
)

FIXTURES = Path(__file__).parent / "fixtures"
COMMON = FIXTURES / "vlpar" / "common"
PDFS = FIXTURES / "documents" / "pfile"


def detail(schv_id: int) -> dict:
    return json.loads((COMMON / "opendata" / "schv" / f"{schv_id}.json").read_text())


def result(*tags: tuple[str, str], rid: str = "http://be.vlp.feed/1/pfls/2") -> dict:
    return {"id": rid, "metatags": {"metatag": [{"name": n, "value": v} for n, v in tags]}}


# -- search ---------------------------------------------------------------------------------


def test_search_page_of_the_fixtures():
    data = json.loads((FIXTURES / "vlpar" / "day2" / "search.json").read_text())
    page = parse_search_page(data)
    seed = next(i for i in page.items if i.schv_id == 1813507)
    assert seed.soort == "SCHV" and seed.published_on == date(2024, 4, 23)
    assert seed.answered and seed.document == "https://docs.vlaamsparlement.be/pfile?id=2058696"
    assert seed.number == "170" and seed.session_year == "2023-2024"
    new = next(i for i in page.items if i.schv_id == 1820721)
    assert not new.answered and new.document is None
    # Repeated thema metatags become a tuple of themes.
    assert new.themes == ("Integratie en Inburgering", "Brussel")


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # the opendata metatag wins (http://, as in the real data)
        (result(("opendata", "http://ws.vlpar.be/e/opendata/schv/77")), 77),
        # else the display URL, with or without /nl
        (
            result(
                (
                    "displayurl",
                    "https://www.vlaamsparlement.be/nl/parlementaire-documenten/"
                    "schriftelijke-vragen/78",
                )
            ),
            78,
        ),
        # else the feed id (the schv id, not the pfile id)
        (result(rid="http://be.vlp.feed/79/pfls/2058696"), 79),
    ],
)
def test_search_result_ids(item, expected):
    assert parse_search_page({"result": [item]}).items[0].schv_id == expected


def test_search_page_ignores_unknown_and_keeps_other_kinds():
    page = parse_search_page(
        {
            "count": 2,
            "lastindex": 2,
            "result": [
                result(("soort", "VI"), ("opendata", "http://ws.vlpar.be/e/opendata/vi/5")),
                {"id": "http://be.vlp.feed/x", "metatags": {}},
                "garbage",
            ],
            "unknown": 1,
        }
    )
    assert page.count == 2 and page.raw_size == 3
    # Kept with its kind (the poller filters on SCHV); a result without any id is left out.
    assert [(i.soort, i.schv_id) for i in page.items] == [("VI", 1)]


@pytest.mark.parametrize("data", [{}, {"result": None}, [], "x"])
def test_search_page_without_result_list(data):
    with pytest.raises(ParseError, match="'result'"):
        parse_search_page(data)


# -- detail ---------------------------------------------------------------------------------


def test_detail_of_the_seed():
    record = parse_question(detail(1813507))
    assert record.id == 1813507 and record.number == 170
    assert record.title == "Inburgering - Brussels Hoofdstedelijk Gewest"
    assert record.asker == "Annabel Tavernier" and record.minister == "Gwendolyn Rutten"
    assert record.asked_on == date(2024, 3, 15) and record.answered_on == date(2024, 4, 2)
    assert record.status == "answered" and record.timely is True
    assert record.document_urls == ["https://docs.vlaamsparlement.be/pfile?id=2058696"]
    assert record.raw == detail(1813507)


def test_late_answer_from_procedure_status_when_tijdig_is_absent():
    data = detail(1809124)
    data.pop("tijdig")
    record = parse_question(data)
    assert record.timely is False  # "Laattijdig beantwoord"


def test_unanswered_detail():
    record = parse_question(detail(1819601))
    assert record.status == "asked" and record.answered_on is None and record.timely is None
    assert record.document_urls == []


def test_loose_parsing_int_number_and_unknown_keys():
    data = detail(1813507) | {"vraagnummer": 170, "link": [{"rel": "self"}], "nieuw": {"x": 1}}
    record = parse_question(data)
    assert record.number == 170
    assert record.content_hash == parse_question(detail(1813507)).content_hash


@pytest.mark.parametrize("missing", ["id", "procedureverloop", "titel"])
def test_missing_expected_field_is_an_error(missing):
    data = detail(1813507)
    data.pop(missing)
    if missing == "titel":
        data.pop("onderwerp")
    with pytest.raises(ParseError, match=f"missing field '{missing}'"):
        parse_question(data, source="schv/1813507")


def test_bad_number_is_an_error():
    with pytest.raises(ParseError, match="vraagnummer"):
        parse_question(detail(1813507) | {"vraagnummer": "12a"})


def test_session_years():
    years = parse_session_years(json.loads((COMMON / "opendata" / "zj" / "alle.json").read_text()))
    names = [y.name for y in years]
    assert "2023-2024" in names and "BZ 2024" in names
    current = next(y for y in years if y.name == "2023-2024")
    assert current.start == date(2023, 9, 25) and current.end == date(2024, 6, 9)
    with pytest.raises(ParseError):
        parse_session_years({"items": []})


# -- theme page -----------------------------------------------------------------------------


def test_theme_page_links_in_every_form():
    html = """<html><body>
      <a href="/parlementaire-documenten/schriftelijke-vragen/1">rel</a>
      <a href="/nl/parlementaire-documenten/schriftelijke-vragen/2#x">nl</a>
      <a href="https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/3">abs</a>
      <a href="parlementaire-documenten/schriftelijke-vragen/4">relative, no slash</a>
      <a href="/parlementaire-documenten/schriftelijke-vragen/1">again</a>
      <a href="/parlementaire-documenten/schriftelijke-vragen/">no id</a>
      <a href="/parlementaire-documenten/schriftelijke-vragen-oud/5">other path</a>
    </body></html>"""
    assert question_ids_from_page(html, "https://www.vlaamsparlement.be/") == [1, 2, 3, 4]


def test_theme_page_without_links_is_an_error():
    with pytest.raises(ParseError, match="no links"):
        question_ids_from_page("<html><p>Onderhoud</p></html>", "https://x/nl/themas/y")


# -- documents ------------------------------------------------------------------------------


def test_pdf_text_of_the_seed():
    text = extract_pdf_text((PDFS / "2058696.pdf").read_bytes())
    assert text.startswith("SCHRIFTELIJKE VRAAG")
    assert "uw eerdere vraag 350" in " ".join(text.split())
    assert "BIJLAGE: 1.Welkomstbrief Bon Nederlands" in " ".join(text.split())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>not found</html>", "not a PDF"),
        (b"", "not a PDF"),
        ((PDFS / "2058696.pdf").read_bytes()[:6000], "truncated"),
    ],
)
def test_bad_pdfs(data, message):
    with pytest.raises(DocumentError, match=message):
        extract_pdf_text(data)


def test_document_urls_normalised_on_the_id():
    assert (
        canonical_document_url("http://docs.vlaamsparlement.be/files/pfile?id=12")
        == "https://docs.vlaamsparlement.be/pfile?id=12"
    )
    assert canonical_document_url("https://x/y.pdf") == "https://x/y.pdf"
