from rest_framework.routers import SimpleRouter

from actions.api import dyads, stats, views

router = SimpleRouter()
router.register("actions", views.ActionViewSet, basename="action")
router.register(
    "persona-non-grata-declarations",
    views.PersonaNonGrataDeclarationViewSet,
    basename="personanongratadeclaration",
)
router.register(
    "cooperation-suspensions",
    views.CooperationSuspensionViewSet,
    basename="cooperationsuspension",
)
router.register("detentions", views.DetentionViewSet, basename="detention")
router.register(
    "diplomatic-statements",
    views.DiplomaticStatementViewSet,
    basename="diplomaticstatement",
)
router.register("episodes", views.EpisodeViewSet, basename="episode")
router.register("sources", views.SourceViewSet, basename="source")
router.register("dyads", dyads.DyadViewSet, basename="dyad")
router.register("stats/actions", stats.ActionStatsViewSet, basename="action-stats")

urlpatterns = router.urls
