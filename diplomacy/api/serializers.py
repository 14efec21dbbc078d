from django.core.validators import RegexValidator
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from diplomacy.api.openapi.cross_field_rules import DOES_NOT_EXIST, Rule, taken_key, unknown_key
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


# The shapes of a state's ISO codes (the code itself is taken in either case).
STATE_CODE_PATTERNS = {
    "code": r"^[A-Za-z]{2}(?:[A-Za-z]{2})?$",
    "alpha_3": r"^[A-Z]{3}$",
    # Blank allowed: the schema says so apart (drf-spectacular's oneOf).
    "alpha_4": r"^[A-Z]{4}$",
    "numeric": r"^[0-9]{3}$",
}


class StateSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    cross_field_rules = (
        taken_key("code", "`code` is not that of another state."),
        taken_key("alpha_3", "`alpha_3` is not that of another current state."),
        Rule(
            fields=("code",),
            codes=("immutable",),
            text="On a change, `code` stays the state's own.",
        ),
        Rule(
            fields=("ended_on",),
            codes=("state_end_date_only_if_historic",),
            text="`ended_on` is given only with `is_historic` true.",
        ),
    )

    class Meta:
        model = State
        # A state is its code and what ISO says of it.
        fields = ["code", *STATE_FIELDS]
        # alpha_3 is unique among current states: checked in validate(), on its field.
        validators = []
        extra_kwargs = {"is_historic": {"default": False}}

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_name in STATE_CODE_PATTERNS:
            kwargs["validators"] = [
                *kwargs.get("validators", []),
                RegexValidator(STATE_CODE_PATTERNS[field_name], "Not an ISO code of this form."),
            ]
        return field_class, kwargs

    def validate_code(self, value):
        value = value.upper()
        if self.instance is not None and value != self.instance.code:
            raise serializers.ValidationError(
                ErrorDetail("The code of a state cannot be changed.", code="immutable")
            )
        return value

    def validate(self, attrs):
        alpha_3 = attrs.get("alpha_3", getattr(self.instance, "alpha_3", None))
        historic = attrs.get("is_historic", getattr(self.instance, "is_historic", False))
        if alpha_3 and not historic:
            others = State.objects.filter(alpha_3=alpha_3, is_historic=False)
            if self.instance is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise serializers.ValidationError(
                    {
                        "alpha_3": ErrorDetail(
                            "A current state has this alpha-3 code.", code="unique"
                        )
                    }
                )
        return super().validate(attrs)


class MissionSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    cross_field_rules = (
        Rule(
            fields=("sending_state", "receiving_state"),
            codes=(DOES_NOT_EXIST,),
            text="`sending_state` and `receiving_state` are codes of states the API has.",
        ),
        Rule(
            fields=("receiving_state",),
            codes=("mission_sending_differs_from_receiving",),
            text="`receiving_state` differs from `sending_state`.",
        ),
        Rule(
            fields=("non_field_errors",),
            codes=("unique",),
            text="No other mission has the same `sending_state`, `receiving_state`, `kind` "
            "and `city`.",
        ),
    )

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
        # The model's unique constraint is checked in validate(), with the
        # model's own message.
        validators = []

    def validate(self, attrs):
        post = {
            name: attrs.get(name, getattr(self.instance, name, None))
            for name in ("sending_state", "receiving_state", "kind", "city")
        }
        if all(value is not None for value in post.values()):
            others = Mission.objects.filter(**post)
            if self.instance is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise serializers.ValidationError(
                    {
                        "non_field_errors": ErrorDetail(
                            "This mission already exists.", code="unique"
                        )
                    }
                )
        return super().validate(attrs)


class EnvoySerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    cross_field_rules = (
        unknown_key("sending_state", "`sending_state` is the code of a state the API has."),
        Rule(
            fields=("mission",),
            codes=(DOES_NOT_EXIST, "mission_of_another_state"),
            text="`mission` is the id of an existing mission of `sending_state`.",
        ),
        Rule(
            fields=("description",),
            codes=("envoy_named_or_described",),
            text="An envoy without a `name` has a `description`.",
        ),
    )

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
