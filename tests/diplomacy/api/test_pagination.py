"""Limit/offset pagination with a bounded limit: pages hold at most 500 items, and a limit
out of range is a 400, never a quiet cap; the schema states the bounds."""

import pytest

from actions.models import Source
from tests.factories import SourceFactory
from tests.problems import assert_invalid

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_sources():
    Source.objects.bulk_create(SourceFactory.build_batch(600))
    return Source.objects.count()


def test_default_page_is_50(client, many_sources):
    body = client.get("/api/v1/sources/").json()

    assert body["count"] == many_sources
    assert len(body["results"]) == 50
    assert "limit=50" in body["next"]
    assert body["previous"] is None


def test_limit_and_offset(client, many_sources):
    everything = [s["id"] for s in client.get("/api/v1/sources/?limit=30").json()["results"]]

    page = client.get("/api/v1/sources/?limit=10&offset=10").json()

    assert [s["id"] for s in page["results"]] == everything[10:20]
    assert "offset=20" in page["next"]
    assert page["previous"] is not None


def test_a_limit_of_500_is_a_page_of_500(client, many_sources):
    assert many_sources > 500
    response = client.get("/api/v1/sources/?limit=500")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == many_sources
    assert len(body["results"]) == 500
    assert "limit=500" in body["next"]
    assert "offset=500" in body["next"]


@pytest.mark.parametrize("limit", ["501", "100000"])
def test_a_limit_above_500_is_a_400_naming_limit(client, many_sources, limit):
    response = client.get(f"/api/v1/sources/?limit={limit}")

    errors = assert_invalid(response, "limit")
    assert errors == {"limit": ["Must be at most 500."]}


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("abc", "A whole number is required."),
        ("-1", "Must be at least 1."),
        ("0", "Must be at least 1."),
    ],
)
def test_an_invalid_limit_is_a_400_naming_limit(client, many_sources, limit, message):
    response = client.get(f"/api/v1/sources/?limit={limit}")

    errors = assert_invalid(response, "limit")
    assert errors == {"limit": [message]}


def test_an_offset_past_the_end_is_an_empty_page(client, many_sources):
    body = client.get(f"/api/v1/sources/?offset={many_sources + 10}").json()

    assert body["results"] == []
    assert body["count"] == many_sources


def test_the_schema_states_the_bounds(openapi_schema):
    schema = openapi_schema
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in schema["paths"]["/api/v1/sources/"]["get"]["parameters"]
    }
    assert parameters["limit"]["minimum"] == 1
    assert parameters["limit"]["maximum"] == 500
    assert parameters["offset"]["minimum"] == 0
    assert parameters["offset"]["maximum"] == 10**18 - 1


def test_the_largest_offset_the_schema_allows_is_accepted(api_client):
    assert api_client.get(f"/api/v1/sources/?offset={10**18 - 1}").status_code == 200
    response = api_client.get(f"/api/v1/sources/?offset={10**18}")
    assert list(assert_invalid(response, "offset")) == ["offset"]


def test_the_dyad_pages_state_the_same_bounds(openapi_schema):
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in openapi_schema["paths"]["/api/v1/dyads/{pair}/"]["get"]["parameters"]
    }
    assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"]) == (1, 500)
    assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, 10**18 - 1)
