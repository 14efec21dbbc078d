"""`/api/v1/dyads/FR-ML/`: everything between two states, in date order, with counts."""

from django.db.models import Count, Q
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound

from actions.api.serializers import ActionFeedSchema, ActionFeedSerializer
from actions.api.views import action_queryset
from actions.filtersets import ActionFilterSet
from actions.models import Action
from diplomacy.api.caching.response_cache import ResponseCacheMixin
from diplomacy.api.pagination import MAX_LIMIT, MAX_OFFSET, LimitOffsetPagination
from diplomacy.api.records.as_of_views import AsOfMixin
from diplomacy.api.records.freed_responses import FreedResponseMixin
from diplomacy.api.serializers import StateBriefSerializer
from diplomacy.models import State

PAIR = "[A-Za-z]{2,4}-[A-Za-z]{2,4}"


class DyadCountSerializer(serializers.Serializer):
    actor = serializers.CharField(help_text="ISO code of the acting state.")
    target = serializers.CharField(help_text="ISO code of the target state.")
    kind = serializers.CharField(help_text="The kind of action.")
    count = serializers.IntegerField(help_text="Number of such actions.")


@extend_schema_field(ActionFeedSchema)
class ActionFeedField(serializers.Field):
    """An action in the shape of its kind (for the schema only)."""


class DyadSerializer(serializers.Serializer):
    """The response of the dyad endpoint, for the schema."""

    states = StateBriefSerializer(many=True, help_text="The two states, in the order asked.")
    counts = DyadCountSerializer(many=True, help_text="Actions by direction and kind.")
    count = serializers.IntegerField(help_text="Number of matching actions.")
    next = serializers.URLField(
        allow_null=True, help_text="URL of the next page; null on the last."
    )
    previous = serializers.URLField(
        allow_null=True, help_text="URL of the previous page; null on the first."
    )
    results = serializers.ListField(child=ActionFeedField(), help_text="A page of actions.")


@extend_schema_view(
    retrieve=extend_schema(
        summary="Every action between two states, in date order, with counts by kind "
        "and direction",
        description="`FR-ML` and `ML-FR` are the same dyad. Takes the filters of the "
        "actions feed (dates, kinds...) and limit/offset; `ordering` defaults to `date`.",
        parameters=[
            OpenApiParameter(
                "pair",
                {"type": "string", "pattern": f"^{PAIR}$"},
                OpenApiParameter.PATH,
                description="Two ISO codes joined by a hyphen, in either order: FR-ML.",
                examples=[OpenApiExample("France and Mali", value="FR-ML")],
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                description=f"Page size (max {MAX_LIMIT}).",
            ),
            OpenApiParameter(
                "offset",
                {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
                description="Skip this many actions.",
            ),
        ],
        responses=DyadSerializer,
        filters=True,
    )
)
class DyadViewSet(AsOfMixin, FreedResponseMixin, ResponseCacheMixin, viewsets.GenericViewSet):
    queryset = action_queryset(Action)
    serializer_class = ActionFeedSerializer
    filterset_class = ActionFilterSet
    pagination_class = LimitOffsetPagination
    lookup_field = "pair"
    lookup_url_kwarg = "pair"
    lookup_value_regex = PAIR

    def retrieve(self, request, pair=None):
        codes = pair.upper().split("-")
        states = list(State.objects.filter(code__in=codes))
        if codes[0] == codes[1] or len(states) != 2:
            raise NotFound(f"No dyad {pair}: give two different ISO state codes, as FR-ML.")
        states.sort(key=lambda state: codes.index(state.code))
        first, second = codes
        between = Q(actor=first, target=second) | Q(actor=second, target=first)
        queryset = self.filter_queryset(
            self.get_queryset().filter(between).order_by("date", "id")
        )
        counts = list(
            queryset.order_by()
            .values("actor", "target", "kind")
            .annotate(count=Count("id"))
            .order_by("actor", "target", "kind")
        )
        self.paginator.known_count = sum(row["count"] for row in counts)
        page = self.paginate_queryset(queryset)
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        response.data = {
            "states": StateBriefSerializer(states, many=True).data,
            "counts": counts,
            **response.data,
        }
        return response
