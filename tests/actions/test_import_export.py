"""Import and export of the dataset, as files and through the admin."""

import json

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.forms import SelectableFieldsExportForm

from actions.models import (
    Action,
    Citation,
    Episode,
    PersonaNonGrataDeclaration,
    Source,
)
from actions.resources import (
    KIND_RESOURCES,
    ActionResource,
    CitationResource,
    EpisodeResource,
    SourceResource,
)
from diplomacy.models import Envoy, Mission, State
from diplomacy.resources import EnvoyResource, MissionResource, StateResource

pytestmark = pytest.mark.django_db

PNG = PersonaNonGrataDeclaration.KIND


def png_row(**fields):
    row = {
        "uid": "",
        "actor": "FR",
        "target": "ML",
        "date": "2025-09-19",
        "date_precision": "day",
        "summary": "France declares a Malian diplomat persona non grata.",
        "episode": "france-mali-2025",
        "persons_count": "1",
        "grounds": "reciprocity",
        "leave_by": "2025-09-20",
    }
    row.update(fields)
    return row


def dataset_of(*rows):
    headers = list(rows[0])
    return tablib.Dataset(*[[row[name] for name in headers] for row in rows], headers=headers)


@pytest.mark.parametrize(
    "resource, model",
    [
        (StateResource, State),
        (MissionResource, Mission),
        (EnvoyResource, Envoy),
        (EpisodeResource, Episode),
        (SourceResource, Source),
        (CitationResource, Citation),
        (KIND_RESOURCES[PNG], PersonaNonGrataDeclaration),
    ],
)
@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_an_export_imports_back_unchanged(resource, model, file_format):
    exported = resource().export().export(file_format)
    dataset = tablib.Dataset().load(exported, format=file_format)
    result = resource().import_data(dataset, dry_run=False, raise_errors=True)
    assert result.totals["skip"] == model.objects.count() == len(dataset)
    assert result.totals["new"] == result.totals["update"] == 0


def test_the_export_names_related_records_by_their_public_keys():
    exported = json.loads(KIND_RESOURCES[PNG]().export().json)
    mali = next(row for row in exported if row["actor"] == "ML")
    assert mali["target"] == "FR"
    assert mali["episode"] == "france-mali-2025"
    declared = PersonaNonGrataDeclaration.objects.get(uid=mali["uid"])
    assert mali["in_response_to"] == str(declared.in_response_to.uid)
    assert set(mali["envoys"].split(",")) == {str(e.uid) for e in declared.envoys.all()}


def test_the_feed_exports_every_kind_with_its_kind():
    exported = json.loads(ActionResource().export().json)
    assert len(exported) == Action.objects.count()
    assert {row["kind"] for row in exported} == set(
        Action.objects.values_list("kind", flat=True)
    )


