from collections.abc import Mapping

import pytest

from actions.kinds import KINDS as REGISTRY
from actions.kinds import EnvoySide


class _RussianEmbassyInBerlin:
    """Stands for the id of a mission of the target (Russia) in the actor's country
    (Germany), made on first use: a mission closure needs one."""

    @staticmethod
    def resolve():
        from tests.factories import MissionFactory  # it reads this module's kinds

        return MissionFactory()


MISSION = _RussianEmbassyInBerlin()


class _Resolved(Mapping):
    """A dict whose placeholders (MISSION) become records when read, in a test."""

    def __init__(self, data, *, as_id):
        self.data, self.as_id = data, as_id

    def __getitem__(self, key):
        value = self.data[key]
        if value is MISSION:
            mission = MISSION.resolve()
            return mission.pk if self.as_id else mission
        return value

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


# Per kind: a minimal valid set of its own fields (every registered kind needs one:
# see docs/development/adding-a-kind.md).
OWN_FIELDS = {
    "persona_non_grata": {"persons_count": 2, "grounds": "espionage"},
    "cooperation_suspension": {"domain": "intelligence"},
    "detention": {"accusation": "Espionage."},
    "statement": {"statement_type": "denunciation"},
    "recall": {"returned_on": "2030-06-01"},
    "rupture": {"restored_on": "2030-01-10"},
    "mission_closure": {"mission": MISSION},
}
# Per resource: the kind it writes and a minimal valid payload of its own fields.
# (tests/actions/api/test_kinds.py checks that every registered kind is here.)
KINDS = {
    REGISTRY[value].slug: (value, _Resolved(fields, as_id=True))
    for value, fields in OWN_FIELDS.items()
}
KIND_RESOURCES = list(KINDS)
# Per kind: the model fields a valid action of that kind needs (for ORM-level tests).
MODEL_KIND_FIELDS = {
    "persona_non_grata": {"persons_count": 1, "grounds": "espionage"},
    "cooperation_suspension": {"domain": "military"},
    "detention": {},
    "statement": {"statement_type": "denunciation"},
    "recall": {},
    "rupture": {},
    "mission_closure": _Resolved({"mission": MISSION}, as_id=False),
}
# The resources whose envoys are the target's (the tests' Russian envoys).
ENVOY_RESOURCES = [kind.slug for kind in REGISTRY.values() if kind.envoys == EnvoySide.TARGET]


def action_payload(resource, **overrides):
    """A valid action of Germany towards Russia: no seed action involves either."""
    payload = {
        "actor": "DE",
        "target": "RU",
        "date": "2024-03-05",
        "date_precision": "day",
        "summary": "A test action.",
        **dict(KINDS[resource][1]),
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def russian_envoys(db):
    from tests.factories import EnvoyFactory

    return EnvoyFactory.create_batch(3)


@pytest.fixture
def german_envoy(db):
    from tests.factories import EnvoyFactory

    return EnvoyFactory(description="German embassy staff", sending_state_id="DE")
