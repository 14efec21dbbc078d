from rest_framework import serializers

from diplomacy.api.records.brief_fields import BriefRelatedField
from diplomacy.api.records.input_validation import ModelValidationMixin
from diplomacy.api.records.sparse_fieldsets import SparseFieldsetMixin
from diplomacy.deletions import Deletion
from diplomacy.models import Envoy, Mission, State
from diplomacy.states import STATE_FIELDS


class StateBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = State
        fields = ["code", "name"]


class MissionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mission
        fields = ["id", "kind", "city"]


class EnvoyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Envoy
        fields = ["id", "name", "description"]


def state_field(**kwargs):
    return BriefRelatedField(
        queryset=State.objects.all(),
        brief_serializer=StateBriefSerializer,
        lookup_field="code",
        upper=True,
        help_text=kwargs.pop("help_text", "ISO 3166-1 alpha-2 code on write."),
        **kwargs,
    )


class StateSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    class Meta:
        model = State
        # A state is its code and what ISO says of it.
        fields = ["code", *STATE_FIELDS]

    def validate_code(self, value):
        value = value.upper()
        if self.instance is not None and value != self.instance.code:
            raise serializers.ValidationError("The code of a state cannot be changed.")
        return value


class MissionSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    sending_state = state_field(help_text="Sending state: ISO alpha-2 code on write.")
    receiving_state = state_field(help_text="Receiving state: ISO alpha-2 code on write.")

    class Meta:
        model = Mission
        fields = [
            "id",
            "sending_state",
            "receiving_state",
            "kind",
            "city",
            "created_at",
            "updated_at",
        ]
        # The model's unique constraint is checked by ModelValidationMixin,
        # with the model's own message.
        validators = []


class EnvoySerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    sending_state = state_field(help_text="Sending state: ISO alpha-2 code on write.")
    mission = BriefRelatedField(
        queryset=Mission.objects.all(),
        brief_serializer=MissionBriefSerializer,
        required=False,
        allow_null=True,
        help_text="Mission id on write.",
    )

    class Meta:
        model = Envoy
        fields = [
            "id",
            "name",
            "description",
            "sending_state",
            "mission",
            "title",
            "category",
            "created_at",
            "updated_at",
        ]


class DeletionSerializer(SparseFieldsetMixin, serializers.ModelSerializer):
    class Meta:
        model = Deletion
        fields = ["resource", "key", "uid", "deleted_at"]
        extra_kwargs = {"deleted_at": {"help_text": "When the record was deleted (UTC)."}}
