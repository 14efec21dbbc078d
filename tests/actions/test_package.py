"""The Frictionless data package: valid, complete, typed, keyed, deterministic, streamed."""

import csv
import datetime
import io
import json
import threading
import zipfile
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.choices import DatePrecision
from actions.kinds import KINDS
from actions.models import Action, Citation, Episode, Source
from actions.package import package_chunks, package_sha256, write_package
from actions.package.tables import package_tables
from actions.synthetic import synthetic_generate
from diplomacy.models import Envoy, Mission, State
from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.django_db

CREATED = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)
EPISODE_FILES = sorted(str(path) for path in FIXTURES_DIR.glob("*.yaml"))
COUNTS = {
    "states": State.objects,
    "episodes": Episode.objects,
    "sources": Source.objects,
    "missions": Mission.objects,
    "envoys": Envoy.objects,
    "actions": Action.objects,
    "action_envoys": Action.envoys.through.objects,
    "citations": Citation.objects,
}


@pytest.fixture
def real_data():
    call_command("load_fixtures", *EPISODE_FILES, verbosity=0)


class WriteOnly:
    """A stream without seek() or tell(), as an HTTP response body is."""

    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(bytes(data))
        return len(data)


def package_bytes(**options) -> bytes:
    out = io.BytesIO()
    write_package(out, name="2026.1", created=CREATED, **options)
    return out.getvalue()


