"""A Python client generated from the live schema, used as a user would use it.

openapi-python-client (pinned in requirements.txt) generates a package from
`/api/schema/?format=json` with `--fail-on-warning`: any part of the schema it
cannot turn into code fails the test. The package is imported from the test's
tmp_path and drives a live server over HTTP (httpx): it lists and filters the
feed, creates an action of every registered kind with only the fields the
generated request model requires, reads it back, changes it with `If-Match`,
pages through the feed with the cursor and deletes what it created.

The generator is told one thing (GENERATOR_CONFIG): an `image/svg+xml`
response (an episode's timeline picture) and an `application/zip` one (a
release's data package) are bytes, as the docs' "Python client" section tells
users. After the deletions, the feed as of a release cut before them still
holds the actions, and the release's package is the file its checksum names.
"""

import hashlib
import importlib
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import attrs
import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from knox.models import AuthToken

from actions.kinds import KINDS

RELEASE = "2026.1"
PACKAGE = "diplomatic_actions_client"
GENERATOR_CONFIG = f"""\
package_name_override: {PACKAGE}
post_hooks: []
content_type_overrides:
  image/svg+xml: application/octet-stream
  application/zip: application/octet-stream
"""
# A value for every field a generated request model may require: a kind whose
# model requires a field missing here fails the test, so a new required field
# is noticed. The mission is created through the client first.
VALUES = {
    "actor": "DE",
    "target": "RU",
    "date": "2024-03-05",
    "summary": "An action created by the generated client.",
    "persons_count": 2,
    "domain": "intelligence",
    "statement_type": "denunciation",
}


