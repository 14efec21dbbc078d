"""`?as_of=`: a read of the dataset as it was at a release or a moment.

`AsOfMixin` (first among a viewset's bases) reads the parameter once the
request is authenticated and negotiated, and runs the rest of the request,
rendering included, in `reading_as_of(moment)` (diplomacy.as_of.reading):
querysets, filters, pagination, serializers, the read path and CSV need no
change. A streamed answer (the export) reads as of the moment while it streams.

Only reads take `as_of` (the actions in `as_of_actions`); anything else that
sends it is a 400, rather than a write or a history silently made in the
present. An answer as of a release is immutable: the Cache-Control middleware
(diplomacy.api.caching.http_cache) gives it a long max-age. The response cache
and the ETags key on the whole URL and the bytes, so each `as_of` has its own.
"""

from contextlib import ExitStack

from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions

from diplomacy.api.caching.http_cache import IMMUTABLE_ATTRIBUTE
from diplomacy.api.openapi.auto_schema import NOT_BLANK_TEXT
from diplomacy.as_of.moments import MAX_LENGTH, NoSuchMoment, moment_named
from diplomacy.as_of.reading import reading_as_of, streamed_as_of

AS_OF = "as_of"

AS_OF_PARAMETER = OpenApiParameter(
    AS_OF,
    # Not blank, no null character: the text rules of every string the API takes.
    {"type": "string", "minLength": 1, "maxLength": MAX_LENGTH, "pattern": NOT_BLANK_TEXT},
    description="Read the dataset as it was at a release (its name, e.g. `2026.1`, "
    "see /api/v1/releases/) or at a moment (ISO 8601, e.g. `2026-01-31T12:00:00Z`; "
    "UTC without an offset): records since deleted come back, records created later "
    "do not, every field holds its value of then. A name of no release, a moment in "
    "the future or before the history begins is a 400. An answer as of a release "
    "never changes and may be cached for a year.",
)


class AsOfMixin:
    """A viewset whose reads (`as_of_actions`) answer `?as_of=` from the history."""

    as_of_actions = frozenset({"list", "retrieve", "export", "timeline"})

    def dispatch(self, request, *args, **kwargs):
        self.as_of_moment = None
        with ExitStack() as stack:
            self._as_of_stack = stack
            response = super().dispatch(request, *args, **kwargs)
            if self.as_of_moment is not None:
                if response.streaming:
                    response.streaming_content = streamed_as_of(
                        self.as_of_moment, response.streaming_content
                    )
                elif hasattr(response, "render") and not response.is_rendered:
                    # Rendering reads too (a CSV of rows, lazy lists): in the block.
                    response.render()
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        text = request.query_params.get(AS_OF)
        if text is None or getattr(self, "action", None) is None:
            return  # (no action: a method the route lacks, answered 405)
        if self.action not in self.as_of_actions or request.method not in ("GET", "HEAD"):
            raise exceptions.ValidationError(
                {AS_OF: ["Only reads of the dataset take as_of: the past cannot be written."]},
                code="invalid",
            )
        try:
            moment, named = moment_named(text)
        except NoSuchMoment as error:
            raise exceptions.ValidationError({AS_OF: [str(error)]}, code=error.code) from error
        self.as_of_moment = moment
        if named:
            setattr(request._request, IMMUTABLE_ATTRIBUTE, True)
        self._as_of_stack.enter_context(reading_as_of(moment))
