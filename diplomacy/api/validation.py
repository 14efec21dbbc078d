import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers


class ModelValidationMixin:
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
