"""Streamed exports: memory stays flat whatever the size of the dataset.

Rows are read with a database cursor (`.iterator()`, server-side on
PostgreSQL) in batches; each batch costs one query per related table and is
encoded and sent before the next is read.
"""

from itertools import islice

from django.http import StreamingHttpResponse

from diplomacy.api.renderers import CSVEncoder, CSVRenderer, JSONLinesRenderer, json_lines
from diplomacy.api.tables import Table

EXPORT_BATCH_SIZE = 2000


def batched(iterable, size):
    """itertools.batched, which arrives in Python 3.12."""
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def table_chunks(table: Table, queryset, *, format: str, batch_size: int):
    records = table.values(queryset).iterator(chunk_size=batch_size)
    if format == CSVRenderer.format:
        encoder = CSVEncoder(table.header)
        yield encoder.header_line()
        for batch in batched(records, batch_size):
            yield encoder.lines(table.rows(batch))
    else:
        keys = table.json_keys
        for batch in batched(records, batch_size):
            yield json_lines(table.rows(batch), keys)


def export_response(table: Table, queryset, *, format: str, filename: str,
                    batch_size: int = EXPORT_BATCH_SIZE) -> StreamingHttpResponse:
    renderer = CSVRenderer if format == CSVRenderer.format else JSONLinesRenderer
    response = StreamingHttpResponse(
        table_chunks(table, queryset, format=renderer.format, batch_size=batch_size),
        content_type=f"{renderer.media_type}; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{renderer.format}"'
    return response
