"""Pagination: limit/offset everywhere, and a keyset cursor for deep feeds.

Both answer in the same envelope (`count` only with limit/offset, `next`,
`previous`, `results`) and put the same links in a `Link` header (RFC 8288),
which is also how a CSV page points at the next one.
"""

import base64
import binascii
import json
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework import pagination
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from diplomacy.api.openapi.cross_field_rules import OFFSET_WITH_CURSOR_CODE

DEFAULT_LIMIT = 50
# DRF leaves max_limit unbounded; a client could ask for the whole table.
MAX_LIMIT = 500

# Digits only, and few enough for int() (and any database) to take.
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")
# The largest offset WHOLE_NUMBER takes: the schema states it.
MAX_OFFSET = 10**18 - 1


def bounded_int(request, name, default, minimum, maximum):
    """A whole-number parameter within bounds, or a 400 that names it.

    DRF quietly replaces a limit or offset it cannot use with a default; a
    client asking for 10,000 rows would believe it had them all. Say so.
    """
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not WHOLE_NUMBER.fullmatch(raw):
        raise ValidationError({name: [ErrorDetail("A whole number is required.", "invalid")]})
    value = int(raw)
    if value < minimum:
        message = f"Must be at least {minimum}."
        raise ValidationError({name: [ErrorDetail(message, "min_value")]})
    if maximum is not None and value > maximum:
        message = f"Must be at most {maximum}."
        raise ValidationError({name: [ErrorDetail(message, "max_value")]})
    return value


def link_header(links: dict[str, str | None]) -> str:
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        return bounded_int(request, self.limit_query_param, self.default_limit, 1, self.max_limit)

    def get_offset(self, request):
        return bounded_int(request, self.offset_query_param, 0, 0, None)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit},
            self.offset_query_param: {"minimum": 0, "maximum": MAX_OFFSET},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_links(self) -> dict[str, str | None]:
        return {"next": self.get_next_link(), "prev": self.get_previous_link()}

    def get_count(self, queryset):
        # A view that has already counted (the dyad, from its counts by kind)
        # saves the COUNT query.
        known = getattr(self, "known_count", None)
        return known if known is not None else super().get_count(queryset)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # The body's links: rebuilding each URL again would cost as much.
        links = {"next": response.data["next"], "prev": response.data["previous"]}
        set_link_header(response, links)
        return response

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": "Number of records matching the query, on every page.",
            "next": "URL of the next page; null on the last page.",
            "previous": "URL of the previous page; null on the first page.",
            "results": f"The records of this page (at most `limit`, {self.max_limit} at most).",
        }
        for name, description in descriptions.items():
            field = response["properties"][name]
            # drf-spectacular passes a placeholder, not a dict, when it builds examples.
            if isinstance(field, dict):
                field["description"] = description
        return response


def set_link_header(response, links):
    value = link_header(links)
    if value:
        response["Link"] = value
    return response


def keyset_value(row, field, pk_name="id"):
    """A column of a page row: a model instance, or a dict from `.values()` (CSV pages)."""
    if isinstance(row, dict):
        return row[pk_name if field == "pk" else field]
    return getattr(row, field)


