"""Sparse fieldsets: `?fields=id,date,summary` keeps only those, `?omit=citations` drops some.

Written here rather than taken from drf-flex-fields: that package needs every
serializer to inherit its base class and knows nothing of the polymorphic
action feed; the rule itself is a few lines.
"""

from dataclasses import dataclass

from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.serializers import ListSerializer

from diplomacy.api.openapi.cross_field_rules import UNKNOWN_FIELD_NAME
from diplomacy.filters import split_commas

FIELDS_PARAM = "fields"
OMIT_PARAM = "omit"


@dataclass(frozen=True)
class SparseFieldset:
    fields: frozenset[str] | None
    omit: frozenset[str]

    @classmethod
    def from_request(cls, request) -> "SparseFieldset | None":
        params = request.query_params
        if FIELDS_PARAM not in params and OMIT_PARAM not in params:
            return None
        fields = params.get(FIELDS_PARAM)
        return cls(
            fields=frozenset(split_commas(fields)) if fields is not None else None,
            omit=frozenset(split_commas(params.get(OMIT_PARAM, ""))),
        )

    def validate(self, available) -> None:
        """A 400 naming the parameter for a field the resource does not have."""
        available = set(available)
        errors = {}
        for param, names in ((FIELDS_PARAM, self.fields or ()), (OMIT_PARAM, self.omit)):
            unknown = sorted(set(names) - available)
            if unknown:
                errors[param] = [
                    ErrorDetail(
                        f"Unknown field: {', '.join(unknown)}. "
                        f"Available: {', '.join(sorted(available))}.",
                        code=UNKNOWN_FIELD_NAME,
                    )
                ]
        if self.fields is not None and not self.fields:
            errors[FIELDS_PARAM] = ["Name at least one field."]
        if errors:
            raise ValidationError(errors)

    def keeps(self, name: str) -> bool:
        return (self.fields is None or name in self.fields) and name not in self.omit


class SparseFieldsetMixin:
    """Serializer mixin: the top-level serializer of a GET drops the fields not asked for.

    Nested serializers (citations, brief related objects) keep their shape.
    """

    def get_fields(self):
        fields = super().get_fields()
        sparse = self.context.get("sparse_fieldset")
        if sparse is None or not self._is_top_level():
            return fields
        return {name: field for name, field in fields.items() if sparse.keeps(name)}

    def _is_top_level(self):
        parent = self.parent
        return parent is None or (isinstance(parent, ListSerializer) and parent.parent is None)
