"""Import and export of the actor models (django-import-export), keyed as the fixtures are.

Related records are written as their public keys (a state's code, a record's
uid), never as database ids, so a file exported from one copy of the dataset
imports into another.
"""

import functools
import uuid

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from import_export import fields, resources, widgets

from diplomacy.api.formats.tables import TIMESTAMPS
from diplomacy.api.serializers import EnvoySerializer, MissionSerializer, StateSerializer
from diplomacy.models import Envoy, Mission, State
from diplomacy.plain_text import is_free_text, reject_markup


def _blank(value) -> bool:
    return value is None or not str(value).strip()


class UUIDWidget(widgets.Widget):
    """django-import-export maps no widget to UUIDField: without one a uid is imported as
    a string and never equals the stored UUID, so an unchanged row looks changed."""

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            return None
        try:
            return uuid.UUID(str(value).strip())
        except ValueError as error:
            raise ValueError(f"{value!r} is not a valid uid.") from error

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ForeignKeyWidget(widgets.ForeignKeyWidget):
    """Reports a key that matches nothing as an error on its field, not a crash of the row."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ObjectDoesNotExist, ValidationError) as error:
            name = self.model._meta.verbose_name
            raise ValueError(f"No {name} with {self.field} {value!r}.") from error


class ManyToManyWidget(widgets.ManyToManyWidget):
    """Reports the keys that match nothing, which django-import-export drops silently."""

    def clean(self, value, row=None, **kwargs):
        name = self.model._meta.verbose_name_plural
        try:
            found = list(super().clean(value, row, **kwargs))
        except ValidationError as error:
            raise ValueError(f"Not all of these are {name}: {value!r}.") from error
        keys = {
            key.strip().lower() for key in str(value or "").split(self.separator) if key.strip()
        }
        missing = keys - {str(getattr(item, self.field)).lower() for item in found}
        if missing:
            raise ValueError(f"No {name} with {self.field} {', '.join(sorted(missing))}.")
        return found


class KeyedResource(resources.ModelResource):
    """Related records are looked up by key with errors reported per field."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Plain text only, as through the API and in the admin (plain_text).
        errors = dict(import_validation_errors or {})
        for field in instance._meta.concrete_fields:
            if is_free_text(field) and field.name not in errors:
                try:
                    reject_markup(getattr(instance, field.attname))
                except ValidationError as error:
                    errors[field.name] = error.messages
        super().validate_instance(instance, errors, validate_unique)

    @classmethod
    def get_fk_widget(cls, field):
        return functools.partial(ForeignKeyWidget, model=field.related_model)

    @classmethod
    def get_m2m_widget(cls, field):
        return functools.partial(ManyToManyWidget, model=field.related_model)


class RecordResource(KeyedResource):
    """A dataset record, identified by its uid.

    A row whose uid is known updates that record; a row with an empty uid
    creates a record (with a new uid), so editors can add rows to a file by
    hand. Every instance goes through full_clean(), so the model's constraints
    come back as errors on their row before anything is written.
    """

    uid = fields.Field(attribute="uid", column_name="uid", widget=UUIDWidget())
    created_at = fields.Field(
        attribute="created_at", column_name="created_at", readonly=True,
        widget=widgets.DateTimeWidget(),
    )
    updated_at = fields.Field(
        attribute="updated_at", column_name="updated_at", readonly=True,
        widget=widgets.DateTimeWidget(),
    )

    class Meta:
        import_id_fields = ["uid"]
        clean_model_instances = True
        skip_unchanged = True

    def get_instance(self, instance_loader, row):
        if _blank(row.get("uid")):
            return None
        try:
            return super().get_instance(instance_loader, row)
        except ValueError as error:
            raise ValidationError({"uid": str(error)}) from error

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute == "uid" and _blank(row.get("uid")):
            return  # keep the uid the new record was given
        super().import_field(field, instance, row, is_m2m, **kwargs)


def record_fields(*serializers, exclude=(), extra=()) -> list[str]:
    """The columns of a record's resource, derived from its serializers' fields.

    The uid first (the key across copies of the dataset, where database ids
    differ: so never the id), then `extra` (what the API does not show of the
    record), the serializers' fields but `exclude` (several serializers, as the
    kinds of actions, in the order of their first appearance), the timestamps
    last. Written here because django-import-export reads a field list, not a
    DRF serializer, and no maintained package joins the two.
    """
    names = dict.fromkeys(name for serializer in serializers for name in serializer.Meta.fields)
    skip = {"id", "uid", *TIMESTAMPS, *exclude}
    return ["uid", *extra, *(name for name in names if name not in skip), *TIMESTAMPS]


class StateResource(KeyedResource):
    class Meta:
        model = State
        import_id_fields = ["code"]
        clean_model_instances = True
        skip_unchanged = True
        fields = list(StateSerializer.Meta.fields)


class MissionResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Mission
        fields = record_fields(MissionSerializer)
        widgets = {"sending_state": {"field": "code"}, "receiving_state": {"field": "code"}}


class EnvoyResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Envoy
        fields = record_fields(EnvoySerializer)
        widgets = {"sending_state": {"field": "code"}, "mission": {"field": "uid"}}
