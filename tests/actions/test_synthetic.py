"""Synthetic data: realistic, deterministic, valid, and removable without touching real data."""

from collections import Counter

import pytest
from django.core.management import call_command

from actions.choices import DatePrecision
from actions.kinds import KINDS
from actions.models import KIND_MODELS, Action, Citation, Episode, Source
from actions.synthetic import EPISODE_SLUG, SYNTHETIC_UIDS, synthetic_generate
from diplomacy.models import Envoy, Mission

pytestmark = pytest.mark.django_db


def _snapshot():
    """The synthetic actions without ids and timestamps, which differ between runs."""
    fields = [
        "kind", "actor", "target", "date", "date_precision", "announced_on", "summary",
        "notes", "cameo_code", "persons_count", "grounds", "leave_by", "departed_on",
        "domain", "resumed_on", "accusation", "released_on", "statement_type", "uid",
        "in_response_to__uid",
    ]
    return list(Action.objects.filter(**SYNTHETIC_UIDS).order_by("uid").values_list(*fields))


def test_generates_every_kind_with_envoys_citations_chains_and_precisions():
    counts = synthetic_generate(actions=1000, seed=1)
    actions = Action.objects.filter(**SYNTHETIC_UIDS)
    assert counts["actions"] == actions.count() == 1000
    assert set(actions.values_list("kind", flat=True)) == set(KINDS)
    assert set(actions.values_list("date_precision", flat=True)) == set(DatePrecision)
    assert actions.exclude(in_response_to=None).count() > 100
    assert Citation.objects.filter(action__in=actions).count() == counts["citations"] >= 1000
    assert Action.envoys.through.objects.filter(action__in=actions).count() > 100
    assert not actions.exclude(episode__slug=EPISODE_SLUG).exists()
    # Each incident has its own reports; all of them synthetic.
    sources = Source.objects.filter(**SYNTHETIC_UIDS)
    assert sources.count() == counts["sources"] > 300
    assert not Citation.objects.filter(action__in=actions).exclude(source__in=sources).exists()
    assert {p.split()[0] for p in sources.values_list("publisher", flat=True)} == {"Synthetic"}
    # Weighted like real diplomacy: the great powers act far more than the long tail.
    actors = Counter(actions.values_list("actor", flat=True))
    assert actors.most_common(1)[0][0] in {"US", "RU", "SU", "GB"}


def test_every_record_meets_the_models_own_validation():
    synthetic_generate(actions=300, seed=4)
    for action in Action.objects.filter(**SYNTHETIC_UIDS).select_related("in_response_to"):
        action.__class__ = KIND_MODELS[action.kind]  # the kind's own rules, as its resource
        action.full_clean()
    for envoy in Envoy.objects.filter(**SYNTHETIC_UIDS).select_related("mission"):
        envoy.full_clean()
    for model in KIND_MODELS.values():
        if model.HAS_ENVOYS:
            for action in model.objects.filter(**SYNTHETIC_UIDS).prefetch_related("envoys"):
                side = action.actor_id if model.kind_spec.envoys == "actor" else action.target_id
                assert all(e.sending_state_id == side for e in action.envoys.all())
                assert action.persons_count is None or (
                    len(action.envoys.all()) <= action.persons_count
                )


def test_the_same_seed_gives_the_same_data():
    synthetic_generate(actions=500, seed=7)
    first = _snapshot()
    synthetic_generate(actions=500, seed=7)  # replaces the earlier set
    assert _snapshot() == first
    synthetic_generate(actions=500, seed=8)
    assert _snapshot() != first


def test_remove_deletes_synthetic_records_only():
    real = {model: model.objects.count() for model in (Action, Citation, Envoy, Mission, Source)}
    call_command("generate_synthetic", "--actions", "200", "--seed", "3", verbosity=0)
    assert Action.objects.count() == real[Action] + 200
    call_command("generate_synthetic", "--remove", verbosity=0)
    assert {model: model.objects.count() for model in real} == real
    assert not Episode.objects.filter(slug=EPISODE_SLUG).exists()


def test_remove_refuses_when_real_data_refers_to_synthetic_records():
    from django.core.management.base import CommandError

    synthetic_generate(actions=50, seed=1)
    real = Action.objects.exclude(**SYNTHETIC_UIDS).first()
    real.in_response_to = Action.objects.filter(**SYNTHETIC_UIDS).order_by("date").first()
    real.save()
    with pytest.raises(CommandError, match="refer to synthetic"):
        call_command("generate_synthetic", "--remove", verbosity=0)


def test_synthetic_records_have_history_that_goes_with_them():
    from django.utils import timezone

    from actions.synthetic import synthetic_remove
    from diplomacy.as_of.reading import reading_as_of

    synthetic_generate(actions=300, seed=3)
    actions = Action.objects.filter(**SYNTHETIC_UIDS)
    assert Action.history.filter(**SYNTHETIC_UIDS, history_type="+").count() == actions.count()
    for model in (Citation, Source, Envoy, Mission, Episode):
        assert model.history.filter(**SYNTHETIC_UIDS).count() == (
            model.objects.filter(**SYNTHETIC_UIDS).count()
        )
    links = Action.envoys.through.objects.filter(action__in=actions)
    live = sorted(links.values_list("action_id", "envoy_id"))
    with reading_as_of(timezone.now()):
        assert sorted(
            Action.envoys.through.objects.filter(action__in=actions).values_list(
                "action_id", "envoy_id"
            )
        ) == live
        assert Action.objects.filter(**SYNTHETIC_UIDS).count() == 300
    synthetic_remove()
    assert not Action.history.filter(**SYNTHETIC_UIDS).exists()
    with reading_as_of(timezone.now()):
        assert not Action.objects.filter(**SYNTHETIC_UIDS).exists()
