from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from diplomacy.api.openapi.docs_pages import RedocView
from diplomacy.api.routing import api_not_found, api_root
from diplomacy.landing import landing

api_v1 = [
    path("", api_root, name="api-root"),
    path("", include("diplomacy.api.urls")),
    path("", include("actions.api.urls")),
]

urlpatterns = [
    path("", landing, name="landing"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path(
        "api/redoc/",
        RedocView.as_view(url_name="schema"),
        name="redoc",
    ),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
]

handler400 = "diplomacy.api.errors.django_error_views.bad_request"
handler403 = "diplomacy.api.errors.django_error_views.permission_denied"
handler404 = "diplomacy.api.errors.django_error_views.page_not_found"
handler500 = "diplomacy.api.errors.django_error_views.server_error"
