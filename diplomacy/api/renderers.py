"""Tabular formats: CSV for spreadsheets, pandas and R; JSON Lines for the export."""

import csv
import io
import json

from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from diplomacy.api.tables import csv_cell


class CSVEncoder:
    """UTF-8 CSV (RFC 4180: comma, CRLF, quotes doubled) for a fixed list of columns."""

    def __init__(self, header):
        self.header = list(header)
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)

    def _encode(self, lists) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerows(lists)
        return self._buffer.getvalue().encode("utf-8")

    def header_line(self) -> bytes:
        return self._encode([self.header])

    def lines(self, rows) -> bytes:
        return self._encode([csv_cell(row.get(name)) for name in self.header] for row in rows)


def json_lines(rows, keys) -> bytes:
    return "".join(
        json.dumps({key: row[key] for key in keys}, cls=JSONEncoder, ensure_ascii=False) + "\n"
        for row in rows
    ).encode("utf-8")


class CSVRenderer(renderers.BaseRenderer):
    """Rows (dicts) as CSV with a header row; the view names the columns."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict):  # one record
            data = [data]
        header = (renderer_context or {}).get("csv_header")
        if header is None:
            header = list(data[0]) if data else []
        encoder = CSVEncoder(header)
        return encoder.header_line() + encoder.lines(data)


class JSONLinesRenderer(renderers.BaseRenderer):
    """One JSON object per line (JSON Lines, also called NDJSON)."""

    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return json_lines(data, list(data[0]) if data else [])
