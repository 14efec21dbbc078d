"""Limit/offset and cursor pagination of the actions feed; query counts stay constant."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_helpers import error_fields, kind_list_urls, result_ids

FEED = "/api/v1/actions/"


def links(response):
    """The Link header as {rel: url}."""
    return {
        rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.get("Link", ""))
    }


def walk(client, url, rel="next"):
    """Follow the links from `url`; return the pages."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        pages.append(response)
        body = response.json()
        assert links(response).get(rel) == body[{"next": "next", "prev": "previous"}[rel]]
        url = body[{"next": "next", "prev": "previous"}[rel]]
    return pages


def test_limit_offset_pages_with_count_and_link_header(client, seed_ids):
    everything = result_ids(client.get(FEED))
    pages = walk(client, f"{FEED}?limit=3")
    assert [len(page.json()["results"]) for page in pages] == [3, 3, 2]
    assert all(page.json()["count"] == 8 for page in pages)
    assert [i for page in pages for i in result_ids(page)] == everything
    assert "offset=3" in pages[0].json()["next"]
    assert pages[0].json()["previous"] is None
    assert links(pages[1]) == {
        "next": pages[1].json()["next"],
        "prev": pages[1].json()["previous"],
    }
    assert "Link" not in client.get(f"{FEED}?limit=100")


def test_limit_is_bounded(client, seed_ids):
    assert client.get(f"{FEED}?limit=500").status_code == 200
    response = client.get(f"{FEED}?limit=501")
    assert response.status_code == 400
    assert error_fields(response) == ["limit"]
    assert error_fields(client.get(f"{FEED}?cursor=&limit=0")) == ["limit"]


@pytest.mark.parametrize("limit", [1, 3, 8])
@pytest.mark.parametrize("ordering", ["", "date", "-updated_at", "created_at"])
def test_cursor_pages_match_the_offset_pages(client, seed_ids, limit, ordering):
    by_offset = result_ids(client.get(f"{FEED}?ordering={ordering}"))
    pages = walk(client, f"{FEED}?cursor=&limit={limit}&ordering={ordering}")
    assert [i for page in pages for i in result_ids(page)] == by_offset
    assert all("count" not in page.json() for page in pages)
    assert pages[0].json()["previous"] is None
    # Back from the last page to the first, page by page.
    back = walk(client, pages[-1].json()["previous"], rel="prev") if len(pages) > 1 else []
    assert [result_ids(page) for page in reversed(back)] == [
        result_ids(page) for page in pages[:-1]
    ]


def test_cursor_walks_ties_on_date_by_id(client, seed_ids):
    # Three actions fall on 14 August: Mali's announcement, and France's two
    # decisions known only to lie from that day on. One page each, by id.
    pages = walk(client, f"{FEED}?cursor=&limit=1&ordering=date")
    assert result_ids(pages[0]) == [seed_ids["ml_detains"]]  # August (month)
    ties = sorted(seed_ids[name] for name in ("ml_accuses", "fr_expels", "fr_suspends"))
    assert [result_ids(page)[0] for page in pages[1:4]] == ties


def test_cursor_keeps_the_filters(client, seed_ids):
    pages = walk(client, f"{FEED}?cursor=&limit=1&actor=ML")
    assert len(pages) == 4
    assert all(page.json()["results"][0]["actor"]["code"] == "ML" for page in pages)


def test_deep_cursor_page_costs_what_the_first_costs(client, seed_ids):
    pages = walk(client, f"{FEED}?cursor=&limit=2")
    costs = []
    for url in (f"{FEED}?cursor=&limit=2", pages[-2].json()["next"]):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        queries = [query["sql"] for query in context.captured_queries]
        costs.append(len(queries))
        assert not any("OFFSET" in sql.upper() or "COUNT(" in sql.upper() for sql in queries)
    assert costs[0] == costs[1] <= 3


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("cursor=notacursor", "cursor"),
        ("cursor=eyJmIjoiZGF0ZSJ9", "cursor"),  # valid base64 JSON, missing keys
        ("cursor=&offset=3", "offset"),
        ("cursor=&ordering=announced_on", "ordering"),
    ],
)
def test_bad_cursor_requests_are_400s(client, db, query, parameter):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 400
    assert error_fields(response) == [parameter]


def test_cursor_made_for_another_ordering_is_refused(client, seed_ids):
    next_url = client.get(f"{FEED}?cursor=&limit=2&ordering=date").json()["next"]
    response = client.get(next_url.replace("ordering=date", "ordering=updated_at"))
    assert response.status_code == 400
    assert error_fields(response) == ["cursor"]


LISTS = [
    "/api/v1/actions/",
    "/api/v1/actions/?cursor=",
    "/api/v1/actions/?state=FR&kind=statement,detention&date_after=2025-01-01",
    *kind_list_urls(),
    "/api/v1/episodes/",
    "/api/v1/sources/",
    "/api/v1/states/",
    "/api/v1/missions/",
    "/api/v1/envoys/",
    "/api/v1/deletions/",
    "/api/v1/dyads/FR-ML/",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


CSV_LISTS = [url for url in LISTS if "dyads" not in url]  # the dyad has no CSV form


@pytest.mark.parametrize(
    "url, csv", [(url, False) for url in LISTS] + [(url, True) for url in CSV_LISTS]
)
def test_list_queries_do_not_grow_with_the_page(client, seed_ids, url, csv):
    separator = "&" if "?" in url else "?"
    url = f"{url}{separator}format=csv" if csv else url
    separator = "&" if "?" in url else "?"
    small = count_queries(client, f"{url}{separator}limit=1")
    large = count_queries(client, f"{url}{separator}limit=500")
    assert small == large <= 5
