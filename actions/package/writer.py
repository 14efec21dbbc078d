"""Write the data package: a zip of one CSV per table, datapackage.json and README.md.

Rows are read with a database cursor (`values_list(...).iterator()`,
server-side on PostgreSQL) in batches, in the order of each table's primary
key; each batch is encoded and handed to a thread that compresses and writes
it while the next is read (a few batches wait at most): one query per table,
no model instance, memory flat whatever the size of the dataset. Dates,
datetimes and UUIDs come from the database as the text the API writes
(diplomacy/api/formats/database_text.py).

Only the ORM reads the data, so the package of the data as it was at a
moment is this writer run where every query sees that moment. The same data,
name, `created` and notes give the same bytes, hence the same SHA-256: the
files in a fixed order, the rows in key order, every entry dated `created`.
"""

import datetime
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

import orjson
from django.db import connections, models, router, transaction

from actions.package.codebook import codebook
from actions.package.schema import package_descriptor
from actions.package.tables import Table, package_tables
from actions.package.zip_archive import ChunkSink, CompressingThread, CountingSink
from diplomacy.api.formats.csv_cells import csv_column
from diplomacy.api.formats.database_text import as_text, text_columns_apply
from diplomacy.api.formats.tabular_renderers import CSVEncoder

# Rows read, encoded and compressed at a time: the peak of memory (about 10 MiB
# at 2,000 rows, 24 MiB at 5,000; 100,000 synthetic actions), not the speed.
BATCH_SIZE = 2000
# zlib's default level. At 100,000 synthetic actions (SQLite) level 1 wrote
# the package in 2.5 s instead of 3.1 s, 29% larger (11.4 MB against 8.8 MB).
COMPRESSLEVEL = 6
DESCRIPTOR_PATH = "datapackage.json"
CODEBOOK_PATH = "README.md"


@dataclass(frozen=True)
class WrittenPackage:
    """What was written: the zip's SHA-256 and size, and the rows of each table."""

    sha256: str
    bytes: int
    rows: dict[str, int]


def write_package(
    out, *, name: str, created: datetime.datetime, notes: str = "",
    batch_size: int = BATCH_SIZE,
) -> WrittenPackage:
    """Write the data package of the data the ORM reads to the binary stream `out`
    (seekable or not); return its checksum, size and row counts."""
    sink = CountingSink(out)
    rows = {}
    for _ in _package_steps(
        sink, name=name, created=created, notes=notes, batch_size=batch_size, rows=rows
    ):
        pass
    sink.flush()
    return WrittenPackage(sha256=sink.sha256.hexdigest(), bytes=sink.bytes, rows=rows)


def package_chunks(
    *, name: str, created: datetime.datetime, notes: str = "", batch_size: int = BATCH_SIZE
) -> Iterator[bytes]:
    """The same bytes as `write_package`, in chunks as they are written (for a
    StreamingHttpResponse): one chunk per batch of rows, at most."""
    sink = ChunkSink()
    for _ in _package_steps(
        sink, name=name, created=created, notes=notes, batch_size=batch_size, rows={}
    ):
        chunk = sink.take()
        if chunk:
            yield chunk
    chunk = sink.take()
    if chunk:
        yield chunk


def package_sha256(*, name: str, created: datetime.datetime, notes: str = "") -> str:
    """The SHA-256 of the package `write_package` would write, writing it nowhere."""
    return write_package(None, name=name, created=created, notes=notes).sha256


def _package_steps(sink, *, name, created, notes, batch_size, rows: dict):
    """Write the package to `sink`, yielding after each batch of rows."""
    tables = package_tables()
    archive = CompressingThread(sink, moment=created, compresslevel=COMPRESSLEVEL)
    try:
        files = {}
        # Each table's key by the database's key, for the tables the package keys
        # otherwise (an episode's id -> its slug), for the columns referring to them.
        package_keys: dict[str, dict] = {}
        with _one_snapshot(tables[0].model):
            for table in tables:
                digest = hashlib.sha256()
                size = count = 0
                keys = package_keys.setdefault(table.name, {}) if table.database_key else None
                archive.open(table.path)
                for chunk, rows_in_chunk in _table_chunks(
                    table, batch_size, package_keys, keys
                ):
                    archive.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    count += rows_in_chunk
                    yield
                archive.close_entry()
                files[table.name] = {"bytes": size, "sha256": digest.hexdigest()}
                rows[table.name] = count
        descriptor = package_descriptor(
            tables, name=name, created=created, notes=notes, files=files
        )
        archive.entry(CODEBOOK_PATH, codebook(descriptor, tables, rows).encode("utf-8"))
        archive.entry(
            DESCRIPTOR_PATH, orjson.dumps(descriptor, option=orjson.OPT_INDENT_2) + b"\n"
        )
        archive.finish()
    except BaseException:
        # A failure, or the generator closed (a client gone): stop the thread.
        archive.abort()
        raise
    yield


def _table_chunks(table: Table, batch_size: int, package_keys: dict, keys: dict | None):
    """(CSV bytes, rows) of the table: its header, then one chunk per batch of rows."""
    names = [column.name for column in table.columns]
    encoder = CSVEncoder(names)
    yield encoder.header_line(), 0
    queryset = table.model._base_manager.order_by(*table.order_by)
    sources = table.sources
    as_they_are = text_columns_apply(connections[queryset.db])
    if as_they_are:
        sources = [as_text(table.model, source) for source in sources]
    # Rows go to csv.writer as the database returns them, but where a column
    # holds what it would not write as the API does (a boolean, or any date
    # or UUID from a database that cannot return them as text).
    as_they_are = as_they_are and not any(
        isinstance(column.field, models.BooleanField) for column in table.columns
    )
    # Columns whose database key is written as the key of the table it refers to.
    mapped = [
        (index, package_keys[column.references])
        for index, column in enumerate(table.columns)
        if column.references in package_keys
    ]
    if keys is not None:
        key_index = names.index(table.primary_key[0])
        database_index = names.index(table.database_key)
    records = queryset.values_list(*sources).iterator(chunk_size=batch_size)
    while batch := list(islice(records, batch_size)):
        for index, key_of in mapped:
            batch = _rows_mapped(batch, index, key_of, table)
        if keys is not None:
            keys.update((row[database_index], row[key_index]) for row in batch)
        if as_they_are:
            yield encoder.row_lines(batch), len(batch)
        else:
            columns = [csv_column(list(column)) for column in zip(*batch, strict=True)]
            yield encoder.column_lines(columns), len(batch)


def _rows_mapped(batch: list[tuple], index: int, key_of: dict, table: Table) -> list[tuple]:
    """The rows with the database key in column `index` replaced by the package's."""
    after = index + 1
    try:
        return [
            row if row[index] is None else (*row[:index], key_of[row[index]], *row[after:])
            for row in batch
        ]
    except KeyError as error:
        column = table.columns[index]
        raise ValueError(
            f"{table.name}.{column.name} refers to {error.args[0]}, which is not "
            f"in {column.references}."
        ) from None


@contextmanager
def _one_snapshot(model):
    """Every table read from the same state of the database.

    On PostgreSQL a read-only transaction at REPEATABLE READ sees one snapshot
    for all its queries, so an action entered while the package is written
    cannot be in actions.csv without its citations. Within a transaction
    already open (a test's, a caller's), the caller's isolation holds. SQLite
    is left alone: its transactions here take the write lock (IMMEDIATE),
    which would hold every writer back for as long as the package is written.
    """
    using = router.db_for_read(model)
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    fresh = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if fresh:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield
