"""The fast read path of list pages: `.values()` rows shaped like the serializers' output.

Nested ModelSerializers cost several times the database work on a list page.
A `Reader` reads a page with one `.values()` query (brief related objects are
joined into it), one query per child table (reverse foreign keys, many-to-many
links), and builds the same dicts the serializers would.

It is compiled from the serializer classes themselves (`compile_plan`): their
fields name the columns, joins and child tables, so a field added to a
serializer appears here without any change. A serializer field this module does
not understand raises `Unsupported`, and the view falls back to the serializer
(`list_mixin`), never to a different output. Rows of several shapes (one plan
per value of a discriminator column) are read by one `Reader` with `plans`."""

import itertools
from collections import defaultdict

from django.conf import settings
from rest_framework import fields as drf_fields
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField
from rest_framework.settings import api_settings

from diplomacy.api.records.brief_fields import BriefRelatedField


class Unsupported(Exception):
    """A serializer field this read path cannot reproduce exactly."""


# DRF fields whose representation of a database value is the value itself.
_AS_IS = {
    drf_fields.CharField,
    drf_fields.ChoiceField,
    drf_fields.IntegerField,
    drf_fields.BooleanField,
    drf_fields.URLField,
    drf_fields.SlugField,
    drf_fields.EmailField,
}
# DRF fields whose own to_representation is applied to a database value.
_CONVERTED = {
    drf_fields.DateField,
    drf_fields.DateTimeField,
    drf_fields.UUIDField,
    drf_fields.DecimalField,
    drf_fields.FloatField,
}

_COLUMN, _JOIN, _CHILDREN = range(3)


def _converter(field):
    """How a column's database value becomes the field's representation; None
    when the value is left as it is for the renderer.

    Dates and UTC datetimes are left to the renderer: this project's JSON
    renderer (orjson, `OPT_UTC_Z`), DRF's encoder (the browsable API, indented
    JSON) and the CSV cells (csv_cells.iso_text) all write them as DRF's
    ISO 8601 fields do (`2026-01-31`, `2026-01-31T12:00:00.123456Z`), so a
    page of 100 rows makes no thousand isoformat() calls in Python. The
    database returns aware UTC datetimes in a site with USE_TZ, and
    `ReadPathListMixin` only runs while the current time zone is UTC (DRF
    would convert to it).
    """
    iso = drf_fields.ISO_8601
    if type(field) is drf_fields.DateField:
        if getattr(field, "format", api_settings.DATE_FORMAT) == iso:
            return None
    if type(field) is drf_fields.DateTimeField:
        if (
            getattr(field, "format", api_settings.DATETIME_FORMAT) == iso
            and getattr(field, "timezone", None) is None
            and settings.USE_TZ
        ):
            return None
    return field.to_representation


class _ChildFetch:
    """One query for the rows of a child table on a page, grouped by parent id."""

    def __init__(self, *, queryset, parent_path, plan):
        self.queryset = queryset
        self.parent_path = parent_path
        self.plan = plan

    def fetch(self, parent_ids) -> dict:
        grouped = defaultdict(list)
        if not parent_ids:
            return grouped
        rows = self.queryset.filter(**{f"{self.parent_path}__in": parent_ids}).values(
            self.parent_path, *self.plan.columns
        )
        build, parent = self.plan.build, self.parent_path
        for row in rows:
            grouped[row[parent]].append(build(row, None, None))
        return grouped


class _Plan:
    """How to build one serializer's representation from a `.values()` row."""

    def __init__(self):
        self.columns: list[str] = []
        self.steps: list[tuple] = []
        self.build = None
        self.fetches: dict[tuple, _ChildFetch] = {}

    def column(self, path):
        if path not in self.columns:
            self.columns.append(path)
        return path


