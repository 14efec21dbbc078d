import pytest

from diplomacy.models import Envoy, State

# Per resource: the kind it writes and a minimal valid payload of its own fields.
KINDS = {
    "persona-non-grata-declarations": (
        "persona_non_grata",
        {"persons_count": 2, "grounds": "espionage"},
    ),
    "cooperation-suspensions": ("cooperation_suspension", {"domain": "intelligence"}),
    "detentions": ("detention", {"accusation": "Espionage."}),
    "diplomatic-statements": ("statement", {"statement_type": "denunciation"}),
}
KIND_RESOURCES = list(KINDS)
# Per kind: the model fields a valid action of that kind needs (for ORM-level tests).
MODEL_KIND_FIELDS = {
    "persona_non_grata": {"persons_count": 1, "grounds": "espionage"},
    "cooperation_suspension": {"domain": "military"},
    "detention": {},
    "statement": {"statement_type": "denunciation"},
}
ENVOY_RESOURCES = ["persona-non-grata-declarations", "detentions"]


def action_payload(resource, **overrides):
    """A valid action of Germany towards Russia: no seed action involves either."""
    payload = {
        "actor": "DE",
        "target": "RU",
        "date": "2024-03-05",
        "date_precision": "day",
        "summary": "A test action.",
        **KINDS[resource][1],
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def russian_envoys():
    russia = State.objects.get(code="RU")
    return [
        Envoy.objects.create(description=f"Russian embassy staff {n}", sending_state=russia)
        for n in range(3)
    ]


@pytest.fixture
def german_envoy():
    return Envoy.objects.create(
        description="German embassy staff", sending_state=State.objects.get(code="DE")
    )
