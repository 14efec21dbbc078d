"""`/api/v1/stats/actions/`: counts for charts, honouring the action filters."""

import csv
import io

import pytest

from tests.api_helpers import error_fields

URL = "/api/v1/stats/actions/"


def test_group_by_year_and_kind(client, seed_ids):
    body = client.get(f"{URL}?group_by=year,kind").json()
    assert body["group_by"] == ["year", "kind"]
    assert body["total"] == 8
    assert body["results"] == [
        {"year": 2025, "kind": "cooperation_suspension", "count": 2},
        {"year": 2025, "kind": "detention", "count": 1},
        {"year": 2025, "kind": "persona_non_grata", "count": 2},
        {"year": 2025, "kind": "statement", "count": 3},
    ]


def test_group_by_actor_target_domain(client, seed_ids):
    body = client.get(f"{URL}?group_by=actor,target,domain").json()
    assert body["results"] == [
        {"actor": "FR", "target": "ML", "domain": None, "count": 3},
        {"actor": "FR", "target": "ML", "domain": "counter_terrorism", "count": 1},
        {"actor": "ML", "target": "FR", "domain": None, "count": 3},
        {"actor": "ML", "target": "FR", "domain": "counter_terrorism", "count": 1},
    ]


def test_default_groups_by_kind_and_filters_apply(client, seed_ids):
    body = client.get(f"{URL}?actor=FR&date_after=2025-08-01").json()
    assert body["group_by"] == ["kind"]
    # France's two decisions count at their earliest possible day, 14 August.
    assert body["results"] == [
        {"kind": "cooperation_suspension", "count": 1},
        {"kind": "persona_non_grata", "count": 1},
        {"kind": "statement", "count": 2},
    ]
    assert body["total"] == 4


def test_stats_as_csv(client, seed_ids):
    response = client.get(f"{URL}?group_by=year,actor&format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    assert rows == [["year", "actor", "count"], ["2025", "FR", "4"], ["2025", "ML", "4"]]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("group_by=colour", "group_by"),
        ("group_by=year,year", "group_by"),
        ("group_by=kind&kind=nope", "kind"),
        ("state=XX&format=csv", "state"),
    ],
)
def test_bad_parameters_are_400s(client, db, query, parameter):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert error_fields(response) == [parameter]


def test_the_schema_says_each_dimension_once(client, db):
    schema = client.get("/api/schema/?format=json").json()
    (group_by,) = [
        parameter
        for parameter in schema["paths"][URL]["get"]["parameters"]
        if parameter["name"] == "group_by"
    ]
    assert group_by["schema"]["uniqueItems"] is True
    assert group_by["explode"] is False
