from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models, transaction
from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.fields import get_error_detail
from simple_history.utils import bulk_create_with_history

from actions.choices import DatePrecision
from actions.dates import period_end, period_start
from actions.envoys import (
    ENVOY_OF_ANOTHER_STATE,
    FEWER_PERSONS_THAN_ENVOYS,
    action_validate_envoys,
)
from actions.kinds import KINDS, EnvoySide, Kind
from actions.models import KIND_MODELS, Action, Citation, Episode, Source
from diplomacy.api.openapi.cross_field_rules import (
    DOES_NOT_EXIST,
    Rule,
    taken_key,
    unknown_key,
)
from diplomacy.api.records.brief_fields import BriefRelatedField
from diplomacy.api.records.input_validation import ModelValidationMixin, StrictInputMixin
from diplomacy.api.records.sparse_fieldsets import SparseFieldsetMixin
from diplomacy.api.serializers import (
    EnvoyBriefSerializer,
    MissionBriefSerializer,
    state_field,
)
from diplomacy.models import Envoy, Mission

# URLs of published pages: http(s), a host name with its top-level domain, no
# spaces. A pattern the schema states and the API applies, within what Django's
# URLValidator (the admin's rule) accepts: a host of at most 253 characters
# (labels of 63 at most, four of them at most), no user, no port.
HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
URL_PATTERN = (
    rf"^https?://(?:{HOST_LABEL}\.){{1,3}}[A-Za-z]{{2,24}}(?:[/?#][^\s<\x00]*)?$"
)


class SourceUrlField(serializers.CharField):
    """A source's `url`: the pattern above, then Django's own URL validation (run
    apart from the validators, which drf-spectacular would publish as `format: uri`,
    a wider rule than the pattern)."""

    url_validator = URLValidator(schemes=["http", "https"])

    def __init__(self, **kwargs):
        kwargs["validators"] = [
            RegexValidator(URL_PATTERN, "Enter an http or https URL of a page.")
        ]
        super().__init__(**kwargs)

    def run_validators(self, value):
        super().run_validators(value)
        try:
            self.url_validator(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(get_error_detail(error)) from error


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
    cross_field_rules = (taken_key("slug", "`slug` is not that of another episode."),)

    class Meta:
        model = Episode
        fields = ["slug", "title", "summary", "created_at", "updated_at"]


class SourceSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: SourceUrlField,
    }

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


def _dates_not_before_date() -> list[str]:
    """The date fields the database holds to be on or after `date` (Action's constraints)."""
    return [
        constraint.field
        for constraint in Action._meta.constraints
        if constraint.name == f"action_{getattr(constraint, 'field', '')}_not_before_date"
    ]


def date_not_before_date_rule(field: str) -> Rule:
    return Rule(
        fields=(field,),
        codes=(f"action_{field}_not_before_date",),
        text=f"`{field}` is not before `date`.",
    )


# The rules of every kind's body; kind_serializer() adds those of the kind's own fields.
ACTION_RULES = (
    Rule(
        fields=("actor", "target"),
        codes=(DOES_NOT_EXIST,),
        text="`actor` and `target` are codes of states the API has (`/api/v1/states/`).",
    ),
    Rule(
        fields=("target",),
        codes=("action_actor_differs_from_target",),
        text="`target` differs from `actor`.",
    ),
    Rule(
        fields=("date_not_after",),
        codes=(
            "range_without_latest_day",
            "range_latest_day_not_after_date",
            "latest_day_without_range",
            "action_date_not_after_not_before_date",
        ),
        text="`date_not_after` is required with `date_precision` `range`, and then after "
        "`date`; with another precision, leave it out (or send the last day of the date's "
        "period, as read back).",
    ),
    date_not_before_date_rule("announced_on"),
    unknown_key("episode", "`episode` is the slug of an existing episode."),
    Rule(
        fields=("in_response_to",),
        codes=(
            DOES_NOT_EXIST,
            "response_to_a_later_action",
            "action_not_in_response_to_itself",
        ),
        text="`in_response_to` is the id of another existing action, not a later one "
        "(its earliest possible day is not after this action's latest).",
    ),
    Rule(
        fields=("date",),
        codes=("after_a_response",),
        text="On a change, `date` does not move the action after an action that answers it.",
    ),
    unknown_key("citations.*.source", "Each citation's `source` is the id of an existing source."),
)


class ActionSerializer(SparseFieldsetMixin, ModelValidationMixin, serializers.ModelSerializer):
    """Fields common to every kind; each kind's serializer adds its own."""

    cross_field_rules = ACTION_RULES

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
                    "date_not_after": ErrorDetail(
                        f"Follows from the date and its precision ({derived}); "
                        "give a latest day of your own only with date_precision=range.",
                        code="latest_day_without_range",
                    )
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
    attrs["cross_field_rules"] = (*ACTION_RULES, *kind_rules(kind))
    return type(f"{kind.model_name}Serializer", (ActionSerializer,), {**attrs, "Meta": meta})


def kind_rules(kind: Kind) -> list[Rule]:
    """The rules of the fields of a kind's own."""
    model = KIND_MODELS[kind.value]
    rules = [date_not_before_date_rule(name) for name in _dates_not_before_date()
             if name in kind.fields]
    if kind.has_envoys:
        side = kind.envoys.value
        rules.append(
            Rule(
                fields=("envoys",),
                codes=(DOES_NOT_EXIST, ENVOY_OF_ANOTHER_STATE),
                text=f"Each of `envoys` is the id of an existing envoy of the {side} state "
                f"(`{side}`).",
            )
        )
        if "persons_count" in kind.fields:
            rules.append(
                Rule(
                    fields=("persons_count",),
                    codes=(FEWER_PERSONS_THAN_ENVOYS,),
                    text="`persons_count` is at least the number of `envoys`.",
                )
            )
    for name in kind.fields:
        if model._meta.get_field(name).related_model is Mission:
            rules.append(
                Rule(
                    fields=(name,),
                    codes=(DOES_NOT_EXIST, "mission_of_other_states"),
                    text=f"`{name}` is the id of an existing mission of the target in the "
                    "actor's country, or of the actor in the target's.",
                )
            )
    return rules


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
