"""Streamed exports: memory stays flat whatever the size of the dataset.

Rows are read with a database cursor (`.iterator()`, server-side on
PostgreSQL) in batches; each batch costs one query per related table and is
encoded and sent before the next is read.
"""

from django.http import StreamingHttpResponse

from diplomacy.api.formats.json_lines import json_column_lines
from diplomacy.api.formats.tables import Table
from diplomacy.api.formats.tabular_renderers import CSVEncoder, CSVRenderer, JSONLinesRenderer

EXPORT_BATCH_SIZE = 2000


def table_chunks(table: Table, queryset, *, format: str, batch_size: int):
    batches = table.column_batches(queryset, batch_size)
    if format == CSVRenderer.format:
        encoder = CSVEncoder(table.header)
        yield encoder.header_line()
        for columns in batches:
            yield encoder.column_lines([columns[name] for name in encoder.header])
    else:
        keys = table.json_keys
        for columns in batches:
            yield json_column_lines({key: columns[key] for key in keys})


def export_response(table: Table, queryset, *, format: str, filename: str,
                    batch_size: int = EXPORT_BATCH_SIZE) -> StreamingHttpResponse:
    renderer = CSVRenderer if format == CSVRenderer.format else JSONLinesRenderer
    response = StreamingHttpResponse(
        table_chunks(table, queryset, format=renderer.format, batch_size=batch_size),
        content_type=f"{renderer.media_type}; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{renderer.format}"'
    return response
