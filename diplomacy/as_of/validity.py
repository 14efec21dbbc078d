"""`history_valid_until`: until when each history row was its record's current row.

Reading the dataset as of T (diplomacy.as_of.history_views) takes the rows with
`history_date <= T < history_valid_until` (null: still current). The column is
kept by the database itself, by triggers on every historical table, so that
every way of writing history keeps it right: simple-history's saves and
deletions, `bulk_create_with_history`, loaddata, raw INSERT ... SELECT
(actions.synthetic), deleting history rows (simple-history's cleaning commands).

- After an insert, the record's entry just before the new one (by history_date,
  then history_id) is valid until the new one's date, and the new one until the
  date of the entry after it, if any (an entry loaded out of order).
- After a delete, the entry just before the deleted one is valid until the
  date of the entry now after it.

The triggers are made by the migrations that add the column and, for a table
that lacks them (a model newly tracked, or a table SQLite rebuilt in a later
migration, which drops its triggers), after every `migrate` (post_migrate),
with the column recomputed for that table.
"""

from django.db import connections
from django.db.models.signals import post_migrate

from diplomacy.audit_trail import VALID_UNTIL, DatasetHistory

INSERT_TRIGGER = "{table}_valid_until_ins"
DELETE_TRIGGER = "{table}_valid_until_del"


def _names(model) -> tuple[str, str]:
    historical = model.history.model
    return historical._meta.db_table, model._meta.pk.column


def _neighbour(quote, table, key, row, alias, *, before: bool) -> str:
    """SQL: the entry of `row`'s record just before (or after) `row`, by date then id."""
    lower, order = ("<", "DESC") if before else (">", "")
    return (
        f"FROM {quote(table)} {alias} WHERE {alias}.{quote(key)} = {row}.{quote(key)} "
        f"AND ({alias}.history_date {lower} {row}.history_date OR "
        f"({alias}.history_date = {row}.history_date AND {alias}.history_id {lower} "
        f"{row}.history_id)) ORDER BY {alias}.history_date {order}, "
        f"{alias}.history_id {order} LIMIT 1"
    )


def _recompute(quote, table, key, row_id_sql) -> str:
    """SQL: the row `row_id_sql` valid until the date of its record's next entry."""
    return (
        f"UPDATE {quote(table)} SET {VALID_UNTIL} = (SELECT nxt.history_date "
        f"{_neighbour(quote, table, key, quote(table), 'nxt', before=False)}) "
        f"WHERE history_id = ({row_id_sql})"
    )


def trigger_sql(vendor: str, quote, table: str, key: str) -> list[str]:
    """The statements (re)creating the triggers of one historical table."""
    insert, delete = INSERT_TRIGGER.format(table=table), DELETE_TRIGGER.format(table=table)
    previous_of = {
        row: f"SELECT prev.history_id {_neighbour(quote, table, key, row, 'prev', before=True)}"
        for row in ("NEW", "OLD")
    }
    next_of_new = (
        f"SELECT nxt.history_date {_neighbour(quote, table, key, 'NEW', 'nxt', before=False)}"
    )
    set_previous = (
        f"UPDATE {quote(table)} SET {VALID_UNTIL} = NEW.history_date "
        f"WHERE history_id = ({previous_of['NEW']})"
    )
    if vendor == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS {quote(insert)}",
            f"CREATE TRIGGER {quote(insert)} AFTER INSERT ON {quote(table)} FOR EACH ROW BEGIN "
            f"{set_previous}; "
            # Usually the new entry is its record's latest and stays null: no write.
            f"UPDATE {quote(table)} SET {VALID_UNTIL} = ({next_of_new}) "
            f"WHERE history_id = NEW.history_id AND ({VALID_UNTIL} IS NOT NULL "
            f"OR EXISTS ({next_of_new})); END",
            f"DROP TRIGGER IF EXISTS {quote(delete)}",
            f"CREATE TRIGGER {quote(delete)} AFTER DELETE ON {quote(table)} FOR EACH ROW BEGIN "
            f"{_recompute(quote, table, key, previous_of['OLD'])}; END",
        ]
    if vendor == "postgresql":
        return [
            # Before the insert: the new row's own value is set, not updated.
            f"CREATE OR REPLACE FUNCTION {quote(insert)}() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ BEGIN NEW.{VALID_UNTIL} := ({next_of_new}); {set_previous}; "
            "RETURN NEW; END $$",
            f"DROP TRIGGER IF EXISTS {quote(insert)} ON {quote(table)}",
            f"CREATE TRIGGER {quote(insert)} BEFORE INSERT ON {quote(table)} FOR EACH ROW "
            f"EXECUTE FUNCTION {quote(insert)}()",
            f"CREATE OR REPLACE FUNCTION {quote(delete)}() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ BEGIN {_recompute(quote, table, key, previous_of['OLD'])}; "
            "RETURN NULL; END $$",
            f"DROP TRIGGER IF EXISTS {quote(delete)} ON {quote(table)}",
            f"CREATE TRIGGER {quote(delete)} AFTER DELETE ON {quote(table)} FOR EACH ROW "
            f"EXECUTE FUNCTION {quote(delete)}()",
        ]
    raise NotImplementedError(f"No history_valid_until trigger for {vendor}.")


