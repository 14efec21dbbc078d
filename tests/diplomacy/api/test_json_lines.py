"""The column-at-a-time encoders write what the per-cell ones would.

JSON Lines: per row, the JSON of json.dumps(row, cls=DRF's JSONEncoder), compact
(as the API's JSON), non-ASCII as it is. CSV: csv.writer over `csv_cell` of every cell.
"""

import csv
import datetime
import decimal
import io
import json
import uuid

import pytest
from rest_framework.utils.encoders import JSONEncoder

from diplomacy.api.formats.csv_cells import csv_cell
from diplomacy.api.formats.json_lines import json_column_lines
from diplomacy.api.formats.tabular_renderers import CSVEncoder

UTC = datetime.UTC
PARIS_SUMMER = datetime.timezone(datetime.timedelta(hours=2))

# Each column: a name and its values, one per row (four rows).
COLUMNS = {
    "id": [1, -2, 2**63 - 1, 0],
    "maybe int": [None, 7, None, 10**30],
    "text": [
        "plain",
        'quote " and \\ backslash',
        "é ü 中文 🙂 \u2028 \u2029",
        "\x00\x1f\x7f\n\r\t",
    ],
    "maybe text": [None, "", "a,b", "line\nbreak"],
    "uid": [uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.uuid5(uuid.NAMESPACE_DNS, "x"), None],
    "date": [datetime.date(2025, 1, 2), None, datetime.date(1, 1, 1), datetime.date(9999, 12, 31)],
    "at": [
        datetime.datetime(2026, 11, 26, 18, 30, 51, 568076, tzinfo=UTC),
        datetime.datetime(2026, 11, 26, 18, 30, 51, tzinfo=UTC),  # no microseconds
        datetime.datetime(2026, 6, 1, 12, 0, tzinfo=PARIS_SUMMER),
        None,
    ],
    "naive at": [datetime.datetime(2026, 1, 1, 0, 0, 0, 1)] * 4,
    "flag": [True, False, None, True],
    "ratio": [0.1, 1e16, -2.5, None],
    "amount": [decimal.Decimal("1.10"), None, decimal.Decimal("0"), decimal.Decimal("-3.5")],
    "mixed": [1, "one", None, datetime.date(2025, 1, 1)],
    "ids": [[], [1, 2, 3], [10**20], [None, 4]],
    "urls": [["https://a.example/x?q=1|2"], [], ["é"], ["", "b"]],
    "citations": [
        [],
        [{"source": 1, "url": "", "quote": "« guillemets »"}],
        [
            {"source": 2, "url": "https://x.example", "quote": None},
            {"source": 3, "url": "u", "quote": 'say "hi"'},
        ],
        [],
    ],
    "uneven objects": [[{"a": 1}], [{"b": 2, "a": 1}], [{}], []],
    "empty objects": [[{}], [{}, {}], [], []],
    "nested": [{"k": [1, {"d": datetime.date(2025, 1, 1)}]}, {}, None, {"1": None}],
    'key "with" %s % and é': ["v", "w", "x", "y"],
}


def expected_json_lines(columns):
    rows = [
        dict(zip(columns, values, strict=True))
        for values in zip(*columns.values(), strict=True)
    ]
    return [json.loads(json.dumps(row, cls=JSONEncoder)) for row in rows]


def assert_json_lines(columns):
    body = json_column_lines(columns)
    lines = body.decode("utf-8").split("\n")
    assert lines.pop() == "" and all(lines), body  # one line per row, each ended
    assert [json.loads(line) for line in lines] == expected_json_lines(columns)
    for line in lines:  # compact, non-ASCII as it is: the API's layout
        assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) \
            or "e+" in json.dumps(json.loads(line)), line  # floats: 1e16 vs 1e+16


def expected_csv(columns):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = zip(*columns.values(), strict=True)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def test_json_lines_of_every_column_together():
    assert_json_lines(COLUMNS)


@pytest.mark.parametrize("name", list(COLUMNS))
def test_json_lines_of_each_column_alone(name):
    assert_json_lines({name: COLUMNS[name]})


def test_json_lines_of_a_single_row_and_no_columns():
    assert_json_lines({name: values[:1] for name, values in COLUMNS.items()})
    assert json_column_lines({}) == b""


CSV_COLUMNS = {name: values for name, values in COLUMNS.items() if "objects" not in name}


def test_csv_of_every_column_together():
    encoder = CSVEncoder(CSV_COLUMNS)
    assert encoder.column_lines(list(CSV_COLUMNS.values())) == expected_csv(CSV_COLUMNS)


@pytest.mark.parametrize("name", list(CSV_COLUMNS))
def test_csv_of_each_column_alone(name):
    columns = {name: CSV_COLUMNS[name]}
    assert CSVEncoder(columns).column_lines([columns[name]]) == expected_csv(columns)


def test_csv_of_rows_as_dicts_with_missing_keys():
    rows = [
        dict(zip(CSV_COLUMNS, values, strict=True))
        for values in zip(*CSV_COLUMNS.values(), strict=True)
    ]
    del rows[1]["text"]
    header = [*CSV_COLUMNS, "absent"]
    expected = io.StringIO()
    csv.writer(expected).writerows([csv_cell(row.get(name)) for name in header] for row in rows)
    assert CSVEncoder(header).lines(rows) == expected.getvalue().encode("utf-8")
    assert CSVEncoder([]).lines(rows) == b"\r\n" * len(rows)
