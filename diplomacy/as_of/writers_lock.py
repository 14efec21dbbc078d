"""`writers_lock()`: wait for the dataset's writers in flight, and keep new ones out.

A moment read from the clock is only a safe "as of" (a release's `cut_at`) if
every history entry dated before it is committed: simple-history dates an
entry when it is made, and a writer could commit it later. Taken inside a
transaction before the clock is read, this lock waits until every transaction
that has written a tracked table has committed, and holds new writers until
the transaction ends, so what is dated before the moment is all there is.

- PostgreSQL: `LOCK TABLE ... IN SHARE MODE` on every tracked table, its
  many-to-many links and their history (it conflicts with the ROW EXCLUSIVE
  lock every INSERT, UPDATE and DELETE takes; readers are not blocked).
- SQLite: a write statement that changes nothing takes the database's one
  write lock (with `transaction_mode` IMMEDIATE the transaction holds it from
  its BEGIN already; inside an outer transaction it may not).

A writer is only covered if it writes a record and its history in one
transaction, as the API, the admin and the commands do: simple-history dates
the entry after the record's row is written, while the writer holds its lock.
"""

from django.db import connections

from diplomacy.audit_trail import DatasetHistory


def dataset_tables() -> list[str]:
    """Every table a write of the dataset touches: tracked tables, links, and their history."""
    tables = set()
    for model, tracker in DatasetHistory.trackers.items():
        tables.add(model._meta.db_table)
        tables.add(model.history.model._meta.db_table)
        for field in getattr(model.history.model, "_history_m2m_fields", []):
            tables.add(field.remote_field.through._meta.db_table)
            tables.add(tracker.m2m_models[field]._meta.db_table)
    return sorted(tables)


def writers_lock(*, using: str = "default") -> None:
    """Hold, until the current transaction ends, the lock every writer of the dataset needs."""
    connection = connections[using]
    if not connection.in_atomic_block:
        raise RuntimeError("writers_lock() holds its lock until the transaction ends: use it "
                           "inside transaction.atomic().")
    quote = connection.ops.quote_name
    tables = dataset_tables()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {', '.join(map(quote, tables))} IN SHARE MODE")
        elif connection.vendor == "sqlite":
            cursor.execute(f"UPDATE {quote(tables[0])} SET id = id WHERE 0")
        else:
            raise NotImplementedError(f"No writers' lock for {connection.vendor}.")
