"""/api/v1/envoys/: named or described, of the state that sends their mission."""

import pytest

from diplomacy.models import Envoy, Mission
from tests import seed
from tests.api_case import ResourceAPITestCase
from tests.conditional import if_match
from tests.problems import assert_invalid, assert_problem

pytestmark = pytest.mark.django_db


class TestEnvoyAPI(ResourceAPITestCase):
    resource_names = ("envoys",)


@pytest.fixture
def bamako_embassy():
    return Mission.objects.get(uid=seed.FRENCH_EMBASSY_IN_BAMAKO)


def test_list_shows_the_eight_seed_envoys(client):
    response = client.get("/api/v1/envoys/")

    assert response.status_code == 200
    assert response.json()["count"] == 8


def test_the_mission_is_brief_on_read_and_can_be_cleared(editor_client, client, bamako_embassy):
    payload = {
        "description": "Defence attaché",
        "sending_state": "FR",
        "mission": bamako_embassy.pk,
        "category": "diplomatic_agent",
    }
    response = editor_client.post("/api/v1/envoys/", payload)
    assert response.status_code == 201, response.json()
    envoy = response.json()
    assert envoy["name"] == ""
    assert envoy["sending_state"]["code"] == "FR"
    assert envoy["mission"] == {"id": bamako_embassy.pk, "kind": "embassy", "city": "Bamako"}

    url = f"/api/v1/envoys/{envoy['id']}/"
    assert client.get(url).json()["description"] == "Defence attaché"

    response = editor_client.patch(
        url,
        {"name": "Jean Dupont", "mission": None},
        **if_match(editor_client, url),
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Jean Dupont"
    assert response.json()["mission"] is None


def test_an_unnamed_envoy_needs_a_description(editor_client):
    count = Envoy.objects.count()

    response = editor_client.post("/api/v1/envoys/", {"sending_state": "FR"})

    assert_invalid(response, "description")
    assert Envoy.objects.count() == count


def test_the_mission_must_be_of_the_sending_state(editor_client):
    malian_embassy = Mission.objects.get(uid=seed.MALIAN_EMBASSY_IN_PARIS)
    count = Envoy.objects.count()

    response = editor_client.post(
        "/api/v1/envoys/",
        {"description": "Staff", "sending_state": "FR", "mission": malian_embassy.pk},
    )

    assert_invalid(response, "mission")
    assert Envoy.objects.count() == count


def test_unknown_mission_is_a_400_on_mission(editor_client):
    count = Envoy.objects.count()

    response = editor_client.post(
        "/api/v1/envoys/", {"description": "Staff", "sending_state": "FR", "mission": 10**9}
    )

    assert list(assert_invalid(response, "mission")) == ["mission"]
    assert Envoy.objects.count() == count


def test_deleting_an_envoy_that_actions_name_is_a_conflict(editor_client):
    envoy = Envoy.objects.get(uid=seed.ARRESTED_ENVOY)
    response = editor_client.delete(
        f"/api/v1/envoys/{envoy.pk}/",
        **if_match(editor_client, f"/api/v1/envoys/{envoy.pk}/"),
    )
    problem = assert_problem(response, 409, "conflict")
    assert "actions name this envoy" in problem["detail"]
    assert envoy.actions.count() == 1
    assert Envoy.objects.filter(pk=envoy.pk).exists()
