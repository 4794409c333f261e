"""The open-data API: one written question (`/schv/{id}`) and the session years."""

from __future__ import annotations

from monitor.client import JSON, Client, Response, Validators
from monitor.parse import (
    ParseError,
    QuestionRecord,
    SessionYear,
    parse_question,
    parse_session_years,
)
from monitor.sources._json import decode

OPENDATA = "https://ws.vlpar.be/e/opendata"


def question_url(schv_id: int) -> str:
    """The canonical open-data URL (the client fetches it through the configured base)."""
    return f"{OPENDATA}/schv/{schv_id}"


def fetch_question(
    client: Client, schv_id: int, *, validators: Validators | None = None
) -> tuple[Response, QuestionRecord | None]:
    """The question's detail; None on 304. Raises `ParseError` on malformed data."""
    response = client.get(question_url(schv_id), validators=validators, accept=JSON)
    if response.not_modified:
        return response, None
    record = parse_question(decode(response), source=response.target)
    if record.id != schv_id:
        raise ParseError(f"asked for {schv_id}, got id {record.id}", source=response.target)
    return response, record


def fetch_session_years(
    client: Client, *, validators: Validators | None = None
) -> tuple[Response, list[SessionYear] | None]:
    response = client.get(f"{OPENDATA}/zj/alle", validators=validators, accept=JSON)
    if response.not_modified:
        return response, None
    return response, parse_session_years(decode(response), source=response.target)
