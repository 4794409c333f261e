"""Answer deadlines in working days: pure date arithmetic, no I/O.

The rules of procedure give a minister 20 working days to answer a written question.
Saturdays, Sundays and Belgian public holidays are not working days. The day the question
is asked is day 0; the deadline is the 20th working day after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "answer_deadline",
    "belgian_holidays",
    "easter_sunday",
    "is_late",
    "is_working_day",
    "working_days_between",
]


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def belgian_holidays(year: int) -> frozenset[date]:
    """The ten legal public holidays of Belgium in `year`."""
    easter = easter_sunday(year)
    return frozenset(
        {
            date(year, 1, 1),  # Nieuwjaar
            easter + timedelta(days=1),  # Paasmaandag
            date(year, 5, 1),  # Dag van de Arbeid
            easter + timedelta(days=39),  # O.L.H. Hemelvaart
            easter + timedelta(days=50),  # Pinkstermaandag
            date(year, 7, 21),  # Nationale feestdag
            date(year, 8, 15),  # O.L.V. Hemelvaart
            date(year, 11, 1),  # Allerheiligen
            date(year, 11, 11),  # Wapenstilstand
            date(year, 12, 25),  # Kerstmis
        }
    )


def is_working_day(day: date, extra_holidays: Iterable[date] = ()) -> bool:
    """Monday to Friday, and not a Belgian public holiday (nor one of `extra_holidays`)."""
    if day.weekday() >= 5:
        return False
    return day not in belgian_holidays(day.year) and day not in set(extra_holidays)


def answer_deadline(
    asked_on: date, working_days: int = 20, extra_holidays: Iterable[date] = ()
) -> date:
    """The last day an answer is on time: the `working_days`-th working day after `asked_on`."""
    if working_days < 0:
        raise ValueError("working_days must be >= 0")
    extra = frozenset(extra_holidays)
    day = asked_on
    left = working_days
    while left:
        day += timedelta(days=1)
        if is_working_day(day, extra):
            left -= 1
    return day


def working_days_between(start: date, end: date, extra_holidays: Iterable[date] = ()) -> int:
    """Working days after `start` up to and including `end` (0 when `end <= start`)."""
    extra = frozenset(extra_holidays)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, extra):
            count += 1
    return count


def is_late(asked_on: date, answered_on: date, working_days: int = 20) -> bool:
    """True when `answered_on` falls after the deadline for a question asked on `asked_on`."""
    return answered_on > answer_deadline(asked_on, working_days)
