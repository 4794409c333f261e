"""Resolve references to stored questions, and find the questions a new one resembles.

Pure: candidates come from a resolver passed in (a list in tests, the database through
`monitor.understand` in production). An ambiguous reference resolves to nothing: a missed
link beats a wrong one.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from rapidfuzz import fuzz, process, utils

from monitor.text.dates import session_year_of
from monitor.text.models import Reference

__all__ = [
    "Candidate",
    "Citing",
    "Link",
    "ListResolver",
    "Resemblance",
    "TitleIndex",
    "resemble",
    "resolve",
]

# A link needs at least this confidence; the best candidate must lead the next by MARGIN.
MIN_CONFIDENCE = 0.6
MARGIN = 0.15


def norm_name(name: str | None) -> str:
    """'Annabel  TAVERNIER' and 'annabel tavernier' compare equal; accents are dropped."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("-", " ").split())


@dataclass(frozen=True)
class Candidate:
    """A stored question as linking sees it."""

    id: int
    number: int | None = None
    session_year: str | None = None
    title: str = ""
    subject: str = ""
    asker: str | None = None
    minister: str | None = None
    asked_on: date | None = None
    answered_on: date | None = None
    published_on: date | None = None
    themes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        if self.number is not None and self.session_year:
            return f"vraag nr. {self.number} ({self.session_year})"
        return f"vraag {self.id}"

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Candidate:
        """From a `questions` row (as returned by `state.findings`)."""

        def day(value: Any) -> date | None:
            if not value:
                return None
            if isinstance(value, date):
                return value
            try:
                return date.fromisoformat(str(value)[:10])
            except ValueError:
                return None

        number = row.get("number")
        return cls(
            id=int(row["id"]),
            number=int(number) if number not in (None, "") else None,
            session_year=row.get("session_year"),
            title=row.get("title") or "",
            subject=row.get("subject") or "",
            asker=row.get("asker"),
            minister=row.get("minister"),
            asked_on=day(row.get("asked_on")),
            answered_on=day(row.get("answered_on")),
            published_on=day(row.get("published_on")),
            themes=tuple(row.get("themes") or ()),
        )


@dataclass(frozen=True)
class Citing:
    """The question whose text holds the reference."""

    id: int | None = None
    asker: str | None = None
    minister: str | None = None
    title: str = ""
    subject: str = ""
    doc_date: date | None = None


class Resolver(Protocol):
    def by_number(self, session_year: str, number: int) -> Sequence[Candidate]: ...

    def by_date(self, day: date) -> Sequence[Candidate]: ...


@dataclass
class ListResolver:
    """A resolver over an in-memory list of candidates (tests, small batches)."""

    candidates: Sequence[Candidate]

    def by_number(self, session_year: str, number: int) -> list[Candidate]:
        return [c for c in self.candidates if c.session_year == session_year and c.number == number]

    def by_date(self, day: date) -> list[Candidate]:
        return [c for c in self.candidates if day in (c.asked_on, c.answered_on, c.published_on)]


@dataclass(frozen=True)
class Link:
    target: Candidate
    confidence: float
    reasons: tuple[str, ...] = ()

    @property
    def target_id(self) -> int:
        return self.target.id


def _ministers(minister: str | None, predecessors: Mapping[str, Iterable[str]] | None) -> set[str]:
    """The citing minister and (transitively) their predecessors in the portfolio."""
    if not minister:
        return set()
    lookup = {norm_name(k): [norm_name(v) for v in vs] for k, vs in (predecessors or {}).items()}
    seen: set[str] = set()
    todo = [norm_name(minister)]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(lookup.get(name, ()))
    return seen


def _similarity(citing: Citing, cand: Candidate) -> float:
    query = f"{citing.title} {citing.subject}".strip()
    choice = f"{cand.title} {cand.subject}".strip()
    if not query or not choice:
        return 0.0
    return fuzz.token_set_ratio(query, choice, processor=utils.default_process) / 100.0


