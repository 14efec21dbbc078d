"""Rendered reads are cached until the next write, and never served after one.

Every test of the suite runs with the response cache on (conftest); these
check what it keeps, what it repeats, and that no kind of write leaves a
stale page behind: the API, the ORM (the admin, loaddata and the shell go
through it), many-to-many links, deletions, bulk commands, rollbacks.
"""

import os
import threading
import uuid

import pytest
from django.db import connection, transaction
from rest_framework.test import APIClient

from actions.models import Action, Citation, Source
from actions.synthetic import synthetic_generate, synthetic_remove
from diplomacy.models import Envoy, State
from diplomacy.response_cache import generation
from tests.conditional import if_match
from tests.seed import ARRESTED_ENVOY, FRENCH_PNG, MALI_PNG, action_id

FEED = "/api/v1/actions/?limit=3"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")

pytestmark = pytest.mark.django_db


def _get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def test_a_second_read_is_answered_from_the_cache_without_a_query(
    api_client, django_assert_num_queries
):
    first = _get(api_client, FEED)
    with django_assert_num_queries(0):
        second = _get(api_client, FEED)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    for header in ("Content-Type", "Link", "ETag", "Vary", "Allow"):
        assert second[header] == first[header], header


def test_a_cached_record_keeps_its_etag_and_answers_if_none_match(api_client):
    url = f"/api/v1/actions/{action_id(MALI_PNG)}/"
    first = _get(api_client, url)
    second = _get(api_client, url)
    assert second["X-Cache"] == "hit"
    assert second["ETag"] == first["ETag"]
    assert api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_csv_is_cached_apart_from_json(api_client):
    json_page = _get(api_client, FEED)
    csv_page = _get(api_client, FEED, HTTP_ACCEPT="text/csv")
    again = _get(api_client, FEED, HTTP_ACCEPT="text/csv")
    assert csv_page["X-Cache"] == "miss" and again["X-Cache"] == "hit"
    assert again.content == csv_page.content != json_page.content
    assert again["Content-Type"].startswith("text/csv")
    assert again["X-Total-Count"] == csv_page["X-Total-Count"]


def test_each_host_gets_its_own_links(api_client, settings):
    settings.ALLOWED_HOSTS = ["a.example.org", "b.example.org"]
    _get(api_client, FEED, HTTP_HOST="a.example.org")
    other = _get(api_client, FEED, HTTP_HOST="b.example.org")
    assert other["X-Cache"] == "miss"
    assert "b.example.org" in other["Link"] and "a.example.org" not in other.content.decode()


def test_the_browsable_api_and_errors_are_never_cached(api_client):
    for _ in range(2):
        page = api_client.get(FEED, HTTP_ACCEPT="text/html")
        assert page.status_code == 200 and "X-Cache" not in page
        missing = api_client.get("/api/v1/actions/999999999/")
        assert missing.status_code == 404 and "X-Cache" not in missing


