"""What a user means by `/track <what>`: a pure function over the text and known names.

Understood, in this order:

- an explicit kind: ``vraag|lid|persoon|minister|thema|woord|toezegging <...>`` (English:
  ``question``, ``member``, ``person``, ``theme``, ``keyword``, ``promise``);
- a promise of the ledger by its number in `/promises` (``#12``, ``toezegging 12``);
- a question by the parliament's id (``1813507``) or by number and session year
  (``350 2022-2023``, ``nr. 350 2022-2023``, ``vraag 350 (2022-2023)``);
- a member of parliament or a minister, by name, fuzzily (rapidfuzz);
- a theme;
- otherwise a keyword or phrase (at least 3 characters).

The input is bounded (`MAX_INPUT`) and may contain letters, digits, spaces and ordinary
punctuation only. An ambiguous name resolves to nothing (the user is asked to be precise),
never to a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from monitor.routing import normalise

MAX_INPUT = 200
MIN_KEYWORD = 3
NAME_THRESHOLD = 86.0

KIND_WORDS = {
    "vraag": "question",
    "question": "question",
    "lid": "person",
    "persoon": "person",
    "parlementslid": "person",
    "member": "person",
    "person": "person",
    "minister": "minister",
    "thema": "theme",
    "theme": "theme",
    "woord": "keyword",
    "trefwoord": "keyword",
    "zoekterm": "keyword",
    "keyword": "keyword",
    "toezegging": "promise",
    "belofte": "promise",
    "promise": "promise",
}

_SESSION = r"(?P<y1>(?:19|20)\d{2})\s*[-/–]\s*(?P<y2>(?:19|20)?\d{2})"
_NUMBER_YEAR = re.compile(
    r"^(?:(?:schriftelijke\s+)?vraag\s+)?(?:nr\.?|nummer|no\.?|n°)?\s*(?P<number>\d{1,5})"
    r"\s*[,(]?\s*(?:van\s+|zj\s+|zittingsjaar\s+)?" + _SESSION + r"\s*\)?$",
    re.IGNORECASE,
)
_QUESTION_ID = re.compile(r"^(?:(?:schriftelijke\s+)?vraag\s+|id\s*)?(?P<id>\d{6,9})$", re.I)
_BARE_NUMBER = re.compile(r"^(?:vraag\s+)?(?:nr\.?\s*)?(?P<number>\d{1,5})$", re.IGNORECASE)
_ALLOWED = re.compile(r"^[\w\s.,'’\-–/()&:\"+°#]+$", re.UNICODE)
_PROMISE = re.compile(r"^(?:nr\.?\s*)?#?\s*(?P<id>\d{1,9})$", re.IGNORECASE)


@dataclass(frozen=True)
class Understood:
    """A subscription to make (kind, value, label), or why not (`error`, `options`)."""

    kind: str | None = None
    value: str | None = None
    label: str | None = None
    error: str | None = None  # a key of the bot's texts
    options: tuple[str, ...] = field(default_factory=tuple)
    # a question by number: resolved by the caller against the store
    number: int | None = None
    session_year: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.kind is not None


def session_year(y1: str, y2: str) -> str | None:
    """'2022', '23' → '2022-2023'; None when the years do not follow each other."""
    first = int(y1)
    second = int(y2) if len(y2) == 4 else (first // 100) * 100 + int(y2)
    if second != first + 1:
        return None
    return f"{first}-{second}"


def clean_input(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "")
    return " ".join(text.split())


def _name_score(query: str, name: str) -> float:
    """How well `query` names `name`: every query word must match a word of the name."""
    q, n = normalise(query), normalise(name)
    if not q or not n:
        return 0.0
    if q == n:
        return 100.0
    q_words, n_words = q.replace("-", " ").split(), n.replace("-", " ").split()
    word_scores = [max(fuzz.ratio(w, nw) for nw in n_words) for w in q_words]
    if min(word_scores) < 80:
        return 0.0
    whole = fuzz.token_sort_ratio(q, n)
    return max(sum(word_scores) / len(word_scores) * 0.97, whole)


def best_names(query: str, names: Iterable[str]) -> list[tuple[str, float]]:
    """Names scoring at least NAME_THRESHOLD, best first."""
    scored = [(name, _name_score(query, name)) for name in set(names) if name]
    return sorted(
        [(n, s) for n, s in scored if s >= NAME_THRESHOLD], key=lambda item: (-item[1], item[0])
    )


def _pick(matches: list[tuple[str, float]]) -> tuple[str | None, tuple[str, ...]]:
    """The single best name, or the ambiguous candidates."""
    if not matches:
        return None, ()
    best = matches[0][1]
    top = [name for name, score in matches if score >= best - 2.0]
    if len(top) == 1 or best == 100.0 and matches[1:2] and matches[1][1] < 100.0:
        return matches[0][0], ()
    return None, tuple(top[:5])


def understand(
    text: str | None,
    *,
    askers: Sequence[str] = (),
    ministers: Sequence[str] = (),
    themes: Sequence[str] = (),
) -> Understood:
    """Interpret the argument of `/track`."""
    raw = clean_input(text)
    if not raw:
        return Understood(error="track_usage")
    if len(raw) > MAX_INPUT:
        return Understood(error="track_too_long")
    if not _ALLOWED.match(raw):
        return Understood(error="track_bad_chars")

    if raw.startswith("#"):  # a promise as /promises lists it: #12
        raw = f"toezegging {raw}"
    forced = None
    head, _, rest = raw.partition(" ")
    if head.casefold() in KIND_WORDS and rest:
        forced = KIND_WORDS[head.casefold()]
        if forced != "question":
            raw = rest.strip()

    if forced == "promise":
        match = _PROMISE.match(raw)
        if not match:
            return Understood(error="track_promise_format")
        return Understood("promise", str(int(match.group("id"))), None)

    if forced in (None, "question"):
        found = _question(raw)
        if found is not None:
            return found
        if forced == "question":
            return Understood(error="track_question_format")

    if forced == "keyword":
        return _keyword(raw)
    if forced == "theme":
        matches = [(t, 100.0) for t in themes if normalise(t) == normalise(raw)] or [
            (t, float(fuzz.token_set_ratio(normalise(raw), normalise(t)))) for t in themes
        ]
        matches = sorted([m for m in matches if m[1] >= 90], key=lambda m: -m[1])
        if matches:
            return Understood("theme", normalise(matches[0][0]), matches[0][0])
        return Understood("theme", normalise(raw), raw)

    people = best_names(raw, askers) if forced in (None, "person") else []
    ministers_found = best_names(raw, ministers) if forced in (None, "minister") else []
    if forced == "person" and not people:
        return Understood(error="track_no_person", options=(raw,))
    if forced == "minister" and not ministers_found:
        return Understood(error="track_no_minister", options=(raw,))
    if people or ministers_found:
        # a name that is both (a member who became minister) prefers the better score
        p_best = people[0][1] if people else 0.0
        m_best = ministers_found[0][1] if ministers_found else 0.0
        if m_best > p_best or (m_best == p_best and forced == "minister"):
            name, options = _pick(ministers_found)
            kind = "minister"
        else:
            name, options = _pick(people)
            kind = "person"
        if name is None:
            return Understood(error="track_ambiguous", options=options)
        return Understood(kind, normalise(name), name)

    if forced is None:
        for theme in themes:
            if normalise(theme) == normalise(raw):
                return Understood("theme", normalise(theme), theme)
    return _keyword(raw)


def _keyword(raw: str) -> Understood:
    value = normalise(raw).strip(" \"'")
    if len(value) < MIN_KEYWORD or not any(c.isalpha() for c in value):
        return Understood(error="track_too_short")
    return Understood("keyword", value, raw.strip(" \"'"))


def _question(raw: str) -> Understood | None:
    match = _QUESTION_ID.match(raw)
    if match:
        qid = int(match.group("id"))
        return Understood("question", str(qid), str(qid))
    match = _NUMBER_YEAR.match(raw)
    if match:
        year = session_year(match.group("y1"), match.group("y2"))
        if year is None:
            return Understood(error="track_bad_year")
        return Understood(
            "question", None, None, number=int(match.group("number")), session_year=year
        )
    if _BARE_NUMBER.match(raw):
        return Understood(error="track_need_year")
    return None
