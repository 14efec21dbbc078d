"""/api/v1/missions/: states as codes on write, brief objects on read."""

import pytest

from diplomacy.models import Mission
from tests import seed
from tests.api_case import ResourceAPITestCase
from tests.conditional import if_match
from tests.problems import assert_invalid, assert_problem

pytestmark = pytest.mark.django_db


class TestMissionAPI(ResourceAPITestCase):
    resource_names = ("missions",)

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


def test_states_are_codes_in_any_case_on_write_and_brief_on_read(editor_client, client):
    response = editor_client.post("/api/v1/missions/", {**BERLIN, "sending_state": "fr"})
    assert response.status_code == 201, response.json()
    mission = response.json()
    assert mission["sending_state"] == {"code": "FR", "name": "France"}
    assert mission["receiving_state"] == {"code": "DE", "name": "Germany"}

    url = f"/api/v1/missions/{mission['id']}/"
    assert client.get(url).json()["city"] == "Berlin"

    response = editor_client.patch(
        url,
        {"kind": "consulate_general", "city": "Munich"},
        **if_match(editor_client, url),
    )
    assert response.status_code == 200
    assert (response.json()["kind"], response.json()["city"]) == ("consulate_general", "Munich")


def test_a_mission_is_sent_to_another_state(editor_client):
    count = Mission.objects.count()

    response = editor_client.post("/api/v1/missions/", {**BERLIN, "receiving_state": "FR"})

    assert_invalid(response, "receiving_state")
    assert Mission.objects.count() == count


def test_patch_to_the_sending_state_is_a_400(editor_client):
    url = f"/api/v1/missions/{seed_mission_id(seed.FRENCH_EMBASSY_IN_BAMAKO)}/"

    response = editor_client.patch(url, {"receiving_state": "FR"}, **if_match(editor_client, url))

    assert_invalid(response, "receiving_state")
    assert Mission.objects.get(uid=seed.FRENCH_EMBASSY_IN_BAMAKO).receiving_state_id == "ML"


def test_a_duplicate_mission_is_a_400(editor_client):
    payload = {"sending_state": "FR", "receiving_state": "ML", "kind": "embassy", "city": "Bamako"}

    response = editor_client.post("/api/v1/missions/", payload)

    # The constraint spans four fields: the error belongs to none of them.
    errors = assert_invalid(response, "non_field_errors")
    assert errors == {"non_field_errors": ["This mission already exists."]}
    assert Mission.objects.filter(city="Bamako").count() == 1


def test_unknown_state_code_is_a_400_on_that_field(editor_client):
    count = Mission.objects.count()

    response = editor_client.post("/api/v1/missions/", {**BERLIN, "receiving_state": "ZZ"})

    errors = assert_invalid(response, "receiving_state")
    assert list(errors) == ["receiving_state"]
    assert "ZZ" in errors["receiving_state"][0]
    assert Mission.objects.count() == count


def test_deleting_a_mission_with_envoys_is_a_409(editor_client):
    url = f"/api/v1/missions/{seed_mission_id(seed.FRENCH_EMBASSY_IN_BAMAKO)}/"

    response = editor_client.delete(url, **if_match(editor_client, url))

    assert_problem(response, 409, "conflict")
    assert Mission.objects.filter(uid=seed.FRENCH_EMBASSY_IN_BAMAKO).exists()
