"""The error responses of every operation in the schema: problems (RFC 9457).

A drf-spectacular postprocessing hook: which errors an operation can answer
follows from its method, its path parameters, its query parameters and its
body, so one table here documents them all instead of a decorator per view.
"""

from diplomacy.api.errors.problems import PROBLEM_MEDIA_TYPE

PROBLEM = {
    "type": "object",
    "description": "Problem details (RFC 9457).",
    "properties": {
        "type": {
            "type": "string",
            "format": "uri-reference",
            "description": "`about:blank`: the problem means what its status means.",
        },
        "title": {"type": "string", "description": "The phrase of the status code."},
        "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599,
            "description": "The HTTP status code of the response.",
        },
        "detail": {"type": "string", "description": "What went wrong, for a person."},
        "instance": {
            "type": "string",
            "format": "uri-reference",
            "description": "The path of the request.",
        },
        "code": {
            "type": "string",
            "description": "Machine-readable name of the problem, e.g. `invalid`, "
            "`not_found`, `not_authenticated`, `throttled`.",
        },
        "errors": {
            "type": "array",
            "description": "For invalid input (`code` `invalid`): one item per error.",
            "items": {"$ref": "#/components/schemas/ProblemFieldError"},
        },
    },
    "required": ["type", "title", "status", "detail", "instance", "code"],
}

PROBLEM_FIELD_ERROR = {
    "type": "object",
    "properties": {
        "field": {
            "type": "string",
            "description": "Dotted path into the body (`citations.0.source`), a query "
            "parameter, or `non_field_errors`.",
        },
        "code": {"type": "string", "description": "e.g. `required`, `invalid`, `max_length`."},
        "detail": {"type": "string", "description": "What is wrong with the field, for a person."},
    },
    "required": ["field", "code", "detail"],
}

DESCRIPTIONS = {
    400: "Invalid input: `errors` lists each field with its error.",
    401: "No credentials, or invalid ones.",
    403: "The user lacks the permission.",
    404: "No such record.",
    406: "No representation in a media type the client accepts.",
    409: "The request conflicts with the data (e.g. other records refer to this one).",
    412: "The record changed since the ETag in If-Match was issued: nothing was written. "
    "GET the record again and resend the change with its new ETag.",
    413: "The request body is too large.",
    415: "The media type of the request body is not supported.",
    428: "The request has no If-Match header: send the ETag of the record as you read it.",
    429: "Too many requests: retry after `Retry-After` seconds.",
    500: "A server error; it is logged, and its cause is not disclosed.",
}

HEADERS = {
    401: {
        "WWW-Authenticate": {
            "schema": {"type": "string"},
            "description": "The scheme to authenticate with.",
        }
    },
    429: {
        "Retry-After": {
            "schema": {"type": "integer"},
            "description": "Seconds to wait before the next request.",
            "required": True,
        }
    },
}

WRITE_METHODS = {"post", "put", "patch", "delete"}


def operation_error_statuses(path: str, method: str, operation: dict) -> set[int]:
    # A status added here needs its line in DESCRIPTIONS (and HEADERS if any).
    statuses = {401, 406, 429, 500}
    parameters = operation.get("parameters", [])
    if any(parameter["in"] == "query" for parameter in parameters):
        statuses.add(400)
    if any(parameter["in"] == "path" for parameter in parameters) or "{" in path:
        statuses.add(404)
    if method in WRITE_METHODS:
        statuses.add(403)
    if "requestBody" in operation:
        statuses |= {400, 413, 415}
    if method == "delete":
        statuses.add(409)
    if any(
        parameter["in"] == "header" and parameter["name"] == "If-Match" for parameter in parameters
    ):
        statuses |= {412, 428}
    return statuses


def add_problem_responses(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM
    schemas["ProblemFieldError"] = PROBLEM_FIELD_ERROR
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(operation_error_statuses(path, method, operation)):
                response = {
                    "description": DESCRIPTIONS[status],
                    "content": {
                        PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}
                    },
                }
                if status in HEADERS:
                    response["headers"] = HEADERS[status]
                responses.setdefault(str(status), response)
    return result
