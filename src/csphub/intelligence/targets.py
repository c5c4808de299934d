"""When a report should be assessed by: the confirmation's "usually within 3 working days".

Plain Python. Working days skip weekends and the bank holidays of England and Wales (from the
`holidays` package, which carries its data). An urgent report's target is an hour (the
settings say how long), whatever the day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

PARTNERSHIP_TIME = ZoneInfo("Europe/London")
WORKING_DAY_STARTS = time(9, 0)


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> frozenset[date]:
    # A plain set: asked on every submission, and the package's own lookup is slower.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(moment: datetime, days: int) -> datetime:
    """The same time of day `days` working days later. A moment outside a working day counts
    from the start of the next one (a Saturday report's three days begin on Monday at 09:00)."""
    local = moment.astimezone(PARTNERSHIP_TIME)
    if not is_working_day(local.date()):
        day = local.date() + timedelta(days=1)
        while not is_working_day(day):
            day += timedelta(days=1)
        local = datetime.combine(day, WORKING_DAY_STARTS, tzinfo=PARTNERSHIP_TIME)
    day, left = local.date(), days
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=PARTNERSHIP_TIME)


def assessment_target(
    created_at: datetime, *, urgent: bool, working_days: int = 3, urgent_minutes: int = 60
) -> datetime:
    if urgent:
        return created_at + timedelta(minutes=urgent_minutes)
    return add_working_days(created_at, working_days)
