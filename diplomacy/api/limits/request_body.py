from django.conf import settings

from diplomacy.api.errors.problems import problem_response


class RequestBodyLimitMiddleware:
    """Refuse an API request whose body exceeds DATA_UPLOAD_MAX_MEMORY_SIZE, unread.

    Django applies that limit only when `request.body` or `request.POST` is
    read; DRF's JSON parser reads the request stream itself, so without this a
    client could make the server hold a body of any size in memory. Under WSGI
    a body is never longer than its Content-Length, so checking it is enough.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0  # as Django reads it: no body
            if length > limit:
                return problem_response(
                    request,
                    status=413,
                    detail=f"The request body is {length} bytes; the limit is {limit}.",
                    code="payload_too_large",
                )
        return self.get_response(request)
