"""What `as_of` names: a moment written in ISO 8601, or a name an app registers (a release).

diplomacy knows no release: an app registers a function that gives the moment
a name stands for (`named_moments_register`), and names are looked up before
datetimes.
"""

import datetime
from collections.abc import Callable

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from diplomacy.as_of.reading import earliest_moment

# Functions name -> moment (None if the name is not theirs), in registration order.
NAMED_MOMENTS: list[Callable[[str], datetime.datetime | None]] = []
MAX_LENGTH = 64


class NoSuchMoment(ValueError):
    """The text names no moment the dataset can be read at; the message says why."""

    # The `code` of the 400 problem's error (a rule of diplomacy.api.openapi.cross_field_rules).
    code = "no_such_moment"


def named_moments_register(resolver: Callable[[str], datetime.datetime | None]) -> None:
    if resolver not in NAMED_MOMENTS:
        NAMED_MOMENTS.append(resolver)


def moment_named(text: str) -> tuple[datetime.datetime, bool]:
    """The moment `text` names, and whether it is a name (a release) rather than a datetime.

    A datetime without an offset is in UTC. Raise NoSuchMoment for text that
    is neither, a moment in the future, or one before the history begins.
    """
    text = text.strip()
    if not text or len(text) > MAX_LENGTH or "\x00" in text:
        # No name holds a null character, and PostgreSQL cannot even compare one.
        raise NoSuchMoment(
            "Give a release name or an ISO 8601 datetime, e.g. 2026-01-31T12:00:00Z."
        )
    for resolver in NAMED_MOMENTS:
        moment = resolver(text)
        if moment is not None:
            return moment, True
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise NoSuchMoment(
            f"No release is named {text!r}, and it is no ISO 8601 datetime "
            "(e.g. 2026-01-31T12:00:00Z)."
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    if moment > timezone.now():
        raise NoSuchMoment("The moment is in the future: the dataset cannot be read then yet.")
    first = earliest_moment()
    if first is None or moment < first:
        since = f" ({first.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%S}Z)" if first else ""
        raise NoSuchMoment(f"The moment is before the history of the dataset begins{since}.")
    return moment, False
