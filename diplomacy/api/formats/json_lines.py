"""JSON Lines: one JSON object per line, encoded by orjson.

Compact, as the API's JSON (DRF's renderer: no space after `,` and `:`), with
datetimes as DRF writes them (UTC as Z), non-ASCII characters as they are,
and `default=` DRF's encoder for what orjson does not know (lazy strings,
decimals). A row orjson refuses (an integer beyond 64 bits) is encoded by
DRF's encoder, with the same separators. orjson writes a 100,000-row export
in a fraction of a second; the json module took a quarter of the export.
"""

import orjson
from rest_framework.utils.encoders import JSONEncoder

_ENCODER = JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_OPTIONS = (
    orjson.OPT_UTC_Z
    | orjson.OPT_NON_STR_KEYS
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_APPEND_NEWLINE
)


def json_line(row: dict) -> bytes:
    try:
        return orjson.dumps(row, default=_ENCODER.default, option=_OPTIONS)
    except (orjson.JSONEncodeError, TypeError, ValueError):
        return (_ENCODER.encode(row) + "\n").encode("utf-8")


def json_lines(rows, keys) -> bytes:
    """Rows (dicts), each with these keys in this order."""
    return b"".join([json_line({key: row[key] for key in keys}) for row in rows])


def json_column_lines(columns: dict) -> bytes:
    """Rows given as columns (name -> sequence of values), one JSON object per line."""
    keys = list(columns)
    rows = zip(*columns.values(), strict=True)
    return b"".join([json_line(dict(zip(keys, values, strict=True))) for values in rows])
