"""The cut of a release holds the writers' lock when it reads the clock.

Otherwise a write committing just after the cut, with history dated just
before it, would appear in the release after the fact.
"""

import sqlite3
import types

import pytest
from django.db import connection, transaction
from django.utils import timezone

from actions.models import Release
from actions.releases import release_cut
from diplomacy.as_of.writers_lock import dataset_tables, writers_lock


def _locked_by_us() -> set[str]:
    """PostgreSQL: the tables this session holds in SHARE mode."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE l.pid = pg_backend_pid() AND l.mode = 'ShareLock' AND l.granted"
        )
        return {name for (name,) in cursor.fetchall()}


def _another_writer_can_begin() -> bool:
    """SQLite: whether a second connection could take the write lock now."""
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return False
    else:
        other.execute("ROLLBACK")
        return True
    finally:
        other.close()


def _clock_spy(monkeypatch, seen: list):
    """Record, when the cut reads the clock, whether it holds the lock, in a transaction."""

    def now():
        locked = (
            _locked_by_us() >= set(dataset_tables())
            if connection.vendor == "postgresql"
            else not _another_writer_can_begin()
        )
        seen.append((connection.in_atomic_block, locked))
        return timezone.now()

    monkeypatch.setattr("actions.releases.timezone", types.SimpleNamespace(now=now))


def test_the_lock_covers_every_table_of_the_dataset_and_its_history():
    tables = dataset_tables()
    assert "actions_action" in tables and "actions_historicalaction" in tables
    assert "actions_action_envoys" in tables and "diplomacy_historicalstate" in tables


def test_the_lock_needs_a_transaction():
    with pytest.raises(RuntimeError, match="atomic"):
        writers_lock()


@pytest.mark.django_db(transaction=True)
def test_the_cut_reads_the_clock_holding_the_writers_lock(seed_data, monkeypatch):
    seen = []
    _clock_spy(monkeypatch, seen)
    release = release_cut(name="2026.1")
    assert seen == [(True, True)]
    assert Release.objects.get().cut_at == release.cut_at
    # Held for the instant of the clock, not while the release is counted.
    if connection.vendor == "sqlite":
        assert _another_writer_can_begin()
    else:
        assert not _locked_by_us()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's deferred transactions")
def test_sqlite_a_deferred_transaction_takes_the_write_lock():
    # With transaction_mode IMMEDIATE (settings) a transaction holds the lock
    # from its BEGIN; without, writers_lock() must take it.
    connection.ensure_connection()
    mode = connection.transaction_mode
    connection.transaction_mode = None
    try:
        with transaction.atomic():
            assert _another_writer_can_begin()
            writers_lock()
            assert not _another_writer_can_begin()
        assert _another_writer_can_begin()
    finally:
        connection.transaction_mode = mode
