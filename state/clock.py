"""Timestamps as ISO 8601 with offset, in the parliament's time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def now_iso(now: datetime | None = None) -> str:
    """`now` (default: the current time) as ISO 8601 in Europe/Brussels, with its offset."""
    moment = now or datetime.now(BRUSSELS)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BRUSSELS)
    return moment.astimezone(BRUSSELS).isoformat(timespec="seconds")
