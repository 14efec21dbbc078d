"""Cache-Control of the API's answers, so that a shared cache (a CDN, nginx's
proxy_cache) or a browser may keep what anyone may read.

- An anonymous read answered 200 (or 304) is `public, max-age=…,
  stale-while-revalidate=…` (DJANGO_HTTP_CACHE_MAX_AGE, 60 s, and
  DJANGO_HTTP_CACHE_STALE_WHILE_REVALIDATE, 300 s, by default);
- such a read as of a release (`?as_of=2026.1`, which never changes) is `public,
  max-age=…, immutable` (DJANGO_HTTP_CACHE_IMMUTABLE_MAX_AGE, a year, by default);
- an authenticated request (a token or a session), a write, and any other
  status is `private, no-store`: an editor's view or an error is nobody else's.

`Vary` names what changes the answer (Accept for CSV or JSON, Authorization and
Cookie for who asks, Origin for CORS), so a shared cache keys on them. An answer
that already says how it may be cached keeps its own header.
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"
# Set on the request by diplomacy.api.records.as_of_views for an answer as of a release.
IMMUTABLE_ATTRIBUTE = "answer_is_immutable"
SHAREABLE_STATUSES = frozenset({200, 304})


def _anonymous(request) -> bool:
    user = getattr(request, "user", None)
    return (
        "authorization" not in request.headers
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not (user is not None and user.is_authenticated)
    )


class HttpCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        patch_vary_headers(response, ("Accept", "Authorization", "Cookie", "Origin"))
        if "Cache-Control" in response:
            return response
        if (
            request.method in ("GET", "HEAD")
            and response.status_code in SHAREABLE_STATUSES
            and _anonymous(request)
        ):
            if getattr(request, IMMUTABLE_ATTRIBUTE, False):
                response["Cache-Control"] = (
                    f"public, max-age={settings.HTTP_CACHE_IMMUTABLE_MAX_AGE}, immutable"
                )
                return response
            response["Cache-Control"] = (
                f"public, max-age={settings.HTTP_CACHE_MAX_AGE}, "
                f"stale-while-revalidate={settings.HTTP_CACHE_STALE_WHILE_REVALIDATE}"
            )
        else:
            response["Cache-Control"] = "private, no-store"
        return response
