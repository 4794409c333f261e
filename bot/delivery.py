"""Drain the outbox into Telegram (or the console), within Telegram's limits, exactly once.

`deliver_pending` claims due rows (with a lease, see `state.outbox`), renders each with
`bot.render.render_event` in the chat's language and sends the parts in order. After EACH
part Telegram accepts, the count (`parts_sent`) is committed, so the only window in which a
crash repeats a message is between Telegram's answer and that one-row commit. A restarted
worker resumes a multi-part message at the first part not recorded.

Errors: 429 (`RetryAfter`) pauses all sending for the time asked and re-queues the row
without counting an attempt; network errors, timeouts and 5xx re-queue with exponential
backoff; 403 (`Forbidden`: blocked, kicked) deactivates the chat and kills its rows; a
group that became a supergroup (`ChatMigrated`) moves to its new id.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import sys
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, TextIO

from sqlite_utils import Database
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)

from bot.render import render_event, strip_tags
from state import outbox
from state.chats import deactivate_chat, migrate_chat
from state.clock import BRUSSELS

log = logging.getLogger(__name__)

GLOBAL_RATE = 28.0  # messages/s overall (Telegram: about 30)
CHAT_INTERVAL = 1.05  # seconds between messages to one chat (Telegram: 1/s)
GROUP_INTERVAL = 3.05  # seconds between messages to one group (Telegram: 20/min)
MAX_ATTEMPTS = 12
BACKOFF_BASE = 5.0  # seconds, doubled per attempt
BACKOFF_CAP = 3600.0


class Sender(Protocol):
    async def send(
        self, chat_id: int, text: str, *, plain: bool = False, reply_markup: Any = None
    ) -> Any: ...


class Limiter:
    """Reserves send slots: `rate` per second overall, one per `chat_interval` per chat
    (`group_interval` for groups, whose ids are negative), and a global pause after a 429.

    Slots are reserved before sleeping, so concurrent senders never crowd one window.
    `clock` and `sleep` are injectable for tests."""

    def __init__(
        self,
        rate: float = GLOBAL_RATE,
        chat_interval: float = CHAT_INTERVAL,
        group_interval: float = GROUP_INTERVAL,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self.chat_interval = chat_interval
        self.group_interval = group_interval
        self.clock = clock
        self.sleep = sleep
        self._slots: list[float] = []  # reserved global slot times, sorted
        self._chat_next: dict[int, float] = {}
        self._paused_until = 0.0
        # what actually went out: a late wake-up (a busy loop) must not burst
        self.window_max = max(1, int(rate)) if rate else 0
        self._sent: deque[float] = deque()
        self._chat_sent: dict[int, float] = {}

    def pause(self, seconds: float) -> None:
        """Stop all sending for `seconds` (a 429 from Telegram)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def _reserve(self, chat_id: int) -> float:
        now = self.clock()
        cut = bisect.bisect_left(self._slots, now - 1.0)
        del self._slots[:cut]
        at = max(now, self._paused_until, self._chat_next.get(chat_id, 0.0))
        if self.interval:
            # the first gap of at least `interval` on both sides of `at`
            i = bisect.bisect_left(self._slots, at - self.interval + 1e-9)
            while i < len(self._slots) and self._slots[i] < at + self.interval - 1e-9:
                at = self._slots[i] + self.interval
                i += 1
            bisect.insort(self._slots, at)
        gap = self.group_interval if chat_id < 0 else self.chat_interval
        self._chat_next[chat_id] = at + gap
        return at

    async def acquire(self, chat_id: int) -> None:
        """Wait for this chat's turn; returns when a message may be sent right away."""
        at = self._reserve(chat_id)
        delay = at - self.clock()
        if delay > 0:
            await self.sleep(delay)
        # guard on the real send times too: at most `window_max` in any second, one
        # `chat_interval` apart per chat, and nothing during a pause
        gap = self.group_interval if chat_id < 0 else self.chat_interval
        while True:
            now = self.clock()
            while self._sent and self._sent[0] <= now - 1.0:
                self._sent.popleft()
            wait = self._paused_until - now
            if self.window_max and len(self._sent) >= self.window_max:
                wait = max(wait, self._sent[0] + 1.0 - now)
            last = self._chat_sent.get(chat_id)
            if last is not None:
                wait = max(wait, last + gap - now)
            if wait <= 0:
                break
            await self.sleep(wait + 0.001)
        if self.window_max:
            self._sent.append(now)
        self._chat_sent[chat_id] = now


class TelegramSender:
    """Sends through a python-telegram-bot `Bot`: HTML, no link previews."""

    def __init__(self, bot: Any, limiter: Limiter | None = None) -> None:
        self.bot = bot
        self.limiter = limiter or Limiter()

    async def send(
        self, chat_id: int, text: str, *, plain: bool = False, reply_markup: Any = None
    ) -> Any:
        from telegram import LinkPreviewOptions

        return await self.bot.send_message(
            chat_id=chat_id,
            text=strip_tags(text) if plain else text,
            parse_mode=None if plain else ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            reply_markup=reply_markup,
        )


