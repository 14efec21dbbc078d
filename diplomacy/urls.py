from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.module_loading import import_string
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from diplomacy.api.openapi.docs_pages import RedocView
from diplomacy.api.routing import ApiRouter, api_not_found
from diplomacy.landing import landing

# The routers of the apps' APIs (`router` in each module), served and listed at
# /api/v1/ together: registering a viewset in one of them is all it takes.
API_ROUTERS = ["diplomacy.api.urls.router", "actions.api.urls.router"]
# The apps' API paths that no router gives (a file name such as timeline.svg).
API_PATHS = ["actions.api.urls.paths"]
# The apps' pages for readers (HTML).
PAGES = ["actions.pages.urls"]

api_router = ApiRouter()
api_router.extend(*(import_string(name) for name in API_ROUTERS))
api_v1 = [
    *(pattern for name in API_PATHS for pattern in import_string(name)),
    path("", include(api_router.urls)),
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
    *(path("", include(name)) for name in PAGES),
]

handler400 = "diplomacy.api.errors.django_error_views.bad_request"
handler403 = "diplomacy.api.errors.django_error_views.permission_denied"
handler404 = "diplomacy.api.errors.django_error_views.page_not_found"
handler500 = "diplomacy.api.errors.django_error_views.server_error"
