"""Arrests and detentions of envoys."""

import datetime

from actions.api import examples
from actions.kinds.base import EnvoySide, Kind, register

ACCUSATIONS = [
    "espionage", "collecting classified information", "contacts with opposition groups",
    "attempting to recruit officials", "illegal possession of weapons", "money laundering",
]


def synthesize(draft):
    rng = draft.rng
    accusation = draft.fields["accusation"] = rng.choice(ACCUSATIONS)
    if rng.random() < 0.5:
        draft.fields["released_on"] = draft.date + datetime.timedelta(days=rng.randint(1, 400))
    if rng.random() < 0.7:
        draft.add_envoys(1)
    draft.fields["summary"] = (
        f"{draft.actor_name} detained a member of the mission of {draft.target_name}, "
        f"accused of {accusation}."
    )


DETENTION = register(
    Kind(
        value="detention",
        label="Detention",
        model_name="Detention",
        slug="detentions",
        description="Arrests and detentions of envoys.",
        fields=("accusation", "released_on"),
        envoys=EnvoySide.TARGET,
        cameo_code="173",
        plover="COERCE",
        plover_mode="arrest",
        example=("Mali arrests a member of the French embassy", examples.DETENTION),
        synthetic_weights=(15, 10),
        synthesize=synthesize,
    )
)
