from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from actions.api import dyads, releases, stats, timeline_image, views
from actions.kinds import KINDS
from diplomacy.api.formats.file_renderer import ZipFileRenderer

router = SimpleRouter()
router.register("actions", views.ActionViewSet, basename="action")
for value, kind in KINDS.items():
    router.register(
        kind.slug,
        views.KIND_VIEWSETS[value],
        basename=kind.model_name.lower(),
    )
router.register("episodes", views.EpisodeViewSet, basename="episode")
router.register("sources", views.SourceViewSet, basename="source")
router.register("dyads", dyads.DyadViewSet, basename="dyad")
router.register("stats/actions", stats.ActionStatsViewSet, basename="action-stats")
router.register("releases", releases.ReleaseViewSet, basename="release")

# What a router cannot route: a file name, with no trailing slash.
paths = [
    path(
        "episodes/<slug:slug>/timeline.svg",
        timeline_image.EpisodeTimelineImageViewSet.as_view({"get": "retrieve"}),
        name="episode-timeline-svg",
    ),
    # The name as the router's detail route takes it: no other character (a null
    # one would reach the database) comes near a lookup.
    re_path(
        rf"^releases/(?P<name>{releases.ReleaseViewSet.lookup_value_regex})/package\.zip$",
        releases.ReleaseViewSet.as_view(
            {"get": "package"}, renderer_classes=[ZipFileRenderer], pagination_class=None
        ),
        name="release-package",
    ),
]

urlpatterns = paths + router.urls
