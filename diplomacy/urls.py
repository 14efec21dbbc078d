from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)

from diplomacy.api.root import api_not_found, api_root

api_v1 = [
    path("", api_root, name="api-root"),
    path("", include("diplomacy.api.urls")),
    path("", include("actions.api.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path(
        "api/redoc/",
        SpectacularRedocView.as_view(url_name="schema", template_name="diplomacy/redoc.html"),
        name="redoc",
    ),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
]
