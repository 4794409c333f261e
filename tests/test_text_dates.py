"""Dutch dates and periods, and the Flemish session year."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.text.dates import find_dates, fourth_monday_of_september, session_year_of

D = date(2024, 4, 23)  # a Tuesday


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 9, 25), "2023-2024"),  # the fourth Monday of September 2023
        (date(2023, 9, 24), "2022-2023"),  # the day before
        (date(2023, 6, 9), "2022-2023"),
        (date(2024, 3, 15), "2023-2024"),
        (date(2024, 1, 1), "2023-2024"),
        (date(2024, 9, 23), "2024-2025"),  # fourth Monday of September 2024
        (date(2024, 9, 22), "2023-2024"),
    ],
)
def test_session_year_of(day, expected):
    assert session_year_of(day) == expected


def test_fourth_monday():
    assert fourth_monday_of_september(2023) == date(2023, 9, 25)
    assert fourth_monday_of_september(2020) == date(2020, 9, 28)


def one(text, doc_date=D):
    found = find_dates(text, doc_date)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("op 9 juni 2023", date(2023, 6, 9)),  # written out
        ("op 09/06/2023", date(2023, 6, 9)),  # slashes
        ("op 9-6-2023", date(2023, 6, 9)),  # dashes
        ("op woensdag 15 november 2023", date(2023, 11, 15)),  # with the weekday
        ("van 15 \nnovember 2023", date(2023, 11, 15)),  # broken over a line
        ("op 1 sept. 2023", date(2023, 9, 1)),  # abbreviated month
    ],
)
def test_absolute_days(text, day):
    m = one(text)
    assert m.day == day and m.due == day


def test_day_without_year_in_the_past_and_future():
    m = one("14 november jongstleden", date(2023, 6, 20))
    assert m.day == date(2022, 11, 14)
    m = one("op 12 mei", date(2023, 6, 20))
    # cited: the latest 12 May before; promised: the next 12 May
    assert m.past_day == date(2023, 5, 12) and m.day == date(2024, 5, 12)
    assert one("op 12 mei", None).day is None


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("in het voorjaar van 2024", date(2024, 6, 20)),  # spring ends on 20 June
        ("in de lente van 2024", date(2024, 6, 20)),
        ("in de zomer van 2024", date(2024, 9, 22)),
        ("in het najaar van 2024", date(2024, 12, 20)),
        ("in de winter van 2024", date(2025, 3, 20)),
        ("in het najaar", date(2024, 12, 20)),  # the year of the document
        ("voor de zomer", date(2024, 6, 21)),  # before summer starts
        ("voor de zomer van 2025", date(2025, 6, 21)),
        ("in 2024", date(2024, 12, 31)),
        ("eind 2024", date(2024, 12, 31)),
        ("begin 2025", date(2025, 3, 31)),
        ("midden 2025", date(2025, 6, 30)),
        ("in de loop van 2025", date(2025, 12, 31)),
        ("tegen maart 2025", date(2025, 3, 31)),  # a month gives its last day
        ("in september", date(2024, 9, 30)),
        ("in de maand september", date(2024, 9, 30)),
        ("eind mei 2024", date(2024, 5, 31)),
        ("begin maart 2025", date(2025, 3, 10)),
        ("tegen eind dit jaar", date(2024, 12, 31)),
        ("voor het eind van het jaar", date(2024, 12, 31)),
        ("volgend jaar", date(2025, 12, 31)),
        ("volgende week", date(2024, 5, 5)),  # the Sunday of next week
        ("volgende maand", date(2024, 5, 31)),
        ("binnen drie maanden", date(2024, 7, 23)),
        ("binnen 30 dagen", date(2024, 5, 23)),
        ("het eerste semester van 2025", date(2025, 6, 30)),
        ("het tweede semester", date(2024, 12, 31)),
        ("het derde kwartaal van 2024", date(2024, 9, 30)),
        ("Q1 2025", date(2025, 3, 31)),
        ("vóór 2030", date(2030, 1, 1)),  # before that year begins
        ("komend najaar", date(2024, 12, 20)),  # the next autumn to begin
        ("volgend voorjaar", date(2025, 6, 20)),  # this spring has begun: the next one
        ("in het schooljaar 2024-2025", date(2025, 8, 31)),
        ("in het volgende schooljaar", date(2025, 8, 31)),
        ("tegen het nieuwe schooljaar", date(2024, 9, 1)),
        ("de start van het nieuwe schooljaar", date(2024, 9, 1)),
        ("tot en met 2030", date(2030, 12, 31)),  # through that year
        ("tegen het einde van het schooljaar", date(2024, 6, 30)),  # the last day of classes
    ],
)
def test_periods(text, due):
    assert one(text).due == due


@pytest.mark.parametrize(
    "text",
    [
        "na het zomerreces",  # undefined: after the recess, no last day
        "jaarlijks",
        "twee keer per jaar",
        "bij de volgende evaluatie",
        "binnen 30 dagen na ontvangst",
        "tegen het einde van de legislatuur",
        "zodra",
        "in de volgende voortgangsrapportage",  # event-bound
        "bij de Voorjaarsnota",
        "voor de begrotingsbehandeling",
        "op de volgende vergadering",
        "na de verkiezingen",
        "over 2-3 jaar",  # a span of time: no last day
        "aansluitend",  # right after
    ],
)
def test_undefined_times(text):
    m = one(text)
    assert m.undefined and m.due is None


@pytest.mark.parametrize(
    "text", ["binnenkort", "zo snel mogelijk", "de komende maanden", "legislatuur 2019-2024"]
)
def test_vague_times(text):
    m = one(text)
    assert m.vague and m.due is None


def test_relative_needs_a_document_date():
    assert one("tegen eind dit jaar", None).due is None
    assert one("volgende week", None).due is None


@pytest.mark.parametrize(
    "text", ["4.267 nieuwkomers", "artikel 90,5", "879 boetes", "7,3 miljoen euro"]
)
def test_numbers_are_not_dates(text):
    assert find_dates(text, D) == []


def test_aansluitend_daarbij_is_no_time():
    assert (
        find_dates("Aansluitend daarbij maakt het agentschap geen gebruik meer van het beroep.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "doc_date"),
    [
        ("voor het einde van het zomerreces", D),  # the end of a recess varies
        ("vóór de Voorjaarsnota 2025", D),  # a budget moment, with its year
        ("tijdens de begrotingsopmaak 2025", D),
        ("na de krokusvakantie", D),
        ("twee jaar na inwerkingtreding", D),
        ("drie maanden na de oplevering", D),
        ("nadat", D),
        ("na deze zomer", None),  # after an event, even without a document date
    ],
)
def test_event_bound_times_have_no_last_day(text, doc_date):
    m = one(text, doc_date)
    assert m.undefined and m.due is None
