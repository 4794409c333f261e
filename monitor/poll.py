"""The poll cycle, the one orchestrator: fetch → parse → understand → store → events.

One poll run:

1. session years from `/zj/alle` (conditional GET);
2. the search API, newest first, page by page: written questions (soort SCHV) on the
   configured themes. A result that matches the stored question (same publication date,
   answer state and document) is skipped without a request. Listing stops on the page that
   reaches results older than what the last successful run had seen (its *watermark*);
   the first poll of an empty database lists `baseline_pages` pages;
3. the theme page on the website: questions it links to that we do not know yet;
4. each new or changed question: its detail, its document (PDF) and its text, then in ONE
   transaction the question row, the document version, the findings of
   `monitor.understand.analyse`, the events and their outbox rows, and the validators of
   what was fetched. A failure rolls back that question only; the run goes on with the
   next one (or stops, when the server is unreachable) and is marked as failed;
5. `answer_overdue` for unanswered questions past their deadline.

The validators of the search page and the theme page are stored only when the whole run
succeeded, so a failed or killed run is listed again in full by the next one. The first
poll of an empty database (until one run succeeds) and every backfill record a baseline:
their events are historical and never alerted.
"""

from __future__ import annotations

import hashlib
import logging
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from monitor import ledger, understand
from monitor.client import (
    Client,
    ContentTypeError,
    FetchError,
    NotFound,
    TooLarge,
    TransportFailure,
    Validators,
)
from monitor.config import Settings
from monitor.events import detect, overdue_events
from monitor.parse import (
    ListingItem,
    ParseError,
    QuestionRecord,
    canonical_document_url,
    parse_question,
    site_url,
    text_hash,
)
from monitor.routing import chats_for, normalise
from monitor.sources import (
    fetch_document,
    fetch_question,
    fetch_search_page,
    fetch_session_years,
    fetch_theme_page,
    question_url,
)
from monitor.sources.opendata import OPENDATA
from monitor.sources.search import search_url
from state import http_cache, runs
from state import questions as store
from state.clock import BRUSSELS, now_iso
from state.events import get_event, record_events

__all__ = ["PollResult", "build_row", "poll_once"]

log = logging.getLogger(__name__)

Progress = Callable[[Iterable[Any], int], Iterable[Any]]
# The events that carry an answer's findings (and the ledger changes it brings about).
ANSWER_KINDS = ("answered", "answered_late", "answer_changed")
# Failures of one question: the run goes on with the next question.
ITEM_ERRORS = (NotFound, ParseError, ContentTypeError, TooLarge)


class _Abort(Exception):
    """Stop the run: the source is unreachable or unusable."""


@dataclass
class PollResult:
    run_id: int
    kind: str
    outcome: str  # 'ok' | 'error'
    baseline: bool
    counts: dict[str, Any]
    errors: list[str] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def poll_once(
    db: Database,
    settings: Settings,
    *,
    client: Client | None = None,
    now: datetime | None = None,
    kind: str = "poll",
    since: date | None = None,
    progress: Progress | None = None,
) -> PollResult:
    """Run one poll (or, with `kind="backfill"` and `since`, a backfill); never raises for
    a source's fault: the run's row records the outcome and the error."""
    now = now or datetime.now(BRUSSELS)
    own = client is None
    client = client or Client(settings)
    run_id = runs.start_run(db, kind, now=now)
    cycle = _Cycle(db, client, settings, now=now, kind=kind, since=since, progress=progress)
    log.info(
        "%s run %d started%s", kind, run_id, " (baseline: nothing is alerted)" * cycle.baseline
    )
    try:
        cycle.run()
    except _Abort:
        pass
    except KeyboardInterrupt:
        runs.finish_run(db, run_id, "error", counts=cycle.summary(), error="interrupted", now=now)
        raise
    except Exception as exc:  # a bug, not a fault of the source: keep the traceback
        log.exception("%s run %d failed unexpectedly", kind, run_id)
        cycle.errors.append(f"unexpected {type(exc).__name__}: {exc}")
        cycle.counts["traceback"] = traceback.format_exc(limit=5)
    finally:
        if own:
            client.close()
    outcome = "error" if cycle.errors else "ok"
    if outcome == "ok":
        cycle.save_deferred()
    counts = cycle.summary()
    error = "; ".join(cycle.errors[:10]) or None
    if len(cycle.errors) > 10:
        error = f"{error}; … {len(cycle.errors) - 10} more"
    runs.finish_run(db, run_id, outcome, counts=counts, error=error, now=now)
    log.log(
        logging.INFO if outcome == "ok" else logging.ERROR,
        "%s run %d %s: %s",
        kind,
        run_id,
        outcome,
        ", ".join(f"{k}={v}" for k, v in counts.items() if k not in ("traceback",)),
    )
    return PollResult(
        run_id, kind, outcome, cycle.baseline, counts, list(cycle.errors), cycle.event_ids
    )


