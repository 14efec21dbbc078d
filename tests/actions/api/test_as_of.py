"""`?as_of=`: the dataset as of a release or a moment, read from the history, through HTTP.

A release is cut, then an action is changed and another deleted through the
API, a state renamed and an action created: as of the release, every read
gives the data of then.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command

from actions.models import Release
from diplomacy.models import State
from tests.conditional import if_match
from tests.factories import ActionFactory, CitationFactory, EnvoyFactory, SourceFactory
from tests.problems import assert_problem, field_errors

RELEASE = "2026.1"


@pytest.fixture
def history(db, editor_client):
    """A release, then changes made after it; what each change touched."""
    doomed = ActionFactory(kind="detention", summary="An envoy detained, since deleted.")
    doomed.envoys.add(EnvoyFactory())
    CitationFactory(action=doomed, source=SourceFactory(title="The deleted action's source"))
    changed = ActionFactory(kind="detention", summary="The summary of then.")
    call_command("release", RELEASE, "--notes", "For the tests.", verbosity=0)

    url = f"/api/v1/detentions/{changed.pk}/"
    response = editor_client.patch(
        url, {"summary": "The summary of now."}, format="json", **if_match(editor_client, url)
    )
    assert response.status_code == 200, response.content
    url = f"/api/v1/detentions/{doomed.pk}/"
    response = editor_client.delete(url, **if_match(editor_client, url))
    assert response.status_code == 204, response.content
    state = State.objects.get(code="RU")
    state.name = "Renamed Russia"
    state.save()
    created = ActionFactory(kind="detention", summary="Created after the release.")
    return {"changed": changed.pk, "doomed": doomed.pk, "created": created.pk}


def test_a_record_as_of_a_release_has_its_old_values(api_client, history):
    url = f"/api/v1/detentions/{history['changed']}/"
    now = api_client.get(url)
    then = api_client.get(url, {"as_of": RELEASE})
    assert now.json()["summary"] == "The summary of now."
    assert then.status_code == 200
    assert then.json()["summary"] == "The summary of then."
    # Related objects as of then too: the state's name of then.
    assert then.json()["target"]["name"] != "Renamed Russia"
    assert now.json()["target"]["name"] == "Renamed Russia"
    assert then["ETag"] != now["ETag"]
    assert then["Cache-Control"].startswith("public, max-age=31536000")
    assert "immutable" in then["Cache-Control"]


def test_a_deleted_record_comes_back_with_its_citations_and_envoys(api_client, history):
    url = f"/api/v1/detentions/{history['doomed']}/"
    assert api_client.get(url).status_code == 404
    then = api_client.get(url, {"as_of": RELEASE})
    assert then.status_code == 200, then.content
    body = then.json()
    assert body["summary"] == "An envoy detained, since deleted."
    assert [c["source"]["title"] for c in body["citations"]] == [
        "The deleted action's source"
    ]
    assert len(body["envoys"]) == 1
    feed = api_client.get(f"/api/v1/actions/{history['doomed']}/", {"as_of": RELEASE})
    assert feed.status_code == 200


def _ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_lists_as_of_a_release(api_client, history):
    release = Release.objects.get(name=RELEASE)
    for path in ("/api/v1/actions/", "/api/v1/detentions/"):
        then = api_client.get(path, {"as_of": RELEASE, "limit": 500})
        now = api_client.get(path, {"limit": 500})
        assert history["doomed"] in _ids(then) and history["doomed"] not in _ids(now)
        assert history["created"] not in _ids(then) and history["created"] in _ids(now)
    feed = api_client.get("/api/v1/actions/", {"as_of": RELEASE, "limit": 1})
    assert feed.json()["count"] == release.counts["actions"]
    assert "as_of=2026.1" in feed.json()["next"]
    # The same filters.
    filtered = api_client.get(
        "/api/v1/actions/", {"as_of": RELEASE, "kind": "detention", "actor": "DE"}
    )
    assert history["doomed"] in _ids(filtered)
    states = api_client.get("/api/v1/states/", {"as_of": RELEASE, "limit": 500})
    assert "Renamed Russia" not in {row["name"] for row in states.json()["results"]}


def test_csv_and_export_as_of_a_release(api_client, history):
    response = api_client.get("/api/v1/detentions/", {"as_of": RELEASE, "format": "csv",
                                                      "limit": 500})
    assert response.status_code == 200
    rows = {int(row["id"]): row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows[history["changed"]]["summary"] == "The summary of then."
    assert history["doomed"] in rows and history["created"] not in rows

    export = api_client.get("/api/v1/actions/export/", {"as_of": RELEASE, "format": "csv"})
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode()
    ids = {int(row["id"]) for row in csv.DictReader(io.StringIO(content))}
    assert history["doomed"] in ids and history["created"] not in ids


def test_stats_and_dyads_as_of_a_release(api_client, history):
    release = Release.objects.get(name=RELEASE)
    stats = api_client.get("/api/v1/stats/actions/", {"as_of": RELEASE})
    assert stats.status_code == 200
    assert stats.json()["total"] == release.counts["actions"]
    detentions = {row["kind"]: row["count"] for row in stats.json()["results"]}["detention"]
    assert detentions == release.counts["actions_by_kind"]["detention"]
    dyad = api_client.get("/api/v1/dyads/DE-RU/", {"as_of": RELEASE, "limit": 500})
    assert dyad.status_code == 200
    assert history["doomed"] in {row["id"] for row in dyad.json()["results"]}
    assert history["created"] not in {row["id"] for row in dyad.json()["results"]}


def test_as_of_a_moment(api_client, history):
    cut_at = Release.objects.get(name=RELEASE).cut_at
    moment = cut_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    response = api_client.get(f"/api/v1/detentions/{history['changed']}/", {"as_of": moment})
    assert response.status_code == 200
    assert response.json()["summary"] == "The summary of then."
    # A moment may still gain history written late: the usual short max-age.
    assert "immutable" not in response["Cache-Control"]


@pytest.mark.parametrize(
    "value",
    [
        "no-such-release", "", "  ", "2999-01-01T00:00:00Z", "1990-01-01T00:00:00Z", "2026-13-45",
        "x" * 65, "a\x00b", "\x00", "2026.0\x00", "%", "%s", "%(x)s",
    ],
)
def test_a_bad_as_of_is_a_problem_naming_it(api_client, db, value):
    # A null character included: PostgreSQL refused to compare it with a release's name (a 500).
    paths = ("/api/v1/actions/", "/api/v1/states/ML/", "/api/v1/stats/actions/",
             "/api/v1/dyads/FR-ML/", "/api/v1/actions/export/")
    for path in paths:
        response = api_client.get(path, {"as_of": value})
        assert_problem(response, 400)
        assert "as_of" in field_errors(response), response.content


def test_writes_refuse_as_of(editor_client, history):
    url = f"/api/v1/detentions/{history['changed']}/?as_of={RELEASE}"
    response = editor_client.patch(url, {"summary": "x"}, format="json",
                                   **if_match(editor_client, url.split("?")[0]))
    assert_problem(response, 400)
    assert "as_of" in field_errors(response)


def test_releases_list_and_detail(api_client, history):
    call_command("release", "2026.2", verbosity=0)
    listed = api_client.get("/api/v1/releases/")
    assert listed.status_code == 200
    assert [row["name"] for row in listed.json()["results"]] == [RELEASE, "2026.2"]
    first, second = (api_client.get(f"/api/v1/releases/{name}/").json()
                     for name in (RELEASE, "2026.2"))
    assert first["changes_since_previous"] is None
    assert first["notes"] == "For the tests."
    assert second["changes_since_previous"] == {
        "previous": RELEASE, "added": 1, "changed": 1, "removed": 1
    }
    assert second["counts"]["actions"] == first["counts"]["actions"]
    assert second["package_url"].endswith("/api/v1/releases/2026.2/package.zip")
    assert "package_sha256" in second
    assert api_client.get("/api/v1/releases/nope/").status_code == 404
    root = api_client.get("/api/v1/").json()
    assert root["releases"].endswith("/api/v1/releases/")


def test_releases_are_read_only(editor_client, admin_client, history):
    url = f"/api/v1/releases/{RELEASE}/"
    assert editor_client.post("/api/v1/releases/", {"name": "x"}, format="json").status_code == 405
    assert editor_client.put(url, {"name": "x"}, format="json").status_code == 405
    assert editor_client.patch(url, {"notes": "x"}, format="json").status_code == 405
    assert editor_client.delete(url).status_code == 405
    release = Release.objects.get(name=RELEASE)
    change = admin_client.get(f"/admin/actions/release/{release.pk}/change/")
    assert change.status_code == 200 and b'name="_save"' not in change.content
    assert admin_client.post(f"/admin/actions/release/{release.pk}/delete/").status_code == 403
    added = admin_client.post("/admin/actions/release/add/", {"name": "2026.9", "notes": "x"})
    assert added.status_code == 302, added.content
    assert Release.objects.get(name="2026.9").counts["actions"] > 0
    assert json.loads(api_client_get(editor_client, "/api/v1/releases/2026.9/"))["name"] == "2026.9"


def api_client_get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content
