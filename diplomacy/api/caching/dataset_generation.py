"""The dataset's generation: a counter that every write to the dataset moves on.

Rendered API responses are cached under the generation they were read at
(diplomacy.api.caching.response_cache), so a write makes every cached response
unreachable at once, without knowing which pages it touched. The counter
lives in the default cache, which every worker shares when REDIS_URL is set.

A write moves the counter when its transaction commits (at once outside a
transaction), so a page read from the data before the commit is not served
after it; a transaction that has written neither reads from the cache nor
stores what it reads (`uncommitted_writes`): its own writes may be rolled
back. Between a commit and the counter's move (microseconds), a request may
still be given the page from before the commit, as if it had come first.

Every statement Django sends that writes to a dataset table is seen
(`track_dataset_writes`): the API, the admin, imports, loaddata, save(),
QuerySet.update(), bulk_create() and raw SQL through Django's cursor, in a
command or a shell. What bypasses Django's cursor (psycopg's COPY, SQL in a
database console) must call `dataset_changed()`, as generate_synthetic does,
or stays unseen until the cache's timeout (RESPONSE_CACHE_SECONDS) ends the
pages it made stale.
If the cache cannot be reached, writes still succeed (the failure is logged).

Written by hand: django-cacheops and cachalot cache querysets (the JSON
encoding, most of a page's cost, would still run on every request), and
Django's cache_page invalidates by timeout only.
"""

import functools
import hashlib
import logging
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from simple_history.models import HistoricalChanges

from diplomacy.api.concurrency.optimistic_locking import Versioned

logger = logging.getLogger(__name__)

GENERATION_KEY = "dataset-generation"


@functools.cache
def dataset_apps() -> tuple[str, ...]:
    """The apps whose models make up the dataset, in the order they are installed:
    those that hold a versioned record (every record editors and clients write is
    one). An app added to the dataset is watched without naming it here."""
    return tuple(
        config.label
        for config in apps.get_app_configs()
        if any(issubclass(model, Versioned) for model in config.get_models())
    )


def cache_seconds() -> int:
    """How long a cached response may live; 0 turns the response cache off."""
    return int(getattr(settings, "RESPONSE_CACHE_SECONDS", 0) or 0)


def response_cache():
    return caches[getattr(settings, "RESPONSE_CACHE_ALIAS", "default")]


@functools.cache
def release() -> str:
    """A digest of the code and pinned requirements: a new release never serves
    a page that the one before it rendered, which may differ in shape."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    files = [base / "requirements.txt"]
    for app_label in dataset_apps():
        folder = Path(apps.get_app_config(app_label).path)
        files += sorted(path for path in folder.rglob("*") if path.suffix in {".py", ".html"})
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def generation() -> int:
    store = response_cache()
    value = store.get(GENERATION_KEY)
    if value is None:
        # A counter that was never set, or was lost (a flushed or evicted key),
        # starts from the clock: never at a number pages may still be stored under.
        store.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = store.get(GENERATION_KEY)
    return int(value)


def bump() -> None:
    """Move the counter on; a failure is logged, never raised into the write."""
    store = response_cache()
    try:
        for _ in range(3):
            try:
                store.incr(GENERATION_KEY)
                return
            except ValueError:  # no counter: start one, unless another process just did
                if store.add(GENERATION_KEY, time.time_ns(), timeout=None):
                    return
    except Exception:  # the cache is down: the write must not fail for it
        logger.exception("The response cache's generation could not be moved on.")


def _bump_pending(connection) -> bool:
    # The callbacks Django keeps for the open transaction are the ones a
    # rollback (of the transaction or of the savepoint that wrote) drops.
    return any(callback is bump for _, callback, _ in connection.run_on_commit)


def uncommitted_writes() -> bool:
    """Whether this thread's open transaction wrote to the dataset.

    What it reads then may never be committed: it is neither cached nor read
    from the cache (which cannot know of these writes yet).
    """
    return any(_bump_pending(connection) for connection in connections.all(initialized_only=True))


def dataset_changed(using="default") -> None:
    """Call after a write to the dataset that bypasses Django's cursor (which is
    watched: `track_dataset_writes`).

    In a transaction, the counter moves once, when it commits; outside one,
    at once. Whether or not this process caches responses: others may.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        if not _bump_pending(connection):
            transaction.on_commit(bump, using=using, robust=True)
    else:
        bump()


def dataset_models():
    """The models of the dataset whose rows pages show (not their history)."""
    for app_label in dataset_apps():
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            if not issubclass(model, HistoricalChanges):
                yield model


@functools.cache
def dataset_tables() -> tuple[str, ...]:
    return tuple(sorted({model._meta.db_table for model in dataset_models()}))


# The first word of a statement that may change rows.
WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE", "MERGE", "COPY")


def writes_dataset(sql: str) -> bool:
    """Whether a statement may change rows of a dataset table (a read never does).

    A table is found by its name in the statement; a write to another table
    whose name contains it moves the counter too, which costs a cache miss,
    never a stale page.
    """
    head = sql.lstrip()[:8].upper()
    if head.startswith("WITH"):
        upper = sql.upper()
        if not any(verb in upper for verb in WRITE_VERBS[:3]):
            return False
    elif not head.startswith(WRITE_VERBS):
        return False
    return any(table in sql for table in dataset_tables())


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if writes_dataset(sql):
        dataset_changed(context["connection"].alias)
    return result


def _on_connection_created(sender, connection, **kwargs):
    if _watch_writes not in connection.execute_wrappers:
        # First, under any wrapper of `connection.execute_wrapper()`, which a
        # connection made inside its block must not pop in place of its own.
        connection.execute_wrappers.insert(0, _watch_writes)


def track_dataset_writes():
    """Watch every statement Django sends that writes to a dataset table.

    Wrapping the connections' statements rather than listening to model
    signals sees every write made through Django: save() and delete(), links,
    QuerySet.update(), bulk_create(), loaddata, imports, and raw SQL through
    `connection.cursor()`; and it leaves Django's fast delete on. Migrations
    move the counter too. What bypasses Django's cursor (psycopg's COPY, SQL in
    a console) must call `dataset_changed()` or wait for the cache's timeout.
    """
    connection_created.connect(_on_connection_created, dispatch_uid="response-cache-watch")
    for connection in connections.all(initialized_only=True):
        _on_connection_created(None, connection)
    post_migrate.connect(_migrated, dispatch_uid="response-cache-migrate")


def _migrated(sender, using="default", **kwargs):
    if sender.label in dataset_apps():
        dataset_changed(using)
