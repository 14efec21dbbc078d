"""A page holds at most 500 items, whatever the client asks."""

import pytest

from actions.models import Source
from tests.problems import assert_invalid


@pytest.fixture
def many_sources(db):
    Source.objects.bulk_create(
        Source(publisher=f"Publisher {number:04}", title="Title") for number in range(600)
    )
    return Source.objects.count()


def test_the_largest_page_is_500(api_client, many_sources):
    assert many_sources > 500
    response = api_client.get("/api/v1/sources/?limit=500")
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == many_sources
    assert len(page["results"]) == 500
    assert "offset=500" in page["next"]


def test_without_limit_a_page_is_50(api_client, many_sources):
    assert len(api_client.get("/api/v1/sources/").json()["results"]) == 50


@pytest.mark.parametrize("limit", ["501", "100000", "-1", "0", "ten"])
def test_a_limit_out_of_range_is_refused_not_replaced(api_client, many_sources, limit):
    response = api_client.get(f"/api/v1/sources/?limit={limit}")
    assert list(assert_invalid(response, "limit")) == ["limit"]


def test_the_schema_states_the_bounds(api_client, db):
    schema = api_client.get("/api/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in schema["paths"]["/api/v1/sources/"]["get"]["parameters"]
    }
    assert parameters["limit"]["minimum"] == 1
    assert parameters["limit"]["maximum"] == 500
    assert parameters["offset"]["minimum"] == 0
    assert parameters["offset"]["maximum"] == 10**18 - 1


def test_the_largest_offset_the_schema_allows_is_accepted(api_client, db):
    assert api_client.get(f"/api/v1/sources/?offset={10**18 - 1}").status_code == 200
    response = api_client.get(f"/api/v1/sources/?offset={10**18}")
    assert list(assert_invalid(response, "offset")) == ["offset"]


def test_the_dyad_pages_state_the_same_bounds(api_client, db):
    schema = api_client.get("/api/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in schema["paths"]["/api/v1/dyads/{pair}/"]["get"]["parameters"]
    }
    assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"]) == (1, 500)
    assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, 10**18 - 1)
