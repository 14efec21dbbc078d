"""The bulk export: every action with its kind fields and citations, streamed."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.api.views import ActionViewSet
from actions.models import Action, Citation
from tests.api_helpers import error_fields, error_messages

EXPORT = "/api/v1/actions/export/"


def body(response):
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_export_of_everything(client, seed_ids):
    response = client.get(f"{EXPORT}?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="actions.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response), newline="")))
    assert sorted(int(row["id"]) for row in rows) == sorted(seed_ids.values())
    detention = next(row for row in rows if int(row["id"]) == seed_ids["ml_detains"])
    assert detention["accusation"].startswith("Working for the French intelligence")
    assert detention["citation_source_ids"].count("|") == 3  # four citations


def test_csv_is_the_default_and_accept_picks_json_lines(client, seed_ids):
    assert client.get(EXPORT)["Content-Type"].startswith("text/csv")
    response = client.get(EXPORT, HTTP_ACCEPT="application/x-ndjson")
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"


def test_json_lines_export_has_full_citations(client, seed_ids):
    lines = body(client.get(f"{EXPORT}?format=jsonl")).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == Action.objects.count()
    by_id = {record["id"]: record for record in records}
    warning = by_id[seed_ids["fr_warns"]]
    assert warning["statement_type"] == "threat_of_measures"
    assert warning["actor"] == "FR"
    assert warning["citations"] == [
        {
            "source": citation.source_id,
            "publisher": citation.source.publisher,
            "title": citation.source.title,
            "url": citation.source.url,
            "supports": citation.supports,
            "quote": citation.quote,
            "attribution": citation.attribution,
        }
        for citation in Citation.objects.filter(action_id=seed_ids["fr_warns"]).order_by("id")
    ]
    assert len(warning["citations"]) == 2  # the article's quote, a page's summary
    assert len(by_id[seed_ids["ml_expels"]]["envoy_ids"]) == 5


def test_export_honours_the_filters(client, seed_ids):
    lines = body(client.get(f"{EXPORT}?format=jsonl&kind=statement&actor=FR")).splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(
        [seed_ids["fr_demands_release"], seed_ids["fr_warns"]]
    )
    response = client.get(f"{EXPORT}?format=csv&date_after=2030-01-01")
    assert body(response).splitlines()[1:] == []  # the header alone


def test_bad_filter_is_a_json_400_before_streaming(client, db):
    response = client.get(f"{EXPORT}?format=csv&state=XX")
    assert response.status_code == 400
    assert not response.streaming
    assert error_fields(response) == ["state"]
    assert error_messages(response) == ["Unknown state codes: XX."]


@pytest.mark.parametrize("format", ["csv", "jsonl"])
def test_export_streams_in_batches(client, seed_ids, monkeypatch, format):
    """Each batch is read, encoded and sent before the next is read: memory stays flat."""
    monkeypatch.setattr(ActionViewSet, "export_batch_size", 3)
    response = client.get(f"{EXPORT}?format={format}")
    assert response.streaming
    chunks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as context:
        if format == "csv":
            assert next(chunks).startswith(b"id,uid,kind,")
        first = next(chunks)
        after_first_batch = len(context.captured_queries)
        rest = list(chunks)
        total = len(context.captured_queries)
    # One query opens the cursor; each batch adds one per list column
    # (envoys, citations) for its three rows at most.
    assert after_first_batch == 1 + 2
    assert total == 1 + 2 * 3  # 8 actions: batches of 3, 3 and 2
    assert [chunk.count(b"\n") for chunk in [first, *rest]] == [3, 3, 2]
