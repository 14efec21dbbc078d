"""The CSV columns of the actor resources and of the deletions feed."""

from diplomacy.api.formats.tables import Table, related_value
from diplomacy.models import Mission

STATE_TABLE = Table(
    columns={
        "code": "code",
        "alpha_3": "alpha_3",
        "alpha_4": "alpha_4",
        "numeric": "numeric",
        "name": "name",
        "official_name": "official_name",
        "is_historic": "is_historic",
        "ended_on": "ended_on",
        "updated_at": "updated_at",
    }
)

MISSION_TABLE = Table(
    columns={
        "id": "id",
        "uid": "uid",
        "sending_state": "sending_state_id",
        "receiving_state": "receiving_state_id",
        "kind": "kind",
        "city": "city",
        "created_at": "created_at",
        "updated_at": "updated_at",
    }
)

ENVOY_TABLE = Table(
    columns={
        "id": "id",
        "uid": "uid",
        "name": "name",
        "description": "description",
        "sending_state": "sending_state_id",
        "mission": "mission_id",
        "mission_city": related_value(Mission, "city", foreign_key="mission_id"),
        "title": "title",
        "category": "category",
        "created_at": "created_at",
        "updated_at": "updated_at",
    },
)

DELETION_TABLE = Table(
    columns={
        "resource": "resource",
        "key": "key",
        "uid": "uid",
        "deleted_at": "deleted_at",
    }
)
