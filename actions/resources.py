"""Import and export of the acts (django-import-export), keyed as the fixtures are."""

from django.core.exceptions import ValidationError
from import_export import fields

from actions.envoys import action_validate_envoys
from actions.models import KIND_MODELS, Action, Citation, Episode, Source
from diplomacy.resources import TIMESTAMPS, RecordResource


class EpisodeResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Episode
        fields = ["uid", "slug", "title", "summary", *TIMESTAMPS]


class SourceResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Source
        fields = ["uid", "publisher", "title", "url", "published_on", "language", *TIMESTAMPS]


class CitationResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Citation
        fields = ["uid", "action", "source", "supports", "quote", "attribution", *TIMESTAMPS]
        widgets = {"action": {"field": "uid"}, "source": {"field": "uid"}}


ACTION_FIELDS = [
    "uid", "kind", "actor", "target", "date", "date_precision", "date_not_after",
    "announced_on", "summary", "notes", "episode", "in_response_to", "cameo_code", "plover",
    "plover_mode",
]
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
        fields = [
            *ACTION_FIELDS,
            "envoys",
            *dict.fromkeys(name for model in KIND_MODELS.values() for name in model.KIND_FIELDS),
            *TIMESTAMPS,
        ]
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


def kind_resource(model):
    """The import-export resource of one kind of action."""
    envoys = ["envoys"] if model.HAS_ENVOYS else []
    meta = type(
        "Meta",
        (RecordResource.Meta,),
        {
            "model": model,
            "fields": [*ACTION_FIELDS, *envoys, *model.KIND_FIELDS, *TIMESTAMPS],
            "widgets": ACTION_WIDGETS,
        },
    )
    return type(f"{model.__name__}Resource", (KindResource,), {"Meta": meta})


KIND_RESOURCES = {kind: kind_resource(model) for kind, model in KIND_MODELS.items()}
