"""Ruptures of diplomatic relations."""

import datetime

from actions.api import examples
from actions.kinds.base import Kind, register


def synthesize(draft):
    if draft.rng.random() < 0.3:
        draft.fields["restored_on"] = draft.date + datetime.timedelta(
            days=draft.rng.randint(90, 3000)
        )
    draft.fields["summary"] = (
        f"{draft.actor_name} broke off diplomatic relations with {draft.target_name}."
    )


RUPTURE = register(
    Kind(
        value="rupture",
        label="Rupture of diplomatic relations",
        model_name="Rupture",
        slug="ruptures",
        description="Ruptures (or suspensions) of diplomatic relations by one state with another.",
        fields=("restored_on",),
        cameo_code="161",
        plover="SANCTION",
        plover_mode="discontinue",
        example=("Algeria breaks off relations with Morocco", examples.RUPTURE),
        synthetic_weights=(3, 3),
        synthesize=synthesize,
    )
)
