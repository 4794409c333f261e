"""Chains of follow-ups: this question ← cites 350 (2022-2023) ← ..., with what is still
outstanding along it.

`walk` is pure (the neighbours are a function, the store in production and a dict in
tests); `build_chain` reads the store; `render_chain` gives the plain-text form the CLI
prints and the bot shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from monitor.draft import dutch_date
from monitor.export import STATUS_LABELS
from state import ledger as store
from state.ledger import LedgerEntry

__all__ = ["Chain", "ChainNode", "build_chain", "render_chain", "walk"]

MAX_DEPTH = 12


@dataclass(frozen=True)
class ChainNode:
    """One question along the chain; `depth` counts steps from the start (negative =
    later questions that follow it up); `via` is the citing span that leads to it."""

    question_id: int
    depth: int
    via: str | None = None
    question: dict[str, Any] = field(default_factory=dict)
    outstanding: tuple[LedgerEntry, ...] = ()
    unresolved: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Chain:
    start: int
    earlier: tuple[ChainNode, ...]  # the start first, then what it cites, recursively
    later: tuple[ChainNode, ...] = ()  # questions that cite the start, recursively

    @property
    def outstanding(self) -> list[LedgerEntry]:
        return [e for node in (*self.earlier, *self.later) for e in node.outstanding]


def walk(
    start: int,
    neighbours: Callable[[int], Iterable[tuple[int, str]]],
    *,
    max_depth: int = MAX_DEPTH,
) -> list[tuple[int, int, str | None]]:
    """Breadth-first from `start`: ``(question id, depth, via span)``, each id once.

    `neighbours(qid)` yields ``(next id, span)`` pairs; cycles and repeats are cut.
    """
    seen = {start}
    out: list[tuple[int, int, str | None]] = [(start, 0, None)]
    frontier = [start]
    depth = 0
    while frontier and depth < max_depth:
        depth += 1
        nxt: list[int] = []
        for qid in frontier:
            for other, span in neighbours(qid):
                if other in seen:
                    continue
                seen.add(other)
                out.append((other, depth, span))
                nxt.append(other)
        frontier = nxt
    return out


def build_chain(db: Database, question_id: int, *, max_depth: int = MAX_DEPTH) -> Chain:
    """The chain around a stored question: what it cites (back) and what cites it."""

    def cited(qid: int) -> list[tuple[int, str]]:
        return [
            (int(r["target_id"]), r["span"])
            for r in store.cited_refs(db, qid)
            if r["target_id"] is not None
        ]

    def citing(qid: int) -> list[tuple[int, str]]:
        return [(int(r["question_id"]), r["span"]) for r in store.citing_refs(db, qid)]

    back = walk(question_id, cited, max_depth=max_depth)
    forward = walk(question_id, citing, max_depth=max_depth)[1:]
    ids = [q for q, _d, _v in back] + [q for q, _d, _v in forward]
    facts = store.question_facts(db, ids)
    entries: dict[int, list[LedgerEntry]] = {}
    for entry in store.list_entries(db, question_ids=ids, statuses=store.ACTIVE):
        entries.setdefault(entry.question_id, []).append(entry)

    def node(qid: int, depth: int, via: str | None) -> ChainNode:
        unresolved = tuple(r for r in store.cited_refs(db, qid) if r["target_id"] is None)
        return ChainNode(
            question_id=qid,
            depth=depth,
            via=via,
            question=facts.get(qid, {"id": qid}),
            outstanding=tuple(entries.get(qid, ())),
            unresolved=unresolved,
        )

    return Chain(
        start=question_id,
        earlier=tuple(node(q, d, v) for q, d, v in back),
        later=tuple(node(q, -d, v) for q, d, v in forward),
    )


def _label(q: dict[str, Any]) -> str:
    if q.get("number"):
        label = f"vraag nr. {q['number']}"
        if q.get("session_year"):
            label += f" ({q['session_year']})"
    else:
        label = f"vraag {q['id']}"
    if q.get("title"):
        label += f" — {q['title']}"
    return label


def _entry_line(entry: LedgerEntry) -> str:
    when = dutch_date(entry.due) if entry.due else "zonder datum"
    what = entry.subject or " ".join(entry.span.split())
    status = STATUS_LABELS.get(entry.status, entry.status)
    mark = "⚠ " if entry.status == "overdue" else ""
    extra = " · mogelijk ingelost" if entry.proposals else ""
    return f"{mark}#{entry.id} {when}: {what} [{status}{extra}]"


def _node_lines(node: ChainNode, indent: str) -> list[str]:
    lines = []
    if node.outstanding:
        lines.append(f"{indent}  nog open ({len(node.outstanding)}):")
        lines.extend(f"{indent}    {_entry_line(e)}" for e in node.outstanding)
    else:
        lines.append(f"{indent}  niets meer open")
    for ref in node.unresolved:
        lines.append(f"{indent}  ← niet gevonden: «{' '.join(ref['span'].split())}»")
    return lines


def render_chain(chain: Chain) -> str:
    """The chain as indented plain text (Dutch)."""
    start, *earlier = chain.earlier
    lines = [_label(start.question)]
    q = start.question
    if q.get("asker") or q.get("minister"):
        who = f"{q.get('asker') or '?'} → {q.get('minister') or '?'}"
        if q.get("asked_on"):
            who += f", {dutch_date(q['asked_on'])}"
        lines.append(f"  {who}")
    lines += _node_lines(start, "")
    for node in earlier:
        indent = "  " * node.depth
        via = f" («{' '.join(node.via.split())}»)" if node.via else ""
        lines.append(f"{indent}← volgt op {_label(node.question)}{via}")
        lines += _node_lines(node, indent)
    for node in chain.later:
        indent = "  " * -node.depth
        lines.append(f"{indent}→ opgevolgd door {_label(node.question)}")
        lines += _node_lines(node, indent)
    total = len(chain.outstanding)
    overdue = sum(1 for e in chain.outstanding if e.status == "overdue")
    lines.append(f"In totaal nog open langs de keten: {total} (waarvan {overdue} over tijd)")
    return "\n".join(lines) + "\n"