class ConsoleSender:
    """Prints each message part to `stream` (stdout by default): plain text, or the HTML."""

    limiter = None

    def __init__(self, stream: TextIO | None = None, *, plain: bool = True) -> None:
        self.stream = stream
        self.plain = plain
        self.sent: list[tuple[int, str]] = []

    async def send(
        self, chat_id: int, text: str, *, plain: bool = False, reply_markup: Any = None
    ) -> None:
        stream = self.stream or sys.stdout
        body = strip_tags(text) if (self.plain or plain) else text
        self.sent.append((chat_id, body))
        print(f"── chat {chat_id} ──", file=stream)
        print(body, file=stream)
        print(file=stream)
        stream.flush()


@dataclass
class DeliveryReport:
    """What one `deliver_pending` call did."""

    claimed: int = 0
    sent: int = 0  # outbox rows completed
    parts: int = 0  # messages Telegram accepted
    retried: int = 0  # rows re-queued after a transient error
    rate_limited: int = 0  # 429s received
    dead: int = 0
    lost_lease: int = 0  # rows another worker took over
    recovered: int = 0  # rows a stopped worker had claimed, resumed at once
    busy: bool = False  # another process was draining: nothing done
    deactivated: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["deactivated"] = sorted(self.deactivated)
        return data


def retry_seconds(exc: RetryAfter) -> float:
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value or 1)


def reply_markup_for(event: dict[str, Any], lang: str) -> Any:
    """Buttons to send with an alert: "ingelost" / "nog niet" under a proposal that a
    promise was kept (`bot.followup` decides on the tap); None for every other alert."""
    if event.get("kind") != "promise_proposed_kept":
        return None
    payload = event.get("payload") or {}
    promise = payload.get("promise") or {}
    source = (payload.get("evidence") or {}).get("question") or {}
    if promise.get("id") is None or source.get("id") is None:
        return None
    try:
        from bot.followup import proposal_markup

        return proposal_markup(int(promise["id"]), int(source["id"]), lang)
    except (ImportError, ValueError, TypeError):
        return None


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(BRUSSELS)


class _Drain:
    def __init__(
        self,
        db: Database,
        sender: Sender,
        report: DeliveryReport,
        *,
        now: datetime | None,
        lease_seconds: float,
        max_attempts: int,
    ) -> None:
        self.db = db
        self.sender = sender
        self.report = report
        self.fixed_now = now
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.limiter: Limiter | None = getattr(sender, "limiter", None)
        self.rate_limited_chats: set[int] = set()

    def now(self) -> datetime:
        return _now(self.fixed_now)

    async def chat(self, claims: list[outbox.Claim]) -> None:
        for claim in claims:
            if claim.chat_id in self.report.deactivated:
                continue
            if claim.chat_id in self.rate_limited_chats:
                outbox.release(self.db, claim)
                continue
            try:
                await self.one(claim)
            except InvalidToken:
                raise
            except Exception as exc:  # never let one row stop the others
                log.exception("delivering outbox row %s failed", claim.id)
                self.report.errors.append(f"{claim.id}: {type(exc).__name__}")
                self._retry(claim, f"{type(exc).__name__}: {exc}")

    def _retry(self, claim: outbox.Claim, error: str) -> None:
        if claim.attempts + 1 >= self.max_attempts:
            if outbox.mark_dead(self.db, claim, error):
                self.report.dead += 1
            return
        delay = min(BACKOFF_BASE * (2**claim.attempts), BACKOFF_CAP)
        if outbox.reschedule(self.db, claim, delay_seconds=delay, error=error, now=self.now()):
            self.report.retried += 1

    async def one(self, claim: outbox.Claim) -> None:
        parts = render_event(claim.event, claim.lang)
        total = len(parts)
        markup = reply_markup_for(claim.event, claim.lang)
        if claim.parts_sent >= total:  # all parts went out before a crash
            outbox.record_part(self.db, claim, total, total, now=self.now())
            self.report.sent += 1
            return
        renew_at = time.monotonic() + self.lease_seconds / 2
        for index in range(claim.parts_sent, total):
            if self.limiter is not None:
                await self.limiter.acquire(claim.chat_id)
            if time.monotonic() > renew_at:
                token = outbox._at(self.now(), self.lease_seconds)
                if not outbox.renew_lease(self.db, claim, token):
                    self.report.lost_lease += 1
                    return
                claim = _with_token(claim, token)
                renew_at = time.monotonic() + self.lease_seconds / 2
            plain = False
            while True:
                try:
                    await self.sender.send(
                        claim.chat_id,
                        parts[index],
                        plain=plain,
                        reply_markup=markup if index == total - 1 else None,
                    )
                    break
                except RetryAfter as exc:
                    seconds = retry_seconds(exc)
                    self.report.rate_limited += 1
                    self.rate_limited_chats.add(claim.chat_id)
                    if self.limiter is not None:
                        self.limiter.pause(seconds)
                    log.warning("Telegram asked to wait %.0f s (chat %s)", seconds, claim.chat_id)
                    outbox.reschedule(
                        self.db,
                        claim,
                        delay_seconds=seconds,
                        error=f"429 retry after {seconds:g}s",
                        count_attempt=False,
                        now=self.now(),
                    )
                    return
                except Forbidden as exc:
                    log.info("chat %s blocked the bot; deactivating it", claim.chat_id)
                    deactivate_chat(self.db, claim.chat_id, now=self.now())
                    self.report.deactivated.add(claim.chat_id)
                    self.report.dead += 1
                    self.report.errors.append(f"{claim.id}: Forbidden: {exc}")
                    return
                except ChatMigrated as exc:
                    new_id = int(exc.new_chat_id)
                    log.info("chat %s migrated to %s", claim.chat_id, new_id)
                    migrate_chat(self.db, claim.chat_id, new_id)
                    self.report.retried += 1
                    return
                except BadRequest as exc:
                    message = str(exc).lower()
                    if "chat not found" in message:
                        deactivate_chat(self.db, claim.chat_id, now=self.now())
                        self.report.deactivated.add(claim.chat_id)
                        self.report.dead += 1
                        return
                    if not plain and ("parse" in message or "entit" in message):
                        log.error("Telegram rejected the HTML of row %s: %s", claim.id, exc)
                        plain = True  # send the same words without markup
                        continue
                    if outbox.mark_dead(self.db, claim, f"BadRequest: {exc}"):
                        self.report.dead += 1
                    return
                except NetworkError as exc:  # includes TimedOut and 5xx
                    log.warning("sending row %s failed: %s", claim.id, exc)
                    self._retry(claim, f"{type(exc).__name__}: {exc}")
                    return
            self.report.parts += 1
            if not outbox.record_part(self.db, claim, index + 1, total, now=self.now()):
                self.report.lost_lease += 1
                return
        self.report.sent += 1


