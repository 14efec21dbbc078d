"""drf-spectacular extensions for the project's own fields, and its schema class."""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter


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


ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="Strong entity tag of this representation. For a record, "
    '`"<version>-<digest>"`: send it back in `If-Match` to change or delete the record.',
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="ETag(s) of a copy you hold: the answer is 304 with no body if it is "
    "still current.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the record as you last read it (or `*` to overwrite "
    "whatever is there). If the record changed since, the answer is 412 and nothing "
    "is written.",
)
NOT_MODIFIED = {"description": "Not Modified: the copy named in If-None-Match is current."}
PRECONDITION_FAILED = {
    "description": "Precondition Failed: the record changed since the ETag in If-Match "
    "was issued. Nothing was written: GET the record again and resend the change."
}
PRECONDITION_REQUIRED = {
    "description": "Precondition Required: the request has no If-Match header."
}


class ConditionalRequestsSchemaMixin:
    """Documents ETag, If-None-Match and If-Match (diplomacy.api.conditional)."""

    def _locks_writes(self):
        from diplomacy.api.conditional import ConditionalWriteMixin

        return self.method in ("PUT", "PATCH", "DELETE") and isinstance(
            self.view, ConditionalWriteMixin
        )

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method == "GET":
            parameters += [IF_NONE_MATCH, ETAG]
        elif self._locks_writes():
            parameters.append(IF_MATCH)
            if self.method != "DELETE":
                parameters.append(ETAG)
        elif self.method == "POST" and getattr(self.view, "action", None) == "create":
            parameters.append(ETAG)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method == "GET":
            responses.setdefault("304", NOT_MODIFIED)
        elif self._locks_writes():
            responses.setdefault("412", PRECONDITION_FAILED)
            responses.setdefault("428", PRECONDITION_REQUIRED)
        return responses


class AutoSchema(ConditionalRequestsSchemaMixin, openapi.AutoSchema):
    """The project's schema class: drf-spectacular's, with the mixins above."""