def _compile_build(steps):
    """A function `(row, fetched, pk) -> dict` that builds one representation.

    Generated as one dict display, like a hand-written view would: a loop over
    the steps took twice as long per row.
    """
    namespace = {}
    numbers = itertools.count()

    def display(steps):
        items = []
        for tag, name, path, extra in steps:
            if tag == _COLUMN and extra is None:
                value = f"row[{path!r}]"
            elif tag == _COLUMN:
                n = next(numbers)
                namespace[f"convert{n}"] = extra
                value = f"(None if (v{n} := row[{path!r}]) is None else convert{n}(v{n}))"
            elif tag == _JOIN:
                value = f"(None if row[{path!r}] is None else {display(extra)})"
            else:
                n = next(numbers)
                namespace[f"key{n}"] = path
                value = f"fetched[key{n}].get(row[pk], [])"
            items.append(f"{name!r}: {value}")
        return "{" + ", ".join(items) + "}"

    source = f"def build(row, fetched, pk):\n    return {display(steps)}\n"
    exec(compile(source, "<read path>", "exec"), namespace)  # names and paths are repr()s
    return namespace["build"]


def _ordering_through(prefix: str, ordering) -> list[str]:
    return [
        f"-{prefix}{item[1:]}" if item.startswith("-") else f"{prefix}{item}"
        for item in ordering
    ]


def compile_plan(serializer, model, *, prefix="", plan=None, key=None) -> _Plan:
    """Read `serializer.fields` into a plan over `model`'s table (columns under `prefix`).

    `key` is (name, column) when `model` is joined through a foreign key: the
    field it points to (`code` of a state) is read from the foreign key's own
    column, which holds the same value, rather than selected a second time.
    """
    top = plan is None
    plan = _Plan() if top else plan
    steps = []
    opts = model._meta
    if top:
        plan.column(opts.pk.name)
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        source = field.source
        if source == "*" or "." in source:
            raise Unsupported(f"{name}: source {source!r}")
        try:
            model_field = opts.get_field(source)
        except Exception as error:
            raise Unsupported(f"{name}: no model field {source!r}") from error

        if isinstance(field, serializers.ListSerializer) and model_field.one_to_many:
            if not top:
                raise Unsupported(f"{name}: nested children")
            fetch = _children(field.child, model_field)
            key = (model_field.related_model, model_field.field.name, type(field.child))
            plan.fetches.setdefault(key, fetch)
            steps.append((_CHILDREN, name, key, None))
        elif isinstance(field, ManyRelatedField) and model_field.many_to_many:
            if not top or model_field.auto_created:
                raise Unsupported(f"{name}: many-to-many")
            relation = field.child_relation
            if not isinstance(relation, BriefRelatedField):
                raise Unsupported(f"{name}: {type(relation).__name__}")
            fetch = _many_to_many(relation, model_field)
            key = (model_field.remote_field.through, model_field.name, relation.brief_serializer)
            plan.fetches.setdefault(key, fetch)
            steps.append((_CHILDREN, name, key, None))
        elif isinstance(field, (BriefRelatedField, serializers.ModelSerializer)):
            if not (model_field.many_to_one and model_field.concrete):
                raise Unsupported(f"{name}: {type(field).__name__} on {source}")
            nested = field.brief_serializer() if isinstance(field, BriefRelatedField) else field
            join_path = plan.column(f"{prefix}{model_field.name}")
            sub = compile_plan(
                nested,
                model_field.related_model,
                prefix=f"{prefix}{model_field.name}__",
                plan=plan,
                key=(model_field.target_field.name, join_path),
            )
            steps.append((_JOIN, name, join_path, sub))
        elif type(field) is drf_fields.BigIntegerField:
            if getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING):
                raise Unsupported(f"{name}: big integer as string")
            steps.append((_COLUMN, name, _column(plan, prefix, model_field, key), None))
        elif type(field) in _AS_IS or type(field) in _CONVERTED:
            if not model_field.concrete or model_field.many_to_many or model_field.one_to_many:
                raise Unsupported(f"{name}: {source}")
            path = _column(plan, prefix, model_field, key)
            convert = _converter(field) if type(field) in _CONVERTED else None
            steps.append((_COLUMN, name, path, convert))
        else:
            raise Unsupported(f"{name}: {type(field).__name__}")
    if top:
        plan.steps = steps
        plan.build = _compile_build(steps)
        return plan
    return steps


def _column(plan, prefix, model_field, key) -> str:
    if key is not None and model_field.name == key[0]:
        return key[1]  # already selected: the foreign key's column
    return plan.column(f"{prefix}{model_field.name}")


