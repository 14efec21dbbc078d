"""/api/v1/states/: looked up by ISO code, any case; referenced states cannot be deleted."""

import pytest

from diplomacy.models import State
from tests.api_case import ResourceAPITestCase
from tests.conditional import if_match
from tests.problems import assert_invalid, assert_problem, error_codes

pytestmark = pytest.mark.django_db


class TestStateAPI(ResourceAPITestCase):
    resource_names = ("states",)

KOSOVO = {"code": "XK", "alpha_3": "XKX", "name": "Kosovo", "official_name": "Republic of Kosovo"}


def test_list_is_paginated_and_counts_every_state(client):
    response = client.get("/api/v1/states/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == State.objects.count()
    assert len(body["results"]) == 50
    assert body["next"] is not None


@pytest.mark.parametrize("code", ["ML", "ml", "Ml"])
def test_detail_by_code_in_any_case(client, code):
    response = client.get(f"/api/v1/states/{code}/")

    assert response.status_code == 200
    assert response.json() == {
        "code": "ML",
        "alpha_3": "MLI",
        "alpha_4": "",
        "numeric": "466",
        "name": "Mali",
        "official_name": "Republic of Mali",
        "is_historic": False,
        "ended_on": None,
    }


def test_historic_state_by_its_four_letter_code(client):
    response = client.get("/api/v1/states/cshh/")

    assert response.status_code == 200
    assert response.json()["name"] == "Czechoslovakia"
    assert response.json()["is_historic"] is True


def test_a_code_is_written_in_any_case_and_kept_in_capitals(editor_client, client):
    response = editor_client.post("/api/v1/states/", {**KOSOVO, "code": "xk"}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["code"] == "XK"

    assert client.get("/api/v1/states/XK/").json()["name"] == "Kosovo"

    response = editor_client.patch(
        "/api/v1/states/xk/",
        {"name": "Kosova"},
        format="json",
        **if_match(editor_client, "/api/v1/states/xk/"),
    )
    assert response.status_code == 200
    assert State.objects.get(code="XK").name == "Kosova"


def test_a_code_already_taken_is_a_400_on_code(editor_client):
    response = editor_client.post("/api/v1/states/", {**KOSOVO, "code": "FR"}, format="json")

    assert_invalid(response, "code")
    assert State.objects.get(code="FR").name == "France"
    assert not State.objects.filter(alpha_3="XKX").exists()


def test_the_code_of_a_state_cannot_change(editor_client):
    response = editor_client.patch(
        "/api/v1/states/ML/",
        {"code": "MX"},
        format="json",
        **if_match(editor_client, "/api/v1/states/ML/"),
    )

    assert_invalid(response, "code")
    assert State.objects.filter(code="ML").exists()


def test_only_a_historic_state_has_an_end_date(editor_client):
    response = editor_client.post(
        "/api/v1/states/", {**KOSOVO, "ended_on": "2020-01-01"}, format="json"
    )

    assert_invalid(response, "ended_on")
    assert not State.objects.filter(code="XK").exists()


@pytest.mark.parametrize("code", ["FR", "ml"])
def test_deleting_a_referenced_state_is_a_409(editor_client, code):
    response = editor_client.delete(
        f"/api/v1/states/{code}/",
        **if_match(editor_client, f"/api/v1/states/{code}/"),
    )

    problem = assert_problem(response, 409, "conflict")
    assert "Cannot delete" in problem["detail"]
    assert State.objects.filter(code=code.upper()).exists()


def test_an_alpha_3_code_taken_by_a_current_state_is_a_400(editor_client):
    response = editor_client.post("/api/v1/states/", {**KOSOVO, "alpha_3": "FRA"})

    # Reported on the field, with the code of a taken key (not as DRF's
    # validator for a conditional unique constraint would: no one field's error).
    errors = assert_invalid(response, "alpha_3")
    assert errors == {"alpha_3": ["A current state has this alpha-3 code."]}
    assert error_codes(response) == {"alpha_3": ["unique"]}
    assert not State.objects.filter(code="XK").exists()


def test_a_historic_state_may_reuse_an_alpha_3_code(editor_client):
    response = editor_client.post(
        "/api/v1/states/",
        {**KOSOVO, "alpha_3": "FRA", "is_historic": True, "ended_on": "1999-01-01"},
    )

    assert response.status_code == 201, response.json()