def read_package(data: bytes) -> tuple[dict, dict[str, list[dict]], str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
        tables = {
            resource["name"]: list(
                csv.DictReader(io.TextIOWrapper(archive.open(resource["path"]), "utf-8"))
            )
            for resource in descriptor["resources"]
        }
        readme = archive.read("README.md").decode()
    return descriptor, tables, readme


def test_the_package_of_the_real_data_passes_frictionless_validate(real_data, tmp_path):
    import frictionless
    path = tmp_path / "package.zip"
    with path.open("wb") as out:
        write_package(out, name="2026.1", created=CREATED, notes="First release.")
    report = frictionless.validate(str(path))
    errors = [
        f"{task.name}: {error.message}" for task in report.tasks for error in task.errors
    ][:20]
    assert report.valid, errors
    assert [task.name for task in report.tasks] == [table.name for table in package_tables()]


def test_row_counts_match_the_database_and_the_returned_counts(real_data):
    out = io.BytesIO()
    written = write_package(out, name="2026.1", created=CREATED)
    _, tables, _ = read_package(out.getvalue())
    expected = {name: manager.count() for name, manager in COUNTS.items()}
    assert {name: len(rows) for name, rows in tables.items()} == expected
    assert written.rows == expected
    assert expected["actions"] >= 150 and expected["citations"] >= expected["actions"]
    assert written.bytes == len(out.getvalue())


def test_every_foreign_key_resolves_and_rows_are_in_key_order(real_data):
    descriptor, tables, _ = read_package(package_bytes())
    for resource in descriptor["resources"]:
        rows = tables[resource["name"]]
        schema = resource["schema"]
        key = schema["primaryKey"]
        key = key if isinstance(key, list) else [key]
        types = {field["name"]: field["type"] for field in schema["fields"]}
        keys = [
            tuple(int(row[name]) if types[name] == "integer" else row[name] for name in key)
            for row in rows
        ]
        assert keys == sorted(keys), resource["name"]
        assert len(set(keys)) == len(keys), resource["name"]
        for foreign_key in schema.get("foreignKeys", []):
            target = foreign_key["reference"]["resource"] or resource["name"]
            known = {row[foreign_key["reference"]["fields"]] for row in tables[target]}
            used = {row[foreign_key["fields"]] for row in rows} - {""}
            assert used <= known, (resource["name"], foreign_key["fields"])
            assert used, (resource["name"], foreign_key["fields"])  # each key is exercised


def test_keys_are_the_apis_codes_slugs_and_ids(real_data):
    _, tables, _ = read_package(package_bytes())
    action = Action.objects.filter(episode__isnull=False, in_response_to__isnull=False).first()
    row = next(row for row in tables["actions"] if row["id"] == str(action.pk))
    assert row["uid"] == str(action.uid)
    assert row["actor"] == action.actor_id and row["target"] == action.target_id
    assert row["episode"] == action.episode.slug
    assert row["in_response_to"] == str(action.in_response_to_id)
    assert row["date"] == action.date.isoformat()
    assert row["created_at"].endswith("Z")
    links = {(row["action"], row["envoy"]) for row in tables["action_envoys"]}
    assert links == {
        (str(action), str(envoy))
        for action, envoy in Action.envoys.through.objects.values_list("action_id", "envoy_id")
    }


def test_the_schemas_type_every_column_and_state_the_enums(real_data):
    descriptor, tables, _ = read_package(package_bytes())
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    fields = {
        (name, field["name"]): field
        for name, resource in resources.items()
        for field in resource["schema"]["fields"]
    }
    assert all(field["description"] for field in fields.values())
    assert {field["type"] for field in fields.values()} == {
        "integer", "string", "date", "datetime", "boolean"
    }
    assert fields["actions", "date"]["type"] == "date"
    assert fields["actions", "created_at"]["type"] == "datetime"
    assert fields["actions", "persons_count"]["type"] == "integer"
    assert fields["actions", "episode"]["type"] == "string"  # the slug
    assert fields["actions", "in_response_to"]["type"] == "integer"
    assert fields["states", "is_historic"]["type"] == "boolean"
    assert fields["states", "numeric"]["type"] == "string"  # "004" keeps its zeros
    assert fields["actions", "cameo_code"]["type"] == "string"
    assert fields["actions", "uid"]["constraints"] == {"required": True, "unique": True}
    assert fields["actions", "summary"]["constraints"] == {"required": True}
    assert "constraints" not in fields["actions", "notes"]
    assert fields["actions", "kind"]["constraints"]["enum"] == list(KINDS)
    assert fields["actions", "date_precision"]["constraints"]["enum"] == DatePrecision.values
    # Every kind and precision is in the data, and nothing outside the enums.
    assert {row["kind"] for row in tables["actions"]} == set(KINDS)
    for (name, column), field in fields.items():
        enum = field.get("constraints", {}).get("enum")
        if enum:
            assert {row[column] for row in tables[name]} - {""} <= set(enum), column
    assert resources["actions"]["schema"]["primaryKey"] == "id"
    assert resources["action_envoys"]["schema"]["primaryKey"] == ["action", "envoy"]
    assert resources["episodes"]["schema"]["primaryKey"] == "slug"


def test_the_package_states_its_version_licence_and_files(real_data, settings):
    settings.DATA_PACKAGE_LICENSE = {"name": "ODbL-1.0"}
    descriptor, _, readme = read_package(package_bytes(notes="Corrections to two dates."))
    assert descriptor["version"] == "2026.1"
    assert descriptor["name"] == "diplomatic-actions"
    assert descriptor["created"] == "2026-11-30T12:00:00Z"
    assert descriptor["licenses"] == [{"name": "ODbL-1.0"}]
    assert "Corrections to two dates." in descriptor["description"]
    for resource in descriptor["resources"]:
        assert resource["path"] == f"data/{resource['name']}.csv"
        assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
        assert resource["hash"].startswith("sha256:")
        # The codebook names every file and column.
        assert resource["path"] in readme
        for field in resource["schema"]["fields"]:
            assert f"`{field['name']}`" in readme
    assert "date_not_after" in readme and "ODbL-1.0" in readme


def test_the_same_data_gives_the_same_bytes_and_checksum(real_data):
    first = package_bytes()
    written = write_package(io.BytesIO(), name="2026.1", created=CREATED)
    assert package_bytes() == first
    # A file, a stream without seek(), the streamed chunks: the same bytes.
    unseekable = WriteOnly()
    write_package(unseekable, name="2026.1", created=CREATED)
    assert b"".join(unseekable.parts) == first
    assert b"".join(package_chunks(name="2026.1", created=CREATED)) == first
    assert package_sha256(name="2026.1", created=CREATED) == written.sha256
    # Small batches change how rows are read, not what is written.
    assert package_bytes(batch_size=7) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 30, 12, 0, 0)}


def test_a_change_to_the_data_changes_the_checksum():
    before = package_sha256(name="2026.1", created=CREATED)
    action = Action.objects.order_by("id").first()
    Action.objects.filter(pk=action.pk).update(notes=action.notes + " Checked again.")
    assert package_sha256(name="2026.1", created=CREATED) != before


