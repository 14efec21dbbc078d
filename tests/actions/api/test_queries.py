"""A page of actions costs a constant number of queries, whatever its size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import Action, Citation
from tests.actions.conftest import KIND_RESOURCES, KINDS, MODEL_KIND_FIELDS
from tests.factories import ActionFactory, EnvoyFactory, SourceFactory

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/actions/", *[f"/api/v1/{resource}/" for resource in KIND_RESOURCES]]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    # Read now: the next request clears the log the context reads from.
    queries = len(context.captured_queries)
    assert response.status_code == 200
    return queries, response.json()


@pytest.fixture
def many_actions():
    """60 actions of each kind (Germany → Russia, 2030, newer than the seed), each
    answering an earlier one, cited twice, with envoys where the kind has them."""
    envoys = EnvoyFactory.create_batch(3)
    sources = SourceFactory.create_batch(2)
    answered = ActionFactory(
        actor_id="RU", target_id="DE", date=datetime.date(2029, 1, 1), summary="The first action"
    )
    actions = []
    for kind in MODEL_KIND_FIELDS:
        extra = {"persons_count": len(envoys)} if kind == "persona_non_grata" else {}
        actions += [
            ActionFactory.build(
                kind=kind, cameo_code="10",
                date=datetime.date(2030, 1, 1) + datetime.timedelta(days=number),
                summary=f"{kind} {number}", in_response_to=answered, **extra,
            )
            for number in range(60)
        ]
    for action in actions:
        action.normalize()  # bulk_create skips save(), which fills the event codes
    actions = Action.objects.bulk_create(actions)
    Action.envoys.through.objects.bulk_create(
        Action.envoys.through(action_id=action.pk, envoy_id=envoy.pk)
        for action in actions
        if action.kind in {"persona_non_grata", "detention"}
        for envoy in envoys
    )
    Citation.objects.bulk_create(
        Citation(action=action, source=source, quote="q")
        for action in actions
        for source in sources
    )


@pytest.mark.parametrize("url", LISTS)
def test_each_list_takes_at_most_five_queries_with_the_seed_data(
    client, every_kind, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get(url)

    assert response.status_code == 200
    assert response.json()["results"]


@pytest.mark.parametrize("url", LISTS)
def test_a_page_of_50_takes_as_many_queries_as_a_page_of_1(client, url, many_actions):
    one, small = count_queries(client, f"{url}?limit=1")
    fifty, large = count_queries(client, f"{url}?limit=50")

    assert len(small["results"]) == 1
    assert len(large["results"]) == 50
    assert fifty == one <= 5
    # The page of 50 does carry the related rows it shows.
    assert all(item["citations"] for item in large["results"])
    assert all(item["in_response_to"] for item in large["results"])


@pytest.mark.parametrize("resource", ["persona-non-grata-declarations", "detentions"])
def test_envoys_come_with_the_page(client, resource, many_actions):
    fifty, large = count_queries(client, f"/api/v1/{resource}/?limit=50")

    assert fifty <= 5
    assert {item["kind"] for item in large["results"]} == {KINDS[resource][0]}
    assert all(len(item["envoys"]) == 3 for item in large["results"])


@pytest.mark.parametrize("url", LISTS)
def test_filtering_by_state_adds_no_query_per_row(client, url, many_actions):
    one, _ = count_queries(client, f"{url}?state=RU&limit=1")
    fifty, body = count_queries(client, f"{url}?state=RU&limit=50")

    assert len(body["results"]) == 50
    assert fifty == one
