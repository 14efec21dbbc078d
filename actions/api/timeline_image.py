"""The timeline picture of an episode as an SVG image, for embedding in other pages.

The same drawing as on the episode's page (actions/pages/timeline_picture.py),
self-contained (its styles inside, no font or script from anywhere), each mark
linking to the action's entry on the episode's page. Its ETag is the episode's
version and a digest of the image, so a client (or a newsroom's CDN) revalidates
its copy with If-None-Match and gets 304 while nothing changed.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import renderers, viewsets
from rest_framework.response import Response

from actions.models import Episode
from actions.pages.reads import timeline_actions
from actions.pages.svg import document
from actions.pages.timeline_picture import timeline_svg
from diplomacy.api.caching.response_cache import ResponseCacheMixin
from diplomacy.api.concurrency.conditional_requests import record_etag
from diplomacy.api.openapi.operation_docs import lookup_parameter
from diplomacy.api.records.as_of_views import AsOfMixin

SVG_MEDIA_TYPE = "image/svg+xml"
# Any cache may keep it, and must ask with its ETag before using it again.
CACHE_CONTROL = "public, no-cache"


class SVGRenderer(renderers.BaseRenderer):
    media_type = SVG_MEDIA_TYPE
    format = "svg"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class EpisodeTimelineImageViewSet(AsOfMixin, ResponseCacheMixin, viewsets.GenericViewSet):
    """The timeline picture of an episode, as an SVG image."""

    queryset = Episode.objects.all()
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    renderer_classes = [SVGRenderer]
    pagination_class = None
    filter_backends = []
    cached_formats = frozenset({"svg"})

    @extend_schema(
        operation_id="episodes_timeline_svg",
        tags=["episodes"],
        summary="The episode's timeline, as an SVG image to embed",
        description=(
            "The timeline picture of the episode's page: a lane per state, a mark per "
            "action in date order (its shape and colour say its kind, as the legend "
            "does), a bar over the days an action known only within bounds may have "
            "been taken, an arrow from each action to the action it answers. "
            "Self-contained (no script, font or style from elsewhere), with a `<title>` "
            "and a `<desc>` for screen readers; each mark links to the action's entry on "
            "the episode's page.\n\n"
            "Embed it with `<img src=...>` (a picture) or `<object data=...>` (its links "
            "work). `Cache-Control: public, no-cache`: keep it, and revalidate it with "
            "its `ETag` in `If-None-Match` (304 while the episode and its actions are "
            "unchanged). Answers 404 if there is no episode with this slug."
        ),
        parameters=[
            lookup_parameter("slug", "Slug of the episode, e.g. france-mali-2025."),
            OpenApiParameter(
                "Cache-Control", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200],
                description=f"`{CACHE_CONTROL}`: any cache may keep the image, and must "
                "revalidate it with its ETag before using it again.",
            ),
        ],
        responses={
            (200, SVG_MEDIA_TYPE): OpenApiResponse(
                OpenApiTypes.STR,
                description="An SVG document.",
                examples=[
                    OpenApiExample(
                        "The start of an image",
                        value='<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns='
                        '"http://www.w3.org/2000/svg" viewBox="0 0 960 280" ...>'
                        "<title>Timeline: France–Mali 2025: ...</title>...</svg>",
                        response_only=True,
                    )
                ],
            )
        },
    )
    def retrieve(self, request, slug=None):
        episode = self.get_object()
        page = request.build_absolute_uri(reverse("episode-page", args=[episode.slug]))
        picture = timeline_svg(
            title=f"Timeline: {episode.title}",
            actions=timeline_actions(episode),
            href=lambda action: f"{page}#action-{action.pk}",
            link_target="_top",
        )
        content = document(picture)
        response = Response(content)
        response["ETag"] = record_etag(episode.version, content)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Cache-Control"] = CACHE_CONTROL
        return response
