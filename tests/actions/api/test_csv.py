"""CSV for every list (and record): flat, stable columns, parsed back with the csv module."""

import csv
import io
import json

import pytest

from actions.api.tables import ACTION_TABLE
from actions.models import Action
from tests.api_helpers import error_fields


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return reader.fieldnames, list(reader)


def test_actions_feed_as_csv(client, seed_ids):
    header, rows = parse(client.get("/api/v1/actions/?format=csv"))
    assert header == [
        "id", "uid", "kind", "actor", "target", "date", "date_precision", "date_not_before",
        "date_not_after", "announced_on", "summary", "notes", "episode", "in_response_to",
        "cameo_code", "plover", "plover_mode", "persons_count", "grounds", "leave_by",
        "departed_on", "domain", "resumed_on", "accusation", "released_on", "statement_type",
        "returned_on", "restored_on", "mission", "reopened_on", "created_at", "updated_at",
        "envoy_ids", "citation_source_ids", "citation_urls", "citation_supports",
    ]
    assert [int(row["id"]) for row in rows] == [
        row["id"] for row in client.get("/api/v1/actions/").json()["results"]
    ]
    by_id = {int(row["id"]): row for row in rows}
    expulsion = by_id[seed_ids["ml_expels"]]
    action = Action.objects.get(pk=seed_ids["ml_expels"])
    assert (expulsion["actor"], expulsion["target"]) == ("ML", "FR")
    assert expulsion["episode"] == "france-mali-2025"
    assert expulsion["in_response_to"] == str(seed_ids["fr_expels"])
    assert expulsion["persons_count"] == "5"
    assert expulsion["departed_on"] == "2025-09-14"
    assert expulsion["domain"] == ""
    assert expulsion["uid"] == str(action.uid)
    assert expulsion["envoy_ids"].split("|") == [
        str(pk) for pk in sorted(action.envoys.values_list("pk", flat=True))
    ]
    assert expulsion["citation_source_ids"].split("|") == [
        str(pk) for pk in action.citations.order_by("id").values_list("source_id", flat=True)
    ]
    assert json.loads(expulsion["citation_supports"]) == list(
        action.citations.order_by("id").values_list("supports", flat=True)
    )
    assert expulsion["updated_at"] == "2026-11-26T12:00:00Z"
    # UTF-8 survives, quotes and commas are quoted.
    assert "chargé d'affaires" in by_id[seed_ids["fr_warns"]]["summary"]


def test_accept_header_gives_the_same_csv(client, seed_ids):
    by_format = client.get("/api/v1/actions/?format=csv")
    by_accept = client.get("/api/v1/actions/", HTTP_ACCEPT="text/csv")
    assert parse(by_accept) == parse(by_format)


def test_csv_page_carries_the_links_and_total(client, seed_ids):
    response = client.get("/api/v1/actions/?format=csv&limit=3&offset=3")
    header, rows = parse(response)
    assert len(rows) == 3
    assert response["X-Total-Count"] == "8"
    assert 'rel="next"' in response["Link"] and 'rel="prev"' in response["Link"]
    assert "format=csv" in response["Link"]


def test_csv_cursor_pages(client, seed_ids):
    response = client.get("/api/v1/actions/?format=csv&limit=5&cursor=")
    assert len(parse(response)[1]) == 5
    next_url = response["Link"].split(">")[0].lstrip("<")
    assert len(parse(client.get(next_url))[1]) == 3
    assert "X-Total-Count" not in response


def test_csv_honours_filters_and_fields(client, seed_ids):
    header, rows = parse(client.get("/api/v1/actions/?format=csv&actor=FR&fields=id,actor,kind"))
    assert header == ["id", "kind", "actor"]  # the table's order, not the query's
    assert {row["actor"] for row in rows} == {"FR"} and len(rows) == 4
    header, rows = parse(client.get("/api/v1/actions/?format=csv&omit=summary,notes,uid"))
    omitted = {"summary", "notes", "uid"}
    assert header == [name for name in ACTION_TABLE.header if name not in omitted]


def test_kind_resource_has_its_own_columns_only(client, seed_ids):
    header, rows = parse(client.get("/api/v1/cooperation-suspensions/?format=csv"))
    assert "domain" in header and "resumed_on" in header
    assert "persons_count" not in header and "envoy_ids" not in header
    assert {row["domain"] for row in rows} == {"counter_terrorism"}


# Every writable resource's list and record as CSV are in the shared case
# (tests/api_case.py); here, a filtered list and a read-only one.
LISTS = {
    "/api/v1/states/?q=mali": "code",
    "/api/v1/deletions/": "resource",
}


@pytest.mark.parametrize("url, key", LISTS.items())
def test_every_list_has_a_csv_with_one_row_per_record(client, seed_ids, url, key):
    separator = "&" if "?" in url else "?"
    header, rows = parse(client.get(f"{url}{separator}format=csv"))
    assert header[0] == key
    records = client.get(url).json()["results"]
    assert [row[key] for row in rows] == [str(record[key]) for record in records]


def test_related_states_are_iso_codes(client, seed_ids):
    header, rows = parse(client.get("/api/v1/missions/?format=csv"))
    assert {(row["sending_state"], row["receiving_state"]) for row in rows} == {
        ("FR", "ML"),
        ("ML", "FR"),
    }


def test_a_record_as_csv(client, seed_ids):
    header, rows = parse(client.get("/api/v1/states/ml/?format=csv"))
    assert [(row["code"], row["name"], row["is_historic"]) for row in rows] == [
        ("ML", "Mali", "false")
    ]
    header, rows = parse(client.get(f"/api/v1/actions/{seed_ids['ml_detains']}/?format=csv"))
    assert [row["kind"] for row in rows] == ["detention"]


def test_csv_is_offered_for_reads_only(editor_client, client, seed_ids):
    for bad in ("xml", ""):
        response = client.get(f"/api/v1/states/?format={bad}")
        assert response.status_code == 400
        assert error_fields(response) == ["format"]
    response = editor_client.post(
        "/api/v1/episodes/?format=csv", {"slug": "x", "title": "X"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["slug"] == "x"
