"""The theme page on the website: the written questions it links to."""

from __future__ import annotations

from monitor.client import HTML, Client, Response, Validators
from monitor.parse import question_ids_from_page


def fetch_theme_page(
    client: Client, path: str, *, validators: Validators | None = None
) -> tuple[Response, list[int] | None]:
    """The ids linked from the page at `path` (None on 304); `ParseError` if there are none."""
    response = client.get(client.site_url(path), validators=validators, accept=HTML)
    if response.not_modified:
        return response, None
    return response, question_ids_from_page(response.content, response.target)
