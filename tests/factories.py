"""Test data: one factory per record of the dataset (factory-boy).

A test names only the fields it cares about; the factory fills in the rest with
valid values. The defaults stay clear of the seed episode (France–Mali): actions
are Germany's towards Russia, envoys are Russian, missions Russian in Germany,
so that a test can count or filter the seed without its own records getting in
the way.

    SourceFactory()                                 # saved
    SourceFactory.build_batch(600)                  # unsaved, for bulk_create
    ActionFactory(kind="persona_non_grata")         # with that kind's own fields
    CitationFactory(action=action, quote="« … »")   # and a new source

API request bodies are not factories: `tests/actions/conftest.py:action_payload`
and the declarations of `tests/diplomacy/api/writable_resources.py` build them,
from the kind registry.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from actions.models import Action, Citation, Episode, Source
from diplomacy.models import Envoy, Mission
from tests.actions.conftest import MODEL_KIND_FIELDS


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    publisher = factory.Sequence(lambda n: f"Publisher {n:06}")
    title = "A report"


class EpisodeFactory(DjangoModelFactory):
    class Meta:
        model = Episode

    slug = factory.Sequence(lambda n: f"test-episode-{n}")
    title = factory.Sequence(lambda n: f"Test episode {n}")


class MissionFactory(DjangoModelFactory):
    """A Russian embassy in Germany, the kind of mission a German closure closes."""

    class Meta:
        model = Mission
        django_get_or_create = ("sending_state_id", "receiving_state_id", "kind", "city")

    sending_state_id = "RU"
    receiving_state_id = "DE"
    kind = "embassy"
    city = "Berlin"


class EnvoyFactory(DjangoModelFactory):
    class Meta:
        model = Envoy

    description = factory.Sequence(lambda n: f"Russian embassy staff {n}")
    sending_state_id = "RU"


class ActionFactory(DjangoModelFactory):
    """An action of Germany towards Russia; `kind` brings that kind's required fields
    (tests/actions/conftest.py:MODEL_KIND_FIELDS), which keyword arguments override."""

    class Meta:
        model = Action

    kind = "detention"
    actor_id = "DE"
    target_id = "RU"
    date = datetime.date(2024, 3, 5)
    summary = factory.Sequence(lambda n: f"A test action {n}.")

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return {**dict(MODEL_KIND_FIELDS[kwargs["kind"]]), **kwargs}


class CitationFactory(DjangoModelFactory):
    class Meta:
        model = Citation

    action = factory.SubFactory(ActionFactory)
    source = factory.SubFactory(SourceFactory)
