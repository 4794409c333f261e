"""Dutch dates and periods; session years."""

from __future__ import annotations

from datetime import date, timedelta


def fourth_monday_of_september(year: int) -> date:
    first = date(year, 9, 1)
    offset = (0 - first.weekday()) % 7  # Monday is 0
    return first + timedelta(days=offset + 21)


def session_year_of(d: date) -> str:
    """The Flemish session year of `d`: from the 4th Monday of September to the day before."""
    start = d.year if d >= fourth_monday_of_september(d.year) else d.year - 1
    return f"{start}-{start + 1}"
