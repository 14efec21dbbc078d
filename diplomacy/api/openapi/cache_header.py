"""The `X-Cache` header in the schema, on every answer the response cache may give."""

import re

from diplomacy.api.caching.response_cache import CACHE_STATUS_HEADER, ResponseCacheMixin

X_CACHE = {
    "schema": {"type": "string", "enum": ["hit", "miss"]},
    "description": (
        "`hit` when the response came from the response cache (the same bytes as when "
        "it was built, since the last write to the dataset), `miss` when it was built; "
        "absent when the response cache is off."
    ),
}


def _shape(path):
    # drf-spectacular names a `{pk}` parameter `{id}` in the schema.
    return re.sub(r"\{[^}]*\}", "{}", path)


def add_cache_header(result, generator, request, public):
    cached = set()
    for path, _, method, callback in generator.endpoints or []:
        view_class = getattr(callback, "cls", None)
        action = (getattr(callback, "actions", None) or {}).get(method.lower())
        if (
            isinstance(view_class, type)
            and issubclass(view_class, ResponseCacheMixin)
            and action in view_class.cached_actions
        ):
            cached.add((_shape(path), method.lower()))
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            response = operation.get("responses", {}).get("200")
            if (_shape(path), method) in cached and response is not None:
                response.setdefault("headers", {})[CACHE_STATUS_HEADER] = X_CACHE
    return result
