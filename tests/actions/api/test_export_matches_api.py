"""The export says what the JSON API says, record for record, in the format it always had.

The export is encoded a column at a time (diplomacy/api/formats/csv_cells.py,
diplomacy/api/formats/json_lines.py); these tests would fail if that changed a value or
the layout of a line.
"""

import csv
import io
import json
import uuid

import pytest

from actions.api.tables import ACTION_TABLE
from actions.models import Action
from tests.factories import CitationFactory

EXPORT = "/api/v1/actions/export/"
TRICKY = 'Quote " comma , pipe | percent %s backslash \\ « é 中文 » \u2028 tab\t newline\n end'


def export(client, format):
    response = client.get(f"{EXPORT}?format={format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def api_records(client):
    response = client.get("/api/v1/actions/?limit=500")
    assert response.status_code == 200
    return {record["id"]: record for record in response.json()["results"]}


def as_export(record):
    """The API's record (nested) in the export's flat JSON shape."""
    flat = {}
    for key, value in record.items():
        if key in ("actor", "target"):
            flat[key] = value["code"]
        elif key == "episode":
            flat[key] = value and value["slug"]
        elif key in ("in_response_to", "mission"):
            flat[key] = value and value["id"]
        elif key == "envoys":
            flat["envoy_ids"] = sorted(envoy["id"] for envoy in value)
        elif key == "citations":
            flat[key] = [
                {
                    "source": citation["source"]["id"],
                    "publisher": citation["source"]["publisher"],
                    "title": citation["source"]["title"],
                    "url": citation["source"]["url"],
                    "supports": citation["supports"],
                    "quote": citation["quote"],
                    "attribution": citation["attribution"],
                }
                for citation in value
            ]
        else:
            flat[key] = value
    return flat


@pytest.fixture
def tricky_action(seed_ids):
    """A copy of a seed statement whose text needs quoting and escaping everywhere."""
    action = Action.objects.get(pk=seed_ids["fr_warns"])
    action.pk = action.id = None
    action._state.adding = True
    action.uid = uuid.uuid4()
    action.summary = TRICKY
    action.notes = "\x01 control\r\nCRLF"
    action.save()
    CitationFactory(
        action=action, source__publisher="Agence « é »", source__title=TRICKY, quote=TRICKY
    )
    return action


def test_json_lines_export_is_what_the_api_says(client, seed_ids, tricky_action):
    # Split on "\n" alone: str.splitlines() also splits on the U+2028 a line holds.
    lines = [line + "\n" for line in export(client, "jsonl").split("\n")[:-1]]
    api = api_records(client)
    assert len(lines) == len(api) == Action.objects.count()
    for line in lines:
        record = json.loads(line)
        assert list(record) == ACTION_TABLE.json_keys
        # The layout of every line: compact as the API's JSON, non-ASCII as it is.
        assert line == json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        expected = as_export(api[record["id"]])
        record["envoy_ids"] = sorted(record["envoy_ids"])
        assert {key: record[key] for key in expected} == expected
    assert "« é 中文 »" in "".join(lines)


def test_csv_export_is_the_json_lines_export_flattened(client, seed_ids, tricky_action):
    records = [json.loads(line) for line in export(client, "jsonl").split("\n")[:-1]]
    text = export(client, "csv")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == ACTION_TABLE.header
    rows = list(reader)
    assert len(rows) == len(records)

    def cell(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return "|".join(str(item) for item in value)
        return str(value)

    for row, record in zip(rows, records, strict=True):
        record["citation_source_ids"] = [citation["source"] for citation in record["citations"]]
        record["citation_urls"] = [c["url"] for c in record["citations"] if c["url"]]
        supports = json.loads(row["citation_supports"])
        assert supports == [c["supports"] for c in record["citations"]]
        record["citation_supports"] = row["citation_supports"]
        assert row == {name: cell(record[name]) for name in ACTION_TABLE.header}
    assert text.count("\r\n") > len(rows)  # CRLF line ends, and CRLF kept inside a quoted cell
