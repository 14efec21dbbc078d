"""Errors from the API are JSON, with an error per field for bad input."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from diplomacy.api.renderers import TABULAR_FORMATS


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the data."
    default_code = "conflict"


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, (ProtectedError, RestrictedError)):
        blockers = sorted({str(obj) for obj in list(exc.protected_objects)[:5]})
        exc = Conflict(
            "Cannot delete: other records refer to this one "
            f"({'; '.join(blockers)}). Remove those references first."
        )
    response = drf_exception_handler(exc, context)
    _render_errors_as_json(context.get("request"))
    return response


def _render_errors_as_json(request):
    """An error asked for as CSV (`?format=csv`) is still a JSON error body."""
    renderer = getattr(request, "accepted_renderer", None)
    if renderer is not None and renderer.format in TABULAR_FORMATS:
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