def resolve(
    ref: Reference,
    citing: Citing,
    resolver: Resolver,
    *,
    own_question: bool = False,
    predecessors: Mapping[str, Iterable[str]] | None = None,
) -> Link | None:
    """The stored question `ref` cites, with a confidence in [0, 1]; None if unsure.

    `own_question` says the reference names the citing asker's own question ("uw vraag" in
    an answer, "mijn vraag" in a question). `predecessors` maps a minister to the ministers
    who held the portfolio before them: numbers are per minister, so they narrow by minister.
    """
    if ref.kind != "written_question" and not (ref.kind == "other" and "vraag" in ref.span.lower()):
        return None  # debates, oral questions, letters: not stored as written questions
    if ref.number is None and ref.date is None:
        return None
    session_year = ref.session_year or (session_year_of(ref.date) if ref.date else None)
    if ref.number is not None and session_year is None:
        return _resolve_number_only(ref, citing, resolver, own_question, predecessors)
    if ref.number is not None:
        pool = list(resolver.by_number(session_year, ref.number))
        base = 0.5
    else:
        pool = list(resolver.by_date(ref.date))  # type: ignore[arg-type]
        base = 0.3
    if citing.id is not None:
        pool = [c for c in pool if c.id != citing.id]
    if not pool:
        return None

    ministers = _ministers(citing.minister, predecessors)
    asker = norm_name(citing.asker)
    scored: list[tuple[float, Candidate, tuple[str, ...]]] = []
    for cand in pool:
        score, reasons = base, ["number" if ref.number is not None else "date"]
        if ref.date is not None:
            if ref.date == cand.asked_on:
                score += 0.2
                reasons.append("asked_on")
            elif ref.date in (cand.answered_on, cand.published_on):
                score += 0.1
                reasons.append("answered_on")
            elif ref.number is not None and cand.asked_on is not None:
                continue  # the cited date contradicts this question
        if ministers and cand.minister:
            if norm_name(cand.minister) in ministers:
                score += 0.2
                reasons.append("minister")
            else:
                score -= 0.2
        if asker and cand.asker:
            if norm_name(cand.asker) == asker:
                score += 0.15
                reasons.append("asker")
            elif own_question:
                continue  # "uw vraag" cannot be somebody else's question
        sim = _similarity(citing, cand)
        score += 0.1 * sim
        if ref.date is not None and cand.asked_on and citing.doc_date:
            if cand.asked_on > citing.doc_date:
                continue  # cannot cite a later question
        scored.append((min(score, 1.0), cand, tuple(reasons)))
    if not scored:
        return None
    scored.sort(key=lambda item: -item[0])
    best_score, best, reasons = scored[0]
    if len(scored) > 1 and best_score - scored[1][0] < MARGIN:
        return None
    if best_score < MIN_CONFIDENCE:
        return None
    return Link(best, round(best_score, 3), reasons)


def _resolve_number_only(
    ref: Reference,
    citing: Citing,
    resolver: Resolver,
    own_question: bool,
    predecessors: Mapping[str, Iterable[str]] | None,
) -> Link | None:
    """ "mijn vraag nr. 98" without date or session year: only the asker's own question, by
    the same minister (or a predecessor), in this or the previous session year, if unique."""
    if not (own_question and citing.asker and citing.doc_date and citing.minister):
        return None
    current = session_year_of(citing.doc_date)
    start = int(current[:4])
    ministers = _ministers(citing.minister, predecessors)
    asker = norm_name(citing.asker)
    found = [
        cand
        for year in (current, f"{start - 1}-{start}")
        for cand in resolver.by_number(year, ref.number)  # type: ignore[arg-type]
        if cand.id != citing.id
        and norm_name(cand.asker) == asker
        and norm_name(cand.minister) in ministers
        and (cand.asked_on is None or cand.asked_on <= citing.doc_date)
    ]
    if len(found) != 1:
        return None
    confidence = round(0.6 + 0.1 * _similarity(citing, found[0]), 3)
    return Link(found[0], confidence, ("number", "asker", "minister", "recent"))


@dataclass(frozen=True)
class Resemblance:
    target: Candidate
    score: float

    @property
    def target_id(self) -> int:
        return self.target.id


def _title_key(cand: Candidate) -> str:
    text = cand.title if cand.subject in ("", cand.title) else f"{cand.title} {cand.subject}"
    return utils.default_process(text)


