from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view

from actions.api import examples
from actions.api.read import ReadPathListMixin
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
from diplomacy.api.docs import document_resource, lookup_parameter
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


def action_id(singular):
    return lookup_parameter("id", f"Id of the {singular}.", OpenApiTypes.INT)


@extend_schema_view(
    list=extend_schema(
        summary="Every action of every kind, newest first",
        responses=ActionFeedSchema,
    ),
    retrieve=extend_schema(
        summary="One action, in the shape of its kind", responses=ActionFeedSchema
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
class ActionViewSet(ReadPathListMixin, ReadOnlyRecordViewSet):
    """The feed of every action of every kind together. Read-only: write through
    the resource of the action's kind."""

    queryset = action_queryset(Action)
    serializer_class = ActionFeedSerializer
    filterset_class = ActionFilterSet


@document_resource(
    singular="persona non grata declaration",
    plural="persona non grata declarations",
    lookup=action_id("persona non grata declaration"),
    example=(
        "France declares two Malian diplomats persona non grata",
        examples.PERSONA_NON_GRATA_DECLARATION,
    ),
)
class PersonaNonGrataDeclarationViewSet(ReadPathListMixin, RecordViewSet):
    """Declarations that diplomats are persona non grata (expulsions)."""

    queryset = action_queryset(PersonaNonGrataDeclaration)
    serializer_class = PersonaNonGrataDeclarationSerializer
    filterset_class = ActionFilterSet


@document_resource(
    singular="cooperation suspension",
    plural="cooperation suspensions",
    lookup=action_id("cooperation suspension"),
    example=(
        "France suspends counter-terrorism cooperation with Mali",
        examples.COOPERATION_SUSPENSION,
    ),
)
class CooperationSuspensionViewSet(ReadPathListMixin, RecordViewSet):
    """Suspensions or ends of cooperation in a domain."""

    queryset = action_queryset(CooperationSuspension)
    serializer_class = CooperationSuspensionSerializer
    filterset_class = ActionFilterSet


@document_resource(
    singular="detention",
    plural="detentions",
    lookup=action_id("detention"),
    example=("Mali arrests a member of the French embassy", examples.DETENTION),
)
class DetentionViewSet(ReadPathListMixin, RecordViewSet):
    """Arrests and detentions of envoys."""

    queryset = action_queryset(Detention)
    serializer_class = DetentionSerializer
    filterset_class = ActionFilterSet


@document_resource(
    singular="diplomatic statement",
    plural="diplomatic statements",
    lookup=action_id("diplomatic statement"),
    example=("France calls the accusations unfounded", examples.DIPLOMATIC_STATEMENT),
)
class DiplomaticStatementViewSet(ReadPathListMixin, RecordViewSet):
    """Protests, demands, accusations and threats addressed to another state."""

    queryset = action_queryset(DiplomaticStatement)
    serializer_class = DiplomaticStatementSerializer
    filterset_class = ActionFilterSet


@document_resource(
    singular="episode",
    plural="episodes",
    lookup=lookup_parameter("slug", "Slug of the episode, e.g. france-mali-2025."),
    example=("France–Mali 2025", examples.EPISODE),
)
class EpisodeViewSet(RecordViewSet):
    """Diplomatic crises: actions that belong together. Looked up by slug."""

    queryset = Episode.objects.all()
    serializer_class = EpisodeSerializer
    lookup_field = "slug"
    # Only what a slug can hold reaches the database (PostgreSQL refuses a
    # null character in a query: it would answer 500).
    lookup_value_regex = "[-a-zA-Z0-9_]+"


@document_resource(
    singular="source",
    plural="sources",
    lookup=lookup_parameter("id", "Id of the source.", OpenApiTypes.INT),
    example=("An AFP dispatch on the episode", examples.SOURCE),
)
class SourceViewSet(RecordViewSet):
    """Published reports that actions are cited to."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
