"""Imprecise dates: a date with a precision stands for a period."""

import calendar
import datetime

from actions.choices import DatePrecision


def period_start(date: datetime.date, precision: str) -> datetime.date:
    """The first day of the period; imprecise dates are stored this way."""
    if precision == DatePrecision.YEAR:
        return date.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return date.replace(day=1)
    return date


def period_end(date: datetime.date, precision: str) -> datetime.date:
    if precision == DatePrecision.YEAR:
        return date.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    return date
