"""`reading_as_of(moment)`: every SELECT in the block reads the dataset as it was then.

While the block runs, each SELECT that Django sends over the connection and
that names a tracked table (`"actions_action"`) is prefixed with a common
table expression of the same name, holding that table's rows as of the moment
(diplomacy.as_of.history_views). SQLite and PostgreSQL both resolve a name
to a CTE before a table, so every join, filter, count, prefetch and export
reads the past with no change to querysets, filters, serializers or the
read path. Writes are sent as they are: a write in the block changes the
present, and its SELECTs would read the past; the API refuses writes with
`as_of`.

Statements already starting with WITH are left alone (Django's ORM never
writes one; raw SQL that does must read the history itself).
"""

import datetime
import re
from contextlib import contextmanager

from django.db import connections
from django.db.models import Min
from django.utils import timezone

from diplomacy.as_of.history_views import MOMENT, history_views
from diplomacy.audit_trail import DatasetHistory

_QUOTED_NAME = re.compile(r'"([A-Za-z0-9_]+)"')


def moment_literal(connection, moment: datetime.datetime) -> str:
    """`moment` as an SQL literal comparable with a history_date column.

    A literal rather than a parameter: the statement's own parameters keep
    their places, whatever their style.
    """
    moment = moment.astimezone(datetime.UTC)
    if connection.vendor == "postgresql":
        return f"'{moment.isoformat()}'::timestamptz"
    # SQLite stores datetimes as text in UTC, as Django adapts them.
    return f"'{connection.ops.adapt_datetimefield_value(moment)}'"


def rewrite(sql: str, views: dict, literal: str) -> str:
    """`sql` reading the tables of `views` as of the moment, if it is a SELECT naming one."""
    head = sql.lstrip()[:6].upper()
    if head != "SELECT":
        return sql
    named = [view for name in dict.fromkeys(_QUOTED_NAME.findall(sql))
             if (view := views.get(name)) is not None]
    if not named:
        return sql
    expressions = ", ".join(
        f'"{view.table}" AS NOT MATERIALIZED ({view.select.replace(MOMENT, literal)})'
        for view in named
    )
    return f"WITH {expressions} {sql}"


class _AsOfWrapper:
    def __init__(self, connection, moment):
        self.views = history_views(connection.vendor)
        self.literal = moment_literal(connection, moment)

    def __call__(self, execute, sql, params, many, context):
        if not many:
            sql = rewrite(sql, self.views, self.literal)
        return execute(sql, params, many, context)


@contextmanager
def reading_as_of(moment: datetime.datetime, *, using: str = "default"):
    """Within the block, the dataset (every table with a DatasetHistory) reads as at `moment`.

    Usable anywhere: a request (diplomacy.api.records.as_of_views), a command
    writing a release's files, a shell. Blocks do not stack: in nested blocks the
    outermost moment wins.
    """
    if timezone.is_naive(moment):
        raise ValueError("reading_as_of needs an aware datetime.")
    connection = connections[using]
    with connection.execute_wrapper(_AsOfWrapper(connection, moment)):
        yield


def streamed_as_of(moment: datetime.datetime, chunks):
    """The chunks of a streamed answer, read as of `moment` while they are made:
    a generator runs after the view has returned, outside any `with` it left."""
    with reading_as_of(moment):
        yield from chunks


def earliest_moment(*, using: str = "default") -> datetime.datetime | None:
    """The date of the first entry of the history: nothing can be read before it."""
    dates = [
        model.history.model.objects.using(using).aggregate(first=Min("history_date"))["first"]
        for model in DatasetHistory.trackers
    ]
    dates = [date for date in dates if date is not None]
    return min(dates) if dates else None
