from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.decorators import action
from rest_framework.response import Response

from actions.api import examples
from actions.api.read import ReadPathListMixin
from actions.api.serializers import (
    KIND_SERIALIZERS,
    ActionFeedSchema,
    ActionFeedSerializer,
    EpisodeSerializer,
    SourceSerializer,
    TimelineSerializer,
)
from actions.api.tables import ACTION_TABLE, EPISODE_TABLE, KIND_TABLES, SOURCE_TABLE
from actions.filtersets import ActionFilterSet, EpisodeFilterSet, SourceFilterSet
from actions.kinds import KINDS, Kind
from actions.models import KIND_MODELS, Action, Citation, Episode, Source
from actions.timelines import episode_timeline
from diplomacy.api.formats.streaming_export import EXPORT_BATCH_SIZE, export_response
from diplomacy.api.formats.tabular_renderers import CSVRenderer, JSONLinesRenderer
from diplomacy.api.openapi.operation_docs import document_resource, lookup_parameter
from diplomacy.api.pagination import FeedPagination
from diplomacy.api.records.dataset_views import DatasetViewMixin
from diplomacy.api.records.viewsets import ReadOnlyRecordViewSet, RecordViewSet


def action_queryset(model):
    """Every related row a page of actions shows, in a constant number of queries."""
    queryset = model.objects.select_related(
        "actor", "target", "episode", "in_response_to"
    ).prefetch_related(
        Prefetch("citations", queryset=Citation.objects.select_related("source")),
    )
    if model is Action or model.HAS_ENVOYS:
        queryset = queryset.prefetch_related("envoys")
    return queryset


class CitationsInHistory:
    """An action's history lists the changes of its citations too, as the admin does."""

    def history_of_parts(self, record):
        return [Citation.history.filter(action_id=record.pk)]


def action_id(singular):
    return lookup_parameter("id", f"Id of the {singular}.", OpenApiTypes.INT)


@extend_schema_view(
    list=extend_schema(
        summary="Every action of every kind, newest first",
        description="The feed of every action of every kind together. Read-only: write "
        "through the resource of the action's kind.\n\nPaged with `limit` and `offset`, "
        "or with a cursor: send `cursor=` (empty) and follow `next`; deep pages cost "
        "the same as the first.",
        responses=ActionFeedSchema,
    ),
    retrieve=extend_schema(
        summary="One action, in the shape of its kind", responses=ActionFeedSchema
    ),
    export=extend_schema(
        summary="Bulk export of every action, streamed",
        description="Every action matching the filters, with its kind's fields and its "
        "citations, streamed in batches: memory stays flat whatever the size. "
        "`format=csv` (the default; lists joined with `|`, citations as source ids "
        "and URLs) or `format=jsonl` (JSON Lines, citations in full).",
        parameters=[
            OpenApiParameter(
                "format", OpenApiTypes.STR, enum=["csv", "jsonl"],
                description="Or an `Accept` header of text/csv or application/x-ndjson.",
            )
        ],
        responses={200: OpenApiResponse(OpenApiTypes.STR, description="The export file.")},
        filters=True,
    ),
)
@document_resource(
    singular="action",
    plural="actions",
    lookup=action_id("action"),
    example=(
        "France declares two Malian diplomats persona non grata",
        examples.PERSONA_NON_GRATA_DECLARATION,
    ),
    read_only=True,
)
class ActionViewSet(
    CitationsInHistory, DatasetViewMixin, ReadPathListMixin, ReadOnlyRecordViewSet
):
    """The feed of every action of every kind together. Read-only: write through
    the resource of the action's kind."""

    queryset = action_queryset(Action)
    serializer_class = ActionFeedSerializer
    filterset_class = ActionFilterSet
    pagination_class = FeedPagination
    table = ACTION_TABLE
    export_batch_size = EXPORT_BATCH_SIZE

    def serializer_field_names(self):
        return ActionFeedSerializer.field_names()

    @action(detail=False, renderer_classes=[CSVRenderer, JSONLinesRenderer], pagination_class=None)
    def export(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        return export_response(
            self.table,
            queryset,
            format=request.accepted_renderer.format,
            filename="actions",
            batch_size=self.export_batch_size,
        )


def kind_viewset(kind: Kind) -> type[RecordViewSet]:
    """The viewset of a kind's resource: list, detail, create, update, delete, CSV."""
    model = KIND_MODELS[kind.value]
    viewset = type(
        f"{kind.model_name}ViewSet",
        (CitationsInHistory, DatasetViewMixin, ReadPathListMixin, RecordViewSet),
        {
            "__module__": __name__,
            "__doc__": kind.description,
            "queryset": action_queryset(model),
            "serializer_class": KIND_SERIALIZERS[kind.value],
            "filterset_class": ActionFilterSet,
            "table": KIND_TABLES[kind.value],
        },
    )
    return document_resource(
        singular=kind.verbose_name,
        plural=kind.verbose_name_plural,
        lookup=action_id(kind.verbose_name),
        example=kind.example,
    )(viewset)


KIND_VIEWSETS = {value: kind_viewset(kind) for value, kind in KINDS.items()}


@extend_schema_view(
    timeline=extend_schema(
        summary="The episode's actions in date order, each with what it answers "
        "and what answered it",
        description="Date order, except that an action always comes after the action "
        "it answers (an imprecise date is stored as the first day of its period).",
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Slug of the episode, e.g. france-mali-2025.",
            )
        ],
        responses=TimelineSerializer,
        filters=False,
    )
)
@document_resource(
    singular="episode",
    plural="episodes",
    lookup=lookup_parameter("slug", "Slug of the episode, e.g. france-mali-2025."),
    example=("France–Mali 2025", examples.EPISODE),
)
class EpisodeViewSet(DatasetViewMixin, RecordViewSet):
    """Diplomatic crises: actions that belong together. Looked up by slug."""

    queryset = Episode.objects.all()
    serializer_class = EpisodeSerializer
    filterset_class = EpisodeFilterSet
    table = EPISODE_TABLE
    lookup_field = "slug"
    # Only what a slug can hold reaches the database (PostgreSQL refuses a
    # null character in a query: it would answer 500).
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    cached_actions = RecordViewSet.cached_actions | {"timeline"}

    @action(detail=True, filter_backends=[], pagination_class=None)
    def timeline(self, request, slug=None):
        episode = self.get_object()
        actions = episode_timeline(episode=episode)
        data = TimelineSerializer({"episode": episode, "actions": actions}).data
        return Response(data)


@document_resource(
    singular="source",
    plural="sources",
    lookup=lookup_parameter("id", "Id of the source.", OpenApiTypes.INT),
    example=("An AFP dispatch on the episode", examples.SOURCE),
)
class SourceViewSet(DatasetViewMixin, RecordViewSet):
    """Published reports that actions are cited to."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
    table = SOURCE_TABLE
