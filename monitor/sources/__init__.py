"""The parliament's sources, fetched through `monitor.client` and parsed by `monitor.parse`:
the search API (`search`), the open-data API (`opendata`), the theme page (`theme_page`)
and the documents (`documents`)."""

from monitor.sources.documents import fetch_document
from monitor.sources.opendata import fetch_question, fetch_session_years, question_url
from monitor.sources.search import fetch_search_page, search_url
from monitor.sources.theme_page import fetch_theme_page

__all__ = [
    "fetch_document",
    "fetch_question",
    "fetch_search_page",
    "fetch_session_years",
    "fetch_theme_page",
    "question_url",
    "search_url",
]
