"""JSON Lines: one object per row, as json.dumps(row, cls=DRF's JSONEncoder,
ensure_ascii=False) writes it.

json.dumps costs about 10 µs a row of the export (its C encoder walks every
dict), a quarter of the whole export. orjson is five times faster but writes
no space after `,` and `:`, unlike every JSON Lines file exported so far. So
the export encodes a batch a column at a time with the json module's own
pieces (its C `encode_basestring` for strings, `int.__repr__` for integers,
`null`) and fills each line into a template of the keys with `%`; the items of
a column of lists are encoded the same way as one column; a column of any
other type (floats, decimals, booleans, mixed...) goes through the encoder
value by value. Same bytes: tests/diplomacy/api/test_json_lines.py compares
them with json.dumps for columns of every type.
"""

import json.encoder
from itertools import islice

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
    if types == {list}:
        return _encoded_lists(values)
    return list(map(ENCODER.encode, values))


def _encoded_lists(values) -> list[str]:
    """A column of lists: their items encoded as one column, then joined back per list.

    Items that are dicts are encoded as objects when they all have the same
    string keys in the same order (each citation of the export); other items
    through `encoded_column`.
    """
    items = [item for value in values for item in value]
    if set(map(type, items)) == {dict}:
        key_orders = set(map(tuple, items))
        if len(key_orders) != 1:
            return list(map(ENCODER.encode, values))
        (keys,) = key_orders
        if not all(type(key) is str for key in keys):
            return list(map(ENCODER.encode, values))
        template = object_template(keys)
        members = zip(*[encoded_column([item[key] for item in items]) for key in keys], strict=True)
        texts = iter([template % member for member in members] if keys else ["{}"] * len(items))
    else:
        texts = iter(encoded_column(items))
    return ["[" + ", ".join(islice(texts, len(value))) + "]" for value in values]


def object_template(keys) -> str:
    """`{"key": %s, ...}`: the keys as ENCODER writes them, `%` doubled."""
    members = [_string(key).replace("%", "%%") + ": %s" for key in keys]
    return "{" + ", ".join(members) + "}"


def json_column_lines(columns: dict) -> bytes:
    """Rows given as columns (name -> sequence of values), one JSON object per line."""
    template = object_template(columns) + "\n"
    rows = zip(*map(encoded_column, columns.values()), strict=True)
    return "".join([template % row for row in rows]).encode("utf-8")