@pytest.fixture
def generated_client(seed_data, client, tmp_path, monkeypatch):
    """The generated package, imported from tmp_path."""
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = tmp_path / "schema.json"
    schema.write_bytes(response.content)
    config = tmp_path / "generator.yaml"
    config.write_text(GENERATOR_CONFIG)
    output = tmp_path / PACKAGE
    generation = subprocess.run(
        [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(schema), "--config", str(config), "--output-path", str(output),
            "--meta", "none", "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = generation.stdout + generation.stderr
    assert generation.returncode == 0, report
    assert "warning" not in report.lower(), report
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield importlib.import_module(PACKAGE)
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]


@pytest.fixture
def requests_close_their_connections(monkeypatch):
    """The live server answers each request in a thread of its own: with
    CONN_MAX_AGE the thread's connection would outlive it and keep PostgreSQL
    from dropping the test database."""
    monkeypatch.setitem(connections.settings[DEFAULT_DB_ALIAS], "CONN_MAX_AGE", 0)


@pytest.fixture
def token(seed_data, editor):
    return AuthToken.objects.create(user=editor)[1]


def api(package, resource, operation):
    """The module of one operation, e.g. api(package, "recalls", "create")."""
    tag = resource.replace("-", "_")
    return importlib.import_module(f"{package.__name__}.api.{tag}.{tag}_{operation}")


def request_model(module):
    """The request model an operation's `body` takes, e.g. RecallRequest."""
    annotation = module.sync_detailed.__annotations__["body"]
    return next(arg for arg in getattr(annotation, "__args__", [annotation]) if attrs.has(arg))


def required_fields(model):
    return [field.name for field in attrs.fields(model) if field.default is attrs.NOTHING]


def test_generated_client_against_a_live_server(
    generated_client, token, live_server, requests_close_their_connections
):
    package = generated_client
    anonymous = package.Client(base_url=live_server.url, raise_on_unexpected_status=True)
    editor = package.AuthenticatedClient(
        base_url=live_server.url, token=token, prefix="Token", raise_on_unexpected_status=True
    )
    actions_list = api(package, "actions", "list").sync_detailed

    # Anyone lists and filters the feed.
    feed = actions_list(client=anonymous)
    assert feed.status_code == 200
    assert feed.parsed.results, "the seed episode's actions"
    mali = actions_list(client=anonymous, state="ML")
    assert mali.status_code == 200
    assert mali.parsed.results
    assert all("ML" in (action.actor.code, action.target.code) for action in mali.parsed.results)
    assert actions_list(client=anonymous, actor="DE").parsed.results == []

    # A mission closure needs a mission: a user creates it first.
    mission = api(package, "missions", "create")
    created_mission = mission.sync_detailed(
        client=editor,
        body=request_model(mission).from_dict(
            {"sending_state": "RU", "receiving_state": "DE", "kind": "embassy", "city": "Berlin"}
        ),
    )
    assert created_mission.status_code == 201, created_mission.content
    values = {**VALUES, "mission": created_mission.parsed.id}

    # Every kind, created with only the fields its request model requires.
    created = {}
    for kind in KINDS.values():
        create = api(package, kind.slug, "create")
        model = request_model(create)
        missing = [name for name in required_fields(model) if name not in values]
        assert not missing, f"{kind.slug}: no test value for required {missing}"
        body = model.from_dict({name: values[name] for name in required_fields(model)})
        response = create.sync_detailed(client=editor, body=body)
        assert response.status_code == 201, (kind.slug, response.content)
        assert response.parsed.kind.value == kind.value
        created[kind.slug] = response.parsed.id

    # Read back, change with If-Match, delete with the new ETag.
    for slug, pk in created.items():
        read = api(package, slug, "retrieve").sync_detailed(id=pk, client=anonymous)
        assert read.status_code == 200
        assert (read.parsed.id, read.parsed.actor.code, read.parsed.target.code) == (pk, "DE", "RU")
        etag = read.headers["ETag"]

        update = api(package, slug, "partial_update")
        changed = update.sync_detailed(
            id=pk,
            client=editor,
            body=request_model(update)(summary=f"Changed through the client: {slug}."),
            if_match=etag,
        )
        assert changed.status_code == 200, (slug, changed.content)
        assert changed.parsed.summary == f"Changed through the client: {slug}."
        assert changed.headers["ETag"] != etag

        destroy = api(package, slug, "destroy")
        stale = destroy.sync_detailed(id=pk, client=editor, if_match=etag)
        assert stale.status_code == 412
        assert stale.parsed.status == 412
        created[slug] = (pk, changed.headers["ETag"])

    # The feed holds them all: page through it with the cursor, two at a time.
    seen, cursor = [], ""
    while cursor is not None:
        page = actions_list(client=anonymous, actor="DE", cursor=cursor, limit=2)
        assert page.status_code == 200
        assert len(page.parsed.results) <= 2
        seen += [action.id for action in page.parsed.results]
        cursor = page.parsed.next_ and parse_qs(urlsplit(page.parsed.next_).query)["cursor"][0]
    assert sorted(seen) == sorted(pk for pk, _ in created.values())
    as_of_count = actions_list(client=anonymous).parsed.count - len(created)
    call_command("release", RELEASE, verbosity=0)

    for slug, (pk, etag) in created.items():
        deleted = api(package, slug, "destroy").sync_detailed(id=pk, client=editor, if_match=etag)
        assert deleted.status_code == 204, (slug, deleted.content)
        gone = api(package, slug, "retrieve").sync_detailed(id=pk, client=anonymous)
        assert gone.status_code == 404
    assert actions_list(client=anonymous, actor="DE").parsed.results == []

    # As of the release cut while they existed, they are all there; its data
    # package is the file its checksum names.
    as_of = actions_list(client=anonymous, actor="DE", as_of=RELEASE, limit=50)
    assert sorted(action.id for action in as_of.parsed.results) == sorted(seen)
    release = api(package, "releases", "retrieve").sync_detailed(name=RELEASE, client=anonymous)
    assert release.parsed.counts.actions == as_of_count + len(created)
    archive = api(package, "releases", "package").sync_detailed(name=RELEASE, client=anonymous)
    assert archive.status_code == 200
    assert hashlib.sha256(archive.content).hexdigest() == release.parsed.package_sha256
