"""Chains of follow-ups with what is outstanding along them."""

from __future__ import annotations

from datetime import date

import pytest

from monitor import chains, ledger
from state import ledger as store
from state import open_db
from state.findings import save_findings
from tests.test_ledger_support import (
    Q350_ID,
    SEED_ID,
    add_later_answer,
    add_question,
    add_seed_entries,
    add_seed_question,
)


def ref(span, target, *, number=None, start=0):
    return {
        "part": "answer", "start": start, "end": start + len(span), "span": span,
        "kind": "written_question", "number": number, "date": None, "session_year": None,
        "target_id": target, "confidence": 0.9 if target else None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        # a straight line: 3 cites 2 cites 1
        ({3: [(2, "a")], 2: [(1, "b")]}, [(3, 0, None), (2, 1, "a"), (1, 2, "b")]),
        # a cycle is cut
        ({1: [(2, "x")], 2: [(1, "y")]}, [(1, 0, None), (2, 1, "x")]),
        # a diamond visits each question once, at its shortest depth
        (
            {4: [(2, "a"), (3, "b")], 2: [(1, "c")], 3: [(1, "d")]},
            [(4, 0, None), (2, 1, "a"), (3, 1, "b"), (1, 2, "c")],
        ),
        # nothing cited
        ({}, [(9, 0, None)]),
    ],
)
def test_walk(graph, expected):
    start = expected[0][0]
    assert chains.walk(start, lambda q: graph.get(q, [])) == expected


def test_walk_depth_limit():
    line = {i: [(i - 1, str(i))] for i in range(1, 100)}
    assert len(chains.walk(99, lambda q: line.get(q, []), max_depth=5)) == 6


@pytest.fixture
def chained(tmp_path):
    """221 (May 2024) cites 170 (the seed), which cites 350 (2022-2023) and an unknown 98."""
    db = open_db(tmp_path / "t.db")
    add_seed_question(db)
    add_question(
        db, Q350_ID, number=350, session_year="2022-2023", asked_on="2023-06-09",
        answered_on="2023-07-06", minister="Bart Somers",
        title="Inburgering in Brussel - Lokale wervingsplannen met de gemeenten",
    )  # fmt: skip
    save_findings(
        db, SEED_ID,
        refs=[
            ref("uw eerdere vraag 350 d.d. 9 juni 2023", Q350_ID, number=350, start=100),
            ref("vraag nr. 98 van 30 november 2023", None, number=98, start=200),
        ],
        promises=[], subquestions=[], resemblances=[],
    )  # fmt: skip
    ids = add_seed_entries(db)
    promise_350 = store.add_entry(
        db, Q350_ID, kind="dated", due="2023-12-31",
        span="Tegen eind 2023 wil Bon met tien van de negentien Brusselse gemeenten een contact "
        "hebben.", subject="contact met tien Brusselse gemeenten",
    )  # fmt: skip
    add_later_answer(
        db, 1830001, 221, "answer_221_minutes_reported.txt",
        asked_on="2024-05-08", answered_on="2024-05-24",
    )  # fmt: skip
    ledger.advance(db, today=date(2024, 4, 25), due_soon_days=7)
    return db, ids, promise_350


def test_chain_from_the_seed(chained):
    db, ids, promise_350 = chained
    chain = chains.build_chain(db, SEED_ID)
    assert [(n.question_id, n.depth) for n in chain.earlier] == [(SEED_ID, 0), (Q350_ID, 1)]
    assert chain.earlier[1].via == "uw eerdere vraag 350 d.d. 9 juni 2023"
    assert [(n.question_id, n.depth) for n in chain.later] == [(1830001, -1)]
    outstanding = {e.id for e in chain.outstanding}
    assert promise_350 in outstanding and ids["minutes"] in outstanding
    assert [r["span"] for r in chain.earlier[0].unresolved] == ["vraag nr. 98 van 30 november 2023"]
    text = chains.render_chain(chain)
    assert text.startswith("vraag nr. 170 (2023-2024) — Inburgering - Brussels Hoofdstedelijk")
    assert "← volgt op vraag nr. 350 (2022-2023)" in text
    assert "«uw eerdere vraag 350 d.d. 9 juni 2023»" in text
    assert (
        f"⚠ #{promise_350} 31 december 2023: contact met tien Brusselse gemeenten [over tijd]"
        in text
    )
    assert "← niet gevonden: «vraag nr. 98 van 30 november 2023»" in text
    assert "→ opgevolgd door vraag nr. 221 (2023-2024)" in text
    assert "In totaal nog open langs de keten: 6 (waarvan 2 over tijd)" in text


def test_chain_from_the_latest_goes_back_two_steps(chained):
    db, _ids, _promise_350 = chained
    chain = chains.build_chain(db, 1830001)
    assert [(n.question_id, n.depth) for n in chain.earlier] == [
        (1830001, 0),
        (SEED_ID, 1),
        (Q350_ID, 2),
    ]
    assert chain.later == ()
    text = chains.render_chain(chain)
    assert "    ← volgt op vraag nr. 350 (2022-2023)" in text


def test_kept_entries_are_not_outstanding(chained):
    db, ids, _promise_350 = chained
    store.set_status(db, ids["minutes"], "kept")
    chain = chains.build_chain(db, SEED_ID)
    assert ids["minutes"] not in {e.id for e in chain.outstanding}
