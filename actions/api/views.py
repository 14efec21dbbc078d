from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from actions.api.serializers import (
    ActionFeedSchema,
    ActionFeedSerializer,
    CooperationSuspensionSerializer,
    DetentionSerializer,
    DiplomaticStatementSerializer,
    EpisodeSerializer,
    PersonaNonGrataDeclarationSerializer,
    SourceSerializer,
)
from actions.filtersets import ActionFilterSet
from actions.models import (
    Action,
    Citation,
    CooperationSuspension,
    Detention,
    DiplomaticStatement,
    Episode,
    PersonaNonGrataDeclaration,
    Source,
)
from diplomacy.api.viewsets import ReadOnlyRecordViewSet, RecordViewSet


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


@extend_schema_view(
    list=extend_schema(
        summary="Every action of every kind, newest first",
        responses=ActionFeedSchema,
    ),
    retrieve=extend_schema(
        summary="One action, in the shape of its kind", responses=ActionFeedSchema
    ),
)
class ActionViewSet(ReadOnlyRecordViewSet):
    """The feed of every action of every kind together. Read-only: write through
    the resource of the action's kind."""

    queryset = action_queryset(Action)
    serializer_class = ActionFeedSerializer
    filterset_class = ActionFilterSet


class PersonaNonGrataDeclarationViewSet(RecordViewSet):
    """Declarations that diplomats are persona non grata (expulsions)."""

    queryset = action_queryset(PersonaNonGrataDeclaration)
    serializer_class = PersonaNonGrataDeclarationSerializer
    filterset_class = ActionFilterSet


class CooperationSuspensionViewSet(RecordViewSet):
    """Suspensions or ends of cooperation in a domain."""

    queryset = action_queryset(CooperationSuspension)
    serializer_class = CooperationSuspensionSerializer
    filterset_class = ActionFilterSet


class DetentionViewSet(RecordViewSet):
    """Arrests and detentions of envoys."""

    queryset = action_queryset(Detention)
    serializer_class = DetentionSerializer
    filterset_class = ActionFilterSet


class DiplomaticStatementViewSet(RecordViewSet):
    """Protests, demands, accusations and threats addressed to another state."""

    queryset = action_queryset(DiplomaticStatement)
    serializer_class = DiplomaticStatementSerializer
    filterset_class = ActionFilterSet


class EpisodeViewSet(RecordViewSet):
    """Diplomatic crises: actions that belong together. Looked up by slug."""

    queryset = Episode.objects.all()
    serializer_class = EpisodeSerializer
    lookup_field = "slug"


class SourceViewSet(RecordViewSet):
    """Published reports that actions are cited to."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
