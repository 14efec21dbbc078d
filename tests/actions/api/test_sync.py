"""The sync recipe of docs/api/sync.md: updated_since and the deletions feed keep a copy."""

import datetime
from urllib.parse import quote

from django.utils.dateparse import parse_datetime

from diplomacy.deletions import Deletion
from tests.conditional import if_match


def fetch_all(client, url):
    rows, next_url = [], url
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200, response.content
        rows += response.json()["results"]
        next_url = response.json()["next"]
    return rows


class Mirror:
    """A client's local copy of the actions, following the recipe of docs/api/sync.md."""

    def __init__(self, client):
        self.client = client
        self.actions = {}
        self.since = None

    def sync(self):
        query = f"?updated_since={quote(self.since.isoformat())}" if self.since else "?"
        changed = fetch_all(self.client, f"/api/v1/actions/{query}&limit=2&ordering=updated_at")
        deletions = fetch_all(
            self.client, f"/api/v1/deletions/{query}&resource=actions&limit=2"
        ) if self.since else []
        for row in changed:
            self.actions[row["id"]] = row
        for deletion in deletions:
            local = self.actions.get(int(deletion["key"]))
            if local and (
                parse_datetime(local["updated_at"]) <= parse_datetime(deletion["deleted_at"])
            ):
                del self.actions[int(deletion["key"])]
        stamps = [parse_datetime(row["updated_at"]) for row in changed]
        stamps += [parse_datetime(row["deleted_at"]) for row in deletions]
        if stamps:
            # Inclusive: records at the watermark come again, harmlessly.
            self.since = max(stamps)
        return changed, deletions


def test_a_mirror_follows_changes_and_deletions(editor_client, client, seed_ids):
    mirror = Mirror(client)
    changed, _ = mirror.sync()
    assert len(changed) == 8

    # Changes on the server: an edit, a new action, a deletion.
    assert editor_client.patch(
        f"/api/v1/cooperation-suspensions/{seed_ids['ml_ends_cooperation']}/",
        {"notes": "Confirmed by a second source."},
        format="json",
        **if_match(
            editor_client,
            f"/api/v1/cooperation-suspensions/{seed_ids['ml_ends_cooperation']}/",
        ),
    ).status_code == 200
    created = editor_client.post(
        "/api/v1/diplomatic-statements/",
        {"actor": "ML", "target": "FR", "date": "2025-10-02", "summary": "Mali protests.",
         "statement_type": "denunciation"},
        format="json",
    )
    assert created.status_code == 201
    warning = f"/api/v1/diplomatic-statements/{seed_ids['fr_warns']}/"
    assert editor_client.delete(warning, **if_match(editor_client, warning)).status_code == 204

    changed, deletions = mirror.sync()
    assert {row["id"] for row in changed} >= {seed_ids["ml_ends_cooperation"], created.json()["id"]}
    assert [(d["resource"], d["key"]) for d in deletions] == [
        ("actions", str(seed_ids["fr_warns"]))
    ]
    server = {row["id"]: row for row in fetch_all(client, "/api/v1/actions/?limit=500")}
    assert mirror.actions == server
    assert seed_ids["fr_warns"] not in mirror.actions

    # Nothing changed since: the next sync brings only the records at the watermark.
    changed, deletions = mirror.sync()
    assert len(changed) + len(deletions) <= 2
    assert mirror.actions == server


def test_every_kind_of_deletion_leaves_a_tombstone(editor_client, seed_ids):
    episode = editor_client.post(
        "/api/v1/episodes/", {"slug": "short-lived", "title": "Short-lived"}, format="json"
    )
    assert episode.status_code == 201
    state = editor_client.post(
        "/api/v1/states/",
        {"code": "XA", "alpha_3": "XAA", "name": "Test state"},
        format="json",
    )
    assert state.status_code == 201, state.content
    for url, status in [
        ("/api/v1/episodes/short-lived/", 204),
        ("/api/v1/states/XA/", 204),
        (f"/api/v1/detentions/{seed_ids['ml_detains']}/", 409),
    ]:
        assert editor_client.delete(url, **if_match(editor_client, url)).status_code == status
    assert list(Deletion.objects.values_list("resource", "key")) == [
        ("episodes", "short-lived"),
        ("states", "XA"),
    ]
    assert Deletion.objects.get(resource="states").uid is None
    assert Deletion.objects.get(resource="episodes").uid is not None


def test_a_cascade_and_a_queryset_delete_leave_tombstones(seed_ids):
    from actions.models import Action, DiplomaticStatement

    # Deleting through the proxy model of a kind, as the admin does, in bulk.
    DiplomaticStatement.objects.filter(pk=seed_ids["fr_warns"]).delete()
    Action.objects.filter(pk=seed_ids["ml_ends_cooperation"]).delete()
    assert sorted(Deletion.objects.values_list("key", flat=True)) == sorted(
        [str(seed_ids["fr_warns"]), str(seed_ids["ml_ends_cooperation"])]
    )


def test_deletions_feed_filters(editor_client, client, seed_ids):
    before = quote(datetime.datetime.now(datetime.UTC).isoformat())
    warning = f"/api/v1/diplomatic-statements/{seed_ids['fr_warns']}/"
    assert editor_client.delete(warning, **if_match(editor_client, warning)).status_code == 204
    assert client.get(f"/api/v1/deletions/?deleted_since={before}").json()["count"] == 1
    assert client.get("/api/v1/deletions/?deleted_since=2999-01-01T00:00Z").json()["count"] == 0
    assert client.get("/api/v1/deletions/?resource=states").json()["count"] == 0
    assert client.get("/api/v1/deletions/?resource=planets").status_code == 400
    assert client.get("/api/v1/deletions/?deleted_since=soon").status_code == 400


def test_deletions_are_a_feed_without_records(client, db):
    assert client.get("/api/v1/deletions/1/").status_code == 404
