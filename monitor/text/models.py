"""Typed results of the text pipeline; each carries its span in the input text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class Reference:
    """A citation of an earlier parliamentary item; `span == text[start:end]`."""

    span: str
    start: int
    end: int
    kind: str  # written_question | oral_question | interpellation | debate | other
    number: int | None = None
    date: date | None = None
    session_year: str | None = None
    possessive: str | None = None  # 'uw' | 'mijn' | None: whose question is cited

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "number": self.number,
            "date": _iso(self.date),
            "session_year": self.session_year,
        }


@dataclass(frozen=True)
class Promise:
    """A commitment of the answering side; `due` is the last day it is kept by."""

    span: str
    start: int
    end: int
    kind: str  # dated | open | referral
    due: date | None = None
    subject: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "due": _iso(self.due),
            "subject": self.subject,
        }


@dataclass(frozen=True)
class SubQuestion:
    """A numbered part of the question ('1', '1a', ...) and how the answer treats it."""

    label: str
    text: str
    start: int
    end: int
    status: str  # answered | referred | promised_later | confidential | not_addressed
    answer: str = ""
    answer_start: int | None = None
    answer_end: int | None = None
    requested_document: str | None = None  # what "Gelieve ... toe te voegen" asks for
    requested_span: str | None = None  # the request clause, text[requested_start:requested_end]
    requested_start: int | None = None
    requested_end: int | None = None
    document_provided: bool = False  # attached (BIJLAGE) or said to be enclosed
    flags: tuple[str, ...] = ()  # every treatment seen, e.g. ('confidential', 'promised_later')

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "answer": self.answer,
            "answer_start": self.answer_start,
            "answer_end": self.answer_end,
            "requested_document": self.requested_document,
            "document_provided": self.document_provided,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class Extraction:
    references: tuple[Reference, ...] = ()
    promises: tuple[Promise, ...] = ()
    subquestions: tuple[SubQuestion, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "references": [r.to_dict() for r in self.references],
            "promises": [p.to_dict() for p in self.promises],
            "subquestions": [s.to_dict() for s in self.subquestions],
        }


@dataclass(frozen=True)
class Header:
    """The facts at the top of a parliament document."""

    number: int | None = None
    date: date | None = None
    asker: str | None = None
    minister: str | None = None
    title: str | None = None
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentParts:
    """Offsets of the question and answer parts in the original text (answer may be absent)."""

    question_start: int
    question_end: int
    answer_start: int | None = None
    answer_end: int | None = None
    header: Header = field(default_factory=Header)
    # Character ranges that belong to headings (not to the body text).
    headings: tuple[tuple[int, int], ...] = ()
    attachments_start: int | None = None

    def part_of(self, offset: int) -> str:
        if self.answer_start is not None and offset >= self.answer_start:
            return "answer"
        return "question"