class KeysetPagination(pagination.BasePagination):
    """Cursor pagination on (ordering field, id): every page costs one indexed range scan.

    Written here rather than using DRF's CursorPagination: that one keys on
    the first ordering field only and skips ties with an OFFSET, which grows
    without bound where many rows share a date (an imprecise date is stored
    as the first day of its month or year).
    """

    cursor_query_param = "cursor"
    limit_query_param = "limit"
    # Non-null columns a cursor can key on; the first is the default.
    keyset_fields = ("date", "created_at", "updated_at")

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.limit = bounded_int(request, self.limit_query_param, DEFAULT_LIMIT, 1, MAX_LIMIT)
        field, descending = self._ordering(queryset)
        self._model_field = queryset.model._meta.get_field(field)
        self.pk_name = queryset.model._meta.pk.attname
        cursor = self._decode(request.query_params.get(self.cursor_query_param, ""), field)
        backwards = bool(cursor and cursor["backwards"])
        # Scan direction: the ordering, or its reverse when walking back.
        scan_descending = descending != backwards
        if cursor:
            op = "lt" if scan_descending else "gt"
            # (field, id) beyond the cursor. The redundant `field <=` (or `>=`)
            # bound lets the database start an index range scan at the cursor;
            # the OR alone makes SQLite walk the index from its start.
            queryset = queryset.filter(
                Q(**{f"{field}__{op}e": cursor["value"]}),
                Q(**{f"{field}__{op}": cursor["value"]}) | Q(**{f"pk__{op}": cursor["pk"]}),
            )
        sign = "-" if scan_descending else ""
        rows = list(queryset.order_by(f"{sign}{field}", f"{sign}pk")[: self.limit + 1])
        more = len(rows) > self.limit
        rows = rows[: self.limit]
        if backwards:
            rows.reverse()
        self.field = field
        # Walking forward, there is a next page when the scan found more rows and
        # a previous one when we came from a cursor; walking back, the reverse.
        has_next = more if not backwards else True
        has_previous = more if backwards else cursor is not None
        self.next_row = rows[-1] if rows and has_next else None
        self.previous_row = rows[0] if rows and has_previous else None
        return rows

    def _ordering(self, queryset):
        order_by = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
        first = str(order_by[0]) if order_by else "-pk"
        field = first.lstrip("-")
        if field not in self.keyset_fields:
            raise ValidationError(
                {
                    "ordering": [
                        "With `cursor`, order by one of: "
                        + ", ".join(f"{name}, -{name}" for name in self.keyset_fields)
                        + "."
                    ]
                }
            )
        return field, first.startswith("-")

    def _decode(self, raw, field):
        if not raw:
            return None
        try:
            padded = raw + "=" * (-len(raw) % 4)
            data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            if data["f"] != field:
                raise ValueError("cursor made for another ordering")
            model_field = self._model_field
            return {
                "value": model_field.to_python(data["v"]),
                "pk": int(data["i"]),
                "backwards": bool(data.get("b")),
            }
        except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error,
                DjangoValidationError):
            raise ValidationError(
                {self.cursor_query_param: ["Invalid cursor: use the next or previous link."]}
            ) from None

    @staticmethod
    def encode_cursor(field, value, pk, *, backwards=False) -> str:
        """The cursor of the page after (or, backwards, before) the row (value, pk)."""
        data = {"f": field, "v": value.isoformat(), "i": pk}
        if backwards:
            data["b"] = 1
        token = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode())
        return token.decode("ascii").rstrip("=")

    def _encode(self, row, backwards):
        return self.encode_cursor(
            self.field,
            keyset_value(row, self.field),
            keyset_value(row, "pk", self.pk_name),
            backwards=backwards,
        )

    def _link(self, row, backwards):
        if row is None:
            return None
        url = self.request.build_absolute_uri()
        url = remove_query_param(url, "offset")
        return replace_query_param(url, self.cursor_query_param, self._encode(row, backwards))

    def get_next_link(self):
        return self._link(self.next_row, backwards=False)

    def get_previous_link(self):
        return self._link(self.previous_row, backwards=True)

    def get_links(self):
        return {"next": self.get_next_link(), "prev": self.get_previous_link()}

    def get_paginated_response(self, data):
        following, preceding = self.get_next_link(), self.get_previous_link()
        response = Response({"next": following, "previous": preceding, "results": data})
        return set_link_header(response, {"next": following, "prev": preceding})


class FeedPagination(pagination.BasePagination):
    """Limit/offset by default; keyset cursor once the client sends `cursor` (even empty).

    Offsets are convenient (a count, jump to any page) but a deep offset costs
    a scan of every row before it; a cursor costs the same on every page.
    """

    def __init__(self):
        self.offset = LimitOffsetPagination()
        self.keyset = KeysetPagination()
        self.active = self.offset

    def paginate_queryset(self, queryset, request, view=None):
        uses_cursor = KeysetPagination.cursor_query_param in request.query_params
        if uses_cursor and "offset" in request.query_params:
            raise ValidationError(
                {
                    "offset": [
                        ErrorDetail(
                            "Use either `offset` or `cursor`, not both.",
                            code=OFFSET_WITH_CURSOR_CODE,
                        )
                    ]
                }
            )
        self.active = self.keyset if uses_cursor else self.offset
        return self.active.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.active.get_paginated_response(data)

    def get_links(self):
        return self.active.get_links()

    @property
    def count(self):
        return getattr(self.active, "count", None)

    def get_paginated_response_schema(self, schema):
        envelope = self.offset.get_paginated_response_schema(schema)
        envelope["required"] = ["results"]
        envelope["properties"]["count"]["description"] = (
            "Number of matching records; absent in cursor mode."
        )
        return envelope

    def get_schema_operation_parameters(self, view):
        return self.offset.get_schema_operation_parameters(view) + [
            {
                "name": KeysetPagination.cursor_query_param,
                "required": False,
                "in": "query",
                "description": (
                    "Cursor pagination: send an empty `cursor=` for the first page, then "
                    "follow `next`. Deep pages cost the same as the first. Orders by "
                    "date, created_at or updated_at (with `ordering`), id as tiebreaker."
                ),
                "schema": {"type": "string"},
            }
        ]
