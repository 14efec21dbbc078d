"""How the values of a table's column are written as CSV cells.

A column of a table holds values of one type (or None), so a whole column is
converted with one function, chosen from the types it holds, instead of testing
the type of every cell: csv.writer then writes the rest as they are. A column
of any other mix goes through `csv_cell` cell by cell, so the output is the
same whatever the column holds.
"""

import datetime
import decimal
import uuid

# Lists in a CSV cell are joined with this: it occurs in no id, code or URL
# the dataset holds (a URL carries it percent-encoded).
LIST_SEPARATOR = "|"

NONE = type(None)
# Types csv.writer writes as `csv_cell` does: None as an empty cell, the rest as
# str() (a date's str() is its isoformat()).
CSV_AS_THEY_ARE = frozenset({str, int, float, decimal.Decimal, uuid.UUID, datetime.date, NONE})


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return iso_text(value)
    return value


def iso_text(value) -> str:
    # As in the JSON responses (DRF's encoder): UTC as Z.
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def iso_texts(values) -> list:
    """A column of datetimes as `iso_text` writes them (None stays None), in two passes."""
    texts = [None if value is None else value.isoformat() for value in values]
    return [text[:-6] + "Z" if text and text.endswith("+00:00") else text for text in texts]


def _csv_list(value):
    return LIST_SEPARATOR.join(map(str, value))


def csv_column(values):
    """The column's values as csv.writer should receive them to write `csv_cell`'s text."""
    types = set(map(type, values))
    if types <= CSV_AS_THEY_ARE:
        return values
    if types <= {datetime.datetime, NONE}:
        return iso_texts(values)  # csv.writer writes None as an empty cell
    if types == {list}:
        return list(map(_csv_list, values))
    return list(map(csv_cell, values))
