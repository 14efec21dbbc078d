import uuid

import pytest

from actions.models import Action

# The actions of the France–Mali 2025 fixture, by their stable identifiers.
SEED_ACTIONS = {
    "ml_detains": "d58abd5e-5d5a-590b-8820-6b9025fa652d",
    "ml_accuses": "50706777-a19f-5c04-88f9-a87e76e917f3",
    "fr_demands_release": "db42e55a-13c1-5266-8ab8-f1e175488b2c",
    "fr_expels": "194c07dd-56ca-5024-9884-c2f7d4b846dc",
    "fr_suspends": "3bb358ee-9b10-5af6-9259-ade6ca4e7504",
    "ml_expels": "98517bc0-c402-5a7b-a506-bdecbee2eeff",
    "ml_ends_cooperation": "14bbafe5-90f0-59ff-8bbf-6ec9af684215",
    "fr_warns": "75ef9fe5-19ee-5e45-aa80-5e719bd4914e",
}


@pytest.fixture
def seed_ids(db):
    """Seed action ids by name (ids differ between databases; uids do not)."""
    ids = dict(Action.objects.filter(uid__in=SEED_ACTIONS.values()).values_list("uid", "id"))
    return {name: ids[uuid.UUID(uid)] for name, uid in SEED_ACTIONS.items()}

