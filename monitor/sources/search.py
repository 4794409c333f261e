"""The search API: one page of written questions, newest first."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from monitor.client import JSON, Client, Response, Validators
from monitor.parse import SearchPage, parse_search_page
from monitor.sources._json import decode


def search_url(client: Client, page: int = 1) -> str:
    """The URL of page `page`, parameters included (it is also the page's cache key)."""
    query = quote(client.settings.search_query, safe=":=+")
    params = urlencode(search_params(client, page))
    return client.api_url(f"api/search/query/{query}") + "?" + params


def search_params(client: Client, page: int) -> dict[str, str | int]:
    params: dict[str, str | int] = {
        "collection": "vp_collection",
        "sort": "date",
        "order": "desc",
        "max": client.settings.page_size,
        "page": page,
    }
    if client.settings.search_required_fields:
        params["requiredfields"] = client.settings.search_required_fields
    return params


def fetch_search_page(
    client: Client, page: int, *, validators: Validators | None = None
) -> tuple[Response, SearchPage | None]:
    """Page `page` (1-based); the parsed page is None when the server answered 304."""
    response = client.get(search_url(client, page), validators=validators, accept=JSON)
    if response.not_modified:
        return response, None
    return response, parse_search_page(decode(response), source=f"{response.target} page {page}")