def build_row(
    record: QuestionRecord,
    *,
    published_on: str | None,
    old: dict[str, Any] | None,
    text: str | None,
    now: datetime,
) -> dict[str, Any]:
    """The `questions` row for `record`, carrying over what the stored row `old` knew."""
    stamp = now_iso(now)
    answered = record.status == "answered"
    if published_on is None and old:
        published_on = old["published_on"]
    answer_seen = (old or {}).get("answer_seen_at") if answered else None
    if answered and not answer_seen:
        answer_seen = stamp  # an answer counts from the moment it is visible to us
    meta = record.metadata()
    return {
        "id": record.id,
        "number": record.number,
        "session_year": record.session_year,
        "title": record.title,
        "subject": record.subject,
        "themes": record.themes,
        "asker": record.asker,
        "asker_id": record.asker_id,
        "minister": record.minister,
        "minister_id": record.minister_id,
        "asked_on": meta["asked_on"],
        "answered_on": meta["answered_on"],
        "published_on": published_on,
        "status": record.status,
        "timely": record.timely,
        "document_urls": [canonical_document_url(u) for u in record.document_urls],
        "site_url": site_url(record.id),
        "text": text,
        "text_hash": text_hash(text) if text else None,
        "content_hash": record.content_hash,
        "raw": record.raw,
        "first_seen": (old or {}).get("first_seen") or stamp,
        "last_seen": stamp,
        "answer_seen_at": answer_seen,
    }


def _unchanged(known: store.Known, item: ListingItem) -> bool:
    """Does the search result say nothing new about the stored question?"""
    published = item.published_on.isoformat() if item.published_on else None
    if published != known.published_on:
        return False
    if item.answered != (known.status == "answered"):
        return False
    return not (item.document and canonical_document_url(item.document) not in known.document_urls)


