"""Numbered sub-questions, the answer's matching parts, and how each was treated.

The question is split on its list markers ("1.", then "a)" lines: labels 1, 1a, 1b, ...);
the answer is split the same way ("1. a)" starts 1a, a later "b)" is 1b). Each part is
marked `referred` (sent to another authority), `confidential` ("ter inzage"),
`promised_later` (deferred with a promise), `answered` or `not_addressed`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.text.models import DocumentParts, Promise, SubQuestion

_I = re.IGNORECASE
_MARKER = re.compile(
    r"(?:^|\n)[ \t]*(?:(?P<num>\d{1,2})\s*[.)](?!\d)[ \t]*)?(?:(?P<let>[a-z])\)[ \t]*)?", _I
)
_REQUEST = re.compile(
    r"\b(?:gelieve|graag\s+had\s+ik|kan\s+(?:de\s+minister|u)|kunt\s+u|wil\s+(?:de\s+minister|u))\s+"
    r"(?:mij\s+|in\s+bijlage\s+)?(?P<doc>[^.?;]{3,160}?)\s+"
    r"(?:toe\s+te\s+voegen|over\s+te\s+maken|te\s+bezorgen|mee\s+te\s+sturen|bij\s+te\s+voegen|"
    r"toevoegen|overmaken|bezorgen|bijvoegen|meesturen)\b[^.?;]*",
    _I,
)
_CONFIDENTIAL = re.compile(r"\bter\s+inzage\b|\bvertrouwelijk\w*\b", _I)
_PROVIDED = re.compile(
    r"\b(?:in\s+bijlage|als\s+bijlage|bijgevoegd|zie\s+bijlage|vindt\s+u\s+(?:\w+\s+)?bijlage|"
    r"wordt\s+(?:\w+\s+)?toegevoegd)\b",
    _I,
)
_DEFERRED = re.compile(
    r"\b(?:niet\s+mogelijk|nog\s+niet|nog\s+geen|momenteel\s+niet|op\s+dit\s+moment\s+niet|"
    r"nog\s+niet\s+beschikbaar|zodra|later|binnenkort|nog\s+goedgekeurd)\b",
    _I,
)
_DOC_SYNONYMS = {
    "notulen": ("verslag", "notulen", "verslagen"),
    "verslag": ("verslag", "notulen", "verslagen"),
    "verslagen": ("verslag", "notulen", "verslagen"),
}


def _items(text: str, start: int, end: int, *, answer: bool) -> list[tuple[str, int, int]]:
    """(label, start, end) of the numbered parts in text[start:end]."""
    found: list[tuple[str, int, int, int]] = []  # label, start (content), marker start
    top = None
    for m in _MARKER.finditer(text, start, end):
        num, let = m["num"], m["let"]
        if not num and not let:
            continue
        if num:
            top = num
            if not let or not answer:
                found.append((num, m.end() if not let else m.start("let"), m.start()))
        if let:
            if top is None:
                continue
            found.append((top + let.lower(), m.end(), m.start() if num else m.start("let")))
    items = []
    for i, (label, content, _mstart) in enumerate(found):
        stop = found[i + 1][2] if i + 1 < len(found) else end
        items.append((label, content, max(content, stop)))
    return items


def _shares_word(a: str, b: str) -> bool:
    """'voorbeeld van een wervingsbrief' and 'Welkomstbrief Bon': both are a *brief*."""
    wa = [w for w in re.findall(r"\w+", a.lower()) if len(w) >= 5]
    wb = [w for w in re.findall(r"\w+", b.lower()) if len(w) >= 5]
    for x in wa:
        for y in wb:
            common = 0
            while common < min(len(x), len(y)) and x[-1 - common] == y[-1 - common]:
                common += 1
            if common >= 5 or set(_DOC_SYNONYMS.get(x, ())) & {y}:
                return True
    return False


def find_subquestions(
    text: str, parts: DocumentParts, promises: Sequence[Promise] = ()
) -> list[SubQuestion]:
    """The question's numbered parts, aligned with the answer's (offsets into `text`)."""
    questions = _items(text, parts.question_start, parts.question_end, answer=False)
    if not questions:
        return []
    answers: dict[str, tuple[int, int]] = {}
    if parts.answer_start is not None:
        for label, a, b in _items(
            text, parts.answer_start, parts.answer_end or len(text), answer=True
        ):
            answers.setdefault(label, (a, b))
    whole_answer = (
        (parts.answer_start, parts.answer_end or len(text))
        if parts.answer_start is not None
        else None
    )
    numbered = bool(answers)
    has_children = {label[:-1] for label, _, _ in questions if label[-1].isalpha()}
    out: list[SubQuestion] = []
    for label, q_start, q_end in questions:
        q_text = " ".join(text[q_start:q_end].split())
        span = answers.get(label)
        if span is None and label in has_children:
            span = answers.get(label + "a")  # "1. a)" answers 1 and 1a together
        if span is None and not numbered and whole_answer:
            span = whole_answer
        a_text = " ".join(text[span[0] : span[1]].split()) if span else ""
        request = _REQUEST.search(text, q_start, q_end)
        requested = None
        provided = False
        if request:
            requested = " ".join(request["doc"].split())
            requested = re.sub(r"^(?:de|het|een)\s+", "", requested, flags=_I)
            provided = bool(_PROVIDED.search(a_text)) or any(
                _shares_word(requested, att) for att in parts.header.attachments
            )
        status, flags = _status(label, a_text, span, promises, requested, provided)
        out.append(
            SubQuestion(
                label=label,
                text=q_text,
                start=q_start,
                end=q_end,
                status=status,
                answer=a_text,
                answer_start=span[0] if span else None,
                answer_end=span[1] if span else None,
                requested_document=requested,
                requested_span=request.group() if request else None,
                requested_start=request.start() if request else None,
                requested_end=request.end() if request else None,
                document_provided=provided,
                flags=flags,
            )
        )
    return out


def _status(label, a_text, span, promises, requested, provided):
    if not span or not a_text.strip():
        return "not_addressed", ()
    flags: list[str] = []
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", a_text) if s.strip()]
    referrals = [
        " ".join(p.span.split())
        for p in promises
        if p.kind == "referral" and span[0] <= p.start < span[1]
    ]
    referral = [s for s in sentences if any(r in s for r in referrals)]
    rest = [s for s in sentences if s not in referral]
    if referral:
        flags.append("referred")
    if _CONFIDENTIAL.search(a_text):
        flags.append("confidential")
    inside = [p for p in promises if p.kind != "referral" and span[0] <= p.start < span[1]]
    if inside and (
        _DEFERRED.search(a_text)
        or (requested and any(_shares_word(requested, p.span) for p in inside))
    ):
        flags.append("promised_later")
    if provided:
        flags.append("provided")
    if referral and (len(rest) <= 1 or not any(re.search(r"\d", s) for s in rest)):
        return "referred", tuple(flags)
    if "promised_later" in flags:
        return "promised_later", tuple(flags)
    if "confidential" in flags:
        return "confidential", tuple(flags)
    return "answered", tuple(flags)
