"""`/api/v1/stats/actions/?group_by=year,kind`: counts for charts, honouring the action filters."""

from django.db.models import Count
from django.db.models.functions import ExtractYear, TruncMonth
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from actions.filtersets import ActionFilterSet
from actions.models import Action
from diplomacy.api.caching.response_cache import ResponseCacheMixin
from diplomacy.api.formats.negotiation import FormatNegotiation
from diplomacy.api.formats.tabular_renderers import CSVRenderer
from diplomacy.api.openapi.auto_schema import DatasetAutoSchema
from diplomacy.api.records.as_of_views import AsOfMixin
from diplomacy.api.records.freed_responses import FreedResponseMixin
from diplomacy.filters import split_commas

# A dimension is a column of the action table, or an expression over one.
GROUPS = {
    # An imprecise date counts at its earliest possible day (the first of its
    # month, year or range), as in ordering, the date filters and timelines.
    "year": ExtractYear("date"),
    "month": TruncMonth("date"),
    "kind": "kind",
    "actor": "actor",
    "target": "target",
    "domain": "domain",
    "grounds": "grounds",
    "statement_type": "statement_type",
    "plover": "plover",
    "plover_mode": "plover_mode",
    "date_precision": "date_precision",
}
DEFAULT_GROUP_BY = ["kind"]


def parse_group_by(request) -> list[str]:
    names = split_commas(request.query_params.get("group_by", "")) or DEFAULT_GROUP_BY
    unknown = [name for name in names if name not in GROUPS]
    if unknown:
        raise ValidationError(
            {"group_by": [f"Unknown: {', '.join(unknown)}. Choose from {', '.join(GROUPS)}."]}
        )
    if len(set(names)) != len(names):
        raise ValidationError({"group_by": ["Name each dimension once."]})
    return names


def _cell(name, value):
    if value == "":
        return None
    if name == "month" and value is not None:
        return f"{value:%Y-%m}"
    return value


class ActionStatsFilterSet(ActionFilterSet):
    ordering = None  # the rows come in the order of the groups


@extend_schema_serializer(many=False)
class ActionStatsSerializer(serializers.Serializer):
    """The response, for the schema."""

    group_by = serializers.ListField(
        child=serializers.ChoiceField(choices=list(GROUPS)),
        help_text="The dimensions of the groups, in the order asked.",
    )
    total = serializers.IntegerField(help_text="Number of matching actions.")
    results = serializers.ListField(
        child=serializers.DictField(),
        help_text="One row per group: a key per `group_by` dimension (null where the "
        "action has no value, e.g. no domain) and `count`.",
    )


@extend_schema_view(
    list=extend_schema(
        summary="Counts of actions, grouped, for charts",
        description="Takes every filter of the actions feed. `format=csv` gives the "
        "same rows as CSV, one column per dimension and `count`.",
        parameters=[
            OpenApiParameter(
                "group_by",
                # Each dimension once: a repeated one is a 400.
                {
                    "type": "array",
                    "items": {"type": "string", "enum": list(GROUPS)},
                    "uniqueItems": True,
                },
                explode=False,
                description="Comma-separated dimensions (default `kind`), e.g. `year,kind`.",
            )
        ],
        responses=ActionStatsSerializer,
    )
)
class ActionStatsViewSet(
    AsOfMixin, FreedResponseMixin, ResponseCacheMixin, viewsets.GenericViewSet
):
    queryset = Action.objects.all()
    filterset_class = ActionStatsFilterSet
    pagination_class = None
    renderer_classes = [JSONRenderer, CSVRenderer]

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action != "list":  # OPTIONS answers metadata, which is no table
            renderers = [r for r in renderers if not isinstance(r, CSVRenderer)]
        return renderers
    schema = DatasetAutoSchema()
    content_negotiation_class = FormatNegotiation

    def list(self, request):
        group_by = parse_group_by(request)
        queryset = self.filter_queryset(self.get_queryset())
        columns = [name for name in group_by if isinstance(GROUPS[name], str)]
        expressions = {name: GROUPS[name] for name in group_by if name not in columns}
        rows = list(
            queryset.order_by()
            .values(*columns, **expressions)
            .annotate(count=Count("id"))
            .order_by(*group_by)
        )
        # In the order asked for; a blank vocabulary value (no domain) is null;
        # a month is written YYYY-MM.
        rows = [
            {**{name: _cell(name, row[name]) for name in group_by}, "count": row["count"]}
            for row in rows
        ]
        if request.accepted_renderer.format == CSVRenderer.format:
            self.csv_header = [*group_by, "count"]
            return Response(rows)
        total = sum(row["count"] for row in rows)
        return Response({"group_by": group_by, "total": total, "results": rows})

    def get_renderer_context(self):
        context = super().get_renderer_context()
        if hasattr(self, "csv_header"):
            context["csv_header"] = self.csv_header
        return context
