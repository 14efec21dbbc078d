"""Bad input to the action resources: a 400 with an error per field, never a 500."""

import pytest

from actions.models import Action
from tests.actions.conftest import KIND_RESOURCES, action_payload

pytestmark = pytest.mark.django_db

PNG = "persona-non-grata-declarations"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"actor": {"code": "FR"}}, "actor"),
        ({"actor": ["FR"]}, "actor"),
        ({"actor": True}, "actor"),
        ({"actor": 250}, "actor"),
        ({"actor": "ZZ"}, "actor"),
        ({"actor": "FRA"}, "actor"),
        ({"target": ""}, "target"),
        ({"target": None}, "target"),
        ({"persons_count": "two"}, "persons_count"),
        ({"persons_count": 2.5}, "persons_count"),
        ({"persons_count": {"n": 2}}, "persons_count"),
        ({"persons_count": 10**20}, "persons_count"),
        ({"date": "yesterday"}, "date"),
        ({"date": 20250917}, "date"),
        ({"leave_by": "2024-13-01"}, "leave_by"),
        ({"envoys": "1,2"}, "envoys"),
        ({"envoys": [{"id": 1}]}, "envoys"),
        ({"envoys": [10**9]}, "envoys"),
        ({"envoys": ["abc"]}, "envoys"),
        ({"in_response_to": "abc"}, "in_response_to"),
        ({"in_response_to": {"id": 1}}, "in_response_to"),
        ({"in_response_to": 10**30}, "in_response_to"),
        ({"episode": 1}, "episode"),
        ({"citations": "a source"}, "citations"),
        ({"citations": [{"quote": "no source"}]}, "citations"),
        ({"summary": ["a", "list"]}, "summary"),
    ],
)
def test_wrong_input_is_a_400_on_that_field(editor_client, overrides, field):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{PNG}/", action_payload(PNG, **overrides))

    assert response.status_code == 400, response.content
    assert list(response.json()) == [field]
    assert Action.objects.count() == count


def test_a_dict_for_a_code_says_what_was_expected(editor_client):
    response = editor_client.post(f"/api/v1/{PNG}/", action_payload(PNG, actor={"code": "FR"}))

    assert response.json() == {"actor": ["Expected a code, got dict."]}


def test_an_unknown_state_code_names_it(editor_client):
    response = editor_client.post(f"/api/v1/{PNG}/", action_payload(PNG, target="ZZ"))

    assert response.json() == {"target": ["No state with code 'ZZ'."]}


def test_every_bad_field_gets_its_own_error(editor_client):
    payload = action_payload(
        PNG, actor="ZZ", target={"x": 1}, persons_count="many", date="soon", grounds="whim"
    )

    response = editor_client.post(f"/api/v1/{PNG}/", payload)

    assert response.status_code == 400
    assert set(response.json()) == {"actor", "target", "persons_count", "date", "grounds"}


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_an_empty_body_lists_the_required_fields(editor_client, resource):
    response = editor_client.post(f"/api/v1/{resource}/", {})

    assert response.status_code == 400
    assert {"actor", "target", "date", "summary"} <= set(response.json())


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_malformed_json_is_a_400(editor_client, resource):
    response = editor_client.post(
        f"/api/v1/{resource}/", data='{"actor": "FR",', content_type="application/json"
    )

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_malformed_json_on_patch_is_a_400(editor_client):
    action = Action.objects.filter(kind="detention").first()

    response = editor_client.patch(
        f"/api/v1/detentions/{action.pk}/", data="{not json}", content_type="application/json"
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_a_body_that_is_a_list_is_a_400(editor_client):
    response = editor_client.post(f"/api/v1/{PNG}/", [action_payload(PNG)])

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