def backfill_sql(quote, table: str, key: str) -> str:
    """One UPDATE setting the column of every row of `table` from the rows themselves."""
    return (
        f"UPDATE {quote(table)} SET {VALID_UNTIL} = (SELECT nxt.history_date "
        f"{_neighbour(quote, table, key, quote(table), 'nxt', before=False)})"
    )


def _existing_triggers(connection, table: str) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table]
            )
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [connection.ops.quote_name(table)],
            )
        return {name for (name,) in cursor.fetchall()}


def _has_column(connection, table: str) -> bool:
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return False
        columns = connection.introspection.get_table_description(cursor, table)
    return any(column.name == VALID_UNTIL for column in columns)


def tracked_tables(app_label: str | None = None) -> list[tuple[str, str]]:
    """(historical table, key column) of every model the dataset's history tracks."""
    return sorted(
        _names(model)
        for model in DatasetHistory.trackers
        if app_label is None or model._meta.app_label == app_label
    )


def validity_install(
    *, using: str = "default", app_label: str | None = None, backfill: bool = False
) -> list[str]:
    """Give every tracked historical table (of `app_label`) its triggers.

    Idempotent. A table that had them all is left alone unless `backfill`; one
    that lacked any has them (re)made and its column recomputed. A table not
    there yet, or without the column yet (an earlier migration), is skipped: a
    later migrate makes them. Returns the tables whose triggers were made.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    made = []
    for table, key in tracked_tables(app_label):
        if not _has_column(connection, table):
            continue
        wanted = {INSERT_TRIGGER.format(table=table), DELETE_TRIGGER.format(table=table)}
        missing = not wanted <= _existing_triggers(connection, table)
        if not (missing or backfill):
            continue
        with connection.cursor() as cursor:
            for statement in trigger_sql(connection.vendor, quote, table, key):
                cursor.execute(statement)
            cursor.execute(backfill_sql(quote, table, key))
        made.append(table)
    return made


def validity_missing(*, using: str = "default") -> list[str]:
    """The tracked historical tables lacking their column or a trigger."""
    connection = connections[using]
    missing = []
    for table, _ in tracked_tables():
        wanted = {INSERT_TRIGGER.format(table=table), DELETE_TRIGGER.format(table=table)}
        if not _has_column(connection, table) or not wanted <= _existing_triggers(
            connection, table
        ):
            missing.append(table)
    return missing


def _migrated(sender, using="default", **kwargs):
    validity_install(using=using, app_label=sender.label)


def validity_keep() -> None:
    """After every migrate, give tables that lack them their triggers."""
    post_migrate.connect(_migrated, dispatch_uid="history-valid-until-triggers")


def migration_operation(app_label: str):
    """A RunPython making the triggers of `app_label`'s tables, and filling the column."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        validity_install(using=schema_editor.connection.alias, app_label=app_label, backfill=True)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)
