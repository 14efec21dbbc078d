"""One FilterSet per resource of the actor models, and for the deletions feed."""


from diplomacy.choices import EnvoyCategory, MissionKind
from diplomacy.deletions import TRACKED, Deletion
from diplomacy.filters import (
    BooleanFilter,
    ChoicesFilter,
    DatasetFilterSet,
    DateTimeFilter,
    KeysFilter,
    StableOrderingFilter,
    StateCodesFilter,
    TextSearchFilter,
    UpdatedSinceFilter,
)
from diplomacy.models import Envoy, Mission, State


class StateFilterSet(DatasetFilterSet):
    q = TextSearchFilter(
        fields=["name", "official_name", "code", "alpha_3"],
        help_text="Words in the name, official name or codes.",
    )
    historic = BooleanFilter(
        field_name="is_historic", help_text="true: only states that no longer exist."
    )
    updated_since = UpdatedSinceFilter()
    ordering = StableOrderingFilter(fields=("name", "code", "updated_at"))

    class Meta:
        model = State
        fields = []


class MissionFilterSet(DatasetFilterSet):
    state = StateCodesFilter(
        fields=["sending_state", "receiving_state"],
        help_text="ISO codes, comma-separated: missions sent by or to any of them.",
    )
    sending_state = StateCodesFilter(help_text="ISO codes of the sending state.")
    receiving_state = StateCodesFilter(help_text="ISO codes of the receiving state.")
    kind = ChoicesFilter(choices=MissionKind.choices)
    q = TextSearchFilter(fields=["city"], help_text="Words in the city.")
    updated_since = UpdatedSinceFilter()
    ordering = StableOrderingFilter(fields=("city", "created_at", "updated_at"))

    class Meta:
        model = Mission
        fields = []


class EnvoyFilterSet(DatasetFilterSet):
    state = StateCodesFilter(
        field_name="sending_state", help_text="ISO codes of the sending state, comma-separated."
    )
    mission = KeysFilter(queryset=Mission.objects.all(), help_text="Mission ids, comma-separated.")
    category = ChoicesFilter(choices=EnvoyCategory.choices)
    q = TextSearchFilter(
        fields=["name", "description", "title"],
        help_text="Words in the name, description or title.",
    )
    updated_since = UpdatedSinceFilter()
    ordering = StableOrderingFilter(fields=("name", "created_at", "updated_at"))

    class Meta:
        model = Envoy
        fields = []


def _tracked_resources():
    return sorted((resource, resource) for resource, _ in TRACKED.values())


class DeletionFilterSet(DatasetFilterSet):
    resource = ChoicesFilter(choices=_tracked_resources, help_text="Resources, comma-separated.")
    deleted_since = DateTimeFilter(
        field_name="deleted_at",
        lookup_expr="gte",
        help_text="ISO 8601 date-time: deletions at or after it.",
    )
    updated_since = UpdatedSinceFilter(
        field_name="deleted_at",
        help_text="The same as `deleted_since`, so one sync loop can use one parameter.",
    )

    class Meta:
        model = Deletion
        fields = []
