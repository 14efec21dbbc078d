"""A page holds at most 500 items, whatever the client asks."""

import pytest

from actions.models import Source


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
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["limit"]


def test_the_schema_states_the_bounds(api_client, db):
    schema = api_client.get("/api/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in schema["paths"]["/api/v1/sources/"]["get"]["parameters"]
    }
    assert parameters["limit"]["minimum"] == 1
    assert parameters["limit"]["maximum"] == 500
    assert parameters["offset"]["minimum"] == 0
