"""Pure parsers for what the parliament serves: search pages, question details, session
years, theme pages and PDF documents. No I/O here.

Parse loosely (ignore keys we do not know, accept an int or a str where the type is not
known) but never silently: a missing expected field raises `ParseError`, which fails the
poll run with a clear message.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup

__all__ = [
    "DocumentError",
    "ListingItem",
    "ParseError",
    "QuestionRecord",
    "SearchPage",
    "SessionYear",
    "canonical_document_url",
    "content_hash",
    "extract_pdf_text",
    "parse_question",
    "parse_search_page",
    "parse_session_years",
    "question_ids_from_page",
    "site_url",
    "text_hash",
]

log = logging.getLogger(__name__)

SITE = "https://www.vlaamsparlement.be"
DOCS = "https://docs.vlaamsparlement.be"
QUESTION_PATH = re.compile(
    r"^(?:/nl)?/parlementaire-documenten/schriftelijke-vragen/(\d+)(?:[/?#]|$)"
)
OPENDATA_SCHV = re.compile(r"/schv/(\d+)")
FEED_ID = re.compile(r"be\.vlp\.feed/(\d+)")


class ParseError(ValueError):
    """The data does not have the shape we rely on; `source` says where it came from."""

    def __init__(self, message: str, *, source: str = "") -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.source = source


class DocumentError(ParseError):
    """A document that is not a readable PDF (truncated, HTML, empty, ...)."""


# -- helpers ------------------------------------------------------------------------------


def _str(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _int(value: Any, what: str, source: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ParseError(f"{what} is a boolean", source=source)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    raise ParseError(f"{what} {value!r} is not a number", source=source)


def _date(value: Any) -> date | None:
    """The date part of 'YYYY-MM-DD', 'YYYY-MM-DDT00:00:00+02:00', ... (None if absent)."""
    text = _str(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _person(value: Any) -> tuple[str | None, int | None]:
    if isinstance(value, dict):
        name = " ".join(p for p in (_str(value.get("voornaam")), _str(value.get("naam"))) if p)
        pid = value.get("id")
        return name or None, pid if isinstance(pid, int) else None
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, None


def _themes(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for item in value if isinstance(value, list) else []:
        name = _str(item.get("naam") if isinstance(item, dict) else item)
        if name and name not in out:
            out.append(name)
    return out


def _sha256(data: str | bytes) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def text_hash(text: str) -> str:
    return _sha256(text)


def site_url(schv_id: int) -> str:
    """The public page of a written question (always the real site: it is shown to users)."""
    return f"{SITE}/parlementaire-documenten/schriftelijke-vragen/{schv_id}"


def canonical_document_url(url: str) -> str:
    """`https://docs.vlaamsparlement.be/pfile?id=N` for either pfile form; else `url`."""
    parts = urlsplit(url)
    if parts.path.rstrip("/").endswith("/pfile"):
        ids = parse_qs(parts.query).get("id")
        if ids and ids[0].isdigit():
            return f"{DOCS}/pfile?id={ids[0]}"
    return url


# -- search API ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ListingItem:
    """One result of the search API, reduced to what decides whether to fetch the detail."""

    schv_id: int
    soort: str
    themes: tuple[str, ...]
    published_on: date | None
    documenttype: str
    document: str | None
    status: str
    title: str
    number: str
    session_year: str

    @property
    def answered(self) -> bool:
        return (
            bool(self.document)
            or "antwoord" in self.documenttype.lower()
            or ("beantwoord" in self.status.lower())
        )


@dataclass(frozen=True)
class SearchPage:
    count: int
    lastindex: int
    items: list[ListingItem]  # every result with an id we understand, any soort
    raw_size: int  # results on the page, before anything is left out


def _metatags(result: dict[str, Any]) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    meta = (result.get("metatags") or {}).get("metatag") or []
    if isinstance(meta, dict):
        meta = [meta]
    for tag in meta:
        if isinstance(tag, dict) and tag.get("name"):
            tags.setdefault(str(tag["name"]), []).append(_str(tag.get("value")))
    return tags


def _schv_id(result: dict[str, Any], tags: dict[str, list[str]]) -> int | None:
    for value in tags.get("opendata", []):
        m = OPENDATA_SCHV.search(value)
        if m:
            return int(m.group(1))
    for value in tags.get("displayurl", []) + [_str(result.get("url"))]:
        m = QUESTION_PATH.match(urlsplit(value).path)
        if m:
            return int(m.group(1))
    m = FEED_ID.search(_str(result.get("id")))
    return int(m.group(1)) if m else None


def parse_search_page(data: Any, *, source: str = "search") -> SearchPage:
    """A search API response; raises `ParseError` when `result` is missing."""
    if not isinstance(data, dict) or not isinstance(data.get("result"), list):
        raise ParseError("no 'result' list in the search response", source=source)
    items: list[ListingItem] = []
    for result in data["result"]:
        if not isinstance(result, dict):
            continue
        tags = _metatags(result)
        schv_id = _schv_id(result, tags)
        if schv_id is None:
            log.debug("%s: result without a question id left out: %s", source, result.get("id"))
            continue

        def first(name: str, tags: dict[str, list[str]] = tags) -> str:
            values = tags.get(name) or [""]
            return values[0]

        items.append(
            ListingItem(
                schv_id=schv_id,
                soort=first("soort").upper(),
                themes=tuple(dict.fromkeys(t for t in tags.get("thema", []) if t)),
                published_on=_date(first("publicatiedatum") or first("datum")),
                documenttype=first("documenttype"),
                document=first("document") or None,
                status=first("status"),
                title=first("titel") or first("onderwerp"),
                number=first("nummer"),
                session_year=first("zittingsjaar"),
            )
        )
    count = data.get("count")
    lastindex = data.get("lastindex")
    return SearchPage(
        count=count if isinstance(count, int) else len(items),
        lastindex=lastindex if isinstance(lastindex, int) else 0,
        items=items,
        raw_size=len(data["result"]),
    )


# -- question detail ----------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionRecord:
    """A written question as the open-data API describes it (`raw` is the JSON received)."""

    id: int
    number: int | None
    session_year: str | None
    title: str
    subject: str
    themes: list[str]
    asker: str | None
    asker_id: int | None
    minister: str | None
    minister_id: int | None
    asked_on: date | None
    answered_on: date | None
    status: str  # 'asked' | 'answered'
    timely: bool | None  # the API's own flag (tijdig or the procedure status), if any
    answer_kind: str | None
    document_urls: list[str]
    procedure: list[dict[str, str]]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def metadata(self) -> dict[str, Any]:
        """The normalised fields whose change is a change of the question."""
        return {
            "id": self.id,
            "number": self.number,
            "session_year": self.session_year,
            "title": self.title,
            "subject": self.subject,
            "themes": list(self.themes),
            "asker": self.asker,
            "asker_id": self.asker_id,
            "minister": self.minister,
            "minister_id": self.minister_id,
            "asked_on": self.asked_on.isoformat() if self.asked_on else None,
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "status": self.status,
            "timely": self.timely,
            "answer_kind": self.answer_kind,
            "document_urls": list(self.document_urls),
        }

    @cached_property
    def content_hash(self) -> str:
        return content_hash(self.metadata())


def content_hash(metadata: dict[str, Any]) -> str:
    return _sha256(json.dumps(metadata, sort_keys=True, ensure_ascii=False, default=str))


def _timely_flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _str(value).lower()
    if text in {"ja", "true", "1", "tijdig", "yes"}:
        return True
    if text in {"nee", "false", "0", "laattijdig", "no"}:
        return False
    return None


def parse_question(data: Any, *, source: str = "schv") -> QuestionRecord:
    """An open-data `/schv/{id}` response. Raises `ParseError` on a missing `id`, `titel`
    (or `onderwerp`) or `procedureverloop`."""
    if not isinstance(data, dict):
        raise ParseError("the detail is not a JSON object", source=source)
    for key in ("id", "procedureverloop"):
        if key not in data or data[key] is None:
            raise ParseError(f"missing field {key!r}", source=source)
    if not _str(data.get("titel")) and not _str(data.get("onderwerp")):
        raise ParseError("missing field 'titel'", source=source)
    qid = _int(data["id"], "id", source)
    if qid is None:
        raise ParseError("missing field 'id'", source=source)
    procedure_raw = data["procedureverloop"]
    if isinstance(procedure_raw, dict):
        procedure_raw = [procedure_raw]
    if not isinstance(procedure_raw, list):
        raise ParseError("'procedureverloop' is not a list", source=source)
    procedure = [
        {"status": _str(p.get("status")), "datum": _str(p.get("datum"))}
        for p in procedure_raw
        if isinstance(p, dict)
    ]
    asked_on = answered_on = None
    timely_from_status: bool | None = None
    for step in procedure:
        status = step["status"].lower()
        when = _date(step["datum"])
        if "beantwoord" in status or status.startswith("antwoord"):
            answered_on = when or answered_on
            if "laattijdig" in status or "te laat" in status:
                timely_from_status = False
            elif "tijdig" in status:
                timely_from_status = True
        elif "gesteld" in status and asked_on is None:
            asked_on = when
    urls: list[str] = []
    files = data.get("bestand-ordered") or []
    if isinstance(files, dict):
        files = [files]
    for item in files if isinstance(files, list) else []:
        url = _str(item.get("URL") or item.get("url")) if isinstance(item, dict) else _str(item)
        if url and url not in urls:
            urls.append(url)
    asker, asker_id = _person(data.get("vraagsteller"))
    minister, minister_id = _person(data.get("minister"))
    answer_kind = _str(data.get("soort-antwoord")) or None
    answered = answered_on is not None or answer_kind is not None
    timely = _timely_flag(data.get("tijdig"))
    if timely is None:
        timely = timely_from_status
    title = _str(data.get("titel")) or _str(data.get("onderwerp"))
    return QuestionRecord(
        id=qid,
        number=_int(data.get("vraagnummer"), "vraagnummer", source),
        session_year=_str(data.get("zittingsjaar")) or None,
        title=title,
        subject=_str(data.get("onderwerp")) or title,
        themes=_themes(data.get("thema")),
        asker=asker,
        asker_id=asker_id,
        minister=minister,
        minister_id=minister_id,
        asked_on=asked_on,
        answered_on=answered_on,
        status="answered" if answered else "asked",
        timely=timely if answered else None,
        answer_kind=answer_kind,
        document_urls=urls,
        procedure=procedure,
        raw=data,
    )


# -- session years ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionYear:
    name: str
    start: date
    end: date


def parse_session_years(data: Any, *, source: str = "zj/alle") -> list[SessionYear]:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ParseError("no 'items' list", source=source)
    out: list[SessionYear] = []
    for item in data["items"]:
        zj = item.get("zittingsjaar") if isinstance(item, dict) else None
        if not isinstance(zj, dict):
            continue
        name = _str(zj.get("naam"))
        start, end = _date(zj.get("start-zittingsjaar")), _date(zj.get("eind-zittingsjaar"))
        if not name or start is None or end is None:
            raise ParseError(f"session year without naam/start/end: {zj!r}", source=source)
        out.append(SessionYear(name, start, end))
    if not out:
        raise ParseError("no session years", source=source)
    return out


# -- theme page ---------------------------------------------------------------------------


def question_ids_from_page(html: str | bytes, page_url: str) -> list[int]:
    """The written questions a site page links to, in page order (each once).

    Matches `/parlementaire-documenten/schriftelijke-vragen/{id}`, with or without `/nl`,
    absolute (any parliament host) or relative. A page without such links raises
    `ParseError`: the layout changed, or we were served something else.
    """
    soup = BeautifulSoup(html, "html.parser")
    ids: list[int] = []
    for anchor in soup.find_all("a", href=True):
        path = urlsplit(urljoin(page_url, str(anchor["href"]).strip())).path
        m = QUESTION_PATH.match(path)
        if m and int(m.group(1)) not in ids:
            ids.append(int(m.group(1)))
    if not ids:
        raise ParseError("no links to written questions on the page", source=page_url)
    return ids


# -- documents ----------------------------------------------------------------------------


def extract_pdf_text(data: bytes, *, source: str = "document") -> str:
    """The text of a PDF, pages separated by a newline; `DocumentError` if it is not one."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        head = data[:40].decode("latin-1", errors="replace").strip()
        raise DocumentError(f"not a PDF (starts with {head!r})", source=source)
    if b"%%EOF" not in data[-2048:]:
        raise DocumentError("truncated PDF (no %%EOF at the end)", source=source)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(f"unreadable PDF: {type(exc).__name__}: {exc}", source=source) from exc
    text = "\n".join(pages).strip()
    if not text:
        raise DocumentError("PDF without extractable text", source=source)
    return text
