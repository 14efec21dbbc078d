"""Filters shared by the FilterSets of both apps."""

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from diplomacy.models import State


class StateCodesField(forms.CharField):
    """Comma-separated state codes, each checked against the states table."""

    # There are fewer states; more codes would only make a query too large for
    # the database (PostgreSQL takes at most 65,535 parameters).
    max_codes = 300

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return []
        codes = sorted({code.strip().upper() for code in value.split(",") if code.strip()})
        if len(codes) > self.max_codes:
            raise forms.ValidationError(f"At most {self.max_codes} state codes.")
        known = set(State.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise forms.ValidationError(f"Unknown state code: {', '.join(unknown)}.")
        return codes


@extend_schema_field(OpenApiTypes.STR)
class StateCodesFilter(django_filters.Filter):
    """Matches any of several comma-separated state codes (`FR,ML`).

    `fields` are the foreign keys to State to look in; with several, a record
    matches when any of them does (`state` matches either side of an action).
    """

    field_class = StateCodesField

    def __init__(self, *args, fields=None, **kwargs):
        self.state_fields = fields
        super().__init__(*args, **kwargs)
        # drf-spectacular ignores help_text when a filter's schema is overridden:
        # give each filter its own, with the description in it.
        extend_schema_field(
            {"type": "string", "description": kwargs.get("help_text", "")}
        )(self)

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for name in self.state_fields or [self.field_name]:
            condition |= Q(**{f"{name}__in": value})
        return qs.filter(condition)
