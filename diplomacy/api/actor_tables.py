"""The CSV columns of the actor resources and of the deletions feed, derived at
import from their serializers (`serializer_table`) with what the JSON does not show."""

from diplomacy.api.formats.tables import related_value, serializer_table
from diplomacy.api.serializers import (
    DeletionSerializer,
    EnvoySerializer,
    MissionSerializer,
    StateSerializer,
)
from diplomacy.models import Mission

# A syncing copy finds the states that changed by updated_at.
STATE_TABLE = serializer_table(StateSerializer, end={"updated_at": "updated_at"})

# The uid, the key across copies of the dataset, is in CSV but not in the JSON.
MISSION_TABLE = serializer_table(MissionSerializer, after={"id": {"uid": "uid"}})

ENVOY_TABLE = serializer_table(
    EnvoySerializer,
    after={
        "id": {"uid": "uid"},
        # A flat file has no brief mission object: its city stands beside its id.
        "mission": {"mission_city": related_value(Mission, "city", foreign_key="mission_id")},
    },
)

DELETION_TABLE = serializer_table(DeletionSerializer)
