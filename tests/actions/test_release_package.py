"""A release's data package: written by `manage.py release`, served at
/api/v1/releases/{name}/package.zip, the same bytes after the data changed,
valid (frictionless) and holding the rows the release counts."""

import hashlib
import io

import frictionless
import pytest
from django.core.management import call_command

from actions.kinds import KINDS
from actions.models import Action, Release
from tests.actions.test_package import EPISODE_FILES, read_package
from tests.conditional import if_match

pytestmark = pytest.mark.django_db

RELEASE = "2026.1"
# The package's tables against the release's counts.
COUNTED_AS = {
    "states": "states",
    "episodes": "episodes",
    "sources": "sources",
    "missions": "missions",
    "envoys": "envoys",
    "actions": "actions",
    "action_envoys": "envoy_links",
    "citations": "citations",
}


@pytest.fixture
def released(tmp_path):
    """Every real episode, then a release written to a directory."""
    call_command("load_fixtures", *EPISODE_FILES, verbosity=0)
    out = io.StringIO()
    call_command(
        "release", RELEASE, "--notes", "The real data.", "--output", str(tmp_path), stdout=out
    )
    release = Release.objects.get(name=RELEASE)
    (path,) = tmp_path.glob("*.zip")
    assert f"Package written to {path}" in out.getvalue()
    return release, path


def test_the_release_package_is_valid_and_holds_what_the_release_counts(released):
    release, path = released
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == release.package_sha256
    report = frictionless.validate(str(path))
    assert report.valid, [error.message for task in report.tasks for error in task.errors][:10]
    descriptor, tables, _ = read_package(data)
    assert {table: len(tables[table]) for table in COUNTED_AS} == {
        table: release.counts[counted] for table, counted in COUNTED_AS.items()
    }
    assert descriptor["version"] == RELEASE
    assert "The real data." in descriptor["description"]


def test_the_package_endpoint_serves_the_release_as_it_was(released, api_client, editor_client):
    release, path = released
    # After the release: an action changed and another deleted through the API.
    changed, doomed = Action.objects.filter(responses=None).order_by("id")[:2]
    url = f"/api/v1/{KINDS[changed.kind].slug}/{changed.pk}/"
    response = editor_client.patch(
        url, {"summary": "Changed after the release."}, format="json",
        **if_match(editor_client, url),
    )
    assert response.status_code == 200, response.content
    url = f"/api/v1/{KINDS[doomed.kind].slug}/{doomed.pk}/"
    response = editor_client.delete(url, **if_match(editor_client, url))
    assert response.status_code == 204, response.content

    response = api_client.get(f"/api/v1/releases/{RELEASE}/package.zip")
    assert response.status_code == 200
    assert response.streaming
    data = b"".join(response.streaming_content)
    assert data == path.read_bytes()
    assert response["Content-Type"] == "application/zip"
    assert response["ETag"] == f'"{release.package_sha256}"'
    assert response["Content-Disposition"] == (
        f'attachment; filename="diplomatic-actions-{RELEASE}.zip"'
    )
    assert response["Cache-Control"].endswith("immutable")

    detail = api_client.get(f"/api/v1/releases/{RELEASE}/").json()
    assert detail["package_url"] == f"http://testserver/api/v1/releases/{RELEASE}/package.zip"
    assert detail["package_sha256"] == release.package_sha256

    again = api_client.get(
        f"/api/v1/releases/{RELEASE}/package.zip", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_the_package_of_no_release_is_a_404_problem(api_client, db):
    response = api_client.get("/api/v1/releases/1999.1/package.zip")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
