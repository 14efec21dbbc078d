"""Filters shared by the FilterSets of both apps.

Every filter here rejects a value it cannot use with a validation error, which
DRF's filter backend answers as a 400 naming the parameter: a typo must never
look like an empty result.
"""

import copy
import datetime
import functools
import re

import django_filters
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django_filters.filters import QuerySetRequestMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from diplomacy.api.openapi.cross_field_rules import DOES_NOT_EXIST, TWO_DIFFERENT_STATES_CODE
from diplomacy.models import State

# The shapes of the keys a filter takes; the schema publishes each list's
# pattern (`list_pattern`) and the filter refuses what does not match it.
ID = r"[0-9]{1,18}"
STATE_CODE = r"[A-Za-z]{2}(?:[A-Za-z]{2})?"
SLUG = r"[-a-zA-Z0-9_]{1,100}"


def list_pattern(item: str, exactly: int | None = None) -> str:
    """Items separated by commas (spaces around them allowed), or nothing at all."""
    separator = r"\s*,\s*"
    if exactly is None:
        items = rf"{item}(?:{separator}{item})*"
    else:
        items = separator.join([item] * exactly)
    return rf"^\s*(?:{items})?\s*$"


def split_commas(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class KeysField(forms.CharField):
    """Comma-separated keys of records (ids, codes, slugs), each checked to exist;
    cleaned to the records' primary keys."""

    # More keys would only make a query too large for the database
    # (PostgreSQL takes at most 65,535 parameters); there are fewer states.
    max_keys = 300

    def __init__(
        self, *, queryset, key, normalize, label_plural, pattern, exactly=None, **kwargs
    ):
        self.queryset = queryset
        self.key = key
        self.normalize = normalize
        self.label_plural = label_plural
        self.exactly = exactly
        self.pattern = re.compile(pattern)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return []
        if not self.pattern.match(value):
            # The input goes in params, never in the message: django-filter formats
            # every message with `%`, which a value holding `%s` would break.
            raise forms.ValidationError(
                "Not a list of %(what)s: %(value)r.",
                params={"what": self.label_plural, "value": value},
            )
        keys = sorted({self.normalize(part) for part in split_commas(value)})
        if len(keys) > self.max_keys:
            raise forms.ValidationError(f"At most {self.max_keys} {self.label_plural}.")
        if self.exactly is not None and len(keys) != self.exactly:
            raise forms.ValidationError(
                f"Give exactly {self.exactly} different {self.label_plural}, comma-separated.",
                code=TWO_DIFFERENT_STATES_CODE,
            )
        known = dict(
            self.queryset.filter(**{f"{self.key}__in": keys}).values_list(self.key, "pk")
        )
        unknown = [str(key) for key in keys if key not in known]
        if unknown:
            raise forms.ValidationError(
                "Unknown %(what)s: %(keys)s.",
                params={"what": self.label_plural, "keys": ", ".join(unknown)},
                code=DOES_NOT_EXIST,
            )
        # Primary keys, so the filter needs no join (an episode's id for its slug).
        return [known[key] for key in keys]


class DescribedSchemaMixin:
    """Gives each filter instance its own schema, with its help_text in it.

    drf-spectacular ignores help_text when a filter's schema is overridden (as a
    field class of our own must be), so the description is set per instance.
    """

    schema_type = "string"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schema = {"type": self.schema_type, "description": kwargs.get("help_text", "")}
        pattern = self.extra.get("pattern")
        if pattern is not None:
            schema["pattern"] = pattern
        extend_schema_field(schema)(self)


@extend_schema_field(OpenApiTypes.STR)
class KeysFilter(DescribedSchemaMixin, django_filters.Filter):
    """Matches any of several comma-separated keys (`state=FR,ML`, `episode=a,b`).

    `fields` are the foreign keys to look in; with several, a record matches
    when any of them does (`state` matches either side of an action).
    """

    field_class = KeysField

    def __init__(
        self,
        *args,
        queryset,
        key="pk",
        normalize=int,
        label_plural="ids",
        key_pattern=ID,
        fields=None,
        **kwargs,
    ):
        self.lookup_fields = fields
        kwargs.update(
            queryset=queryset,
            key=key,
            normalize=normalize,
            label_plural=label_plural,
            pattern=list_pattern(key_pattern, kwargs.get("exactly")),
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for name in self.lookup_fields or [self.field_name]:
            condition |= Q(**{f"{name}__in": value})
        return qs.filter(condition)


class StateCodesFilter(KeysFilter):
    """ISO codes of states, comma-separated, each checked against the states table."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", State.objects.all())
        kwargs.setdefault("key", "code")
        kwargs.setdefault("normalize", str.upper)
        kwargs.setdefault("label_plural", "state codes")
        kwargs.setdefault("key_pattern", STATE_CODE)
        super().__init__(*args, **kwargs)


class NoEmptyItemCSVField(django_filters.fields.BaseCSVField):
    """Comma-separated values, none of them empty when there are several
    (`?ordering=date,,` or `,,` names no field: a 400, never silently ignored)."""

    def clean(self, value):
        if value not in (None, [], [""]) and any(not str(item).strip() for item in value):
            raise forms.ValidationError("An empty item: give each value, comma-separated.")
        return super().clean(value)


class NotBlankCSVField(NoEmptyItemCSVField):
    """Comma-separated values, of which there must be at least one when given."""

    def clean(self, value):
        if value == [] or value == [""]:
            raise forms.ValidationError("Give a value, or leave the parameter out.")
        return super().clean(value)


class ChoicesFilter(django_filters.BaseInFilter, django_filters.ChoiceFilter):
    """Several comma-separated values of a vocabulary, OR-ed; an unknown one, or
    none (`?grounds=`), is a 400."""

    base_field_class = NotBlankCSVField


class WordsFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    """Several comma-separated exact values of a free-text column, OR-ed."""


class StrictBooleanField(forms.Field):
    """`true`/`false` (or 1/0); anything else is an error, not a silently ignored filter."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError as error:
            raise forms.ValidationError("Expected true or false.") from error


@extend_schema_field(OpenApiTypes.BOOL)
class BooleanFilter(DescribedSchemaMixin, django_filters.Filter):
    field_class = StrictBooleanField
    schema_type = "boolean"


class NotBlankMixin:
    """A parameter given empty (`?date_after=`) is an error, not a filter left out.

    A date or a time has no empty value; the schema says so, and a client
    that sends one has lost its value on the way.
    """

    def clean(self, value):
        if value == "":
            raise forms.ValidationError("Give a value, or leave the parameter out.")
        return super().clean(value)


class NotBlankDateField(NotBlankMixin, forms.DateField):
    pass


class NotBlankDateTimeField(NotBlankMixin, django_filters.fields.IsoDateTimeField):
    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return moment
        # In UTC: Python takes offsets up to ±23:59, PostgreSQL only to ±15:59.
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            # A valid date-time whose UTC moment falls before year 1 or after
            # 9999 (`0001-01-01T00:00:00+01:00`): every record is after the
            # first, none after the second.
            bound = datetime.datetime.min if moment.year == 1 else datetime.datetime.max
            return bound.replace(tzinfo=datetime.UTC)


class DateFilter(django_filters.DateFilter):
    field_class = NotBlankDateField


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = NotBlankDateTimeField


class UpdatedSinceFilter(DateTimeFilter):
    """Records created or changed at or after a moment: the key of incremental sync."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "updated_at")
        kwargs.setdefault("lookup_expr", "gte")
        kwargs.setdefault(
            "help_text",
            "ISO 8601 date-time (UTC when no offset is given): records created or "
            "changed at or after it. Pair with the deletions feed to sync a copy.",
        )
        super().__init__(*args, **kwargs)


class StableOrderingFilter(django_filters.OrderingFilter):
    """`ordering` with the primary key as tiebreaker, so pages never overlap.

    An unknown field is a 400 (django-filter validates the choices), unlike
    DRF's OrderingFilter, which silently ignores it; so is an empty item in a
    list. (`?ordering=` alone is the default order.)
    """

    base_field_class = NoEmptyItemCSVField

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = [self.get_ordering_value(param) for param in value if param]
        if not ordering:
            return qs
        last = ordering[-1]
        ordering.append("-pk" if last.startswith("-") else "pk")
        return qs.order_by(*ordering)


class TextSearchFilter(django_filters.CharFilter):
    """`q`: every word must appear (case-insensitive) in one of `fields`.

    `extra(word)` may add a condition, e.g. a subquery over a related table
    (a join would repeat rows).
    """

    def __init__(self, *args, fields, extra=None, **kwargs):
        self.search_fields = fields
        self.extra_condition = extra  # not `extra`: django-filter keeps field kwargs there
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        for word in (value or "").split():
            condition = Q()
            for name in self.search_fields:
                condition |= Q(**{f"{name}__icontains": word})
            if self.extra_condition is not None:
                condition |= self.extra_condition(word)
            qs = qs.filter(condition)
        return qs


def _copy(filter_):
    copied = copy.copy(filter_)
    if copied.method is not None:
        # A `method=` filter calls it through a FilterMethod bound to its filter
        # (to find the FilterSet): the copy needs its own.
        copied.method = copied.method
    return copied


class DatasetFilterSet(django_filters.FilterSet):
    """A FilterSet whose setup costs little on every request.

    django-filter deep-copies every filter (their querysets and extra
    arguments included) and builds a new form class for each request: about
    2 ms for the actions' filters, a fifth of a page. The filters of this
    project keep no state of a request but the `model` and `parent` set below,
    so a shallow copy does; and their form fields depend on no request (no
    queryset made from the request), so the form class is built once per
    FilterSet class. Written here because django-filter has no such option.
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # django_filters.filterset.BaseFilterSet.__init__ (26.2), with copy.copy.
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix

    @functools.cached_property
    def filters(self):
        # Copied when first needed: a request that names no filter needs none.
        filters = {name: _copy(filter_) for name, filter_ in self.base_filters.items()}
        for filter_ in filters.values():
            filter_.model = self.queryset.model
            filter_.parent = self
        return filters

    @functools.cached_property
    def names_no_filter(self) -> bool:
        """True when the data names none of the filters and none is required.

        Most list requests name no filter (`?limit=50&offset=100`). Every filter
        here then cleans to its empty value and returns the queryset as it is
        (tested for each FilterSet), so the form, whose Django constructor
        deep-copies every field (0.7 ms for the actions' filters, a tenth of a
        page), is not built. A widget that cannot tell an omitted value
        (a checkbox) counts as named.
        """
        if not self.is_bound:
            return False
        if any(isinstance(f, QuerySetRequestMixin) for f in self.base_filters.values()):
            return False  # the form class depends on the request: build it as usual
        form_class = self.get_form_class()
        prefix = f"{self.form_prefix}-" if self.form_prefix else ""
        return not any(
            field.required or not field.widget.value_omitted_from_data(
                self.data, {}, prefix + name
            )
            for name, field in form_class.base_fields.items()
        )

    def is_valid(self):
        if self.names_no_filter:
            return True
        return super().is_valid()

    @property
    def qs(self):
        if not hasattr(self, "_qs") and self.names_no_filter:
            self._qs = self.queryset.all()
        return super().qs

    def get_form_class(self):
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            if any(isinstance(f, QuerySetRequestMixin) for f in self.base_filters.values()):
                return super().get_form_class()  # its fields depend on the request
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class
