import copy
from collections.abc import Mapping

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from diplomacy.plain_text import is_free_text, reject_markup

# Free text (summaries, notes, quotes) is unbounded in the database; through
# the API it is bounded, so a client cannot store megabytes in one field.
TEXT_MAX_LENGTH = 20_000

# The integer columns' ranges that hold on every database Django supports.
INTEGER_RANGES = {
    name: bounds
    for name, bounds in BaseDatabaseOperations.integer_field_ranges.items()
    if "Auto" not in name
}



class StrictInputMixin:
    """Reject unknown fields and numbers for strings; bound free text, refuse markup.

    DRF drops unknown fields silently: a client that misspells `anounced_on`
    would believe it had stored it. Read-only fields are known, so they are
    still accepted and ignored, and so are the read-only values the API shows
    outside the representation (the version in the ETag, the history at
    `/history/`), which a client may echo back.
    """

    IGNORED_ON_WRITE = frozenset({"uid", "version", "history"})

    # The JSON type each kind of field must be sent as. DRF is lenient where the
    # schema is not: it turns a number into a string (`"summary": 0` stored as
    # "0"), takes 0 and "yes" for a boolean, and an object for a list of ids
    # (`"envoys": {}` stored as no envoys).
    JSON_TYPES = [
        (serializers.CharField, str, "Not a valid string.", "invalid"),
        (serializers.BooleanField, bool, "Must be a boolean.", "invalid"),
        (serializers.ManyRelatedField, list, "Expected a list of items.", "not_a_list"),
    ]

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            errors = {
                name: [ErrorDetail("Unknown field.", code="unknown_field")]
                for name in data
                if name not in self.fields and name not in self.IGNORED_ON_WRITE
            }
            for name, field in self.fields.items():
                value = data.get(name)
                if field.read_only or value is None:
                    continue
                for field_class, json_type, message, code in self.JSON_TYPES:
                    if isinstance(field, field_class) and not isinstance(value, json_type):
                        errors[name] = [ErrorDetail(message, code=code)]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        bounds = INTEGER_RANGES.get(model_field.get_internal_type())
        if bounds is not None:
            # The bounds of the column on every database (SQLite's are wider than
            # PostgreSQL's), so that the schema says the same everywhere.
            low, high = bounds
            kwargs["min_value"] = max(kwargs.get("min_value", low), low)
            kwargs["max_value"] = min(kwargs.get("max_value", high), high)
        if is_free_text(model_field):
            if isinstance(model_field, models.TextField):
                kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
            kwargs["validators"] = [*kwargs.get("validators", []), reject_markup]
        return field_class, kwargs


class ModelValidationMixin(StrictInputMixin):
    """Run the model's clean() and its database constraints before saving.

    DRF does not run a model's CheckConstraints: without this, a violating
    write reaches the database and answers 500 instead of a 400 per field.
    """

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        columns = {field.name for field in model._meta.concrete_fields}
        for name, value in attrs.items():
            if name in columns:
                setattr(instance, name, value)
        self.prepare_instance(instance, attrs)
        try:
            instance.clean()
            instance.validate_unique()
            instance.validate_constraints()
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
        return attrs

    def prepare_instance(self, instance, attrs):
        """Hook: set what the serializer does not take from the client."""
