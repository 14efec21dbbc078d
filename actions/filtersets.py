"""One FilterSet per resource of the actions app."""

import re

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from actions.choices import (
    CooperationDomain,
    Grounds,
    PloverEvent,
    PloverMode,
    StatementType,
)
from actions.kinds import ActionKind
from actions.models import Action, Citation, Episode, Source
from diplomacy.filters import (
    SLUG,
    ChoicesFilter,
    DatasetFilterSet,
    DateFilter,
    DescribedSchemaMixin,
    KeysFilter,
    StableOrderingFilter,
    StateCodesFilter,
    TextSearchFilter,
    UpdatedSinceFilter,
    WordsFilter,
    list_pattern,
    split_commas,
)
from diplomacy.models import Envoy

CAMEO_PREFIXES = list_pattern(r"[0-9]{1,4}")


class CameoPrefixesField(forms.CharField):
    def __init__(self, *, pattern, **kwargs):
        self.pattern = re.compile(pattern)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        prefixes = split_commas(value or "")
        bad = [prefix for prefix in prefixes if not re.fullmatch(r"[0-9]{1,4}", prefix)]
        if bad or (value and not self.pattern.match(value)):
            bad = bad or [value]
            raise forms.ValidationError(  # the input in params: see KeysField
                "A CAMEO prefix is 1 to 4 digits: %(bad)s.", params={"bad": ", ".join(bad)}
            )
        return prefixes


@extend_schema_field(OpenApiTypes.STR)
class CameoPrefixFilter(DescribedSchemaMixin, django_filters.Filter):
    """`16` matches 160, 161, 1621...; several prefixes are OR-ed."""

    field_class = CameoPrefixesField

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for prefix in value:
            condition |= Q(cameo_code__startswith=prefix)
        return qs.filter(condition)


def _in_citations(word):
    # A subquery, not a join: an action with two matching citations is one row.
    return Q(
        id__in=Citation.objects.filter(
            Q(quote__icontains=word) | Q(supports__icontains=word)
        ).values("action_id")
    )


class ActionFilterSet(DatasetFilterSet):
    state = StateCodesFilter(
        fields=["actor", "target"],
        help_text="ISO codes, comma-separated: actions where any is actor or target.",
    )
    actor = StateCodesFilter(help_text="ISO codes of the acting state, comma-separated.")
    target = StateCodesFilter(help_text="ISO codes of the target state, comma-separated.")
    dyad = StateCodesFilter(
        exactly=2,
        method="filter_dyad",
        help_text="Two ISO codes, `FR,ML`: actions between them, in either direction.",
    )
    kind = ChoicesFilter(choices=ActionKind.choices, help_text="Kinds, comma-separated.")
    date_after = DateFilter(
        field_name="date",
        lookup_expr="gte",
        help_text="YYYY-MM-DD, inclusive. An imprecise date counts as its earliest "
        "possible day: the first of its month or year, or of its range.",
    )
    date_before = DateFilter(
        field_name="date", lookup_expr="lte", help_text="YYYY-MM-DD, inclusive."
    )
    episode = KeysFilter(
        queryset=Episode.objects.all(),
        key="slug",
        normalize=str,
        label_plural="episode slugs",
        key_pattern=SLUG,
        help_text="Episode slugs, comma-separated.",
    )
    envoy = KeysFilter(
        queryset=Envoy.objects.all(),
        method="filter_envoy",
        help_text="Envoy ids, comma-separated: actions concerning any of them.",
    )
    grounds = ChoicesFilter(choices=Grounds.choices, help_text="Grounds of a declaration.")
    domain = ChoicesFilter(
        choices=CooperationDomain.choices, help_text="Domain of a suspended cooperation."
    )
    statement_type = ChoicesFilter(choices=StatementType.choices)
    cameo = CameoPrefixFilter(
        pattern=CAMEO_PREFIXES,
        help_text="CAMEO code prefixes, comma-separated: `16` matches 160, 161, 1621..."
    )
    plover = ChoicesFilter(
        choices=PloverEvent.choices,
        help_text="PLOVER event types, comma-separated: `SANCTION`, `COERCE`...",
    )
    plover_mode = ChoicesFilter(
        choices=PloverMode.choices,
        help_text="PLOVER modes, comma-separated: `expel`, `withdraw`, `discontinue`...",
    )
    in_response_to = KeysFilter(
        queryset=Action.objects.all(),
        help_text="Action ids, comma-separated: the actions that answer any of them.",
    )
    updated_since = UpdatedSinceFilter()
    q = TextSearchFilter(
        fields=["summary", "notes"],
        extra=_in_citations,
        help_text="Words, each of which must appear in the summary, the notes, or what a "
        "citation quotes or supports.",
    )
    ordering = StableOrderingFilter(
        fields=("date", "announced_on", "created_at", "updated_at"),
        help_text="date, announced_on, created_at or updated_at; `-` for descending. "
        "Default: -date.",
    )

    class Meta:
        model = Action
        fields = []

    def filter_dyad(self, queryset, name, value):
        if not value:
            return queryset
        first, second = value
        return queryset.filter(
            Q(actor=first, target=second) | Q(actor=second, target=first)
        )

    def filter_envoy(self, queryset, name, value):
        if not value:
            return queryset
        links = Action.envoys.through.objects.filter(envoy_id__in=value)
        return queryset.filter(id__in=links.values("action_id"))


class EpisodeFilterSet(DatasetFilterSet):
    q = TextSearchFilter(fields=["title", "summary"], help_text="Words in the title or summary.")
    state = StateCodesFilter(
        method="filter_state",
        help_text="ISO codes, comma-separated: episodes with an action involving any of them.",
    )
    updated_since = UpdatedSinceFilter()
    ordering = StableOrderingFilter(fields=("slug", "created_at", "updated_at"))

    class Meta:
        model = Episode
        fields = []

    def filter_state(self, queryset, name, value):
        if not value:
            return queryset
        actions = Action.objects.filter(Q(actor__in=value) | Q(target__in=value))
        return queryset.filter(id__in=actions.values("episode_id"))


class SourceFilterSet(DatasetFilterSet):
    q = TextSearchFilter(
        fields=["publisher", "title", "url"], help_text="Words in the publisher, title or URL."
    )
    language = WordsFilter(
        field_name="language", help_text="ISO 639-1 codes, comma-separated."
    )
    published_after = DateFilter(
        field_name="published_on", lookup_expr="gte", help_text="YYYY-MM-DD, inclusive."
    )
    published_before = DateFilter(
        field_name="published_on", lookup_expr="lte", help_text="YYYY-MM-DD, inclusive."
    )
    updated_since = UpdatedSinceFilter()
    ordering = StableOrderingFilter(
        fields=("publisher", "published_on", "created_at", "updated_at")
    )

    class Meta:
        model = Source
        fields = []
