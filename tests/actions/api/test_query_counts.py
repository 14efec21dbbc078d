"""Every list and detail endpoint answers in a few queries, whatever the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.kinds import KINDS
from actions.models import Action, Episode, Source
from actions.synthetic import synthetic_generate
from diplomacy.models import Envoy, Mission
from tests.api_helpers import kind_list_urls

ACTION_LISTS = ["/api/v1/actions/", *kind_list_urls()]
LISTS = [
    *ACTION_LISTS,
    "/api/v1/episodes/",
    "/api/v1/sources/",
    "/api/v1/states/",
    "/api/v1/missions/",
    "/api/v1/envoys/",
]


@pytest.fixture
def many_actions(db):
    synthetic_generate(actions=400, seed=2)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    count = len(context.captured_queries)  # read now: the next request clears it
    assert response.status_code == 200, response.content
    return count, response


@pytest.mark.parametrize("path", LISTS)
def test_list_queries_do_not_grow_with_the_page(
    client, many_actions, path, django_assert_max_num_queries
):
    small, response = _queries(client, f"{path}?limit=2")
    assert len(response.json()["results"]) == 2
    large, response = _queries(client, f"{path}?limit=500")
    page = response.json()
    assert len(page["results"]) == min(500, page["count"])
    assert small == large
    with django_assert_max_num_queries(5):
        client.get(f"{path}?limit=500")


@pytest.mark.parametrize("path", ACTION_LISTS)
def test_filtered_action_lists_stay_within_five_queries(
    client, many_actions, path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get(f"{path}?state=US,RU&limit=500")
    assert response.status_code == 200


def _detail_paths():
    actions = {"/api/v1/actions/": Action.objects.filter(kind="persona_non_grata")}
    actions.update(
        (f"/api/v1/{kind.slug}/", Action.objects.filter(kind=kind.value))
        for kind in KINDS.values()
    )
    # The action with the most citations and envoys of each kind.
    paths = []
    for path, queryset in actions.items():
        action = max(queryset, key=lambda a: (a.envoys.count(), a.citations.count()))
        paths.append(f"{path}{action.pk}/")
    paths += [
        f"/api/v1/episodes/{Episode.objects.first().slug}/",
        f"/api/v1/sources/{Source.objects.first().pk}/",
        "/api/v1/states/ML/",
        f"/api/v1/missions/{Mission.objects.first().pk}/",
        f"/api/v1/envoys/{Envoy.objects.first().pk}/",
    ]
    return paths


def test_detail_endpoints_stay_within_five_queries(
    client, many_actions, django_assert_max_num_queries
):
    for path in _detail_paths():
        with django_assert_max_num_queries(5):
            response = client.get(path)
        assert response.status_code == 200, path
