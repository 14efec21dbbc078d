"""The history of every change: through the API, the admin, fixtures and commands."""

import pytest
import yaml
from django.core.management import call_command

from actions.models import Action, Source
from diplomacy.models import State
from tests.conftest import SEED_FIXTURE
from tests.diplomacy.api.writable_resources import RESOURCES


def _history(client, url):
    response = client.get(f"{url}history/")
    assert response.status_code == 200
    return response.json()


def _first_source():
    return Source.objects.order_by("id").first()


def test_an_api_change_records_who_when_and_the_values_before_and_after(editor_client, api_client):
    source = _first_source()
    url = f"/api/v1/sources/{source.pk}/"
    etag = api_client.get(url)["ETag"]

    editor_client.patch(url, {"language": "de", "title": source.title}, HTTP_IF_MATCH=etag)

    latest, *older = _history(api_client, url)
    assert latest["change"] == "changed"
    assert latest["changed_by"] == "editor"
    assert latest["version"] == 2
    assert latest["changes"] == [{"field": "language", "before": source.language, "after": "de"}]
    assert older[-1]["change"] == "created"
    assert {"field": "title", "before": None, "after": source.title} in older[-1]["changes"]


def test_creation_and_deletion_are_recorded(editor_client):
    created = editor_client.post("/api/v1/sources/", {"publisher": "AP", "title": "Gone"})
    source_id = created.json()["id"]
    [entry] = _history(editor_client, f"/api/v1/sources/{source_id}/")
    assert entry["change"] == "created" and entry["changed_by"] == "editor"

    editor_client.delete(f"/api/v1/sources/{source_id}/", HTTP_IF_MATCH=created["ETag"])

    deletion = Source.history.filter(id=source_id, history_type="-").get()
    assert deletion.history_user.username == "editor"
    assert deletion.title == "Gone"


def test_an_action_has_one_history_under_its_kind_and_in_the_feed(editor_client, api_client):
    action = Action.objects.filter(kind="persona_non_grata").order_by("id").first()
    url = f"/api/v1/persona-non-grata-declarations/{action.pk}/"
    envoys = sorted(action.envoys.values_list("pk", flat=True))
    assert envoys
    etag = api_client.get(url)["ETag"]

    response = editor_client.patch(url, {"envoys": envoys[:1]}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200

    history = _history(api_client, url)
    assert history == _history(api_client, f"/api/v1/actions/{action.pk}/")
    assert history[0]["changes"] == [{"field": "envoys", "before": envoys, "after": envoys[:1]}]
    assert history[0]["changed_by"] == "editor"


def test_an_admin_change_is_recorded_and_shown_in_the_admin(client, editor):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    source = _first_source()
    change_url = f"/admin/actions/source/{source.pk}/change/"

    response = client.post(
        change_url,
        {
            "publisher": source.publisher,
            "title": "Title corrected in the admin",
            "url": source.url,
            "published_on": source.published_on or "",
            "language": source.language,
        },
    )

    assert response.status_code == 302, response.content
    latest = source.history.order_by("-history_id").first()
    assert latest.history_user == editor
    assert latest.title == "Title corrected in the admin"
    assert latest.version == source.version + 1
    page = client.get(f"/admin/actions/source/{source.pk}/history/")
    assert page.status_code == 200
    assert b"Title corrected in the admin" in page.content
    assert b"editor" in page.content


def test_loading_a_fixture_records_what_it_changes_and_only_that(tmp_path, api_client, db):
    source = _first_source()
    url = f"/api/v1/sources/{source.pk}/"
    entries = len(_history(api_client, url))
    with open(SEED_FIXTURE) as fixture:
        records = yaml.safe_load(fixture)
    for record in records:
        if record["model"] == "actions.source" and record["fields"]["uid"] == str(source.uid):
            record["fields"]["title"] = "Title from a corrected fixture"
    corrected = tmp_path / "corrected.yaml"
    corrected.write_text(yaml.safe_dump(records, allow_unicode=True))

    call_command("loaddata", SEED_FIXTURE, verbosity=0)  # unchanged: no entry
    assert len(_history(api_client, url)) == entries
    call_command("loaddata", str(corrected), verbosity=0)

    latest = _history(api_client, url)[0]
    assert len(_history(api_client, url)) == entries + 1
    assert latest["reason"] == "loaddata"
    assert latest["changed_by"] is None
    assert latest["version"] == source.version + 1
    assert latest["changes"] == [
        {"field": "title", "before": source.title, "after": "Title from a corrected fixture"}
    ]


def test_a_management_command_change_is_recorded(api_client, db):
    state = State.objects.get(code="ML")
    state.name = "Mali, renamed by hand"
    state.save()
    version = state.version

    call_command("load_states", verbosity=0)

    latest = _history(api_client, "/api/v1/states/ML/")[0]
    assert latest["reason"] == "load_states"
    assert latest["version"] == version + 1
    assert latest["changes"] == [
        {"field": "name", "before": "Mali, renamed by hand", "after": "Mali"}
    ]


@pytest.mark.parametrize("name", [resource.name for resource in RESOURCES] + ["actions"])
def test_every_resource_documents_its_history(openapi_schema, name):
    paths = openapi_schema["paths"]

    [path] = [p for p in paths if p.startswith(f"/api/v1/{name}/{{") and p.endswith("}/")]
    history = [p for p in paths if p.startswith(f"/api/v1/{name}/") and p.endswith("/history/")]
    assert history == [path + "history/"]
    assert "200" in paths[history[0]]["get"]["responses"]
