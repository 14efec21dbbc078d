"""drf-spectacular extensions for the project's own fields, and its AutoSchema."""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import permissions


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


class AutoSchema(openapi.AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        # drf-spectacular knows anonymous reads only from AllowAny and
        # IsAuthenticatedOrReadOnly; the API's reads are open through
        # DjangoModelPermissionsOrAnonReadOnly too.
        anonymous_reads = (
            permissions.IsAuthenticatedOrReadOnly,
            permissions.DjangoModelPermissionsOrAnonReadOnly,
        )
        permission_classes = [type(permission) for permission in self.view.get_permissions()]
        if (
            self.method in permissions.SAFE_METHODS
            and permission_classes
            and all(issubclass(cls, anonymous_reads) for cls in permission_classes)
            and {} not in auths
        ):
            auths.append({})
        return auths