def test_a_cached_answer_still_counts_against_the_rate_limit(api_client, settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {**rest["DEFAULT_THROTTLE_RATES"], "anon": "2/minute"}
    settings.REST_FRAMEWORK = rest
    _get(api_client, FEED)
    assert _get(api_client, FEED)["X-Cache"] == "hit"
    assert api_client.get(FEED).status_code == 429


def test_off_when_its_timeout_is_zero(api_client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    _get(api_client, FEED)
    assert "X-Cache" not in _get(api_client, FEED)


def test_a_write_through_the_api_is_seen_by_the_next_read(api_client, editor_client):
    url = f"/api/v1/persona-non-grata-declarations/{action_id(FRENCH_PNG)}/"
    feed = "/api/v1/actions/?state=FR&limit=100"
    _get(api_client, url), _get(api_client, feed)
    assert _get(api_client, url)["X-Cache"] == "hit"
    response = editor_client.patch(
        url, {"summary": "Changed by the test."}, format="json", **if_match(editor_client, url)
    )
    assert response.status_code == 200, response.content
    assert _get(api_client, url).json()["summary"] == "Changed by the test."
    assert b"Changed by the test." in _get(api_client, feed).content


def test_orm_saves_links_and_deletes_are_seen_by_the_next_read(api_client):
    action = Action.objects.get(uid=MALI_PNG)
    url = f"/api/v1/actions/{action.pk}/"

    def read():
        _get(api_client, url)  # may fill the cache
        return _get(api_client, url).json()

    read()
    action.summary = "Saved through the ORM."
    action.save()
    assert read()["summary"] == "Saved through the ORM."

    envoy = Envoy.objects.get(uid=ARRESTED_ENVOY)
    action.envoys.add(envoy)
    assert envoy.pk in [item["id"] for item in read()["envoys"]]

    source = Source.objects.create(publisher="Test", title="A new report", url="")
    Citation.objects.create(action=action, source=source)
    assert "A new report" in [item["source"]["title"] for item in read()["citations"]]

    state = State.objects.get(code="ML")
    state.name = "Mali (renamed by a test)"
    state.save()
    assert read()["actor"]["name"] == "Mali (renamed by a test)"

    action.delete()
    assert api_client.get(url).status_code == 404
    deletions = _get(api_client, "/api/v1/deletions/?resource=actions").json()["results"]
    assert str(MALI_PNG) in [item["uid"] for item in deletions]


def test_bulk_writes_of_the_commands_are_seen_by_the_next_read(api_client):
    before = _get(api_client, FEED).json()["count"]
    assert _get(api_client, FEED)["X-Cache"] == "hit"
    synthetic_generate(actions=20, seed=3)
    assert _get(api_client, FEED).json()["count"] == before + 20
    synthetic_remove()
    assert _get(api_client, FEED).json()["count"] == before


def test_nothing_read_after_an_uncommitted_write_is_cached(api_client):
    action = Action.objects.get(uid=MALI_PNG)
    url = f"/api/v1/actions/{action.pk}/"
    original = _get(api_client, url).json()["summary"]
    with pytest.raises(RuntimeError), transaction.atomic():
        action.summary = "Rolled back."
        action.save()
        assert _get(api_client, url).json()["summary"] == "Rolled back."
        raise RuntimeError("roll back")
    assert _get(api_client, url).json()["summary"] == original


@pytest.mark.django_db(transaction=True)
def test_a_commit_by_another_connection_makes_cached_pages_stale(seed_data, settings):
    """With real commits: a page cached while another thread's write was open
    (so it shows the data before that write) is not served after the commit."""
    client = APIClient()
    pk = Action.objects.values_list("pk", flat=True).get(uid=MALI_PNG)
    url = f"/api/v1/actions/{pk}/"
    written, may_commit = threading.Event(), threading.Event()

    def writer():
        try:
            with transaction.atomic():
                action = Action.objects.get(pk=pk)
                action.summary = "Committed by another connection."
                action.save()
                written.set()
                may_commit.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert written.wait(10)
    if connection.vendor == "sqlite":
        # SQLite locks the file for the writer: a reader in another connection
        # waits; PostgreSQL shows it the committed row while the write is open.
        may_commit.set()
        thread.join(10)
    else:
        during = generation()
        before = _get(client, url)
        assert before.json()["summary"] != "Committed by another connection."
        assert _get(client, url)["X-Cache"] == "hit"
        assert generation() == during
        may_commit.set()
        thread.join(10)
    after = _get(client, url)
    assert after.json()["summary"] == "Committed by another connection."


def test_with_redis_as_in_production(api_client, settings):
    """The counter and the pages in Redis, shared by every worker."""
    settings.CACHES = {
        "default": {
            "BACKEND": "diplomacy.cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-response-cache-{uuid.uuid4().hex}",
        }
    }
    url = f"/api/v1/actions/{action_id(MALI_PNG)}/"
    _get(api_client, url)
    assert _get(api_client, url)["X-Cache"] == "hit"
    counter = generation()
    action = Action.objects.get(uid=MALI_PNG)
    action.summary = "Saved with Redis."
    action.save()
    assert generation() > counter
    assert _get(api_client, url).json()["summary"] == "Saved with Redis."
