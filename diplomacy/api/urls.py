from rest_framework.routers import SimpleRouter

from diplomacy.api import views

router = SimpleRouter()
router.register("states", views.StateViewSet, basename="state")
router.register("missions", views.MissionViewSet, basename="mission")
router.register("envoys", views.EnvoyViewSet, basename="envoy")
router.register("deletions", views.DeletionViewSet, basename="deletion")

urlpatterns = router.urls
