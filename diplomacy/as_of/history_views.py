"""For each table the history tracks, a SELECT of its rows as they were at a moment.

Built from simple-history's historical models (every model with a
DatasetHistory, and the many-to-many links it follows): the rows of a table
as of T are, for each record, its historical row current at T
(`history_date <= T < history_valid_until`, the latter null while the row is
the record's latest; diplomacy.as_of.validity keeps it), unless that row
records a deletion. A through table's rows as of T are the links
simple-history copied with those historical rows.

The SQL is one SELECT per table with plain range tests, no correlated
subquery, window or GROUP BY: both databases fold it into the query that
reads the table (SQLite flattens it, PostgreSQL inlines it), so an ORDER BY
... LIMIT still walks an index of the historical table and stops after a
page, and a count reads the (history_valid_until, history_date,
history_type) index of the historical table (diplomacy.audit_trail) without
the table.
"""

import functools
from dataclasses import dataclass

from django.db.models import ForeignKey

from diplomacy.audit_trail import VALID_UNTIL, DatasetHistory

# Where a SELECT puts the moment: a literal written by `moment_literal`.
MOMENT = "{moment}"


@dataclass(frozen=True)
class HistoryView:
    """The rows of `table` as of a moment: `select`, with MOMENT for the moment."""

    table: str
    select: str


def _as_of_condition(vendor, quote, alias: str) -> str:
    """`alias` is its record's entry current at the moment (and no deletion)."""
    until = f"{alias}.{quote(VALID_UNTIL)}"
    date = f"{alias}.history_date"
    if vendor == "sqlite":
        # SQLite's planner would search the entries through these two columns'
        # indexes (nearly every entry qualifies) and then sort them: the unary +
        # leaves it the indexes of the query's own filters and order (a page is
        # then an index walk), which hold the two columns too
        # (diplomacy.audit_trail), so a count still reads no table.
        until, date = f"+{until}", f"+{date}"
    return (
        f"{date} <= {MOMENT} AND ({until} IS NULL OR {until} > {MOMENT}) "
        f"AND {alias}.history_type <> '-'"
    )


def _model_views(vendor, quote, model, tracker) -> list[HistoryView]:
    historical = model.history.model
    columns = ", ".join(f"h.{quote(field.column)}" for field in model._meta.concrete_fields)
    current = _as_of_condition(vendor, quote, "h")
    views = [
        HistoryView(
            table=model._meta.db_table,
            select=f"SELECT {columns} FROM {quote(historical._meta.db_table)} h "
            f"WHERE {current}",
        )
    ]
    for field in getattr(historical, "_history_m2m_fields", []):
        through = field.remote_field.through
        historical_links = tracker.m2m_models[field]
        link_columns = ", ".join(
            f"link.{quote(link_field.column)}"
            for link_field in through._meta.concrete_fields
            if link_field.primary_key or isinstance(link_field, ForeignKey)
        )
        views.append(
            HistoryView(
                table=through._meta.db_table,
                select=f"SELECT {link_columns} FROM {quote(historical_links._meta.db_table)} "
                f"link JOIN {quote(historical._meta.db_table)} h "
                f"ON h.history_id = link.history_id WHERE {current}",
            )
        )
    return views


@functools.cache
def history_views(vendor: str) -> dict[str, HistoryView]:
    """The views of every tracked table, by table name (per database vendor, for quoting)."""
    from django.db import connections

    connection = next(c for c in connections.all() if c.vendor == vendor)
    quote = connection.ops.quote_name
    views = {}
    for model, tracker in DatasetHistory.trackers.items():
        for view in _model_views(vendor, quote, model, tracker):
            views[view.table] = view
    return views


def historical_tables() -> list[str]:
    """The tables of the history itself (what the earliest moment is read from)."""
    return sorted(model.history.model._meta.db_table for model in DatasetHistory.trackers)
