"""What the benchmark looks for without depending on it: a cursor on the feed, an export route."""

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.pagination import Cursor, CursorPagination

from diplomacy.api.pagination import FeedPagination, KeysetPagination


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

    DRF's CursorPagination (or a subclass) and the feed's own keyset cursor
    (FeedPagination) are understood; None otherwise.
    """
    paginator_class = getattr(view_class, "pagination_class", None)
    if paginator_class is not None and issubclass(paginator_class, FeedPagination):
        return _keyset_cursor_query(queryset, fraction=fraction, page_size=page_size)
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


def _keyset_cursor_query(queryset, *, fraction, page_size):
    # The feed's default order: its first keyset field, newest first, id as tiebreaker.
    field = KeysetPagination.keyset_fields[0]
    count = queryset.count()
    if not count:
        return None
    index = min(int(count * fraction), count - 1)
    value, pk = queryset.order_by(f"-{field}", "-pk").values_list(field, "pk")[index]
    cursor = KeysetPagination.encode_cursor(field, value, pk)
    return f"{KeysetPagination.cursor_query_param}={cursor}&limit={page_size}"


def has_cursor_parameter(view_class) -> bool:
    paginator_class = getattr(view_class, "pagination_class", None)
    return bool(paginator_class and getattr(paginator_class, "cursor_query_param", None))