@dataclass
class TitleIndex:
    """Stored titles, processed once, with a token index for fast "possibly follows" look-ups.

    A look-up scores only the titles that share enough informative words with the query
    (the prefilter), so its cost grows with the number of plausible matches, not the pool.
    """

    candidates: list[Candidate]
    keys: list[str] = field(init=False)
    by_asker: dict[str, list[int]] = field(init=False)
    postings: dict[str, list[int]] = field(init=False)

    def __post_init__(self) -> None:
        cands, self.candidates = self.candidates, []
        self.keys, self.by_asker, self.postings = [], {}, {}
        self.add(cands)

    def add(self, candidates: Iterable[Candidate]) -> None:
        """Add stored questions to the index (it grows as questions are stored)."""
        for cand in candidates:
            i = len(self.candidates)
            self.candidates.append(cand)
            key = _title_key(cand)
            self.keys.append(key)
            self.by_asker.setdefault(norm_name(cand.asker), []).append(i)
            for token in set(key.split()):
                if len(token) > 2:
                    self.postings.setdefault(token, []).append(i)

    def prefilter(self, query: str, max_candidates: int = 4000) -> list[int] | None:
        """Indices of titles sharing informative words with `query`; None = score them all."""
        tokens = sorted(
            {t for t in query.split() if len(t) > 2 and t in self.postings},
            key=lambda t: len(self.postings[t]),
        )
        if not tokens:
            return []
        limit = max(1000, len(self.keys) // 5)  # words in a fifth of all titles say little
        rare = [t for t in tokens if len(self.postings[t]) <= limit] or tokens[:1]
        counts: Counter[int] = Counter()
        for token in rare:
            counts.update(self.postings[token])
        need = 1 if len(rare) == 1 else 2
        chosen = [i for i, n in counts.items() if n >= need]
        while len(chosen) > max_candidates and need < len(rare):
            need += 1
            chosen = [i for i, n in counts.items() if n >= need]
        if not chosen and need > 1:
            chosen = [i for i, _ in counts.most_common(max_candidates)]
        return chosen[: max_candidates * 2]


def resemble(
    question: Candidate,
    candidates: Sequence[Candidate] | TitleIndex,
    limit: int = 5,
    *,
    score_cutoff: float = 0.6,
    scorer: Callable[..., float] = fuzz.token_set_ratio,
) -> list[Resemblance]:
    """Earlier questions `question` possibly follows, best first, scores in [0, 1].

    The score is title/subject similarity, raised for the same asker and shared themes;
    only questions asked before `question` (when both dates are known) qualify.
    """
    index = candidates if isinstance(candidates, TitleIndex) else TitleIndex(list(candidates))
    query = _title_key(question)
    if not query or not index.keys:
        return []
    asker = norm_name(question.asker)
    themes = set(question.themes)
    # Prefilter: the text cutoff is lowered by what the bonuses can add.
    text_cutoff = max(0.0, score_cutoff - 0.15) * 100
    subset = index.prefilter(query) if len(index.keys) > 2000 else None
    if subset is None:
        choices: Sequence[str] | dict[int, str] = index.keys
    else:
        choices = {i: index.keys[i] for i in subset}
    hits = process.extract(
        query,
        choices,
        scorer=scorer,
        processor=None,
        score_cutoff=text_cutoff,
        limit=max(limit * 4, 20),
    )
    if asker and asker in index.by_asker:
        own = index.by_asker[asker]
        if len(own) < 5000:
            seen = {i for _, _, i in hits}
            own_keys = [index.keys[i] for i in own]
            for _, score, j in process.extract(
                query, own_keys, scorer=scorer, processor=None, score_cutoff=text_cutoff
            ):
                if own[j] not in seen:
                    hits.append((own_keys[j], score, own[j]))
    results: list[Resemblance] = []
    for _, score, i in hits:
        cand = index.candidates[i]
        if cand.id == question.id:
            continue
        if question.asked_on and cand.asked_on and cand.asked_on >= question.asked_on:
            continue
        value = score / 100.0
        if asker and norm_name(cand.asker) == asker:
            value += 0.1
        if themes and themes & set(cand.themes):
            value += 0.05
        value = min(value, 1.0)
        if value >= score_cutoff:
            results.append(Resemblance(cand, round(value, 3)))
    results.sort(key=lambda r: (-r.score, r.target.id))
    return results[:limit]
