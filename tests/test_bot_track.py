"""`/track <what>`: what the user meant, or why it cannot be understood."""

from __future__ import annotations

import pytest

from bot.track import understand

ASKERS = ["Annabel Tavernier", "Liesbeth Van Damme", "Pieter Claeys", "Nathalie De Bruyne",
          "Elke Goossens", "Annick De Ridder", "Annabel De Ridder"]
MINISTERS = ["Gwendolyn Rutten", "Ben Weyts", "Jambon Jan"]
THEMES = ["Integratie en Inburgering", "Onderwijs en Vorming"]


def u(text):
    return understand(text, askers=ASKERS, ministers=MINISTERS, themes=THEMES)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("1813507", "question", "1813507"),  # the parliament's id
        ("vraag 1813507", "question", "1813507"),
        ("tavernier", "person", "annabel tavernier"),  # fuzzy, by surname
        ("Annabel Tavernir", "person", "annabel tavernier"),  # a typo
        ("van damme", "person", "liesbeth van damme"),
        ("lid Claeys", "person", "pieter claeys"),
        ("rutten", "minister", "gwendolyn rutten"),
        ("minister Weyts", "minister", "ben weyts"),
        ("Integratie en Inburgering", "theme", "integratie en inburgering"),
        ("thema onderwijs en vorming", "theme", "onderwijs en vorming"),
        ("inburgeringsattest", "keyword", "inburgeringsattest"),
        ("woord Tavernier", "keyword", "tavernier"),  # an explicit keyword is one
        ('"sociaal tolken"', "keyword", "sociaal tolken"),
        ("Oriëntatie", "keyword", "orientatie"),
        ("#12", "promise", "12"),  # a promise as /promises numbers it
        ("toezegging 12", "promise", "12"),
        ("belofte #7", "promise", "7"),
    ],
)
def test_understood(text, kind, value):
    found = u(text)
    assert found.ok, found
    assert (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "number", "year"),
    [
        ("350 2022-2023", 350, "2022-2023"),
        ("nr 350 2022-2023", 350, "2022-2023"),
        ("nr. 350 (2022-2023)", 350, "2022-2023"),
        ("vraag 350 2022-23", 350, "2022-2023"),
        ("vraag nr. 350 van 2022/2023", 350, "2022-2023"),
    ],
)
def test_question_by_number(text, number, year):
    found = u(text)
    assert found.kind == "question" and found.value is None
    assert (found.number, found.session_year) == (number, year)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "track_usage"),
        ("   ", "track_usage"),
        ("350", "track_need_year"),  # numbers restart every session year
        ("350 2022-2024", "track_bad_year"),
        ("x" * 201, "track_too_long"),
        ("<b>bold</b>", "track_bad_chars"),
        ("'; DROP TABLE subscriptions; --", "track_bad_chars"),
        ("ab", "track_too_short"),
        ("12", "track_need_year"),
        ("annabel", "track_ambiguous"),  # two Annabels: no guess
        ("lid Janssens", "track_no_person"),
        ("minister Tavernier", "track_no_minister"),
        ("vraag wachtlijsten", "track_question_format"),
        ("toezegging de notulen", "track_promise_format"),
        ("#", "track_promise_format"),
    ],
)
def test_refused_with_a_reason(text, error):
    found = u(text)
    assert not found.ok and found.error == error


def test_ambiguous_lists_the_options():
    found = u("annabel")
    assert set(found.options) == {"Annabel Tavernier", "Annabel De Ridder"}
