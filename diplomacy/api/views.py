from drf_spectacular.types import OpenApiTypes

from diplomacy.api import examples
from diplomacy.api.docs import document_resource, lookup_parameter
from diplomacy.api.exceptions import Conflict
from diplomacy.api.serializers import EnvoySerializer, MissionSerializer, StateSerializer
from diplomacy.api.viewsets import RecordViewSet
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
    example=("Mali", examples.STATE),
)
class StateViewSet(RecordViewSet):
    """States, looked up by ISO 3166-1 alpha-2 code (`/api/v1/states/ML/`)."""

    queryset = State.objects.all()
    serializer_class = StateSerializer
    lookup_field = "code"
    lookup_value_regex = STATE_CODE_REGEX

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


@document_resource(
    singular="mission",
    plural="missions",
    lookup=lookup_parameter("id", "Id of the mission.", OpenApiTypes.INT),
    example=("The French embassy in Bamako", examples.MISSION),
)
class MissionViewSet(RecordViewSet):
    """Embassies, consulates and other posts of one state in another."""

    queryset = Mission.objects.select_related("sending_state", "receiving_state")
    serializer_class = MissionSerializer


@document_resource(
    singular="envoy",
    plural="envoys",
    lookup=lookup_parameter("id", "Id of the envoy.", OpenApiTypes.INT),
    example=("The French embassy member arrested in Bamako", examples.ENVOY),
)
class EnvoyViewSet(RecordViewSet):
    """Members of missions, named or not."""

    queryset = Envoy.objects.select_related("sending_state", "mission")
    serializer_class = EnvoySerializer

    def perform_destroy(self, instance):
        # Deleting would silently unlink the envoy from the actions that name it.
        if instance.actions.exists():
            raise Conflict(
                "Cannot delete: actions name this envoy. Remove the envoy from them first."
            )
        super().perform_destroy(instance)
