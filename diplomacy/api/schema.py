"""drf-spectacular extensions for the project's own fields."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "diplomacy.api.fields.BriefRelatedField"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        if direction == "response":
            component = auto_schema.resolve_serializer(field.brief_serializer, direction)
            return component.ref
        if field.lookup_field == "pk":
            return build_basic_type(OpenApiTypes.INT)
        return build_basic_type(OpenApiTypes.STR)
