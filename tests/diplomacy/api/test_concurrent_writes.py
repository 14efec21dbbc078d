"""No lost update under real concurrency, and no half-written request.

Transactional tests (`seed_data`): each thread has its own database
connection and commits for real, as concurrent requests to the server do.
"""

import threading

import pytest
from django.db import OperationalError, connection

from actions.models import Action, Citation, Source
from diplomacy.api.concurrency.optimistic_locking import StaleVersion

WRITERS = 6


def _race(clients, request):
    """Run request(client, index) in one thread per client, all released at once."""
    barrier = threading.Barrier(len(clients))
    statuses = [None] * len(clients)

    def run(index):
        try:
            barrier.wait(timeout=30)
            statuses[index] = request(clients[index], index).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_of_writers_racing_with_the_same_etag_exactly_one_wins(
    seed_data, editor, make_token_client
):
    source = Source.objects.order_by("id").first()
    url = f"/api/v1/sources/{source.pk}/"
    clients = [make_token_client(editor) for _ in range(WRITERS)]
    etag = clients[0].get(url)["ETag"]
    history_before = source.history.count()

    statuses = _race(
        clients,
        lambda client, index: client.patch(
            url, {"title": f"Title from writer {index}"}, HTTP_IF_MATCH=etag
        ),
    )

    assert sorted(statuses) == [200] + [412] * (WRITERS - 1)
    winner = statuses.index(200)
    source.refresh_from_db()
    assert source.title == f"Title from writer {winner}"
    assert source.version == 2
    assert source.history.count() == history_before + 1


def test_of_a_delete_and_updates_racing_exactly_one_wins(seed_data, editor, make_token_client):
    clients = [make_token_client(editor) for _ in range(WRITERS)]
    created = clients[0].post("/api/v1/sources/", {"publisher": "AP", "title": "Raced"})
    url = f"/api/v1/sources/{created.json()['id']}/"
    etag = created["ETag"]

    def write(client, index):
        if index == 0:
            return client.delete(url, HTTP_IF_MATCH=etag)
        return client.patch(url, {"title": f"Title from writer {index}"}, HTTP_IF_MATCH=etag)

    statuses = _race(clients, write)

    # The losers changed nothing: the record they read had changed (412) or
    # was gone by the time their request read it (404).
    successes = [status for status in statuses if status in (200, 204)]
    assert len(successes) == 1
    assert all(status in (412, 404) for status in statuses if status not in (200, 204))
    remaining = Source.objects.filter(pk=created.json()["id"]).first()
    if statuses[0] == 204:
        assert remaining is None
    else:
        assert remaining.title == f"Title from writer {statuses.index(200)}"


def test_saving_a_copy_read_before_another_save_fails_and_changes_nothing(seed_data):
    """The model layer itself: a compare-and-swap on the version, not a read."""
    first = Source.objects.order_by("id").first()
    second = Source.objects.get(pk=first.pk)
    first.title = "Saved first"
    first.save()

    second.title = "Saved second, from a stale copy"
    with pytest.raises(StaleVersion):
        second.save()
    with pytest.raises(StaleVersion):
        second.delete()

    assert Source.objects.get(pk=first.pk).title == "Saved first"
    assert second.version == 1


def test_a_failure_half_way_through_a_write_leaves_nothing_written(
    seed_data, editor, make_token_client
):
    """A PUT of an action writes the action, then replaces its citations: make the
    database fail on the citations, after the action row was updated."""
    client = make_token_client(editor)
    client.raise_request_exception = False
    action = Action.objects.filter(kind="persona_non_grata").order_by("id").first()
    url = f"/api/v1/persona-non-grata-declarations/{action.pk}/"
    read = client.get(url)
    body = read.json()
    body.update(
        actor=body["actor"]["code"],
        target=body["target"]["code"],
        episode=body["episode"]["slug"] if body["episode"] else None,
        in_response_to=body["in_response_to"]["id"] if body["in_response_to"] else None,
        envoys=[envoy["id"] for envoy in body["envoys"]],
        summary="Rewritten summary",
        citations=[{"source": Source.objects.order_by("id").first().pk, "quote": "New"}],
    )
    citations_before = sorted(Citation.objects.filter(action=action).values_list("pk", "quote"))
    history_before = (Action.history.count(), Citation.history.count())

    def fail_on_citation_insert(execute, sql, params, many, context):
        if sql.startswith("INSERT") and Citation._meta.db_table in sql:
            raise OperationalError("simulated failure while writing citations")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_citation_insert):
        response = client.put(url, body, HTTP_IF_MATCH=read["ETag"])

    assert response.status_code == 500
    stored = Action.objects.get(pk=action.pk)
    assert stored.summary == action.summary
    assert stored.version == action.version
    assert sorted(Citation.objects.filter(action=action).values_list("pk", "quote")) == (
        citations_before
    )
    assert (Action.history.count(), Citation.history.count()) == history_before
    # The same request without the failure goes through.
    assert client.put(url, body, HTTP_IF_MATCH=read["ETag"]).status_code == 200
    assert Action.objects.get(pk=action.pk).summary == "Rewritten summary"
