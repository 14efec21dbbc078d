from diplomacy.api.exceptions import Conflict
from diplomacy.api.serializers import EnvoySerializer, MissionSerializer, StateSerializer
from diplomacy.api.viewsets import RecordViewSet
from diplomacy.models import Envoy, Mission, State


class StateViewSet(RecordViewSet):
    """States, looked up by ISO 3166-1 alpha-2 code (`/api/v1/states/ML/`)."""

    queryset = State.objects.all()
    serializer_class = StateSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2,4}"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


class MissionViewSet(RecordViewSet):
    """Embassies, consulates and other posts of one state in another."""

    queryset = Mission.objects.select_related("sending_state", "receiving_state")
    serializer_class = MissionSerializer


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
