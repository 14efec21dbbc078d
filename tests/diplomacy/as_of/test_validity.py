"""history_valid_until: kept by the database for every way history is written."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actions.models import Action, Source
from diplomacy.as_of.reading import reading_as_of
from diplomacy.as_of.validity import (
    DELETE_TRIGGER,
    INSERT_TRIGGER,
    _existing_triggers,
    tracked_tables,
    validity_install,
    validity_missing,
)
from diplomacy.audit_trail import DatasetHistory
from tests.factories import ActionFactory, EnvoyFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _chain(model, pk):
    """(history_type, history_date, history_valid_until) of a record's entries, in order."""
    return list(
        model.history.filter(**{model._meta.pk.attname: pk})
        .order_by("history_date", "history_id")
        .values_list("history_type", "history_date", "history_valid_until")
    )


def _assert_consistent(model, pk):
    chain = _chain(model, pk)
    dates = [date for _, date, _ in chain]
    assert [until for _, _, until in chain] == [*dates[1:], None]


def test_every_tracked_table_has_the_column_and_its_triggers():
    assert len(tracked_tables()) == len(DatasetHistory.trackers) >= 7
    assert validity_missing() == []
    for model in DatasetHistory.trackers:
        assert "history_valid_until" in {
            field.name for field in model.history.model._meta.fields
        }


def test_saves_and_deletion_through_simple_history():
    action = ActionFactory()
    action.summary = "Changed."
    action.save()
    pk = action.pk
    action.delete()
    chain = _chain(Action, pk)
    assert [kind for kind, _, _ in chain] == ["+", "~", "-"]
    _assert_consistent(Action, pk)


def test_bulk_create_with_history_then_a_change():
    sources = bulk_create_with_history(
        [Source(url=f"https://example.org/bulk/{n}", publisher="P", title="T") for n in range(3)],
        Source,
    )
    source = Source.objects.get(url=sources[0].url)
    assert _chain(Source, source.pk)[0][2] is None
    source.title = "Changed"
    source.save()
    _assert_consistent(Source, source.pk)


def test_an_entry_inserted_out_of_order_and_a_deleted_entry():
    source = SourceFactory()
    source.title = "Second"
    source.save()
    first, second = Source.history.filter(id=source.pk).order_by("history_date")
    # An entry made between the two (a load of old history).
    middle = first.history_date + (second.history_date - first.history_date) / 2
    Source.history.model.objects.create(
        **{f.attname: getattr(first, f.attname) for f in Source._meta.concrete_fields},
        history_date=middle, history_type="~", history_valid_until=None,
    )
    _assert_consistent(Source, source.pk)
    # An entry dated before all of them.
    Source.history.model.objects.create(
        **{f.attname: getattr(first, f.attname) for f in Source._meta.concrete_fields},
        history_date=first.history_date - datetime.timedelta(days=1), history_type="+",
    )
    _assert_consistent(Source, source.pk)
    # Deleting entries (simple-history's cleaning commands) mends the chain.
    Source.history.filter(id=source.pk, history_date=middle).delete()
    _assert_consistent(Source, source.pk)
    Source.history.filter(id=source.pk, history_date=second.history_date).delete()
    _assert_consistent(Source, source.pk)
    assert len(_chain(Source, source.pk)) == 2


def test_two_entries_of_one_instant_the_later_id_wins():
    source = SourceFactory()
    entry = Source.history.get(id=source.pk)
    twin = Source.history.model.objects.create(
        **{
            **{f.attname: getattr(entry, f.attname) for f in Source._meta.concrete_fields},
            "title": "Twin",
        },
        history_date=entry.history_date, history_type="~",
    )
    entry.refresh_from_db()
    assert entry.history_valid_until == entry.history_date  # current at no moment
    with reading_as_of(entry.history_date):
        assert Source.objects.get(pk=source.pk).title == twin.title


def test_the_backfill_gives_what_the_triggers_gave():
    action = ActionFactory()
    for n in range(3):
        action.summary = f"Change {n}."
        action.save()
    table = Action.history.model._meta.db_table
    before = _chain(Action, action.pk)
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET history_valid_until = NULL')
    validity_install(app_label="actions", backfill=True)
    assert _chain(Action, action.pk) == before
    _assert_consistent(Action, action.pk)


def test_a_table_that_lost_its_triggers_gets_them_back():
    table = Source.history.model._meta.db_table
    with connection.cursor() as cursor:
        for name in (INSERT_TRIGGER, DELETE_TRIGGER):
            on = f' ON "{table}"' if connection.vendor == "postgresql" else ""
            cursor.execute(f'DROP TRIGGER "{name.format(table=table)}"{on}')
    assert validity_missing() == [table]
    assert validity_install() == [table]  # what the post_migrate handler runs
    assert validity_missing() == []
    assert {INSERT_TRIGGER.format(table=table)} <= _existing_triggers(connection, table)


def test_envoy_links_follow_their_action():
    first, second = EnvoyFactory(), EnvoyFactory()
    action = ActionFactory(kind="persona_non_grata")
    action.envoys.set([first])
    before = timezone.now()
    action.envoys.set([second])
    with reading_as_of(before):
        assert list(Action.objects.get(pk=action.pk).envoys.values_list("pk", flat=True)) == [
            first.pk
        ]
    assert list(Action.objects.get(pk=action.pk).envoys.values_list("pk", flat=True)) == [
        second.pk
    ]
