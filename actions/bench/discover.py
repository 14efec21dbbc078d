"""What the benchmark looks for without depending on it: a cursor on the feed, an export route."""

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.pagination import Cursor, CursorPagination


def export_paths(urlconf=None) -> list[str]:
    """Paths of every parameterless URL pattern under /api/ whose route mentions export."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                full = (prefix + route).replace("^", "").replace("$", "").replace("\\", "")
                if "export" in full and "<" not in full and "(" not in full:
                    found.append("/" + full.lstrip("/"))

    walk(get_resolver(urlconf).url_patterns, "")
    return sorted(path for path in set(found) if path.startswith("/api/"))


def deep_cursor_query(view_class, queryset, *, fraction: float, page_size: int) -> str | None:
    """The query string of a cursor page at `fraction` of the feed, if the feed has a cursor.

    Only DRF's CursorPagination (or a subclass) is understood; None otherwise.
    """
    paginator_class = getattr(view_class, "pagination_class", None)
    if paginator_class is None or not issubclass(paginator_class, CursorPagination):
        return None
    paginator = paginator_class()
    ordering = paginator.ordering
    ordering = (ordering,) if isinstance(ordering, str) else tuple(ordering)
    field = ordering[0].lstrip("-")
    index = int(queryset.count() * fraction)
    value = queryset.order_by(*ordering).values_list(field, flat=True)[index]
    paginator.base_url = "http://localhost/"
    url = paginator.encode_cursor(Cursor(offset=0, reverse=False, position=str(value)))
    query = url.split("?", 1)[1]
    size_param = paginator.page_size_query_param
    return f"{query}&{size_param}={page_size}" if size_param else query


def has_cursor_parameter(view_class) -> bool:
    paginator_class = getattr(view_class, "pagination_class", None)
    return bool(paginator_class and getattr(paginator_class, "cursor_query_param", None))
