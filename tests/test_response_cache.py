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
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from rest_framework.test import APIClient

from actions.models import Action, Citation, Episode, Source
from actions.synthetic import synthetic_generate, synthetic_remove
from diplomacy.api.caching.dataset_generation import (
    _watch_writes,
    bump,
    dataset_changed,
    generation,
    writes_dataset,
)
from diplomacy.models import Envoy, Mission, State
from diplomacy.states import states_load
from tests.conditional import if_match
from tests.conftest import SEED_FIXTURE
from tests.factories import CitationFactory
from tests.seed import ARRESTED_ENVOY, EPISODE_SLUG, FRENCH_PNG, MALI_PNG, action_id

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


def _save(record, **changes):
    for name, value in changes.items():
        setattr(record, name, value)
    record.save()


def _action():
    return Action.objects.get(uid=MALI_PNG)


def _envoy():
    return Envoy.objects.get(uid=ARRESTED_ENVOY)


def _rename_then_reload_states():
    State.objects.filter(code="ML").update(name="Not Mali")  # sends no signal
    states_load()


def _raw_update():
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Action._meta.db_table} SET summary = %s WHERE id = %s",
            ["Raw.", _action().pk],
        )


def _migrated():
    config = apps.get_app_config("actions")
    post_migrate.send(sender=config, app_config=config, verbosity=0, interactive=False,
                      using="default", plan=[], apps=apps)


# Every way the data of a page can change; each one in its own test, as the
# counter moves once per transaction.
WRITES = {
    "action saved": lambda: _save(_action(), summary="Saved."),
    "action deleted": lambda: _action().delete(),
    "envoy linked": lambda: _action().envoys.add(_envoy()),
    "envoys unlinked": lambda: Action.objects.get(uid=FRENCH_PNG).envoys.clear(),
    "citation added": lambda: CitationFactory(action=_action()),
    "citation deleted": lambda: Citation.objects.filter(action__uid=MALI_PNG).first().delete(),
    "source renamed": lambda: _save(Source.objects.first(), title="Renamed"),
    "state renamed": lambda: _save(State.objects.get(code="ML"), name="Mali (renamed)"),
    "episode renamed": lambda: _save(Episode.objects.get(slug=EPISODE_SLUG), title="Renamed"),
    "envoy renamed": lambda: _save(_envoy(), name="Renamed"),
    "mission changed": lambda: _save(Mission.objects.first(), city="Elsewhere"),
    "fixture loaded": lambda: call_command("loaddata", SEED_FIXTURE, verbosity=0),
    "states reloaded": _rename_then_reload_states,
    "synthetic data generated": lambda: synthetic_generate(actions=5, seed=3),
    "migrations run": _migrated,
    "queryset updated": lambda: Action.objects.filter(uid=MALI_PNG).update(summary="Bulk."),
    "citations bulk-created": lambda: Citation.objects.bulk_create(
        [Citation(action=_action(), source=Source.objects.first(), quote="Bulk.")]
    ),
    "raw SQL through Django's cursor": _raw_update,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_each_write_moves_the_generation_when_it_commits(
    write, django_capture_on_commit_callbacks
):
    before = generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        write()
        assert generation() == before  # not before the commit: it may be rolled back
    assert callbacks and generation() > before


def test_removing_synthetic_data_moves_the_generation(django_capture_on_commit_callbacks):
    with transaction.atomic():
        synthetic_generate(actions=5, seed=3)
    connection.run_on_commit.clear()  # as if that transaction had committed
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        synthetic_remove()
    assert generation() > before


def test_a_write_outside_a_transaction_moves_it_at_once(transactional_db):
    before = generation()
    dataset_changed()  # as after a write in autocommit mode
    assert generation() > before


def test_every_table_of_the_dataset_is_watched():
    for app_label in ("actions", "diplomacy"):
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            if model.__name__.startswith("Historical"):
                continue
            table = model._meta.db_table
            for sql in (f'UPDATE "{table}" SET "x" = 1', f"  insert into {table} values (1)",
                        f'DELETE FROM "{table}"', f'WITH t AS (SELECT 1) DELETE FROM "{table}"'):
                assert writes_dataset(sql), sql
            assert not writes_dataset(f'SELECT * FROM "{table}"')
            assert not writes_dataset(f'WITH t AS (SELECT 1) SELECT * FROM "{table}"')
    assert not writes_dataset('UPDATE "auth_user" SET "last_login" = NULL')
    assert not writes_dataset('INSERT INTO "knox_authtoken" VALUES (1)')


@pytest.mark.django_db(transaction=True)
def test_a_connection_opened_in_a_wrapper_block_keeps_the_watch_and_drops_the_wrapper():
    """A new thread's first query inside `connection.execute_wrapper()` (as the
    benchmark's query counter does): the block must pop its own wrapper."""
    from django.db import connection as thread_connection  # the thread's own
    found = {}

    def counter(execute, sql, params, many, context):
        return execute(sql, params, many, context)

    def worker():
        try:
            with thread_connection.execute_wrapper(counter):
                Action.objects.count()  # opens this thread's connection in the block
            found["wrappers"] = list(thread_connection.execute_wrappers)
        finally:
            thread_connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert found["wrappers"] == [_watch_writes]


def test_a_lost_counter_never_comes_back_to_an_old_number(settings):
    from django.core.cache import cache

    old = generation()
    cache.delete("dataset-generation")
    assert generation() > old


def test_writes_and_reads_go_on_when_the_cache_is_down(api_client, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "responses": {
            "BACKEND": "diplomacy.redis_cache.ReusedClientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        },
    }
    settings.RESPONSE_CACHE_ALIAS = "responses"
    assert "X-Cache" not in _get(api_client, FEED)
    assert "could not be read" in caplog.text
    bump()  # logged, not raised into the write
    assert "could not be moved on" in caplog.text


def test_pages_over_the_size_limit_are_not_kept(api_client, settings):
    settings.RESPONSE_CACHE_MAX_BYTES = 100
    _get(api_client, FEED)
    assert _get(api_client, FEED)["X-Cache"] == "miss"


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


def test_with_redis_as_in_production(api_client, settings, django_capture_on_commit_callbacks):
    """The counter and the pages in Redis, shared by every worker."""
    settings.CACHES = {
        "default": {
            "BACKEND": "diplomacy.redis_cache.ReusedClientRedisCache",
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
    with django_capture_on_commit_callbacks(execute=True):
        action.save()
    assert generation() > counter
    assert _get(api_client, url).json()["summary"] == "Saved with Redis."


def test_the_schema_documents_x_cache_where_it_is_sent(api_client, openapi_schema):
    paths = openapi_schema["paths"]

    def documented(path):
        return "X-Cache" in paths[path]["get"]["responses"]["200"].get("headers", {})

    for path in ("/api/v1/actions/", "/api/v1/actions/{id}/", "/api/v1/states/{code}/",
                 "/api/v1/episodes/{slug}/timeline/", "/api/v1/stats/actions/"):
        assert documented(path), path
    for path in ("/api/v1/actions/export/", "/api/v1/actions/{id}/history/"):
        assert not documented(path), path
    assert "X-Cache" not in api_client.get("/api/v1/actions/export/")
