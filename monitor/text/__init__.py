"""Text understanding, in pipeline stages: clean → dates → references / promises /
sub-questions. Pure functions over strings; every finding carries offsets into the input."""

from __future__ import annotations

from datetime import date

from monitor.text.models import (
    DocumentParts,
    Extraction,
    Header,
    Promise,
    Reference,
    SubQuestion,
)

__all__ = [
    "DocumentParts",
    "Extraction",
    "Header",
    "Promise",
    "Reference",
    "SubQuestion",
    "extract",
    "split_document",
]


def split_document(text: str) -> DocumentParts:
    return DocumentParts(0, len(text))


def extract(text: str, doc_date: date | None = None) -> Extraction:
    """References, promises and sub-questions in `text` (offsets into `text`)."""
    return Extraction()
