"""Resolving references to stored questions, and "possibly follows" resemblances."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.linking import Candidate, Citing, ListResolver, TitleIndex, resemble, resolve
from monitor.text.models import Reference


def cand(
    id,
    number=350,
    sy="2022-2023",
    asker="Annabel Tavernier",
    minister="Bart Somers",
    asked=date(2023, 6, 9),
    title="Inburgering in Brussel - Lokale wervingsplannen",
    themes=("Integratie en Inburgering",),
):
    return Candidate(
        id=id,
        number=number,
        session_year=sy,
        title=title,
        subject=title,
        asker=asker,
        minister=minister,
        asked_on=asked,
        themes=themes,
    )


def r(number=350, day=date(2023, 6, 9), sy=None, kind="written_question", possessive="uw"):
    return Reference("uw eerdere vraag 350", 0, 20, kind, number, day, sy, possessive)


# the three nr. 350 questions of 2022-2023, one per minister (fixtures/vlpar)
TAVERNIER = cand(1759384)
CREVITS = cand(
    1718266,
    asker="Sofie Verstraete",
    minister="Hilde Crevits",
    asked=date(2023, 3, 20),
    title="Kinderopvang - Capaciteit in Brussel",
)
PEETERS = cand(
    1672941,
    asker="Wim Baeten",
    minister="Lydia Peeters",
    asked=date(2022, 12, 20),
    title="Vlaamse Waterweg - Onderhoud van jaagpaden",
)
THREE = ListResolver([TAVERNIER, CREVITS, PEETERS])
SEED = Citing(
    id=1813507,
    asker="Annabel Tavernier",
    minister="Gwendolyn Rutten",
    title="Inburgering - Brussels Hoofdstedelijk Gewest",
    doc_date=date(2024, 4, 2),
)
PREDECESSORS = {"Gwendolyn Rutten": ["Bart Somers"]}


def test_number_date_asker_and_predecessor_pick_one_of_three():
    link = resolve(r(), SEED, THREE, own_question=True, predecessors=PREDECESSORS)
    assert link is not None and link.target_id == 1759384
    assert 0.9 <= link.confidence <= 1
    assert link.target.label == "vraag nr. 350 (2022-2023)"


def test_session_year_without_date():
    # "SV 350 (2022-2023)" in Tavernier's question to Rutten: the asker and minister decide
    link = resolve(
        r(day=None, sy="2022-2023", possessive="mijn"),
        SEED,
        THREE,
        own_question=True,
        predecessors=PREDECESSORS,
    )
    assert link is not None and link.target_id == 1759384


def test_without_predecessors_the_minister_does_not_help_but_asker_and_date_do():
    link = resolve(r(), SEED, THREE, own_question=True)
    assert link is not None and link.target_id == 1759384


def test_ambiguous_gives_no_link():
    # a number without date, asker or minister to tell the three apart
    citing = Citing(id=1, title="Iets heel anders")
    assert resolve(r(day=None, sy="2022-2023", possessive=None), citing, THREE) is None


def test_contradicting_date_gives_no_link():
    link = resolve(
        r(day=date(2023, 1, 5)),
        SEED,
        ListResolver([TAVERNIER]),
        own_question=True,
        predecessors=PREDECESSORS,
    )
    assert link is None


def test_own_question_of_somebody_else_is_not_linked():
    # "uw vraag" cannot be Crevits' nr. 350 asked by somebody else
    only_crevits = ListResolver([CREVITS])
    assert resolve(r(day=None, sy="2022-2023"), SEED, only_crevits, own_question=True) is None


def test_number_only_needs_the_own_question_of_a_recent_session_year():
    # "uw vraag 350" without date or session year, cited in 2023-2024: the asker's own
    # nr. 350 of this or the previous session year, to this minister or a predecessor
    ref = r(day=None, sy=None)
    link = resolve(ref, SEED, THREE, own_question=True, predecessors=PREDECESSORS)
    assert link is not None and link.target_id == 1759384 and link.confidence < 0.75
    # not somebody else's question, and not without the predecessor mapping
    assert resolve(ref, SEED, THREE, own_question=False, predecessors=PREDECESSORS) is None
    assert resolve(ref, SEED, THREE, own_question=True) is None
    # too old: two session years back
    later = Citing(
        id=1, asker="Annabel Tavernier", minister="Gwendolyn Rutten", doc_date=date(2025, 3, 1)
    )
    assert resolve(ref, later, THREE, own_question=True, predecessors=PREDECESSORS) is None


@pytest.mark.parametrize("kind", ["debate", "oral_question", "interpellation"])
def test_only_written_questions_are_linked(kind):
    assert resolve(r(kind=kind), SEED, THREE, own_question=True) is None


def test_letters_are_not_linked():
    letter = Reference("brief van 9 juni 2023 (nr. 350)", 0, 10, "other", 350, date(2023, 6, 9))
    assert resolve(letter, SEED, THREE, own_question=True, predecessors=PREDECESSORS) is None


def test_date_only_reference():
    ref = r(number=None, day=date(2023, 6, 9))
    link = resolve(ref, SEED, THREE, own_question=True, predecessors=PREDECESSORS)
    assert link is not None and link.target_id == 1759384
    assert link.confidence < 1


def test_resemble_prefers_same_asker_and_title_and_earlier_dates():
    new = cand(
        1813507,
        number=170,
        sy="2023-2024",
        asked=date(2024, 3, 15),
        minister="Gwendolyn Rutten",
        title="Inburgering - Brussels Hoofdstedelijk Gewest",
    )
    later = cand(
        1900000,
        number=20,
        sy="2024-2025",
        asked=date(2024, 10, 1),
        title="Inburgering - Brussels Hoofdstedelijk Gewest",
    )
    found = resemble(new, [TAVERNIER, CREVITS, PEETERS, later], limit=3)
    assert [f.target_id for f in found] == [1759384]
    assert 0 < found[0].score <= 1


def test_resemble_with_a_prebuilt_index():
    pool = [
        cand(
            i,
            number=i,
            title=f"Onderwerp {i} - Vlaamse Waterweg",
            asker="X",
            asked=date(2020, 1, 1),
        )
        for i in range(1, 200)
    ]
    index = TitleIndex(pool)
    new = cand(999, title="Vlaamse Waterweg - Onderwerp 17", asker="Y", asked=date(2024, 1, 1))
    found = resemble(new, index, limit=5)
    assert found and found[0].target_id == 17