def test_a_row_without_uid_creates_an_action_of_the_resource_kind():
    envoy = Envoy.objects.filter(sending_state="ML").first()
    row = png_row(envoys=str(envoy.uid), kind="detention")  # the kind column is ignored
    result = KIND_RESOURCES[PNG]().import_data(dataset_of(row), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    created = PersonaNonGrataDeclaration.objects.get(summary=row["summary"])
    assert created.kind == PNG
    assert list(created.envoys.all()) == [envoy]
    assert created.cameo_code == "161"


def test_a_bad_file_gets_an_error_on_each_bad_row_and_writes_nothing():
    foreign_envoy = Envoy.objects.filter(sending_state="FR").first()
    rows = [
        png_row(summary="A good row."),
        png_row(summary="Actor is target.", target="FR"),
        png_row(summary="Leaves before.", leave_by="2025-09-01"),
        png_row(summary="Unknown state.", actor="XX"),
        png_row(summary="Wrong envoy.", envoys=str(foreign_envoy.uid)),
        png_row(summary="Bad uid.", uid="not-a-uid"),
    ]
    for row in rows:
        row.setdefault("envoys", "")
    before = Action.objects.count()
    result = KIND_RESOURCES[PNG]().import_data(dataset_of(*rows), dry_run=True)

    errors = {
        row.number: {field: messages for field, messages in row.error_dict.items()}
        for row in result.invalid_rows
    }
    assert set(errors) == {2, 3, 4, 5, 6}
    assert "target" in errors[2]
    assert errors[3]["leave_by"] == ["Cannot be before the date of the action."]
    assert "actor" in errors[4]
    assert "envoys" in errors[5]
    assert "uid" in errors[6]
    assert Action.objects.count() == before


@pytest.fixture
def staff_editor(django_user_model, client):
    from django.core.management import call_command

    call_command("create_editors_group", verbosity=0)
    user = django_user_model.objects.create_user("ed", password="pw-for-tests")
    call_command("create_editors_group", "--add", "ed", verbosity=0)
    client.force_login(user)
    return client


def admin_import(client, url, content, name, file_format):
    formats = {"csv": "0", "json": "1"}
    upload = SimpleUploadedFile(name, content.encode())
    return client.post(url, {"format": formats[file_format], "import_file": upload})


def test_the_admin_previews_an_import_then_writes_it_on_confirmation(staff_editor):
    url = "/admin/actions/source/import/"
    csv = "uid,publisher,title,url,published_on,language\n,AFP,[A new dispatch],,2025-09-20,fr\n"
    preview = admin_import(staff_editor, url, csv, "sources.csv", "csv")
    assert preview.status_code == 200
    assert preview.context["result"].totals["new"] == 1
    assert not Source.objects.filter(title="[A new dispatch]").exists()  # a dry run

    confirm = preview.context["confirm_form"]
    done = staff_editor.post("/admin/actions/source/process_import/", confirm.initial)
    assert done.status_code == 302
    assert Source.objects.filter(title="[A new dispatch]").count() == 1


def test_the_admin_shows_errors_per_row_and_offers_no_confirmation(staff_editor):
    rows = [png_row(summary="Fine.", envoys=""), png_row(summary="Bad.", target="FR", envoys="")]
    content = json.dumps(rows)
    url = "/admin/actions/personanongratadeclaration/import/"
    response = admin_import(staff_editor, url, content, "actions.json", "json")
    assert response.status_code == 200
    assert response.context["result"].has_validation_errors()
    assert "confirm_form" not in response.context
    assert b"The target must differ from the actor." in response.content
    assert not Action.objects.filter(summary__in=["Fine.", "Bad."]).exists()


def test_the_admin_exports_a_kind_as_csv(staff_editor):
    resource = KIND_RESOURCES[PNG]
    fields = {
        SelectableFieldsExportForm.create_boolean_field_name(resource, name): "on"
        for name in resource().get_export_order()
    }
    response = staff_editor.post(
        "/admin/actions/personanongratadeclaration/export/",
        {"format": "0", "resource": "0", **fields},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    exported = tablib.Dataset().load(response.content.decode(), format="csv")
    assert len(exported) == PersonaNonGrataDeclaration.objects.count() == 2


def test_the_feed_of_every_kind_has_export_but_no_import(staff_editor):
    page = staff_editor.get("/admin/actions/action/")
    assert b"/admin/actions/action/export/" in page.content
    assert b"/admin/actions/action/import/" not in page.content
    assert staff_editor.get("/admin/actions/action/import/").status_code == 403


def test_a_file_without_the_envoys_column_keeps_the_envoys_and_their_rules():
    declaration = PersonaNonGrataDeclaration.objects.get(actor="ML")  # five envoys
    row = {"uid": str(declaration.uid), "persons_count": "4"}  # fewer than its envoys
    result = KIND_RESOURCES[PNG]().import_data(dataset_of(row), dry_run=True)
    [invalid] = result.invalid_rows
    assert invalid.error_dict["persons_count"] == ["At least the number of linked envoys (5)."]

    row["persons_count"] = "6"
    result = KIND_RESOURCES[PNG]().import_data(dataset_of(row), dry_run=False)
    assert result.totals["update"] == 1
    declaration.refresh_from_db()
    assert declaration.persons_count == 6
    assert declaration.envoys.count() == 5
