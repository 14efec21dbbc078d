from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS


class ListOnlyManyRelatedField(serializers.ManyRelatedField):
    """DRF's ManyRelatedField takes any iterable: `{}` would clear the list."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


class BriefRelatedField(serializers.RelatedField):
    """A related object taken as a key on write and shown as a brief object on read.

    `lookup_field` names the key clients send (a state's code, an id, a slug);
    `brief_serializer` shapes what they read back.
    """

    default_error_messages = {
        "does_not_exist": "No {model} with {lookup_field} {value!r}.",
        "incorrect_type": "Expected a {lookup_field}, got {data_type}.",
        "null_characters": "Null characters are not allowed.",
    }

    def __init__(self, *, brief_serializer, lookup_field="pk", upper=False, **kwargs):
        self.brief_serializer = brief_serializer
        self.lookup_field = lookup_field
        self.upper = upper
        super().__init__(**kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        # As RelatedField.many_init, with a many field that takes only a list.
        list_kwargs = {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        return ListOnlyManyRelatedField(child_relation=cls(*args, **kwargs), **list_kwargs)

    def use_pk_only_optimization(self):
        return False

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail(
                "incorrect_type",
                lookup_field=self._lookup_name(),
                data_type=type(data).__name__,
            )
        if isinstance(data, str) and "\x00" in data:
            # PostgreSQL refuses the query (a DataError, which would also
            # abort the request's transaction): refuse the value first.
            self.fail("null_characters")
        if self.upper and isinstance(data, str):
            data = data.upper()
        try:
            return self.get_queryset().get(**{self.lookup_field: data})
        except (ObjectDoesNotExist, TypeError, ValueError, OverflowError, DjangoValidationError):
            self.fail(
                "does_not_exist",
                model=self.get_queryset().model._meta.verbose_name,
                lookup_field=self._lookup_name(),
                value=data,
            )

    def to_representation(self, value):
        # One brief serializer per field, reused for every value: building a
        # ModelSerializer's fields for each related object of a page cost more
        # than everything else in the request.
        brief = self.__dict__.get("_brief")
        if brief is None:
            brief = self._brief = self.brief_serializer(context=self.context)
        return brief.to_representation(value)

    def _lookup_name(self):
        return "id" if self.lookup_field == "pk" else self.lookup_field

    def get_choices(self, cutoff=None):
        # Keyed by what clients send: the brief representation is a dict.
        queryset = self.get_queryset()
        if cutoff is not None:
            queryset = queryset[:cutoff]
        key = "pk" if self.lookup_field == "pk" else self.lookup_field
        return {getattr(item, key): self.display_value(item) for item in queryset}
