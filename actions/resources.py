"""Import and export of the acts (django-import-export), keyed as the fixtures are."""

from django.core.exceptions import ValidationError
from import_export import fields

from actions.api.serializers import (
    KIND_SERIALIZERS,
    CitationSerializer,
    EpisodeSerializer,
    SourceSerializer,
)
from actions.envoys import action_validate_envoys
from actions.models import Action, Citation, Episode, Source
from diplomacy.resources import RecordResource, record_fields


class EpisodeResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Episode
        fields = record_fields(EpisodeSerializer)


class SourceResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Source
        fields = record_fields(SourceSerializer)


class CitationResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Citation
        # The API nests citations in their action; a flat row names it.
        fields = record_fields(CitationSerializer, extra=["action"])
        widgets = {"action": {"field": "uid"}, "source": {"field": "uid"}}


# Not columns of an action: the earliest day follows from the date (see
# Action.normalize), and citations are rows of their own (CitationResource).
ACTION_EXCLUDED = ["date_not_before", "citations"]
ACTION_WIDGETS = {
    "actor": {"field": "code"},
    "target": {"field": "code"},
    "episode": {"field": "slug"},
    "in_response_to": {"field": "uid"},
    "envoys": {"field": "uid"},
    "mission": {"field": "uid"},
}


class ActionResource(RecordResource):
    """Every kind together, with every kind's columns: export only (the admin
    of all actions is read-only; each kind imports through its own admin)."""

    class Meta(RecordResource.Meta):
        model = Action
        fields = record_fields(*KIND_SERIALIZERS.values(), exclude=ACTION_EXCLUDED)
        widgets = ACTION_WIDGETS


class KindResource(RecordResource):
    """The actions of one kind: the common columns and that kind's own."""

    # Exported for the reader; on import the kind is the resource's own.
    kind = fields.Field(attribute="kind", column_name="kind", readonly=True)

    def init_instance(self, row=None):
        instance = super().init_instance(row)
        instance.kind = self._meta.model.KIND  # the constraints depend on it
        return instance

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # The envoy rules span tables, so no constraint (and no full_clean) holds them.
        envoys = []
        if "envoys" not in self.fields or "envoys" in errors:
            pass
        elif "envoys" in row:
            try:
                envoys = self.fields["envoys"].clean(row) or []
            except ValueError as error:
                errors["envoys"] = [str(error)]
        elif instance.pk:  # a file without the column keeps the envoys
            envoys = list(instance.envoys.all())
        try:
            action_validate_envoys(
                kind_model=self._meta.model,
                actor=instance.actor if instance.actor_id else None,
                target=instance.target if instance.target_id else None,
                envoys=envoys,
                persons_count=instance.persons_count,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def kind_resource(serializer):
    """The import-export resource of one kind of action."""
    model = serializer.Meta.model
    meta = type(
        "Meta",
        (RecordResource.Meta,),
        {
            "model": model,
            "fields": record_fields(serializer, exclude=ACTION_EXCLUDED),
            "widgets": ACTION_WIDGETS,
        },
    )
    return type(f"{model.__name__}Resource", (KindResource,), {"Meta": meta})


KIND_RESOURCES = {kind: kind_resource(serializer) for kind, serializer in KIND_SERIALIZERS.items()}