def _children(child_serializer, relation) -> _ChildFetch:
    """A reverse foreign key (an action's citations), in the child model's ordering."""
    child_model = relation.related_model
    parent_fk = relation.field
    ordering = [
        item
        for item in child_model._meta.ordering
        if item.lstrip("-") not in (parent_fk.name, parent_fk.attname)
    ]
    child_plan = compile_plan(child_serializer, child_model)
    return _ChildFetch(
        queryset=child_model._default_manager.order_by(*ordering),
        parent_path=parent_fk.attname,
        plan=child_plan,
    )


def _many_to_many(relation, m2m) -> _ChildFetch:
    """A many-to-many (an action's envoys), through its table, in the target's ordering."""
    through = m2m.remote_field.through
    source_fk = m2m.m2m_field_name()
    target_fk = m2m.m2m_reverse_field_name()
    target = m2m.related_model
    plan = _Plan()
    plan.steps = compile_plan(
        relation.brief_serializer(), target, prefix=f"{target_fk}__", plan=plan
    )
    plan.build = _compile_build(plan.steps)
    return _ChildFetch(
        queryset=through._default_manager.order_by(
            *_ordering_through(f"{target_fk}__", target._meta.ordering)
        ),
        parent_path=f"{source_fk}_id",
        plan=plan,
    )


class Reader:
    """Reads pages of a queryset as the serializer(s) would represent them.

    `plans` maps each value of the `discriminator` column to a plan (the feed
    shows each action in the shape of its kind); with one plan, no discriminator.
    """

    def __init__(self, model, plans: dict, discriminator: str | None = None):
        self.model = model
        self.pk = model._meta.pk.name
        self.plans = plans
        self.discriminator = discriminator
        self.columns = []
        self.fetches = {}
        for plan in plans.values():
            for column in plan.columns:
                if column not in self.columns:
                    self.columns.append(column)
            self.fetches.update(plan.fetches)
        if discriminator and discriminator not in self.columns:
            self.columns.append(discriminator)

    def values(self, queryset):
        return queryset.select_related(None).prefetch_related(None).values(*self.columns)

    def page_values(self, queryset, window: slice):
        """The `.values()` rows of one window of the queryset, in its order.

        The window is chosen in a subquery on the bare table (an index range),
        and only its rows are joined to the brief related objects: the planner
        cannot start from a joined table (SQLite, with statistics, did so for
        small pages: 150 ms instead of 1), and a deep offset skips index
        entries, not joined rows.
        """
        bare = queryset.select_related(None).prefetch_related(None)
        query = bare.query
        if query.distinct or query.combinator or query.annotations:
            return self.values(bare)[window]  # not a plain window of the table
        window_pks = bare.values("pk")[window]
        return self.values(self.model._base_manager.filter(pk__in=window_pks)).order_by(
            *_ordering(bare)
        )

    def read_pks(self, pks: list) -> list[dict]:
        """The representations of the rows with these primary keys, in this order."""
        queryset = self.values(self.model._base_manager.filter(pk__in=pks))
        rows = {row[self.pk]: row for row in queryset}
        return self.build(rows[pk] for pk in pks if pk in rows)

    def build(self, rows) -> list[dict]:
        """The representations of `.values()` rows, with their children: 1 query per child."""
        rows = list(rows)
        ids = [row[self.pk] for row in rows]
        fetched = {key: fetch.fetch(ids) for key, fetch in self.fetches.items()}
        pk = self.pk
        if self.discriminator is None:
            (plan,) = self.plans.values()
            build = plan.build
            return [build(row, fetched, pk) for row in rows]
        builds = {value: plan.build for value, plan in self.plans.items()}
        column = self.discriminator
        return [builds[row[column]](row, fetched, pk) for row in rows]

    def read(self, queryset) -> list[dict]:
        return self.build(self.values(queryset))


def _ordering(queryset) -> tuple:
    query = queryset.query
    if query.order_by:
        return tuple(query.order_by)
    return tuple(queryset.model._meta.ordering) if query.default_ordering else ()


def reader_for_serializer(serializer_class, model) -> Reader:
    """The reader of a serializer class; raise Unsupported if it cannot be reproduced."""
    return Reader(model, {None: compile_plan(serializer_class(), model)})
