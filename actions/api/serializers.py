from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers
from simple_history.utils import bulk_create_with_history

from actions.choices import DatePrecision
from actions.dates import period_end, period_start
from actions.envoys import action_validate_envoys
from actions.kinds import KINDS, EnvoySide, Kind
from actions.models import KIND_MODELS, Action, Citation, Episode, Source
from diplomacy.api.records.brief_fields import BriefRelatedField
from diplomacy.api.records.input_validation import ModelValidationMixin, StrictInputMixin
from diplomacy.api.records.sparse_fieldsets import SparseFieldsetMixin
from diplomacy.api.serializers import (
    EnvoyBriefSerializer,
    MissionBriefSerializer,
    state_field,
)
from diplomacy.models import Envoy, Mission


class EpisodeBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Episode
        fields = ["slug", "title"]


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "publisher", "title", "url", "published_on"]


class ActionBriefSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor_id", help_text="ISO code of the actor.")
    target = serializers.CharField(source="target_id", help_text="ISO code of the target.")

    class Meta:
        model = Action
        fields = ["id", "kind", "date", "date_precision", "actor", "target"]


class EpisodeSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    class Meta:
        model = Episode
        fields = ["slug", "title", "summary", "created_at", "updated_at"]


class SourceSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "publisher",
            "title",
            "url",
            "published_on",
            "language",
            "created_at",
            "updated_at",
        ]


class CitationSerializer(StrictInputMixin, serializers.ModelSerializer):
    source = BriefRelatedField(
        queryset=Source.objects.all(),
        brief_serializer=SourceBriefSerializer,
        help_text="Source id on write.",
    )

    class Meta:
        model = Citation
        fields = ["id", "source", "supports", "quote", "attribution"]


COMMON_FIELDS = [
    "id",
    "kind",
    "actor",
    "target",
    "date",
    "date_precision",
    "date_not_before",
    "date_not_after",
    "announced_on",
    "summary",
    "notes",
    "episode",
    "in_response_to",
    "cameo_code",
    "plover",
    "plover_mode",
    "citations",
    "created_at",
    "updated_at",
]


class ActionSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    """Fields common to every kind; each kind's serializer adds its own."""

    actor = state_field(help_text="The state that acts: ISO alpha-2 code on write.")
    target = state_field(help_text="The state acted upon: ISO alpha-2 code on write.")
    episode = BriefRelatedField(
        queryset=Episode.objects.all(),
        brief_serializer=EpisodeBriefSerializer,
        lookup_field="slug",
        required=False,
        allow_null=True,
        help_text="Episode slug on write.",
    )
    in_response_to = BriefRelatedField(
        queryset=Action.objects.all(),
        brief_serializer=ActionBriefSerializer,
        required=False,
        allow_null=True,
        help_text="Id of the earlier action (of any kind) this one answers.",
    )
    citations = CitationSerializer(
        many=True,
        required=False,
        help_text="Sources and quotes. On update, when given, replaces the citations.",
    )

    class Meta:
        model = Action
        fields = COMMON_FIELDS
        # The earliest day follows from the date (see Action.normalize).
        read_only_fields = ["kind", "date_not_before"]

    def prepare_instance(self, instance, attrs):
        instance.kind = self.Meta.model.KIND

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_name == "kind":
            # Each kind's resource shows only its own kind, so that the schema
            # of the feed (one of the kinds) matches each action exactly once.
            kwargs["choices"] = [
                choice for choice in kwargs["choices"] if choice[0] == self.Meta.model.KIND
            ]
        if field_name == "persons_count":
            # The model's check constraint (action_persons_count_positive) wants at
            # least one person: the schema's minimum says so, rather than a 400 for 0.
            kwargs["min_value"] = 1
        return field_class, kwargs

    def validate(self, attrs):
        self._validate_latest_day(attrs)
        attrs = super().validate(attrs)
        model = self.Meta.model
        envoys = attrs.get("envoys")
        if envoys is None:
            envoys = self.instance.envoys.all() if self.instance is not None else []
        try:
            action_validate_envoys(
                kind_model=model,
                actor=attrs.get("actor", getattr(self.instance, "actor", None)),
                target=attrs.get("target", getattr(self.instance, "target", None)),
                envoys=envoys,
                persons_count=attrs.get(
                    "persons_count", getattr(self.instance, "persons_count", None)
                ),
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
        return attrs

    def _validate_latest_day(self, attrs):
        """A latest day of one's own only with date_precision=range; one that agrees
        with the date's month or year (as read back from the API) is accepted."""
        if "date_not_after" not in attrs or attrs["date_not_after"] is None:
            return
        precision = attrs.get(
            "date_precision", getattr(self.instance, "date_precision", DatePrecision.DAY)
        )
        date = attrs.get("date", getattr(self.instance, "date", None))
        if precision == DatePrecision.RANGE or date is None:
            return
        derived = period_end(period_start(date, precision), precision)
        if attrs["date_not_after"] != derived:
            raise serializers.ValidationError(
                {
                    "date_not_after": f"Follows from the date and its precision ({derived}); "
                    "give a latest day of your own only with date_precision=range."
                }
            )

    @transaction.atomic
    def create(self, validated_data):
        citations = validated_data.pop("citations", [])
        action = super().create(validated_data)
        self._write_citations(action, citations)
        return action

    @transaction.atomic
    def update(self, instance, validated_data):
        citations = validated_data.pop("citations", None)
        action = super().update(instance, validated_data)
        if citations is not None:
            action.citations.all().delete()
            self._write_citations(action, citations)
        return action

    def _write_citations(self, action, citations):
        bulk_create_with_history([Citation(action=action, **data) for data in citations], Citation)
        if hasattr(action, "_prefetched_objects_cache"):
            action._prefetched_objects_cache.pop("citations", None)


ENVOYS_HELP = {
    EnvoySide.ACTOR: "Ids of the envoys concerned, all of the actor state.",
    EnvoySide.TARGET: "Ids of the envoys concerned, all of the target state.",
}


# How a kind's own foreign key is shown on read.
BRIEF_SERIALIZERS = {Mission: MissionBriefSerializer}


def kind_serializer(kind: Kind) -> type[ActionSerializer]:
    """The serializer of a kind's resource: the common fields, its envoys and its own."""
    attrs = {}
    fields = list(COMMON_FIELDS)
    if kind.has_envoys:
        attrs["envoys"] = BriefRelatedField(
            many=True,
            queryset=Envoy.objects.all(),
            brief_serializer=EnvoyBriefSerializer,
            required=False,
            help_text=ENVOYS_HELP[kind.envoys],
        )
        fields.append("envoys")
    fields.extend(kind.fields)
    model = KIND_MODELS[kind.value]
    for name in kind.fields:
        field = model._meta.get_field(name)
        if field.many_to_one:  # brief on read, an id on write
            attrs[name] = BriefRelatedField(
                queryset=field.related_model.objects.all(),
                brief_serializer=BRIEF_SERIALIZERS[field.related_model],
                required=name in kind.required,
                allow_null=name not in kind.required,
                help_text=f"{field.help_text} Its id on write.",
            )
    required = {}
    for name in kind.required:
        if name in attrs:
            continue
        if name in kind.defaults:
            required[name] = {"required": False, "default": kind.defaults[name]}
        elif model._meta.get_field(name).null:
            required[name] = {"required": True, "allow_null": False}
        else:
            required[name] = {"required": True, "allow_blank": False}
    meta = type(
        "Meta",
        (ActionSerializer.Meta,),
        {"model": model, "fields": fields, "extra_kwargs": required},
    )
    return type(f"{kind.model_name}Serializer", (ActionSerializer,), {**attrs, "Meta": meta})


KIND_SERIALIZERS = {value: kind_serializer(kind) for value, kind in KINDS.items()}


class ActionFeedSerializer(serializers.BaseSerializer):
    """Each action of the feed in the shape of its kind's own resource."""

    @staticmethod
    def field_names() -> set[str]:
        """Every field an action of some kind has (what `fields=` may name)."""
        return {name for cls in KIND_SERIALIZERS.values() for name in cls().fields}

    def to_representation(self, instance):
        # One serializer per kind, reused across the rows of a page.
        cache = self.__dict__.setdefault("_by_kind", {})
        serializer = cache.get(instance.kind)
        if serializer is None:
            serializer = KIND_SERIALIZERS[instance.kind](context=self.context)
            cache[instance.kind] = serializer
        return serializer.to_representation(instance)


ActionFeedSchema = PolymorphicProxySerializer(
    component_name="Action",
    serializers=KIND_SERIALIZERS,
    resource_type_field_name="kind",
)


class TimelineEntrySerializer(ActionBriefSerializer):
    in_response_to = ActionBriefSerializer(
        read_only=True, allow_null=True, help_text="What this action answers; null if nothing."
    )
    responses = ActionBriefSerializer(
        many=True, read_only=True, help_text="The actions that answer this one, in date order."
    )

    class Meta(ActionBriefSerializer.Meta):
        fields = [
            *ActionBriefSerializer.Meta.fields,
            "announced_on",
            "summary",
            "in_response_to",
            "responses",
        ]


class TimelineSerializer(serializers.Serializer):
    episode = EpisodeBriefSerializer(help_text="The episode.")
    actions = TimelineEntrySerializer(
        many=True, help_text="In date order, each after the action it answers."
    )
