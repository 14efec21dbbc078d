"""Flat tables of the resources, for CSV and the bulk export.

A table reads rows with `.values()` over the resource's own columns (a
related record's key through a subquery, which `count()` drops), then fills
list columns with one query per relation for the whole batch: no serializer
and no query per row, which keeps CSV pages and the streamed export cheap
whatever their size.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Expression, OuterRef, Subquery

# Lists in a CSV cell are joined with this: it occurs in no id, code or URL
# the dataset holds (a URL carries it percent-encoded).
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Table:
    # column name -> column of the model's own table, or an expression such as
    # `related_value(...)`; no joins, which count() would keep (see the GUIDE)
    columns: dict[str, str | Expression]
    # Functions that add related columns to a batch of rows in place, one query each.
    expanders: tuple[Callable[[list[dict]], None], ...] = ()
    # Columns the expanders add, in the order they appear after `columns`.
    expanded_columns: tuple[str, ...] = ()
    # Columns only in JSON Lines (nested data a CSV cell cannot hold) or only in
    # CSV (the flat stand-ins for that nested data).
    json_only: frozenset[str] = field(default_factory=frozenset)
    csv_only: frozenset[str] = field(default_factory=frozenset)

    @property
    def header(self) -> list[str]:
        """The CSV columns."""
        names = [*self.columns, *self.expanded_columns]
        return [name for name in names if name not in self.json_only]

    @property
    def json_keys(self) -> list[str]:
        names = [*self.columns, *self.expanded_columns]
        return [name for name in names if name not in self.csv_only]

    def values(self, queryset):
        """The queryset as dicts of the table's columns (`rows()` names them)."""
        return queryset.prefetch_related(None).select_related(None).values(
            *[source for source in self.columns.values() if isinstance(source, str)],
            **{
                _alias(name): source
                for name, source in self.columns.items()
                if not isinstance(source, str)
            },
        )

    def rows(self, records: Iterable[dict]) -> list[dict]:
        keys = {
            name: source if isinstance(source, str) else _alias(name)
            for name, source in self.columns.items()
        }
        rows = [{name: record[key] for name, key in keys.items()} for record in records]
        if rows:
            for expand in self.expanders:
                expand(rows)
        return rows


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        # As in the JSON responses (DRF's encoder): UTC as Z.
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    return value


def _alias(column):
    # `.values()` refuses an expression named like a model field ("episode").
    return f"_table_{column}"


def related_value(model, value, *, foreign_key):
    """A column of the related row (an episode's slug) through its foreign key."""
    return Subquery(
        model._base_manager.filter(pk=OuterRef(foreign_key)).order_by().values(value)[:1]
    )


def many_expander(*, column, queryset, owner, value):
    """Collect the related keys of each row into a list (its envoys' ids), one query."""

    def expand(rows):
        lists = {row["id"]: [] for row in rows}
        pairs = queryset.filter(**{f"{owner}__in": list(lists)}).order_by(owner, value)
        for owner_id, item in pairs.values_list(owner, value):
            lists[owner_id].append(item)
        for row in rows:
            row[column] = lists[row["id"]]

    return expand
