"""Bad input to the action resources: a 400 with an error per field, never a 500."""

import pytest

from actions.models import Action
from tests.actions.conftest import KIND_RESOURCES, action_payload
from tests.conditional import if_match
from tests.problems import assert_invalid, assert_problem, field_errors

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
        # The error names the citation and its field: a dotted path into the body.
        ({"citations": [{"quote": "no source"}]}, "citations.0.source"),
        ({"summary": ["a", "list"]}, "summary"),
    ],
)
def test_wrong_input_is_a_400_on_that_field(editor_client, overrides, field):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{PNG}/", action_payload(PNG, **overrides))

    assert_invalid(response, field)
    assert list(field_errors(response)) == [field]
    assert Action.objects.count() == count


def test_a_dict_for_a_code_says_what_was_expected(editor_client):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{PNG}/", action_payload(PNG, actor={"code": "FR"}))

    assert_invalid(response, "actor")
    assert field_errors(response) == {"actor": ["Expected a code, got dict."]}
    assert Action.objects.count() == count


def test_an_unknown_state_code_names_it(editor_client):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{PNG}/", action_payload(PNG, target="ZZ"))

    assert_invalid(response, "target")
    assert field_errors(response) == {"target": ["No state with code 'ZZ'."]}
    assert Action.objects.count() == count


def test_every_bad_field_gets_its_own_error(editor_client):
    payload = action_payload(
        PNG, actor="ZZ", target={"x": 1}, persons_count="many", date="soon", grounds="whim"
    )

    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{PNG}/", payload)

    assert_invalid(response)
    assert set(field_errors(response)) == {"actor", "target", "persons_count", "date", "grounds"}
    assert Action.objects.count() == count


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_an_empty_body_lists_the_required_fields(editor_client, resource):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{resource}/", {})

    errors = assert_invalid(response, "actor", "target", "date", "summary")
    assert errors["actor"] == ["This field is required."]
    assert Action.objects.count() == count


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_malformed_json_is_a_400(editor_client, resource):
    count = Action.objects.count()

    response = editor_client.post(
        f"/api/v1/{resource}/", data='{"actor": "FR",', content_type="application/json"
    )

    problem = assert_problem(response, 400, "parse_error")
    assert "JSON parse error" in problem["detail"]
    assert Action.objects.count() == count


def test_malformed_json_on_patch_is_a_400(editor_client):
    action = Action.objects.filter(kind="detention").first()

    url = f"/api/v1/detentions/{action.pk}/"
    before = editor_client.get(url).json()

    response = editor_client.patch(
        url, data="{not json}", content_type="application/json", **if_match(editor_client, url)
    )

    assert_problem(response, 400, "parse_error")
    assert editor_client.get(url).json() == before


def test_a_body_that_is_a_list_is_a_400(editor_client):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{PNG}/", [action_payload(PNG)])

    assert_invalid(response, "non_field_errors")
    assert Action.objects.count() == count
