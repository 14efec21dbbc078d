from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse

RESOURCES = [
    "actions",
    "persona-non-grata-declarations",
    "cooperation-suspensions",
    "detentions",
    "diplomatic-statements",
    "episodes",
    "sources",
    "states",
    "missions",
    "envoys",
    "deletions",
    "stats/actions",
]


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request, format=None):
    """The resources of the API, with links to the schema and the docs."""
    links = {name: request.build_absolute_uri(f"/api/v1/{name}/") for name in RESOURCES}
    links["schema"] = reverse("schema", request=request)
    links["docs"] = reverse("swagger-ui", request=request)
    return Response(links)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
def api_not_found(request, path=None):
    """JSON 404 for any unknown path under /api/, instead of Django's HTML page."""
    raise NotFound(f"No API endpoint at {request.path}.")
