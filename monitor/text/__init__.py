"""Text understanding, in pipeline stages: clean → dates → references / promises /
sub-questions. Pure functions over strings; every finding carries offsets into the input.

    >>> extract("Zoals beschreven in uw eerdere vraag 350 d.d. 9 juni 2023.").references[0].number
    350
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from monitor.text.clean import Cleaned, clean, sentences
from monitor.text.dates import find_dates, session_year_of
from monitor.text.document import split_document
from monitor.text.models import (
    DocumentParts,
    Extraction,
    Header,
    Promise,
    Reference,
    SubQuestion,
)
from monitor.text.promises import find_promises
from monitor.text.references import find_references
from monitor.text.subquestions import find_subquestions

__all__ = [
    "DocumentParts",
    "Extraction",
    "Header",
    "Promise",
    "Reference",
    "SubQuestion",
    "extract",
    "session_year_of",
    "split_document",
]


def _to_cleaned(cleaned: Cleaned, offset: int) -> int:
    """The first cleaned position at or after original `offset`."""
    return bisect_left(cleaned.offsets, offset)


def _is_itself(ref: Reference, header: Header) -> bool:
    """A page header or footer naming the document's own question ("vraag 170 (2023-2024)")."""
    if header.number is None or ref.number != header.number:
        return False
    own_year = session_year_of(header.date) if header.date else None
    if ref.date is not None and header.date is not None:
        return ref.date == header.date
    return ref.session_year is None or ref.session_year == own_year


def extract(text: str, doc_date: date | None = None) -> Extraction:
    """References, promises and sub-questions in `text` (offsets into `text`).

    `doc_date` anchors relative expressions ("tegen eind dit jaar"). A parliament document
    (question, "ANTWOORD op vraag nr. ...", answer) is split first: promises are only taken
    from the answer, and the headings are not searched for references.
    """
    parts = split_document(text)
    cleaned = clean(text)
    sents = list(sentences(cleaned.text))
    anchor = doc_date or parts.header.date
    dates = find_dates(cleaned.text, anchor)
    skip = [(_to_cleaned(cleaned, a), _to_cleaned(cleaned, b)) for a, b in parts.headings]
    references = [
        ref
        for ref in find_references(cleaned, dates, sents, anchor, skip)
        if not _is_itself(ref, parts.header)
    ]
    within = None
    if parts.answer_start is not None:
        within = (
            _to_cleaned(cleaned, parts.answer_start),
            _to_cleaned(cleaned, parts.answer_end or len(text)),
        )
    promises = find_promises(cleaned, dates, sents, anchor, within=within)
    subquestions = find_subquestions(text, parts, promises) if parts.answer_start else []
    return Extraction(tuple(references), tuple(promises), tuple(subquestions))
