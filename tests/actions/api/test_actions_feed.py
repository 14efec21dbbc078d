"""/api/v1/actions/: every kind together, newest first, read-only; the state filters."""

import pytest

from actions.models import Action
from tests import seed
from tests.actions.conftest import KIND_RESOURCES, KINDS, action_payload
from tests.problems import assert_invalid, assert_problem

pytestmark = pytest.mark.django_db


def feed(client, query=""):
    response = client.get(f"/api/v1/actions/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_lists_every_kind_newest_first(client, every_kind):
    results = feed(client)["results"]

    assert {item["kind"] for item in results} == {kind for kind, _ in KINDS.values()}
    keys = [(item["date"], item["id"]) for item in results]
    assert keys == sorted(keys, reverse=True)
    assert results[0]["id"] == seed.action_id(seed.FRENCH_WARNING)


def test_a_newly_created_action_comes_first(client, editor_client):
    created = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", date="2026-01-02")
    ).json()

    assert feed(client)["results"][0]["id"] == created["id"]


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_each_item_has_the_shape_of_its_kinds_resource(client, every_kind, resource):
    kind = KINDS[resource][0]
    item = next(i for i in feed(client)["results"] if i["kind"] == kind)

    assert client.get(f"/api/v1/actions/{item['id']}/").json() == item
    assert client.get(f"/api/v1/{resource}/{item['id']}/").json() == item


def test_kind_specific_fields_appear_only_on_their_kind(client):
    results = feed(client)["results"]
    by_kind = {}
    for item in results:
        by_kind.setdefault(item["kind"], item)

    assert by_kind["persona_non_grata"]["persons_count"] > 0
    assert "envoys" in by_kind["detention"]
    assert by_kind["cooperation_suspension"]["domain"] == "counter_terrorism"
    assert by_kind["statement"]["statement_type"]
    assert "persons_count" not in by_kind["detention"]
    assert "domain" not in by_kind["statement"]
    assert "envoys" not in by_kind["cooperation_suspension"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_feed_is_read_only(editor_client, method):
    action_id = seed.action_id(seed.ARREST)
    url = "/api/v1/actions/" if method == "post" else f"/api/v1/actions/{action_id}/"

    before = editor_client.get(f"/api/v1/actions/{action_id}/").json()
    count = Action.objects.count()

    response = getattr(editor_client, method)(url, action_payload("detentions"))

    assert_problem(response, 405, "method_not_allowed")
    assert Action.objects.count() == count
    assert editor_client.get(f"/api/v1/actions/{action_id}/").json() == before


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("?state=ML", 8),
        ("?state=ml", 8),
        ("?state=FR,ML", 8),
        ("?state=DE", 0),
        ("?actor=ML", 4),
        ("?actor=FR", 4),
        ("?target=FR", 4),
        ("?target=ML", 4),
        ("?actor=ML&target=FR", 4),
        ("?actor=ML&target=ML", 0),
        ("?actor=FR,ML", 8),
        ("?state=", 8),
    ],
)
def test_filter_by_state(client, query, count):
    body = feed(client, query)

    assert body["count"] == count
    assert len(body["results"]) == count


def test_the_state_filter_matches_either_side(client, editor_client):
    for actor, target in [("DE", "RU"), ("RU", "PL")]:
        response = editor_client.post(
            "/api/v1/detentions/", action_payload("detentions", actor=actor, target=target)
        )
        assert response.status_code == 201

    assert feed(client, "?state=RU")["count"] == 2
    assert feed(client, "?actor=RU")["count"] == 1
    assert feed(client, "?target=RU")["count"] == 1
    assert feed(client, "?state=RU&actor=DE")["count"] == 1


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_each_kind_is_filtered_by_state(client, resource):
    kind = KINDS[resource][0]
    expected = Action.objects.filter(kind=kind, actor="FR").count()

    body = client.get(f"/api/v1/{resource}/?actor=FR").json()

    assert body["count"] == expected
    assert {item["actor"]["code"] for item in body["results"]} <= {"FR"}
    assert client.get(f"/api/v1/{resource}/?state=DE").json()["count"] == 0


@pytest.mark.parametrize("parameter", ["state", "actor", "target"])
@pytest.mark.parametrize("path", ["actions", *KIND_RESOURCES])
def test_an_unknown_code_is_a_400_naming_the_parameter(client, path, parameter):
    response = client.get(f"/api/v1/{path}/?{parameter}=ML,ZZ")

    errors = assert_invalid(response, parameter)
    assert list(errors) == [parameter]
    assert "ZZ" in errors[parameter][0]
