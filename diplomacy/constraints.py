from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, models


class FieldCheckConstraint(models.CheckConstraint):
    """A CheckConstraint whose violation is reported against one field.

    Django reports a violated CheckConstraint as a non-field error; naming the
    field lets the admin show the message next to it and the API return it
    under that key, while the database still enforces the rule. The error's
    code is the constraint's name (unless it has a code of its own): clients
    tell the rules apart by it.
    """

    def __init__(self, *, field, **kwargs):
        self.field = field
        super().__init__(**kwargs)

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        try:
            super().validate(model, instance, exclude=exclude, using=using)
        except ValidationError as error:
            errors = [
                ValidationError(item.message, code=item.code or self.name, params=item.params)
                for item in error.error_list
            ]
            raise ValidationError({self.field: errors}) from error

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs["field"] = self.field
        return path, args, kwargs

    def __eq__(self, other):
        return (
            isinstance(other, FieldCheckConstraint)
            and self.field == other.field
            and super().__eq__(other)
        )

    __hash__ = models.CheckConstraint.__hash__
