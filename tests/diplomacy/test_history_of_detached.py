"""A deletion that detaches other records leaves a history row for each of them."""

import pytest

from tests.factories import ActionFactory, EnvoyFactory, EpisodeFactory

pytestmark = pytest.mark.django_db


def test_deleting_an_episode_records_its_actions_without_it(db):
    episode = EpisodeFactory()
    action = ActionFactory(episode=episode)
    other = ActionFactory()
    before = other.history.count()
    episode_pk = episode.pk

    episode.delete()

    action.refresh_from_db()
    assert action.episode is None
    latest = action.history.first()
    assert latest.episode_id is None
    assert latest.history_type == "~"
    assert latest.history_change_reason == f"episode {episode_pk} deleted"
    assert action.history.count() == 2
    assert other.history.count() == before  # an action the deletion left alone


def test_deleting_an_envoy_records_the_actions_it_is_unlinked_from(db):
    kept, deleted = EnvoyFactory(), EnvoyFactory()
    action = ActionFactory()
    action.envoys.set([kept, deleted])
    action.save()  # a history row with both links
    assert sorted(link.envoy_id for link in action.history.first().envoys.all()) == sorted(
        [kept.pk, deleted.pk]
    )

    deleted_pk = deleted.pk
    deleted.delete()

    latest = action.history.first()
    assert [link.envoy_id for link in latest.envoys.all()] == [kept.pk]
    assert latest.history_change_reason == f"envoy {deleted_pk} deleted"


def test_a_deletion_that_detaches_nothing_adds_no_history_row(db):
    episode = EpisodeFactory()
    action = ActionFactory()
    count = action.history.count()
    episode.delete()
    assert action.history.count() == count
