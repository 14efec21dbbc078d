"""/api/v1/missions/: states as codes on write, brief objects on read."""

import pytest

from diplomacy.models import Mission
from tests import seed

pytestmark = pytest.mark.django_db

BERLIN = {"sending_state": "FR", "receiving_state": "DE", "kind": "embassy", "city": "Berlin"}


def seed_mission_id(uid):
    return Mission.objects.get(uid=uid).pk


def test_list_shows_the_seed_missions(client):
    response = client.get("/api/v1/missions/")

    assert response.status_code == 200
    missions = {
        (m["sending_state"]["code"], m["receiving_state"]["code"], m["kind"], m["city"])
        for m in response.json()["results"]
    }
    assert missions == {
        ("FR", "ML", "embassy", "Bamako"),
        ("ML", "FR", "embassy", "Paris"),
        ("ML", "FR", "consulate", "Paris"),
    }


def test_create_read_update_delete(editor_client, client):
    response = editor_client.post("/api/v1/missions/", {**BERLIN, "sending_state": "fr"})
    assert response.status_code == 201, response.json()
    mission = response.json()
    assert mission["sending_state"] == {"code": "FR", "name": "France"}
    assert mission["receiving_state"] == {"code": "DE", "name": "Germany"}

    url = f"/api/v1/missions/{mission['id']}/"
    assert client.get(url).json()["city"] == "Berlin"

    response = editor_client.patch(url, {"kind": "consulate_general", "city": "Munich"})
    assert response.status_code == 200
    assert (response.json()["kind"], response.json()["city"]) == ("consulate_general", "Munich")

    response = editor_client.put(url, BERLIN)
    assert response.status_code == 200
    assert response.json()["city"] == "Berlin"

    assert editor_client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_a_mission_is_sent_to_another_state(editor_client):
    response = editor_client.post("/api/v1/missions/", {**BERLIN, "receiving_state": "FR"})

    assert response.status_code == 400
    assert "receiving_state" in response.json()


def test_patch_to_the_sending_state_is_a_400(editor_client):
    url = f"/api/v1/missions/{seed_mission_id(seed.FRENCH_EMBASSY_IN_BAMAKO)}/"

    response = editor_client.patch(url, {"receiving_state": "FR"})

    assert response.status_code == 400
    assert "receiving_state" in response.json()


def test_a_duplicate_mission_is_a_400(editor_client):
    payload = {"sending_state": "FR", "receiving_state": "ML", "kind": "embassy", "city": "Bamako"}

    response = editor_client.post("/api/v1/missions/", payload)

    assert response.status_code == 400
    assert "already exists" in str(response.json())
    assert Mission.objects.filter(city="Bamako").count() == 1


def test_unknown_state_code_is_a_400_on_that_field(editor_client):
    response = editor_client.post("/api/v1/missions/", {**BERLIN, "receiving_state": "ZZ"})

    assert response.status_code == 400
    assert list(response.json()) == ["receiving_state"]
    assert "ZZ" in response.json()["receiving_state"][0]


def test_deleting_a_mission_with_envoys_is_a_409(editor_client):
    url = f"/api/v1/missions/{seed_mission_id(seed.FRENCH_EMBASSY_IN_BAMAKO)}/"

    response = editor_client.delete(url)

    assert response.status_code == 409
    assert Mission.objects.filter(uid=seed.FRENCH_EMBASSY_IN_BAMAKO).exists()