class _Cycle:
    def __init__(
        self,
        db: Database,
        client: Client,
        settings: Settings,
        *,
        now: datetime,
        kind: str,
        since: date | None,
        progress: Progress | None,
    ) -> None:
        self.db, self.client, self.settings = db, client, settings
        self.now, self.kind, self.since, self.progress = now, kind, since, progress
        self.baseline = kind == "backfill" or not runs.has_ok_run(db)
        last = None if self.baseline else runs.last_ok_run(db, ("poll", "backfill"))
        self.watermark: str | None = (last or {}).get("counts", {}).get("watermark")
        self.newest: str | None = self.watermark
        self.themes = {normalise(t) for t in settings.themes}
        self.predecessors = dict(settings.predecessors)
        self.counts: Counter[str] = Counter()
        self.errors: list[str] = []
        self.event_ids: list[int] = []
        self.queue: dict[int, ListingItem | None] = {}
        self.deferred: list[tuple[str, Validators]] = []
        self.known = store.known_questions(db)
        self._start_requests = client.stats["requests"]
        self._start_304 = client.stats["not_modified"]

    # -- bookkeeping ----------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(sorted(self.counts.items()))
        out["requests"] = self.client.stats["requests"] - self._start_requests
        out["not_modified"] = self.client.stats["not_modified"] - self._start_304
        out["events"] = len(self.event_ids)
        out["errors"] = len(self.errors)
        out["baseline"] = self.baseline
        if self.newest:
            out["watermark"] = self.newest
        return out

    def fail(self, what: str, exc: BaseException) -> None:
        message = f"{what}: {exc}" if str(exc) else f"{what}: {type(exc).__name__}"
        log.error("%s run: %s", self.kind, message)
        self.errors.append(message)

    def cached(self, target: str) -> Validators | None:
        stored = http_cache.validators(self.db, target)
        return Validators(*stored) if stored else None

    def save_deferred(self) -> None:
        if not self.deferred:
            return
        with self.db.atomic():
            for target, validators in self.deferred:
                http_cache.remember(
                    self.db, target, validators.etag, validators.last_modified, now=self.now
                )

    # -- the cycle ------------------------------------------------------------------------

    def run(self) -> None:
        self.session_years()
        self.list_search()
        if self.kind == "poll" and self.settings.theme_page_path:
            self.theme_page()
        self.ingest_queue()
        self.check_overdue()
        self.advance_ledger()

    def session_years(self) -> None:
        target = self.client.rewrite(f"{OPENDATA}/zj/alle")
        try:
            response, years = fetch_session_years(self.client, validators=self.cached(target))
        except (FetchError, ParseError) as exc:
            self.fail("session years", exc)
            if isinstance(exc, TransportFailure):
                raise _Abort from exc
            return
        if years is None:
            return
        with self.db.atomic():
            changed = store.save_session_years(
                self.db, ((y.name, y.start.isoformat(), y.end.isoformat()) for y in years)
            )
            http_cache.remember(
                self.db,
                response.target,
                response.validators.etag,
                response.validators.last_modified,
                now=self.now,
            )
        self.counts["session_years_changed"] += changed

    def list_search(self) -> None:
        if self.since is not None:
            limit = 10**6
        elif self.baseline:
            limit = self.settings.baseline_pages
        else:
            limit = self.settings.max_pages
        page = 0
        while True:
            page += 1
            target = self.client.rewrite(search_url(self.client, page))
            validators = self.cached(target) if page == 1 and not self.baseline else None
            try:
                response, parsed = fetch_search_page(self.client, page, validators=validators)
            except (FetchError, ParseError) as exc:
                self.fail(f"search page {page}", exc)
                raise _Abort from exc
            self.counts["pages"] += 1
            if parsed is None:
                self.counts["listing_unchanged"] = 1
                return
            if page == 1:
                self.deferred.append((response.target, response.validators))
            oldest = self._take(parsed.items)
            if parsed.raw_size == 0 or (parsed.count and parsed.lastindex >= parsed.count):
                return
            if self.since and oldest and oldest < self.since.isoformat():
                return
            if self.watermark and oldest and oldest < self.watermark:
                return
            if page >= limit:
                if not self.baseline:
                    log.warning("listed %d pages without reaching known questions; stopping", page)
                return

    def _take(self, items: list[ListingItem]) -> str | None:
        """Queue the new or changed questions of one page; returns its oldest date."""
        oldest: str | None = None
        for item in items:
            published = item.published_on.isoformat() if item.published_on else None
            if published:
                oldest = published if oldest is None else min(oldest, published)
            if item.soort != "SCHV":
                self.counts["skipped_not_schv"] += 1
                continue
            if published and (self.newest is None or published > self.newest):
                self.newest = published
            if self.since and published and published < self.since.isoformat():
                continue
            if self.themes and not self.themes & {normalise(t) for t in item.themes}:
                self.counts["skipped_theme"] += 1
                continue
            self.counts["listed"] += 1
            known = self.known.get(item.schv_id)
            if known and _unchanged(known, item):
                self.counts["unchanged"] += 1
                continue
            self.queue.setdefault(item.schv_id, item)
        return oldest

    def theme_page(self) -> None:
        path = self.settings.theme_page_path
        target = self.client.rewrite(self.client.site_url(path))
        try:
            response, ids = fetch_theme_page(self.client, path, validators=self.cached(target))
        except TransportFailure as exc:
            self.fail("theme page", exc)
            raise _Abort from exc
        except (FetchError, ParseError) as exc:
            self.fail("theme page", exc)
            return
        if ids is None:
            return
        self.deferred.append((response.target, response.validators))
        for qid in ids:
            if qid not in self.known and qid not in self.queue:
                self.queue[qid] = None
                self.counts["from_theme_page"] += 1

    def ingest_queue(self) -> None:
        items: Iterable[tuple[int, ListingItem | None]] = list(self.queue.items())
        if self.progress is not None:
            items = self.progress(items, len(self.queue))
        for qid, item in items:
            try:
                self.ingest(qid, item)
            except ITEM_ERRORS as exc:
                self.fail(f"schv {qid}", exc)
            except FetchError as exc:  # 5xx, 429 or unreachable after the retries
                self.fail(f"schv {qid}", exc)
                raise _Abort from exc
            except Exception as exc:  # a bug while understanding or storing this question
                log.exception("schv %d could not be stored", qid)
                self.fail(f"schv {qid}", exc)

    def ingest(self, qid: int, item: ListingItem | None) -> None:
        """Fetch, understand and store one question with its events, in one transaction."""
        db, client = self.db, self.client
        old = store.get_question(db, qid)
        detail_target = client.rewrite(question_url(qid))
        response, record = fetch_question(
            client, qid, validators=self.cached(detail_target) if old else None
        )
        fetched_detail = record is not None
        if record is None:  # 304: the stored JSON is still current
            record = parse_question(old["raw"], source=detail_target)
        doc_urls = [canonical_document_url(u) for u in record.document_urls]
        text = old["text"] if old else None
        new_docs: list[dict[str, Any]] = []
        validators: list[tuple[str, Validators]] = []
        if fetched_detail:
            validators.append((response.target, response.validators))
        if record.status == "answered" and doc_urls:
            # Conditional GETs: a document that did not change costs a 304.
            text = self._documents(qid, old, doc_urls, new_docs, validators)
        else:
            text = None
        published = item.published_on.isoformat() if item and item.published_on else None
        row = build_row(record, published_on=published, old=old, text=text, now=self.now)

        ledger_args = {"now": self.now, "site_base": self.settings.site_base}
        with db.atomic():
            store.save_question(db, row)
            for doc in new_docs:
                store.add_document(db, qid, fetched_at=now_iso(self.now), **doc)
            findings = None
            analysed = bool(text) and row["text_hash"] != (old or {}).get("text_hash")
            if analysed:
                findings = understand.analyse(
                    db,
                    qid,
                    text,
                    doc_date=record.answered_on,
                    now=self.now,
                    predecessors=self.predecessors,
                )
                self.counts["analysed"] += 1
            events = detect(
                old,
                row,
                findings=findings,
                historical=self.baseline,
                deadline_days=self.settings.answer_deadline_working_days,
            )
            ledger_ids: list[int] = []
            if analysed:
                # Attachments, and evidence that promises of the questions this answer
                # cites were kept. The answer's own alert carries these changes (one
                # message, not three), so they are recorded without alerts of their own.
                carrier = next((e for e in events if e.kind in ANSWER_KINDS), None)
                ledger_ids = ledger.after_document(
                    db, qid, text, historical=self.baseline or carrier is not None, **ledger_args
                )
                if carrier is not None and ledger_ids:
                    carrier.payload["ledger"] = ledger_changes(db, ledger_ids)
            if old is None:
                resolved = understand.resolve_pending(
                    db, qid, now=self.now, predecessors=self.predecessors
                )
                self.counts["refs_resolved"] += len(resolved)
                ledger_ids += ledger.after_links(
                    db, resolved, historical=self.baseline, **ledger_args
                )
            new_ids = record_events(db, events, route=chats_for, now=self.now)
            for target, found in validators:
                http_cache.remember(db, target, found.etag, found.last_modified, now=self.now)
        self.event_ids.extend(ledger_ids + new_ids)
        self.counts["new" if old is None else "updated"] += 1
        self.counts["documents"] += len(new_docs)
        self.known[qid] = store.Known(
            qid,
            row["content_hash"],
            row["text_hash"],
            row["status"],
            row["published_on"],
            tuple(doc_urls),
            row["title"],
        )

    def _documents(
        self,
        qid: int,
        old: dict[str, Any] | None,
        urls: list[str],
        new_docs: list[dict[str, Any]],
        validators: list[tuple[str, Validators]],
    ) -> str:
        texts: list[str] = []
        for url in urls:
            target = self.client.rewrite(url)
            previous = store.latest_document(self.db, qid, url) if old else None
            cached = self.cached(target) if previous and previous["text"] else None
            response, text = fetch_document(self.client, url, validators=cached)
            if text is None:  # 304: the stored version is current
                text = previous["text"]
            else:
                new_docs.append(
                    {
                        "url": url,
                        "sha256": hashlib.sha256(response.content).hexdigest(),
                        "text": text,
                        "text_hash": text_hash(text),
                        "content_type": response.content_type,
                        "size": len(response.content),
                    }
                )
                validators.append((response.target, response.validators))
            texts.append(text)
        return "\n\n".join(texts)

    def check_overdue(self) -> None:
        today = self.now.astimezone(BRUSSELS).date()
        events = overdue_events(
            store.unanswered_questions(self.db),
            today,
            deadline_days=self.settings.answer_deadline_working_days,
            publication_days=self.settings.answer_publication_days,
            historical=self.baseline,
        )
        if events:
            with self.db.atomic():
                new_ids = record_events(self.db, events, route=chats_for, now=self.now)
            self.event_ids.extend(new_ids)
            self.counts["overdue"] += len(new_ids)

    def advance_ledger(self) -> None:
        """The ledger's calendar step: promises coming due and overdue, alerted once."""
        new_ids = ledger.advance(
            self.db,
            today=self.now.astimezone(BRUSSELS).date(),
            due_soon_days=self.settings.due_soon_days,
            now=self.now,
            historical=self.baseline,
            site_base=self.settings.site_base,
        )
        self.event_ids.extend(new_ids)
        self.counts["promise_changes"] += len(new_ids)


def ledger_changes(db: Database, event_ids: Iterable[int]) -> list[dict[str, Any]]:
    """What the ledger events `event_ids` did, for the payload of the answer that caused
    them: ``[{"kind", "promise", "question"}]``."""
    changes = []
    for event_id in event_ids:
        event = get_event(db, event_id)
        if event is None:
            continue
        payload = event["payload"]
        cited = payload.get("question") or {}
        changes.append(
            {
                "kind": event["kind"],
                "promise": payload.get("promise") or {},
                "question": {
                    k: cited.get(k) for k in ("id", "number", "session_year", "title", "site_url")
                },
            }
        )
    return changes
