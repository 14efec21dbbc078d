"""One character of hostile input is never a server error: every filter of every
list (each resource, the export, the statistics) answers 200 or a 400 problem
to values holding `%`, `%s`, `%d`, `%(x)s` or a null byte."""

import pytest
from django.utils.module_loading import import_string

from diplomacy.urls import API_ROUTERS

HOSTILE = ["%", "%s", "%d", "%(x)s", "a\x00b", "%25", "FR,%s"]
# Resources read one record at a time, with the filters of the actions it holds.
DETAIL_ONLY = {"dyads": "FR-ML"}


def _registry():
    """(URL prefix, viewset) of every route of the API's routers."""
    for dotted in API_ROUTERS:
        for prefix, viewset, _basename in import_string(dotted).registry:
            yield prefix, viewset


def _lists():
    """(list URL, its filter names) for every API resource with a filterset."""
    lists = []
    for prefix, viewset in _registry():
        filterset = getattr(viewset, "filterset_class", None)
        if filterset is None:
            continue
        names = sorted(filterset.base_filters)
        if hasattr(viewset, "list"):
            lists.append((f"/api/v1/{prefix}/", names))
        else:
            lists.append((f"/api/v1/{prefix}/{DETAIL_ONLY[prefix]}/", names))
        if "export" in {action.url_path for action in viewset.get_extra_actions()}:
            lists.append((f"/api/v1/{prefix}/export/", names))
    return lists


LISTS = _lists()


def test_every_list_is_covered():
    urls = {url for url, _ in LISTS}
    assert {"/api/v1/actions/", "/api/v1/actions/export/", "/api/v1/stats/actions/",
            "/api/v1/recalls/", "/api/v1/states/", "/api/v1/episodes/",
            "/api/v1/dyads/FR-ML/"} <= urls


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "names"), LISTS, ids=[url for url, _ in LISTS])
def test_no_filter_value_is_a_server_error(api_client, url, names):
    failures = []
    for name in names:
        for value in HOSTILE:
            response = api_client.get(url, {name: value})
            if response.status_code not in (200, 400):
                failures.append((name, value, response.status_code))
            elif response.status_code == 400:
                assert response["Content-Type"].startswith("application/problem+json")
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("value", [",,", "date,,", ",-date", "date, ,created_at"])
def test_an_empty_item_in_a_list_is_a_400(api_client, value):
    for name in ("ordering", "kind"):
        response = api_client.get("/api/v1/actions/", {name: value})
        assert response.status_code == 400, (name, value)
        assert [error["field"] for error in response.json()["errors"]] == [name]


@pytest.mark.parametrize(
    ("value", "count"),
    [("0001-01-01T00:00:00+01:00", "all"), ("9999-12-31T23:59:59-01:00", 0)],
)
def test_a_date_time_whose_utc_moment_is_out_of_range_is_a_bound(api_client, db, value, count):
    # Valid ISO 8601 (the schema's date-time): not a 400, but before every
    # record or after them all.
    response = api_client.get("/api/v1/actions/", {"updated_since": value})
    assert response.status_code == 200, response.content
    total = api_client.get("/api/v1/actions/").json()["count"]
    assert response.json()["count"] == (total if count == "all" else 0)


def _null_paths():
    """A null character in every kind of path parameter: each API route's key, the
    files (a release's package, a timeline's picture) and the reader pages."""
    paths = ["/api/v1/releases/a%00b/package.zip", "/api/v1/episodes/a%00b/timeline.svg",
             "/states/M%00L/", "/episodes/a%00b/", "/api/v1/a%00b/"]
    for prefix, _viewset in _registry():
        paths += [f"/api/v1/{prefix}/a%00b/", f"/api/v1/{prefix}/a%00b/history/"]
    return paths


# Parameters no filter form reads: pagination, sparse fieldsets, format, as_of.
NULL_PARAMETERS = ["cursor", "fields", "omit", "format", "limit", "offset", "as_of"]


@pytest.mark.django_db
def test_a_null_character_in_a_path_or_a_parameter_is_never_a_server_error(api_client):
    # PostgreSQL refuses to compare text holding one: it must not reach a lookup.
    failures = []
    for path in _null_paths():
        response = api_client.get(path)
        if response.status_code >= 500:
            failures.append((path, response.status_code))
    for path in ("/api/v1/actions/", "/api/v1/states/", "/api/v1/releases/",
                 "/api/v1/dyads/FR-ML/", "/api/v1/episodes/france-mali-2025/timeline.svg"):
        for name in NULL_PARAMETERS:
            for value in ("\x00", "a\x00b"):
                response = api_client.get(path, {name: value})
                if response.status_code >= 500:
                    failures.append((path, name, response.status_code))
    assert failures == []