def _with_token(claim: outbox.Claim, token: str) -> outbox.Claim:
    from dataclasses import replace

    return replace(claim, token=token)


class DrainLock:
    """One drainer per database at a time: an exclusive lock on ``<db>.delivery.lock``.

    Telegram's limits are per bot, so two processes draining at once would together send
    too fast; and a worker holding the lock knows that rows still claimed ('sending') were
    claimed by a worker that died, so it can resume them at once instead of waiting for
    their lease. The lock goes with the process (flock); in memory, or where flock does
    not exist, there is no lock and leases alone recover rows.
    """

    def __init__(self, db: Database) -> None:
        self.path = outbox.database_file(db)
        self._file: Any = None

    def acquire(self) -> bool | None:
        """True: locked; False: another drainer holds it; None: no locking here."""
        if not self.path:
            return None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on Windows
            return None
        handle = open(f"{self.path}.delivery.lock", "a+")  # held until release()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            import fcntl

            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


async def deliver_pending(
    db: Database,
    sender: Sender,
    *,
    now: datetime | None = None,
    concurrency: int = 8,
    lease_seconds: float = 120.0,
    max_attempts: int = MAX_ATTEMPTS,
    max_seconds: float | None = None,
) -> DeliveryReport:
    """Send every due outbox row; returns what happened.

    `now` fixes the clock used to decide what is due (tests); by default the real time.
    One drain per database at a time (`DrainLock`); the one that holds the lock resumes
    rows a dead worker had claimed. `concurrency` workers each claim ONE row at a time
    (the oldest due row of a chat no other worker is sending to), so a chat's alerts go
    out in order and a crash leaves at most `concurrency` rows claimed. The limiter of
    the sender paces them. `max_seconds` stops claiming after that long.
    """
    report = DeliveryReport()
    lock = DrainLock(db)
    locked = lock.acquire()
    if locked is False:
        report.busy = True  # another process is draining this database
        return report
    try:
        if locked:
            report.recovered = outbox.recover_orphans(db)
            if report.recovered:
                log.warning("resuming %d alerts a stopped worker had claimed", report.recovered)
        return await _deliver(
            db, sender, report, now=now, concurrency=concurrency, lease_seconds=lease_seconds,
            max_attempts=max_attempts, max_seconds=max_seconds,
        )
    finally:
        lock.release()


async def _deliver(
    db: Database,
    sender: Sender,
    report: DeliveryReport,
    *,
    now: datetime | None,
    concurrency: int,
    lease_seconds: float,
    max_attempts: int,
    max_seconds: float | None,
) -> DeliveryReport:
    drain = _Drain(
        db, sender, report, now=now, lease_seconds=lease_seconds, max_attempts=max_attempts
    )
    started = time.monotonic()
    in_flight: set[int] = set()

    async def worker() -> None:
        while max_seconds is None or time.monotonic() - started < max_seconds:
            busy = in_flight | drain.rate_limited_chats | report.deactivated
            claims = outbox.claim_due(
                db, now=drain.now(), limit=1, lease_seconds=lease_seconds, exclude_chats=busy
            )
            if not claims:
                return
            claim = claims[0]
            report.claimed += 1
            in_flight.add(claim.chat_id)
            try:
                await drain.chat([claim])
            finally:
                in_flight.discard(claim.chat_id)

    tasks = [asyncio.ensure_future(worker()) for _ in range(max(1, concurrency))]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return report
