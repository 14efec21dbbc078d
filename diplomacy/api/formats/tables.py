"""Flat tables of the resources, for CSV and the bulk export.

A table reads rows with `.values()` over the resource's own columns (a
related record's key through a subquery, which `count()` drops), then fills
list columns with one query per relation for the whole batch: no serializer
and no query per row, which keeps CSV pages and the streamed export cheap
whatever their size. The export reads the same columns as tuples and
handles each batch a column at a time (`column_batches`).
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections
from django.db.models import Expression, OuterRef, Subquery
from django.db.models.expressions import RawSQL

from diplomacy.api.formats.database_text import as_text, text_columns_apply

# The related columns of a batch of rows, from their ids: column name -> one
# value per id, in the ids' order.
Expander = Callable[[list], dict[str, list]]


@dataclass(frozen=True)
class Table:
    # column name -> column of the model's own table, or an expression such as
    # `related_value(...)`; no joins, which count() would keep (see the GUIDE)
    columns: dict[str, str | Expression]
    # Functions that read related columns for a batch of rows, one query each.
    expanders: tuple[Expander, ...] = ()
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
        if rows and self.expanders:
            for name, values in self.expand([row["id"] for row in rows]).items():
                for row, value in zip(rows, values, strict=True):
                    row[name] = value
        return rows

    def expand(self, ids: list) -> dict[str, list]:
        """The expanded columns of the rows with these ids, each in the ids' order."""
        columns = {}
        for expander in self.expanders:
            columns.update(expander(ids))
        return columns

    def column_batches(self, queryset, batch_size: int) -> Iterator[dict[str, Sequence]]:
        """The queryset in batches of rows, each as its columns (name -> values).

        Read with a database cursor as tuples (`values_list`, cheaper to build
        than the dicts of `values()`), each batch turned into columns and
        expanded with one query per expander.
        """
        names = list(self.columns)
        sources = list(self.columns.values())
        if text_columns_apply(connections[queryset.db]):
            # Dates, datetimes and UUIDs as the database writes them in text.
            sources = [as_text(queryset.model, source) for source in sources]
        records = (
            queryset.prefetch_related(None)
            .select_related(None)
            .values_list(*sources)
            .iterator(chunk_size=batch_size)
        )
        while batch := list(islice(records, batch_size)):
            columns = dict(zip(names, zip(*batch, strict=True), strict=True))
            if self.expanders:
                columns.update(self.expand(list(columns["id"])))
            yield columns


@dataclass(frozen=True)
class Expansion:
    """How a field of many related rows (citations, envoys) becomes flat columns."""

    expander: Expander
    # The columns it adds, in their order.
    columns: tuple[str, ...]
    json_only: frozenset[str] = field(default_factory=frozenset)
    csv_only: frozenset[str] = field(default_factory=frozenset)


# The record's timestamps close every row, after any columns a kind adds.
TIMESTAMPS = ("created_at", "updated_at")


def serializer_table(*serializers, after=None, end=None, expansions=None) -> Table:
    """The table of a resource, derived once (at import) from its serializers' fields.

    Each field of the serializers (a ModelSerializer's `Meta.fields`; several
    serializers, as the feed's kinds, in the order of their first appearance)
    is a column of the model's own table. A related record is its key: the
    foreign key where the serializer takes the related primary key (a state's
    code, an id), else that key read through `related_value` (an episode's
    slug). A field of many related rows is expanded by its entry in
    `expansions`, whose columns follow the others in the order of
    `expansions`. `after` adds columns that the JSON does not show right
    after a field (an action's uid after its id), `end` at the end; the
    timestamps close the columns.

    Written here because no maintained package derives `.values()` columns
    from a DRF serializer (djangorestframework-csv renders the serializer's
    own output, which is the per-row cost these tables avoid).
    """
    after = after or {}
    expansions = expansions or {}
    columns: dict[str, str | Expression] = {}
    expanded = set()
    for serializer in serializers:
        model = serializer.Meta.model
        for name in serializer.Meta.fields:
            if name in columns or name in expanded:
                continue
            declared = serializer._declared_fields.get(name)
            model_field = model._meta.get_field(getattr(declared, "source", None) or name)
            if model_field.many_to_many or model_field.one_to_many:
                if name not in expansions:
                    raise ImproperlyConfigured(
                        f"{serializer.__name__}.{name}: many related rows, and no expansion."
                    )
                expanded.add(name)
            else:
                columns[name] = _column(model_field, declared)
            columns.update(after.get(name, {}))
    unknown = set(after) - set(columns) - expanded
    if unknown:
        raise ImproperlyConfigured(f"Columns after fields the serializers lack: {unknown}.")
    columns.update(end or {})
    for name in TIMESTAMPS:
        if name in columns:
            columns[name] = columns.pop(name)
    used = [expansion for name, expansion in expansions.items() if name in expanded]
    return Table(
        columns=columns,
        expanders=tuple(expansion.expander for expansion in used),
        expanded_columns=tuple(column for expansion in used for column in expansion.columns),
        json_only=frozenset().union(*(expansion.json_only for expansion in used)),
        csv_only=frozenset().union(*(expansion.csv_only for expansion in used)),
    )


def _column(model_field, serializer_field) -> str | Expression:
    """The column of a field: its own, or for a related record the key the API takes."""
    if not model_field.many_to_one:
        return model_field.attname
    lookup = getattr(serializer_field, "lookup_field", "pk")
    related = model_field.related_model
    if lookup in ("pk", related._meta.pk.name):
        return model_field.attname
    return related_value(related, lookup, foreign_key=model_field.attname)


def _alias(column):
    # `.values()` refuses an expression named like a model field ("episode").
    return f"_table_{column}"


def related_value(model, value, *, foreign_key):
    """A column of the related row (an episode's slug) through its foreign key."""
    return Subquery(
        model._base_manager.filter(pk=OuterRef(foreign_key)).order_by().values(value)[:1]
    )


def ids_in(ids: list):
    """The right side of `<key>__in=` for ids read from the database, as query parameters.

    Django's `__in` with a list prepares every value through the field, two or
    three Python calls per id: about 0.4 s of a 100,000-row export for each
    related table (SQLite took 0.5 s to answer the citations' queries). The ids
    are the rows' own keys and go to the database as parameters all the same.
    """
    if not ids:
        return ids  # Django answers an empty `__in` without a query
    if connection.vendor == "postgresql" and all(type(id) is int for id in ids):
        # One array parameter rather than thousands of placeholders: psycopg
        # parses no long query, and PostgreSQL looks the rows up by index
        # rather than hashing the whole related table (citations with their
        # sources: 42 -> 17 ms for a batch of 2,000 actions). The array is sent
        # in its text form: psycopg's adaptation of a list of ints took 4 ms.
        array = "{" + ",".join(map(str, ids)) + "}"
        return RawSQL("SELECT unnest(%s::bigint[])", [array])
    return RawSQL(", ".join(["%s"] * len(ids)), ids)


def many_expander(*, column, queryset, owner, value):
    """Collect the related keys of each row into a list (its envoys' ids), one query."""

    def expand(ids):
        lists = {id: [] for id in ids}
        pairs = queryset.filter(**{f"{owner}__in": ids_in(ids)}).order_by(owner, value)
        for owner_id, item in pairs.values_list(owner, value):
            lists[owner_id].append(item)
        return {column: list(lists.values())}

    return expand
