"""The API's router: every registered resource is served and listed at the root.

Each app builds its own router (`<app>.api.urls.router`); the project's urls
combine their registrations in one `ApiRouter`, whose root view (`/api/v1/`)
links every resource with a list route, plus the schema and the docs. Registering
a viewset is all a new resource needs to appear there.
"""

from django.urls import NoReverseMatch
from django.urls import reverse as django_reverse
from drf_spectacular.utils import extend_schema
from rest_framework import routers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse


class ApiRootView(routers.APIRootView):
    """The resources of the API, with links to the schema and the docs."""

    # Excluded from the schema by DRF's `schema = None`. GET only (HEAD is 405,
    # "Allow: OPTIONS, GET"), as the root has always answered.
    http_method_names = ["options", "get"]
    permission_classes = [AllowAny]

    def get(self, request, *args, **kwargs):
        namespace = request.resolver_match.namespace
        links = {}
        for key, url_name in self.api_root_dict.items():
            try:
                path = django_reverse(f"{namespace}:{url_name}" if namespace else url_name)
            except NoReverseMatch:  # a route with no list, only records (dyads)
                continue
            # The bare address of the list, whatever the query of this request.
            links[key] = request.build_absolute_uri(path)
        links["schema"] = reverse("schema", request=request)
        links["docs"] = reverse("swagger-ui", request=request)
        return Response(links)


class ApiRouter(routers.DefaultRouter):
    """DRF's DefaultRouter (a root view listing every route), without `.json` suffixes."""

    include_format_suffixes = False
    APIRootView = ApiRootView

    def extend(self, *others: routers.BaseRouter) -> None:
        """Take the registrations of other routers, in their order."""
        for other in others:
            self.registry.extend(other.registry)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
def api_not_found(request, path=None):
    """JSON 404 for any unknown path under /api/, instead of Django's HTML page."""
    raise NotFound(f"No API endpoint at {request.path}.")
