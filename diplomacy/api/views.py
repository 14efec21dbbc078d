from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from diplomacy.api import actor_examples
from diplomacy.api.actor_tables import (
    DELETION_TABLE,
    ENVOY_TABLE,
    MISSION_TABLE,
    STATE_TABLE,
)
from diplomacy.api.caching.response_cache import ResponseCacheMixin
from diplomacy.api.errors.exception_handler import Conflict
from diplomacy.api.openapi.operation_docs import document_resource, lookup_parameter
from diplomacy.api.records.dataset_views import DatasetListMixin, DatasetViewMixin
from diplomacy.api.records.freed_responses import FreedResponseMixin
from diplomacy.api.records.viewsets import RecordViewSet
from diplomacy.api.serializers import (
    DeletionSerializer,
    EnvoySerializer,
    MissionSerializer,
    StateSerializer,
)
from diplomacy.deletions import Deletion
from diplomacy.filtersets import (
    DeletionFilterSet,
    EnvoyFilterSet,
    MissionFilterSet,
    StateFilterSet,
)
from diplomacy.models import Envoy, Mission, State

# What a state code can be: a path that cannot hold one is no state (404).
STATE_CODE_REGEX = "[A-Za-z]{2,4}"


@document_resource(
    singular="state",
    plural="states",
    lookup=lookup_parameter(
        "code",
        "ISO 3166-1 alpha-2 code (alpha-4 for an ambiguous historic state), e.g. ML.",
        pattern=f"^{STATE_CODE_REGEX}$",
    ),
    example=("Mali", actor_examples.STATE),
)
class StateViewSet(DatasetViewMixin, RecordViewSet):
    """States, looked up by ISO 3166-1 alpha-2 code (`/api/v1/states/ML/`)."""

    queryset = State.objects.all()
    serializer_class = StateSerializer
    filterset_class = StateFilterSet
    table = STATE_TABLE
    lookup_field = "code"
    lookup_value_regex = STATE_CODE_REGEX

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


@document_resource(
    singular="mission",
    plural="missions",
    lookup=lookup_parameter("id", "Id of the mission.", OpenApiTypes.INT),
    example=("The French embassy in Bamako", actor_examples.MISSION),
)
class MissionViewSet(DatasetViewMixin, RecordViewSet):
    """Embassies, consulates and other posts of one state in another."""

    queryset = Mission.objects.select_related("sending_state", "receiving_state")
    serializer_class = MissionSerializer
    filterset_class = MissionFilterSet
    table = MISSION_TABLE


@document_resource(
    singular="envoy",
    plural="envoys",
    lookup=lookup_parameter("id", "Id of the envoy.", OpenApiTypes.INT),
    example=("The French embassy member arrested in Bamako", actor_examples.ENVOY),
)
class EnvoyViewSet(DatasetViewMixin, RecordViewSet):
    """Members of missions, named or not."""

    queryset = Envoy.objects.select_related("sending_state", "mission")
    serializer_class = EnvoySerializer
    filterset_class = EnvoyFilterSet
    table = ENVOY_TABLE

    def perform_destroy(self, instance):
        # Deleting would silently unlink the envoy from the actions that name it.
        if instance.actions.exists():
            raise Conflict(
                "Cannot delete: actions name this envoy. Remove the envoy from them first."
            )
        super().perform_destroy(instance)


@extend_schema_view(
    list=extend_schema(
        summary="List deleted records (tombstones), oldest first",
        description="Every deletion of a state, mission, envoy, episode, source or "
        "action, whatever deleted it. With `updated_since` (or `deleted_since`), what "
        "a syncing copy must delete: the record whose `key` matches, if its local "
        "`updated_at` is not later than `deleted_at`. See the README's sync recipe.",
    )
)
class DeletionViewSet(
    FreedResponseMixin,
    ResponseCacheMixin,
    DatasetListMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Tombstones of deleted records, oldest first: what a syncing copy must delete.

    Delete a local record when its `updated_at` is not later than `deleted_at`
    (a state code can be deleted and created again).
    """

    queryset = Deletion.objects.all()
    serializer_class = DeletionSerializer
    filterset_class = DeletionFilterSet
    table = DELETION_TABLE
