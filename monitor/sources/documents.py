"""Question-and-answer documents (the `pfile` PDFs) and their text."""

from __future__ import annotations

from monitor.client import PDF, Client, Response, Validators
from monitor.parse import extract_pdf_text


def fetch_document(
    client: Client, url: str, *, validators: Validators | None = None
) -> tuple[Response, str | None]:
    """The document at `url` and its text (None on 304); `DocumentError` if it is no PDF."""
    response = client.get(url, validators=validators, accept=PDF)
    if response.not_modified:
        return response, None
    return response, extract_pdf_text(response.content, source=response.target)
