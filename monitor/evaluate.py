"""Score the extractor on labelled passages (the eval-dev JSONL format).

A predicted item matches a labelled one of the same list when their character ranges
overlap; each labelled item matches at most one prediction (and vice versa), the largest
overlaps first. Precision, recall and F1 per list; on matches, the share of exactly equal
`number`, `date`, `session_year`, `due` and `kind`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from monitor.text import extract

__all__ = ["Score", "evaluate", "load_passages", "locate", "match"]

FIELDS = {
    "references": ("kind", "number", "date", "session_year"),
    "promises": ("kind", "due"),
}


class EvaluationError(ValueError):
    """The labelled file cannot be read."""


def load_passages(path: str | Path) -> list[dict[str, Any]]:
    passages = []
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            if not isinstance(item, dict) or "text" not in item:
                raise EvaluationError(f"{path}:{lineno}: no 'text'")
            passages.append(item)
    return passages


def locate(text: str, item: dict[str, Any], used: set[tuple[int, int]]) -> tuple[int, int]:
    """Offsets of a labelled item: its own start/end, or the first unused occurrence of span."""
    if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
        return item["start"], item["end"]
    span = item["span"]
    pos = text.find(span)
    while pos != -1 and (pos, pos + len(span)) in used:
        pos = text.find(span, pos + 1)
    if pos == -1:
        pos = text.find(span)
    return pos, pos + len(span)


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs of overlapping ranges, one to one, largest overlap first."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken_g, taken_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in taken_g or pi in taken_p:
            continue
        taken_g.add(gi)
        taken_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


@dataclass
class ListScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "field_accuracy": {
                k: round(v / self.tp, 4) if self.tp else None for k, v in self.field_hits.items()
            },
        }


@dataclass
class Score:
    passages: int = 0
    lists: dict[str, ListScore] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "passages": self.passages,
            **{name: s.to_dict() for name, s in self.lists.items()},
        }
        if errors:
            out["errors"] = self.errors
        return out


Extractor = Callable[[str, date | None], dict[str, Any]]


def _default_extractor(text: str, doc_date: date | None) -> dict[str, Any]:
    return extract(text, doc_date).to_dict()


def evaluate(passages: Iterable[dict[str, Any]], extractor: Extractor | None = None) -> Score:
    """Score `extractor` (default: `monitor.text.extract`) on labelled passages."""
    extractor = extractor or _default_extractor
    score = Score(
        lists={name: ListScore(field_hits={f: 0 for f in fs}) for name, fs in FIELDS.items()}
    )
    for passage in passages:
        score.passages += 1
        text = passage["text"]
        raw_date = passage.get("doc_date")
        doc_date = date.fromisoformat(raw_date) if raw_date else None
        predicted = extractor(text, doc_date)
        for name, fields in FIELDS.items():
            gold_items = passage.get(name) or []
            used: set[tuple[int, int]] = set()
            gold = []
            for item in gold_items:
                rng = locate(text, item, used)
                used.add(rng)
                gold.append(rng)
            preds = predicted.get(name) or []
            pred = [(p["start"], p["end"]) for p in preds]
            pairs = match(gold, pred)
            s = score.lists[name]
            s.tp += len(pairs)
            s.fp += len(pred) - len(pairs)
            s.fn += len(gold) - len(pairs)
            matched_g = {g for g, _ in pairs}
            matched_p = {p for _, p in pairs}
            for gi, pi in pairs:
                wrong = {}
                for f in fields:
                    if gold_items[gi].get(f) == preds[pi].get(f):
                        s.field_hits[f] += 1
                    else:
                        wrong[f] = {"expected": gold_items[gi].get(f), "got": preds[pi].get(f)}
                if wrong:
                    score.errors.append(
                        {
                            "id": passage.get("id"),
                            "list": name,
                            "type": "field",
                            "span": gold_items[gi]["span"],
                            "fields": wrong,
                        }
                    )
            for gi, item in enumerate(gold_items):
                if gi not in matched_g:
                    score.errors.append(
                        {
                            "id": passage.get("id"),
                            "list": name,
                            "type": "missed",
                            "span": item["span"],
                        }
                    )
            for pi, item in enumerate(preds):
                if pi not in matched_p:
                    score.errors.append(
                        {
                            "id": passage.get("id"),
                            "list": name,
                            "type": "spurious",
                            "span": item["span"],
                            "kind": item.get("kind"),
                        }
                    )
    return score
