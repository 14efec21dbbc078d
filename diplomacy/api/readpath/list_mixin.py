"""`list()` of a viewset through the read path (`compiler`), falling back to the serializer.

A viewset takes `ReadPathListMixin`; what the read path cannot reproduce (see
`read_path_reader`) goes through the serializer, so the output never differs.
A viewset whose serializer shows rows in several shapes overrides the hook
`reader_for_serializer` (a feed of several kinds gives one plan per kind).
"""

from django.utils import timezone
from rest_framework.pagination import CursorPagination, LimitOffsetPagination
from rest_framework.response import Response

from diplomacy.api.pagination import FeedPagination
from diplomacy.api.readpath.compiler import Reader, Unsupported, reader_for_serializer


class _Page:
    """What LimitOffsetPagination is given: it counts, then slices.

    Counting the `.values()` queryset would keep the joins of the brief related
    objects (100 times slower at this size): the bare filtered table is counted.
    """

    def __init__(self, queryset, reader: Reader):
        self.queryset = queryset
        self.reader = reader

    def count(self) -> int:
        return self.queryset.select_related(None).prefetch_related(None).order_by().count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("a page is read by slice")
        return self.reader.build(self.reader.page_values(self.queryset, key))



# Sparse fieldsets are applied by the serializers: such a request goes through them.
SPARSE_FIELDSET_PARAMETERS = ("fields", "omit")


class ReadPathListMixin:
    """`list()` through the read path when the serializer and paginator allow it.

    The output is the serializer's own; anything the read path does not cover
    (an unsupported serializer field, a paginator other than limit/offset, DRF's
    cursor or the feed's, `?fields=` or `?omit=`) goes through the serializer as before.
    """

    # Readers by (serializer class, model), shared by every viewset; None for a
    # serializer the read path cannot reproduce.
    _read_path_readers: dict = {}

    def reader_for_serializer(self, serializer_class, model) -> Reader:
        """The hook: the reader of the view's serializer class over its model
        (raise Unsupported if it cannot be reproduced). A view whose rows take
        several shapes (a feed of kinds) returns a Reader with a discriminator."""
        return reader_for_serializer(serializer_class, model)

    def read_path_reader(self) -> Reader | None:
        paginator = self.paginator
        if paginator is not None and not isinstance(
            paginator, (LimitOffsetPagination, CursorPagination, FeedPagination)
        ):
            return None
        if any(name in self.request.query_params for name in SPARSE_FIELDSET_PARAMETERS):
            return None
        serializer_class = self.get_serializer_class()
        model = self.get_queryset().model
        key = (serializer_class, model)
        readers = self._read_path_readers
        if key not in readers:
            try:
                readers[key] = self.reader_for_serializer(serializer_class, model)
            except Unsupported:
                readers[key] = None
        return readers[key]

    def list(self, request, *args, **kwargs):
        # The read path writes datetimes in UTC, as the serializers do in a UTC site.
        utc = timezone.get_current_timezone_name() == "UTC"
        reader = self.read_path_reader() if utc else None
        if reader is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        if isinstance(self.paginator, CursorPagination):
            # The cursor paginates narrow rows (the key and the ordering's fields,
            # no joins); the page's rows are then read by key.
            ordering = self.paginator.get_ordering(request, queryset, self)
            fields = [name.lstrip("-") for name in ordering]
            narrow = queryset.select_related(None).prefetch_related(None).values(
                *dict.fromkeys(["pk", *fields])
            )
            keys = self.paginate_queryset(narrow)
            return self.get_paginated_response(reader.read_pks([row["pk"] for row in keys]))
        paginator = self.paginator
        if isinstance(paginator, FeedPagination) and (
            paginator.keyset.cursor_query_param in request.query_params
        ):
            # The feed's keyset cursor pages the `.values()` rows themselves: its
            # filter on the key is an index range and the page is limit + 1 rows,
            # so joining their brief related objects costs no more than a second
            # query by key would (3 queries, as through the serializers).
            keyset = [name for name in paginator.keyset.keyset_fields if name not in reader.columns]
            rows = self.paginate_queryset(reader.values(queryset).values(*reader.columns, *keyset))
            return self.get_paginated_response(reader.build(rows))
        page = self.paginate_queryset(_Page(queryset, reader))
        if page is not None:
            return self.get_paginated_response(page)
        return Response(reader.read(queryset))
