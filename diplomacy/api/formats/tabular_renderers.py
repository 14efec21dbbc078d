"""Tabular formats: CSV for spreadsheets, pandas and R; JSON Lines for the export."""

import csv
import io

from rest_framework import renderers

from diplomacy.api.formats.csv_cells import csv_column
from diplomacy.api.formats.json_lines import json_lines


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
        """Rows (dicts) under the header's columns; a missing key is an empty cell."""
        rows = list(rows)
        if not self.header:
            return self._encode([] for _ in rows)
        return self.column_lines([[row.get(name) for row in rows] for name in self.header])

    def row_lines(self, rows) -> bytes:
        """Rows given as tuples of values csv.writer writes as `csv_cell` does (text,
        integers, None: see csv_cells.CSV_AS_THEY_ARE), in the header's order."""
        return self._encode(rows)

    def column_lines(self, columns) -> bytes:
        """Rows given as columns (one sequence of values per header column, in its order)."""
        return self._encode(zip(*map(csv_column, columns), strict=True))


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