def test_one_query_per_table_whatever_the_batch_size():
    tables = package_tables()
    for batch_size in (5, 5000):
        with CaptureQueriesContext(connection) as queries:
            write_package(io.BytesIO(), name="x", created=CREATED, batch_size=batch_size)
        statements = [query["sql"].lstrip().upper() for query in queries.captured_queries]
        # On PostgreSQL a server-side cursor (DECLARE) per table, in a transaction
        # of its own (here a savepoint of the test's).
        reads = [sql for sql in statements if sql.startswith(("SELECT", "DECLARE"))]
        assert len(reads) == len(tables)
        assert len(statements) <= len(tables) + 3


def test_the_package_is_streamed_a_batch_at_a_time():
    synthetic_generate(actions=3000, seed=1)
    chunks = package_chunks(name="x", created=CREATED, batch_size=500)
    try:
        with CaptureQueriesContext(connection) as queries:
            first = next(chunks)
            # The first bytes leave before the tables are read.
            reads = [q for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
            assert len(reads) < len(package_tables()) // 2
        sizes = [len(first), *map(len, chunks)]
    finally:
        chunks.close()
    # Compressed data comes out as zlib's buffer fills: no chunk holds a table.
    assert sum(sizes) > 4 * 64 * 1024 and len(sizes) > 10
    assert max(sizes) < 64 * 1024


def test_the_package_loads_into_pandas_with_its_types(real_data, tmp_path):
    import pandas
    data = package_bytes()
    descriptor, _, _ = read_package(data)
    resource = next(r for r in descriptor["resources"] if r["name"] == "actions")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        fields = resource["schema"]["fields"]
        frame = pandas.read_csv(
            archive.open(resource["path"]),
            dtype={f["name"]: "string" for f in fields if f["type"] == "string"}
            | {f["name"]: "Int64" for f in fields if f["type"] == "integer"},
            parse_dates=[f["name"] for f in fields if f["type"] in ("date", "datetime")],
        )
    assert len(frame) == Action.objects.count()
    assert str(frame["date"].dtype).startswith("datetime64")
    assert str(frame["persons_count"].dtype) == "Int64"


def test_write_package_command_writes_a_zip_into_a_directory(tmp_path):
    out = io.StringIO()
    call_command(
        "write_package", "--output", str(tmp_path / "releases"), "--name", "2026.1",
        "--created", "2026-11-30T12:00:00Z", stdout=out,
    )
    path = tmp_path / "releases" / "diplomatic-actions-2026.1.zip"
    assert path.read_bytes() == package_bytes()
    assert f"SHA-256 {package_sha256(name='2026.1', created=CREATED)}" in out.getvalue()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    call_command(
        "write_package", "--output", str(tmp_path / "p.zip"), "--name", "2026.1",
        "--created", "2026-11-30T12:00:00Z", stdout=io.StringIO(),
    )
    assert (tmp_path / "p.zip").read_bytes() == path.read_bytes()


def test_every_table_of_the_dataset_is_in_the_package():
    models = Counter(table.model for table in package_tables())
    assert set(models) == {
        State, Episode, Source, Mission, Envoy, Action, Action.envoys.through, Citation
    }


def test_a_failure_or_a_client_gone_stops_the_compressing_thread(monkeypatch):
    from actions.package import writer

    def compressing_threads():
        return [thread for thread in threading.enumerate() if thread.name == "package-zip"]

    chunks = package_chunks(name="x", created=CREATED, batch_size=10)
    next(chunks)
    chunks.close()  # the client went away mid-download
    assert compressing_threads() == []

    def failing(*args):
        yield b"id\r\n", 0
        raise RuntimeError("the database went away")

    monkeypatch.setattr(writer, "_table_chunks", failing)
    with pytest.raises(RuntimeError, match="database went away"):
        write_package(io.BytesIO(), name="x", created=CREATED)
    assert compressing_threads() == []


def test_an_error_while_compressing_reaches_the_writer():
    class BrokenPipe:
        def write(self, data):
            raise OSError("broken pipe")

    with pytest.raises(OSError, match="broken pipe"):
        write_package(BrokenPipe(), name="x", created=CREATED)
