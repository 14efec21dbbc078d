"""Every error of the API views as a problem (RFC 9457), with an error per field for bad input.

Exceptions DRF knows (and Django's own validation, protection and request-size
errors, translated here) keep DRF's status and headers (`WWW-Authenticate`,
`Retry-After`); anything else is a bug: it is logged with its traceback and
answered 500 without a word about its cause.
"""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from diplomacy.api.errors.problems import (
    PROBLEM_MEDIA_TYPE,
    ProblemJSONRenderer,
    field_errors,
    problem,
)

logger = logging.getLogger("diplomacy.api")


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the data."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class BadRequest(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "The request is malformed."
    default_code = "bad_request"


def _translate(exc):
    """Django's exceptions that are the client's doing, as the API exception that says so."""
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, (ProtectedError, RestrictedError)):
        blockers = sorted({str(obj) for obj in list(exc.protected_objects)[:5]})
        return Conflict(
            "Cannot delete: other records refer to this one "
            f"({'; '.join(blockers)}). Remove those references first."
        )
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, SuspiciousOperation):
        return BadRequest()
    return exc


def _validation_detail(errors):
    if len(errors) == 1:
        return f"{errors[0]['field']}: {errors[0]['detail']}"
    fields = ", ".join(dict.fromkeys(error["field"] for error in errors))
    return f"Invalid input in {fields}."


def exception_handler(exc, context):
    request = context.get("request")
    exc = _translate(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        view = context.get("view")
        logger.error(
            "Unhandled exception in %s %s (%s)",
            getattr(request, "method", "?"),
            getattr(request, "path", "?"),
            type(view).__name__,
            exc_info=exc,
        )
        set_rollback()
        exc = exceptions.APIException()
        response = Response(status=exc.status_code)

    instance = getattr(request, "path", "")
    if isinstance(exc.detail, (dict, list)):
        # Invalid input, or any error that names fields: one item per message.
        errors = field_errors(exc.detail)
        response.data = problem(
            status=response.status_code,
            detail=_validation_detail(errors) if errors else str(exc.default_detail),
            instance=instance,
            code="invalid" if isinstance(exc, exceptions.ValidationError) else exc.default_code,
            errors=errors,
        )
    else:
        response.data = problem(
            status=response.status_code,
            detail=str(exc.detail),
            instance=instance,
            code=getattr(exc.detail, "code", None) or exc.default_code,
        )
    if request is not None:
        # Whatever the client accepts (even text/html for the browsable API),
        # an error is a problem document.
        request.accepted_renderer = ProblemJSONRenderer()
        request.accepted_media_type = PROBLEM_MEDIA_TYPE
    return response
