"""Dates, datetimes and UUIDs read as the text the API writes, by the database itself.

The export reads every row of the dataset: Django's conversion of each value
to a Python object (a datetime parsed, made aware; a UUID built) and the
encoders' conversion back to text cost more than a third of it. These
expressions make the database return the text DRF writes for the value:
`2025-09-17T10:00:00.123456Z` (microseconds only when not zero, UTC as Z),
`2025-09-17`, and a UUID in its 8-4-4-4-12 form. Tests compare the export
with the API's JSON for the same records, on SQLite and PostgreSQL.

Written here because no package offers it: each database spells it its own way.
"""

from django.db import models
from django.db.models import Func
from django.utils import timezone


class _Text(Func):
    output_field = models.TextField()

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError(f"{type(self).__name__} has no SQL for {connection.vendor}")

    def as_sql_template(self, compiler, connection, template):
        return Func.as_sql(self, compiler, connection, template=template)


class DateTimeText(_Text):
    """An aware datetime column (stored in UTC) as DRF's JSON writes it."""

    def as_sqlite(self, compiler, connection, **extra):
        # Django stores `str(value in UTC)`: "YYYY-MM-DD HH:MM:SS[.ffffff]".
        return self.as_sql_template(
            compiler, connection, "REPLACE(%(expressions)s, ' ', 'T') || 'Z'"
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql_template(
            compiler,
            connection,
            "REPLACE(TO_CHAR(%(expressions)s AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '.000000', '') || 'Z'",
        )


class DateText(_Text):
    def as_sqlite(self, compiler, connection, **extra):
        # Stored as ISO text; `|| ''` hides the column's declared type, which
        # would make the sqlite3 module parse it into a date.
        return self.as_sql_template(compiler, connection, "(%(expressions)s || '')")

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql_template(compiler, connection, "TO_CHAR(%(expressions)s, 'YYYY-MM-DD')")


class UUIDText(_Text):
    def as_sqlite(self, compiler, connection, **extra):
        # Stored as 32 hexadecimal digits.
        parts = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
        pieces = " || '-' || ".join(f"SUBSTR(%(expressions)s, {a}, {n})" for a, n in parts)
        return self.as_sql_template(compiler, connection, pieces)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql_template(compiler, connection, "(%(expressions)s)::text")


# Most specific first: a DateTimeField is a DateField.
TEXT_OF = [
    (models.DateTimeField, DateTimeText),
    (models.DateField, DateText),
    (models.UUIDField, UUIDText),
]
VENDORS = frozenset({"sqlite", "postgresql"})


def as_text(model, source):
    """The column `source` of `model` read as text when it is a date, datetime or
    UUID column; otherwise `source` itself. Only for SQLite and PostgreSQL, in a
    site whose time zone is UTC (where DRF writes UTC datetimes with Z)."""
    if not isinstance(source, str):
        return source
    field = model._meta.get_field(source)
    for field_class, expression in TEXT_OF:
        if isinstance(field, field_class):
            return expression(source)
    return source


def text_columns_apply(connection) -> bool:
    return connection.vendor in VENDORS and timezone.get_current_timezone_name() == "UTC"
