"""drf-spectacular extensions for the project's own fields, and its AutoSchema."""

from drf_spectacular import openapi
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import permissions, serializers

from diplomacy.api.openapi.cross_field_rules import describe, operation_rules

# The largest value of a BigAutoField, the type of every id.
MAX_ID = 2**63 - 1


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "diplomacy.api.records.brief_fields.BriefRelatedField"

    def map_serializer_field(self, auto_schema, direction):
        from diplomacy.filters import SLUG, STATE_CODE

        field = self.target
        if direction == "response":
            component = auto_schema.resolve_serializer(field.brief_serializer, direction)
            return component.ref
        if field.lookup_field == "pk":
            return {**build_basic_type(OpenApiTypes.INT), "minimum": 1, "maximum": MAX_ID}
        # The key's shape; that it names a record is a rule of the operation.
        pattern = {"code": STATE_CODE, "slug": SLUG}.get(field.lookup_field)
        schema = build_basic_type(OpenApiTypes.STR)
        if pattern is not None:
            schema["pattern"] = rf"^{pattern}$"
        return schema


class DatasetFilterExtension(DjangoFilterExtension):
    """django-filter's parameters, with what the project's filters add: a list of
    choices names at least one (`?kind=` is a 400, not an empty filter)."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        from diplomacy.filters import ChoicesFilter

        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        if isinstance(filter_field, ChoicesFilter):
            choices = filter_field.extra.get("choices")
            for parameter in parameters:
                parameter["schema"]["minItems"] = 1
                items = parameter["schema"].get("items", {})
                if "enum" not in items and callable(choices):
                    # Choices known only when asked (the tracked resources).
                    items["enum"] = [value for value, _ in choices()]
        return parameters


# The text rules every string the API takes obeys (DRF's CharField): no null
# character; a value that may not be blank has a character other than
# whitespace (DRF trims it); free text holds no markup: no `<` followed by a
# letter, `!`, `/` or `?`, spaces between (diplomacy.plain_text). Written
# without lookaheads, which the generators of test data handle badly.
OTHER_THAN_MARKUP = r"(?:[^<\x00]|(?:<\s*)+(?:[^\sA-Za-z!/?<\x00]|$))"
OTHER_THAN_MARKUP_OR_SPACE = r"(?:[^\s<\x00]|(?:<\s*)+(?:[^\sA-Za-z!/?<\x00]|$))"
# Any character but the null one; the same, not whitespace either.
NOT_NULL, NOT_NULL_OR_SPACE = r"[^\x00]", r"[^\s\x00]"
# Text that may not be blank (and takes markup): also the pattern of a query
# parameter read as text outside any serializer, e.g. `as_of`.
NOT_BLANK_TEXT = rf"^\s*{NOT_NULL_OR_SPACE}{NOT_NULL}*$"


def text_pattern(field) -> str:
    from diplomacy.plain_text import reject_markup

    if reject_markup in field.validators:
        char, visible = OTHER_THAN_MARKUP, OTHER_THAN_MARKUP_OR_SPACE
    else:
        char, visible = NOT_NULL, NOT_NULL_OR_SPACE
    if field.allow_blank:
        return rf"^{char}*$"
    return rf"^\s*{visible}{char}*$"


class StrictRequestSchemaMixin:
    """Request bodies as the API reads them (diplomacy.api.records.input_validation).

    An unknown key is refused (`additionalProperties: false`), and each string
    states the text rules of `text_pattern` unless it has a pattern of its own.
    """

    def _map_basic_serializer(self, serializer, direction):
        from diplomacy.api.records.input_validation import StrictInputMixin

        schema = super()._map_basic_serializer(serializer, direction)
        if direction != "request" or not isinstance(serializer, StrictInputMixin):
            return schema
        schema["additionalProperties"] = False
        fields = serializer.fields
        for name, property_schema in schema.get("properties", {}).items():
            field = fields.get(name)
            if (
                isinstance(field, serializers.CharField)
                and property_schema.get("type") == "string"
                and "pattern" not in property_schema
                and "format" not in property_schema
            ):
                property_schema["pattern"] = text_pattern(field)
        return schema


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
# `*`, or a comma-separated list of entity tags (RFC 9110 8.8.3): anything else
# is a 400 (diplomacy.api.concurrency.conditional_requests.versions_in_if_match).
ENTITY_TAG = r'(W/)?"[!#-+\--~]*"'
IF_MATCH_PATTERN = rf"^[ \t]*(\*|{ENTITY_TAG}([ \t]*,[ \t]*{ENTITY_TAG})*)[ \t]*$"
IF_MATCH = OpenApiParameter(
    "If-Match",
    {"type": "string", "pattern": IF_MATCH_PATTERN},
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the record as you last read it (or `*` to overwrite "
    "whatever is there). If the record changed since, the answer is 412 and nothing "
    "is written.",
)
NOT_MODIFIED = {"description": "Not Modified: the copy named in If-None-Match is current."}


class ConditionalRequestsSchemaMixin:
    """Documents ETag, If-None-Match and If-Match (diplomacy.api.concurrency.conditional_requests).

    The 412 and 428 problems of an operation that takes If-Match are added
    with the other problems, by diplomacy.api.errors.problem_schema.
    """

    def _locks_writes(self):
        from diplomacy.api.concurrency.conditional_requests import ConditionalWriteMixin

        return self.method in ("PUT", "PATCH", "DELETE") and isinstance(
            self.view, ConditionalWriteMixin
        )

    def get_override_parameters(self):
        from diplomacy.api.records.as_of_views import AS_OF_PARAMETER, AsOfMixin

        parameters = list(super().get_override_parameters())
        if self.method == "GET":
            parameters += [IF_NONE_MATCH, ETAG]
            if isinstance(self.view, AsOfMixin) and self.view.action in self.view.as_of_actions:
                parameters.append(AS_OF_PARAMETER)
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
        return responses


def query_parameters(operation: dict) -> set[str]:
    return {
        parameter["name"]
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "query"
    }


class CrossFieldRulesSchemaMixin:
    """Ends each operation's description with the rules the schema cannot state
    (diplomacy.api.openapi.cross_field_rules)."""

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return operation
        rules = describe(operation_rules(self.view, self.method, query_parameters(operation)))
        if rules:
            description = operation.get("description", "")
            operation["description"] = f"{description}\n\n{rules}" if description else rules
        return operation


class AutoSchema(
    CrossFieldRulesSchemaMixin,
    StrictRequestSchemaMixin,
    ConditionalRequestsSchemaMixin,
    openapi.AutoSchema,
):
    """The project's schema class: drf-spectacular's, with the mixins above."""

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


TABULAR_MEDIA_TYPES = {
    "text/csv": "UTF-8 CSV with a header row; lists joined with `|`.",
    "application/x-ndjson": "JSON Lines: one JSON object per line.",
}

SPARSE_PARAMETERS = [
    OpenApiParameter(
        "fields",
        # At least one name: `fields=` (or only commas) is a 400.
        {"type": "string", "pattern": r"[^,\s]"},
        description="Comma-separated fields to return, e.g. `id,date,summary` "
        "(CSV: column names); name at least one. An unknown name is a 400.",
    ),
    OpenApiParameter(
        "omit",
        OpenApiTypes.STR,
        description="Comma-separated fields to leave out, e.g. `citations,notes`.",
    ),
]

LINK_HEADER = OpenApiParameter(
    "Link",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200],
    description='RFC 8288 links to the next and previous pages: `<url>; rel="next"`.',
)


def format_parameter(formats):
    return OpenApiParameter(
        "format",
        OpenApiTypes.STR,
        enum=formats,
        description="Response format; the same as an `Accept` header of "
        + ", ".join(f"`{name}`" for name in formats)
        + " media type.",
    )


class DatasetAutoSchema(AutoSchema):
    """Documents what the dataset resources share: sparse fieldsets, formats, the Link header.

    Tabular media types (CSV, JSON Lines) are documented as text, not as the
    JSON schema of the serializer.
    """

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method != "GET":
            return parameters
        action = getattr(self.view, "action", None)
        if action in ("list", "retrieve") and hasattr(self.view, "sparse_fieldset"):
            parameters += SPARSE_PARAMETERS
        formats = [
            renderer.format for renderer in self.view.get_renderers() if renderer.format != "api"
        ]
        if len(formats) > 1 and not any(p.name == "format" for p in parameters
                                        if isinstance(p, OpenApiParameter)):
            parameters.append(format_parameter(formats))
        if action == "list" and self._get_paginator() is not None:
            parameters.append(LINK_HEADER)
        return parameters

    def _get_response_for_code(
        self, serializer, status_code, media_types=None, direction="response"
    ):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        for media_type, content in response.get("content", {}).items():
            if media_type.split(";")[0] in TABULAR_MEDIA_TYPES:
                content.clear()
                content["schema"] = {
                    "type": "string",
                    "description": TABULAR_MEDIA_TYPES[media_type.split(";")[0]],
                }
        return response
