"""`/api/v1/episodes/{slug}/timeline/`: the chain of responses of an episode."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

URL = "/api/v1/episodes/france-mali-2025/timeline/"


def test_timeline_in_date_order_with_both_directions_of_response(client, seed_ids):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["episode"]["slug"] == "france-mali-2025"
    entries = body["actions"]
    assert sorted(entry["id"] for entry in entries) == sorted(seed_ids.values())
    # Date order: France's decisions, known only to lie from 14 August on, sit at
    # that day, after the arrest they answer, beside Mali's announcement (by id).
    on_14_august = sorted(seed_ids[name] for name in ("ml_accuses", "fr_expels", "fr_suspends"))
    assert [entry["id"] for entry in entries] == [
        seed_ids["ml_detains"],
        *on_14_august,
        seed_ids["fr_demands_release"],
        seed_ids["ml_expels"],
        seed_ids["ml_ends_cooperation"],
        seed_ids["fr_warns"],
    ]
    placed = set()
    for entry in entries:
        assert entry["in_response_to"] is None or entry["in_response_to"]["id"] in placed
        placed.add(entry["id"])

    by_id = {entry["id"]: entry for entry in entries}
    detention = by_id[seed_ids["ml_detains"]]
    assert detention["in_response_to"] is None
    assert [answer["id"] for answer in detention["responses"]] == [
        entry["id"] for entry in entries
        if entry["in_response_to"] and entry["in_response_to"]["id"] == seed_ids["ml_detains"]
    ]
    assert {answer["id"] for answer in detention["responses"]} == {
        seed_ids[name] for name in ("fr_demands_release", "fr_expels", "fr_suspends", "fr_warns")
    }
    expulsion = by_id[seed_ids["ml_expels"]]
    assert expulsion["in_response_to"]["id"] == seed_ids["fr_expels"]
    assert expulsion["in_response_to"]["actor"] == "FR"
    assert expulsion["responses"] == []
    assert expulsion["summary"].startswith("Mali declares five")


def test_timeline_costs_three_queries(client, seed_ids):
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    assert len(context.captured_queries) == 3


def test_unknown_episode_is_a_404(client, db):
    response = client.get("/api/v1/episodes/no-such-episode/timeline/")
    assert response.status_code == 404
    assert "json" in response["Content-Type"]
