from rest_framework.routers import SimpleRouter

from diplomacy.api import views

router = SimpleRouter()
router.register("states", views.StateViewSet, basename="state")
router.register("missions", views.MissionViewSet, basename="mission")
router.register("envoys", views.EnvoyViewSet, basename="envoy")

urlpatterns = router.urls
