"""The dataset's generation: a counter that every write to the dataset moves on.

Rendered API responses are cached under the generation they were read at
(diplomacy.api.response_cache), so a write makes every cached response
unreachable at once, without knowing which pages it touched. The counter
lives in the default cache, which every worker shares when REDIS_URL is set.

A write moves the counter twice: at once, so that a read inside the same
transaction (or a test's) never sees an older page, and again when its
transaction commits, so that a page read by another client between the two,
from data not yet committed, is never served after the commit. A response
is therefore at most as old as the read that started before the commit.
What a transaction reads after its own writes is never cached: it may be
rolled back (`uncommitted_writes`).

Writes that bypass model signals (bulk_create, QuerySet.update, COPY) call
`dataset_changed()` themselves; the cache's timeout bounds the age of any page that a
write outside Django (SQL in a console) left behind.

Written by hand: django-cacheops and cachalot cache querysets (the JSON
encoding, most of a page's cost, would still run on every request), and
Django's cache_page invalidates by timeout only.
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "dataset-generation"
# The apps whose models make up the dataset.
DATASET_APPS = ("diplomacy", "actions")


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
    for app_label in DATASET_APPS:
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
        # Never 0 again after a cache flush: a fresh counter starts where no
        # page can have been stored, as pages are kept under their generation.
        store.add(GENERATION_KEY, 1, timeout=None)
        value = store.get(GENERATION_KEY, 1)
    return int(value)


def bump() -> None:
    if not cache_seconds():
        return
    store = response_cache()
    try:
        store.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (a flushed or new cache)
        store.add(GENERATION_KEY, 2, timeout=None)


def _bump_pending(connection) -> bool:
    # The callbacks Django keeps for the open transaction are the ones a
    # rollback (of the transaction or of the savepoint that wrote) drops.
    return any(callback is bump for _, callback, _ in connection.run_on_commit)


def _bump_on_commit(using):
    if not _bump_pending(connections[using]):  # once per transaction
        transaction.on_commit(bump, using=using)


def uncommitted_writes() -> bool:
    """Whether this thread's open transaction wrote to the dataset.

    What it reads then may never be committed: it must not be cached.
    """
    return any(_bump_pending(connection) for connection in connections.all(initialized_only=True))


def dataset_changed(using="default") -> None:
    """Call after a write that sends no model signal (bulk or raw SQL)."""
    if not cache_seconds():
        return
    bump()
    if connections[using].in_atomic_block:
        _bump_on_commit(using)


def note_write(sender, instance=None, using=None, **kwargs):
    dataset_changed(using or router.db_for_write(sender, instance=instance))


def track_dataset_writes():
    """Connect `note_write` to every model of the dataset (history and links included)."""
    for app_label in DATASET_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            uid = f"response-cache-{model._meta.label_lower}"
            post_save.connect(note_write, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(note_write, sender=model, dispatch_uid=uid + "-delete")
            m2m_changed.connect(note_write, sender=model, dispatch_uid=uid + "-m2m")
