"""Recalls of a head of mission: a state calls its own envoy home."""

import datetime

from actions.api import examples
from actions.kinds.base import EnvoySide, Kind, register


def synthesize(draft):
    rng = draft.rng
    if rng.random() < 0.4:
        draft.fields["returned_on"] = draft.date + datetime.timedelta(days=rng.randint(7, 400))
    if rng.random() < 0.5:
        draft.add_envoys(1)
    draft.fields["summary"] = (
        f"{draft.actor_name} recalled its ambassador from {draft.target_name} for consultations."
    )


RECALL = register(
    Kind(
        value="recall",
        label="Recall of a head of mission",
        model_name="Recall",
        slug="recalls",
        description="Recalls of a state's own ambassador (or chargé d'affaires) from "
        "another state, for consultations or for good.",
        fields=("returned_on",),
        # The recalled envoy is the actor's own.
        envoys=EnvoySide.ACTOR,
        # CAMEO files recalls with expulsions under 161; PLOVER tells them apart.
        cameo_code="161",
        plover="SANCTION",
        plover_mode="withdraw",
        example=("Algeria recalls its ambassador from Morocco", examples.RECALL),
        synthetic_weights=(8, 10),
        synthesize=synthesize,
    )
)
