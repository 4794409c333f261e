"""Rendering events as Telegram HTML: escaped, linked, Dutch dates, split below 4096."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bot.render import (
    MAX_MESSAGE,
    fmt_date,
    render_event,
    split_text,
    strip_tags,
)

SITE = "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/"


def question(**overrides):
    base = {
        "id": 1813507,
        "number": 170,
        "session_year": "2023-2024",
        "title": "Inburgering - Brussels Hoofdstedelijk Gewest",
        "subject": "Inburgering",
        "asker": "Annabel Tavernier",
        "minister": "Gwendolyn Rutten",
        "themes": ["Integratie en Inburgering"],
        "site_url": SITE + "1813507",
        "document_url": "https://docs.vlaamsparlement.be/pfile?id=2058696",
        "asked_on": "2024-03-15",
        "answered_on": "2024-04-02",
        "status": "answered",
        "timely": True,
    }
    base.update(overrides)
    return base


ANSWER = {
    "kind": "answered",
    "payload": {
        "question": question(),
        "references": [
            {"span": "uw eerdere vraag 350 d.d. 9 juni 2023", "kind": "written_question",
             "number": 350, "target_id": 1759384, "target_label": "vraag nr. 350 (2022-2023)",
             "confidence": 1.0},
            {"span": "de gedachtewisseling van 15 november 2023", "kind": "debate",
             "target_id": None},
        ],
        "promises": [
            {"id": 6, "span": "In 2024 zal Bon in minimum 4 gemeenten medewerkers inzetten",
             "kind": "dated", "due": "2024-12-31"},
            {"id": 7, "span": "worden op 24 april 2024 goedgekeurd", "kind": "dated",
             "due": "2024-04-24"},
            {"id": 3, "span": "Dit wordt verder gemonitord", "kind": "open", "due": None},
            {"id": 2, "span": "verwijs ik u graag door naar de bevoegde Brusselse minister",
             "kind": "referral", "due": None},
        ],
        "subquestions": [{"label": "1a", "status": "answered"},
                         {"label": "1d", "status": "referred"}],
        "resembles": [{"id": 1812232, "label": "vraag nr. 163 (2023-2024)", "score": 0.8}],
    },
}


class _Checker(HTMLParser):
    """Fails on tags Telegram does not accept, and on unbalanced ones."""

    ALLOWED = {"b", "i", "a", "code", "pre"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in self.ALLOWED, tag
        if tag == "a":
            (name, value), = attrs
            assert name == "href" and value.startswith("https://")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag


def well_formed(part: str) -> bool:
    checker = _Checker()
    checker.feed(part)
    checker.close()
    return not checker.stack


def test_answer_alert_names_its_references_promises_and_links():
    (text,) = render_event(ANSWER)
    assert text.startswith("<b>✅ Antwoord op schriftelijke vraag</b> — vraag nr. 170 (2023-2024)")
    assert "Vraagsteller: Annabel Tavernier · Minister: Gwendolyn Rutten" in text
    assert "Gesteld op 15 maart 2024 · beantwoord op 2 april 2024" in text
    # the resolved reference, linked to the cited question's page
    assert f'<b>Volgt op</b> <a href="{SITE}1759384">vraag nr. 350 (2022-2023)</a>' in text
    # a debate is cited, not looked for among the stored written questions
    assert "• de gedachtewisseling van 15 november 2023\n" in text
    assert "niet gevonden" not in text
    # promises: dated first, soonest first, Dutch dates
    promises = text[text.index("Toezeggingen"):]
    assert promises.index("24 april 2024") < promises.index("31 december 2024")
    assert "— <i>tegen 24 april 2024</i>" in text
    assert "<i>zonder datum</i>" in text and "<i>doorverwezen</i>" in text
    assert "• 1d: doorverwezen" in text and "1a" not in text
    assert f'<a href="{SITE}1812232">vraag nr. 163 (2023-2024)</a>' in text
    assert f'<a href="{SITE}1813507">Vraag op de website</a>' in text
    assert '<a href="https://docs.vlaamsparlement.be/pfile?id=2058696">Document</a>' in text
    assert well_formed(text)


def test_english():
    (text,) = render_event(ANSWER, "en")
    assert "Answer to written question" in text and "question no. 170 (2023-2024)" in text
    assert "<b>Follows up</b>" in text and "by 24 April 2024" in text
    assert "Asked by: Annabel Tavernier" in text


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        'A & B < C > D "quoted"',
        "</b><a href='javascript:alert(1)'>x</a>",
        "&amp; already escaped",
    ],
)
def test_parliament_text_is_escaped(evil):
    event = {
        "kind": "new_question",
        "payload": {"question": question(title=evil, asker=evil, minister=evil,
                                         site_url="javascript:alert(1)")},
    }
    (text,) = render_event(event)
    assert evil not in text or evil == "&amp; already escaped" and "&amp;amp;" in text
    assert 'href="javascript' not in text  # escaped text may say it; no link does
    assert well_formed(text)
    assert evil in strip_tags(text)


def test_links_only_for_http_urls():
    (text,) = render_event({"kind": "new_question",
                            "payload": {"question": question(site_url="ftp://x", document_url="")}})
    assert "<a " not in text


@pytest.mark.parametrize(
    ("kind", "payload", "expected"),
    [
        ("new_question", {}, "🆕 Nieuwe schriftelijke vraag"),
        ("answered_late", {}, "Laattijdig antwoord"),
        ("answer_changed", {"diff": "- oud\n+ nieuw <x>"}, "+ nieuw &lt;x&gt;"),
        ("question_updated", {"changes": {"title": ["Oud", "Nieuw"]}}, "title: Oud → Nieuw"),
        ("answer_overdue", {"deadline": "2024-04-12", "working_days": 20},
         "Antwoordtermijn verstreek op 12 april 2024 (20 werkdagen)"),
        ("promise_due_soon", {"promise": {"id": 7, "span": "goedgekeurd", "kind": "dated",
                                          "due": "2024-04-24", "status": "due_soon"}},
         "tegen 24 april 2024"),
        ("promise_overdue", {"promise": {"id": 7, "span": "x", "kind": "dated",
                                         "due": "2024-04-24"}}, "Toezegging over tijd"),
        ("promise_kept", {"promise": {"id": 7, "span": "x"}}, "nagekomen"),
        ("promise_proposed_kept", {"promise": {"id": 7, "span": "x"}}, "mogelijk nagekomen"),
        ("something_new", {"odd": object()}, "Gebeurtenis: something_new"),
    ],
)
def test_every_kind_renders(kind, payload, expected):
    parts = render_event({"kind": kind, "payload": {"question": question(), **payload}})
    assert expected in "\n".join(parts)
    assert all(well_formed(p) for p in parts)


def test_survives_missing_and_malformed_payloads():
    for payload in ({}, {"question": None}, {"question": {}, "references": [None, "x"]},
                    {"promises": "not a list of dicts"}):
        parts = render_event({"kind": "answered", "payload": payload})
        assert parts and all(well_formed(p) for p in parts)
    assert render_event({"kind": None, "payload": None})


def test_long_messages_split_at_paragraphs_and_lines_below_4096():
    promises = [{"id": i, "span": f"Belofte {i} " + "lange tekst " * 25, "kind": "dated",
                 "due": "2024-06-20"} for i in range(60)]
    parts = render_event({"kind": "answered",
                          "payload": {"question": question(), "promises": promises}})
    assert len(parts) >= 4
    assert all(len(p) < MAX_MESSAGE for p in parts)
    assert all(well_formed(p) for p in parts)
    # split between lines: every promise line is whole in one part
    for i in range(60):
        assert sum(f"Belofte {i} " in p for p in parts) == 1
    # the first part is filled, not just the header
    assert len(parts[0]) > 3000
    # the links come last
    assert "Vraag op de website" in parts[-1]


def test_a_single_huge_line_is_cut_without_breaking_tags_or_entities():
    text = "<b>" + "woord &amp; ander " * 2000 + "</b>"
    parts = split_text(text, 1000)
    assert all(len(p) <= 1000 for p in parts)
    assert all(well_formed(p) for p in parts)
    assert all(not re.search(r"&[a-z]*$", p.replace("</b>", "")) for p in parts)
    assert "".join(strip_tags(p) for p in parts).count("&") == 2000


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("2024-04-24", "nl", "24 april 2024"),
        ("2024-03-01", "nl", "1 maart 2024"),
        ("2024-04-24T08:00:00+02:00", "nl", "24 april 2024"),
        ("2024-04-24", "en", "24 April 2024"),
        (None, "nl", ""),
        ("geen datum", "nl", ""),
    ],
)
def test_dutch_dates(value, lang, expected):
    assert fmt_date(value, lang) == expected


def test_strip_tags_keeps_the_urls():
    (text,) = render_event(ANSWER)
    plain = strip_tags(text)
    assert f"vraag nr. 350 (2022-2023) ({SITE}1759384)" in plain
