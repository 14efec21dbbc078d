"""Dates and actions in words, as the pages and the pictures' titles say them."""

import datetime

from actions.choices import DatePrecision


def day(date: datetime.date) -> str:
    return f"{date.day} {date:%b %Y}"


def action_date(action) -> str:
    """When the action was taken, as precisely as it is known."""
    if action.date_precision == DatePrecision.YEAR:
        return f"{action.date:%Y}"
    if action.date_precision == DatePrecision.MONTH:
        return f"{action.date:%B %Y}"
    if action.date_precision == DatePrecision.RANGE and action.date_not_after:
        return f"between {day(action.date)} and {day(action.date_not_after)}"
    return day(action.date)


def action_bounds(action) -> str:
    """The earliest and latest days of a month or a year, or ''."""
    latest = action.period_end
    if latest == action.date or action.date_precision == DatePrecision.RANGE:
        return ""  # a range says its bounds already
    return f"{day(action.date)} – {day(latest)}"


def period(first: datetime.date | None, last: datetime.date | None) -> str:
    if first is None:
        return "no actions yet"
    if last is None or last == first:
        return day(first)
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.day} {last:%b %Y}"
        return f"{first.day} {first:%b} – {day(last)}"
    return f"{day(first)} – {day(last)}"
