"""Django's error views (handler400/403/404/500), as problems under /api/.

DRF's exception handler covers the API views; these cover what fails before or
around a view (middleware, a host that is not allowed, an exception Django
itself catches). Elsewhere (the admin) Django's own pages stay.
"""

from django.views import defaults

from diplomacy.api.errors.problems import problem_response

DETAILS = {
    400: ("The request is malformed.", "bad_request"),
    403: ("You do not have permission to perform this action.", "permission_denied"),
    404: ("Not found.", "not_found"),
    500: ("A server error occurred.", "error"),
}


def _is_api(request):
    return request.path.startswith("/api/")


def _problem(request, status):
    detail, code = DETAILS[status]
    return problem_response(request, status=status, detail=detail, code=code)


def bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    if _is_api(request):
        return _problem(request, 400)
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name=defaults.ERROR_403_TEMPLATE_NAME):
    if _is_api(request):
        return _problem(request, 403)
    return defaults.permission_denied(request, exception, template_name)


def page_not_found(request, exception, template_name=defaults.ERROR_404_TEMPLATE_NAME):
    if _is_api(request):
        return _problem(request, 404)
    return defaults.page_not_found(request, exception, template_name)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    if _is_api(request):
        return _problem(request, 500)
    return defaults.server_error(request, template_name)
