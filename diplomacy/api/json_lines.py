"""JSON Lines: one object per row, as json.dumps(row, cls=DRF's JSONEncoder,
ensure_ascii=False) writes it.

json.dumps costs about 10 µs a row of the export (its C encoder walks every
dict), a third of the whole export. orjson is five times faster but writes no
space after `,` and `:`, unlike every JSON Lines file exported so far. So the
export encodes a batch a column at a time with the json module's own pieces
(its C `encode_basestring` for strings, `int.__repr__` for integers, `null`)
and fills each line into a template of the keys with `%`; a column of any
other type (lists, nested objects, floats...) goes through the encoder value
by value. Same bytes: tests/diplomacy/api/test_json_lines.py compares them.
"""

import json.encoder

from rest_framework.utils.encoders import JSONEncoder

from diplomacy.api.cells import NONE, json_column

# What json.dumps(row, cls=JSONEncoder, ensure_ascii=False) builds for each call, built once.
ENCODER = JSONEncoder(ensure_ascii=False)
# The function that encoder applies to strings (and keys) when ensure_ascii is off.
_string = json.encoder.encode_basestring


def json_lines(rows, keys) -> bytes:
    """Rows (dicts), each with these keys in this order."""
    encode = ENCODER.encode
    return "".join([encode({key: row[key] for key in keys}) + "\n" for row in rows]).encode(
        "utf-8"
    )


def encoded_column(values) -> list[str]:
    """Each value of the column as JSON text, as ENCODER writes it inside an object."""
    values = json_column(values)  # dates, datetimes and UUIDs as text, as DRF writes them
    types = set(map(type, values))
    if types == {str}:
        return list(map(_string, values))
    if types <= {str, NONE}:
        return ["null" if value is None else _string(value) for value in values]
    if types <= {int, NONE}:
        return ["null" if value is None else int.__repr__(value) for value in values]
    return list(map(ENCODER.encode, values))


def line_template(keys) -> str:
    """`{"key": %s, ...}` and a newline: the keys as ENCODER writes them, `%` doubled."""
    members = [_string(key).replace("%", "%%") + ": %s" for key in keys]
    return "{" + ", ".join(members) + "}\n"


def json_column_lines(columns: dict) -> bytes:
    """Rows given as columns (name -> sequence of values), one JSON object per line."""
    template = line_template(columns)
    rows = zip(*map(encoded_column, columns.values()), strict=True)
    return "".join([template % row for row in rows]).encode("utf-8")
