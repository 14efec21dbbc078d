"""Problem details (RFC 9457): the one shape of every error the API answers.

Written by hand: the packages that do this for DRF are unmaintained
(drf-problems, last release 2022) or not RFC 9457 (drf-standardized-errors has
its own shape), and the whole of it is the few functions below.

A problem has `type`, `title`, `status`, `detail` and `instance`, plus `code`
(a stable machine-readable name, DRF's error code) and, for invalid input,
`errors`: one item per message, with the `field` it concerns (dotted path into
the body or the query parameter's name) and its `code`. `type` is
`about:blank`: every problem here means what its status code means, and `code`
tells them apart (RFC 9457 §4.2.1).
"""

from http import HTTPStatus

from django.core.exceptions import NON_FIELD_ERRORS
from django.http import JsonResponse
from django.utils.encoding import escape_uri_path
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemJSONRenderer(JSONRenderer):
    media_type = PROBLEM_MEDIA_TYPE
    format = "problem+json"
    # A problem may quote what the client sent, lone surrogates included:
    # escaped, they cannot break the encoding of the answer.
    ensure_ascii = True


def problem(*, status: int, detail: str, instance: str, code: str, errors=None) -> dict:
    try:
        title = HTTPStatus(status).phrase
    except ValueError:  # a status Python does not name
        title = "Error"
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": escape_uri_path(instance),
        "code": code,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def field_errors(detail, path=()) -> list[dict]:
    """Flatten DRF's nested error structure into one item per message.

    `{"citations": [{}, {"source": ["No source with id 9."]}]}` becomes
    `[{"field": "citations.1.source", "code": "does_not_exist", "detail": ...}]`.
    """
    if isinstance(detail, dict):
        return [
            item
            for key, value in detail.items()
            for item in field_errors(value, _extend(path, key))
        ]
    if isinstance(detail, list):
        items = []
        for index, value in enumerate(detail):
            if isinstance(value, (dict, list)):
                # Errors of the items of a list (nested many=True serializers).
                items.extend(field_errors(value, (*path, index)))
            else:
                items.extend(field_errors(value, path))
        return items
    field = ".".join(str(part) for part in path) or api_settings.NON_FIELD_ERRORS_KEY
    code = getattr(detail, "code", None) or "invalid"
    return [{"field": field, "code": code, "detail": str(detail)}]


def _extend(path: tuple, key) -> tuple:
    # Django's model validation names errors of no one field `__all__`; the
    # API calls them `non_field_errors` (DRF's name, the one the schema gives).
    if key in (NON_FIELD_ERRORS, api_settings.NON_FIELD_ERRORS_KEY):
        # A nested serializer's own error (`citations` not a list) concerns
        # the field that holds it: `citations`, not `citations.non_field_errors`.
        return path if path else (api_settings.NON_FIELD_ERRORS_KEY,)
    return (*path, key)


def problem_response(request, *, status: int, detail: str, code: str) -> JsonResponse:
    """A problem answered outside DRF's views: middleware and Django's error handlers."""
    return JsonResponse(
        problem(status=status, detail=detail, instance=request.path, code=code),
        status=status,
        content_type=PROBLEM_MEDIA_TYPE,
        json_dumps_params={"separators": (",", ":")},
    )
