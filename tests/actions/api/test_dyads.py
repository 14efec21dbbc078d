"""`/api/v1/dyads/FR-ML/`: every action between two states, with counts."""

import pytest

from tests.api_helpers import error_fields


def test_dyad_in_either_order(client, seed_ids):
    first = client.get("/api/v1/dyads/FR-ML/")
    second = client.get("/api/v1/dyads/ml-fr/")
    assert first.status_code == second.status_code == 200
    assert [state["code"] for state in first.json()["states"]] == ["FR", "ML"]
    assert [state["code"] for state in second.json()["states"]] == ["ML", "FR"]
    assert first.json()["results"] == second.json()["results"]
    assert first.json()["counts"] == second.json()["counts"]


def test_dyad_actions_in_date_order_with_counts_by_kind_and_direction(client, seed_ids):
    body = client.get("/api/v1/dyads/FR-ML/").json()
    keys = [(row["date"], row["id"]) for row in body["results"]]
    assert keys == sorted(keys)
    assert body["count"] == len(keys) == 8
    counts = {(row["actor"], row["target"], row["kind"]): row["count"] for row in body["counts"]}
    assert counts == {
        ("FR", "ML", "cooperation_suspension"): 1,
        ("FR", "ML", "persona_non_grata"): 1,
        ("FR", "ML", "statement"): 2,
        ("ML", "FR", "cooperation_suspension"): 1,
        ("ML", "FR", "detention"): 1,
        ("ML", "FR", "persona_non_grata"): 1,
        ("ML", "FR", "statement"): 1,
    }


def test_dyad_excludes_other_pairs_and_takes_the_filters(editor_client, client, seed_ids):
    other = editor_client.post(
        "/api/v1/diplomatic-statements/",
        {"actor": "FR", "target": "DE", "date": "2025-09-20", "summary": "Elsewhere.",
         "statement_type": "denunciation"},
        format="json",
    )
    assert other.status_code == 201
    ids = [row["id"] for row in client.get("/api/v1/dyads/FR-ML/?limit=500").json()["results"]]
    assert other.json()["id"] not in ids and len(ids) == 8

    body = client.get("/api/v1/dyads/FR-ML/?kind=statement&actor=FR").json()
    assert body["count"] == 2
    assert {(row["actor"], row["kind"]) for row in body["counts"]} == {("FR", "statement")}
    assert client.get("/api/v1/dyads/DE-FR/").json()["count"] == 1


def test_dyad_pages(client, seed_ids):
    response = client.get("/api/v1/dyads/FR-ML/?limit=3&ordering=-date")
    body = response.json()
    assert len(body["results"]) == 3 and body["count"] == 8
    assert body["results"][0]["date"] == "2025-09-19"
    assert 'rel="next"' in response["Link"]


@pytest.mark.parametrize("pair", ["FR-XX", "FR-FR", "QQ-ZZ"])
def test_unknown_or_single_state_is_a_404(client, db, pair):
    response = client.get(f"/api/v1/dyads/{pair}/")
    assert response.status_code == 404
    assert pair in response.json()["detail"]


def test_bad_filter_on_a_dyad_is_a_400(client, db):
    response = client.get("/api/v1/dyads/FR-ML/?date_after=someday")
    assert response.status_code == 400
    assert error_fields(response) == ["date_after"]
