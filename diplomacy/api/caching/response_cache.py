"""A cache of rendered read responses, valid for one generation of the dataset.

A GET of a list or a record is answered from the cache when the same URL
was rendered in the same format since the last write (diplomacy.api.caching.dataset_generation
has the generation counter and why it cannot serve a page older than a
write). The lookup runs after authentication, permissions, rate limits and
content negotiation, so a cached answer counts against the client's rate
limit and is only given to whom the view itself would give it.

Only representations that are the same for every client are cached: JSON and
CSV (the browsable API's HTML shows the user and a CSRF token), status 200,
up to RESPONSE_CACHE_MAX_BYTES. If the cache cannot be reached, pages are
built as if it were off.
"""

import hashlib
import logging

from django.conf import settings
from django.http import HttpResponse

from diplomacy.api.caching.dataset_generation import (
    cache_seconds,
    generation,
    release,
    response_cache,
    uncommitted_writes,
)

CACHED_FORMATS = frozenset({"json", "csv"})
# The headers a cached answer repeats; DRF and the middleware add the rest
# (Allow, Vary, the list's ETag) to every answer, cached or not.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Link", "X-Total-Count", "ETag")
CACHE_STATUS_HEADER = "X-Cache"

logger = logging.getLogger(__name__)


class ResponseCacheMixin:
    """For a viewset: the GET actions named in `cached_actions` answered from the
    response cache when they can be."""

    cached_actions = frozenset({"list", "retrieve"})
    # A viewset of another representation the same for every client may add it.
    cached_formats = CACHED_FORMATS

    def _response_cache_key(self, request):
        renderer = getattr(request, "accepted_renderer", None)
        if (
            request.method != "GET"
            or self.action not in self.cached_actions
            or renderer is None
            or renderer.format not in self.cached_formats
            or not cache_seconds()
            or uncommitted_writes()
        ):
            return None
        # The absolute URL: links in the body and headers name the host.
        identity = f"{request.accepted_media_type}\n{request.build_absolute_uri()}"
        digest = hashlib.sha256(identity.encode()).hexdigest()
        return f"response:{release()}:{generation()}:{digest}"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            self._cache_key = self._response_cache_key(request)
            self._cached = response_cache().get(self._cache_key) if self._cache_key else None
        except Exception:  # the cache is down: build the page
            logger.exception("The response cache could not be read.")
            self._cache_key = self._cached = None
        if self._cached is not None:
            # DRF looks the handler up after `initial`: the cached answer replaces it.
            self.get = self.cached_response

    def cached_response(self, request, *args, **kwargs):
        status, content, headers = self._cached
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[CACHE_STATUS_HEADER] = "hit"
        return response

    def dispatch(self, request, *args, **kwargs):
        self._cache_key = self._cached = None
        return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = getattr(self, "_cache_key", None)
        if key and self._cached is None and response.status_code == 200:
            response[CACHE_STATUS_HEADER] = "miss"
            if hasattr(response, "add_post_render_callback"):
                # After the other callbacks (the record's ETag), on the final bytes.
                response.add_post_render_callback(_store(key))
        return response


def _store(key):
    def callback(response):
        if (
            response.streaming
            or uncommitted_writes()
            or len(response.content) > settings.RESPONSE_CACHE_MAX_BYTES
        ):
            return
        headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
        try:
            response_cache().set(
                key, (response.status_code, response.content, headers), timeout=cache_seconds()
            )
        except Exception:  # the cache is down or full: the page is still sent
            logger.exception("The response cache could not store a page.")

    return callback
