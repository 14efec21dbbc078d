"""Closures of a mission: of the other state's on one's territory, or of one's own."""

import datetime

from actions.api import examples
from actions.kinds.base import Kind, register


def synthesize(draft):
    draft.fields["mission_id"] = draft.mission()
    if draft.rng.random() < 0.2:
        draft.fields["reopened_on"] = draft.date + datetime.timedelta(
            days=draft.rng.randint(90, 3000)
        )
    draft.fields["summary"] = f"{draft.actor_name} ordered a mission of {draft.target_name} closed."


MISSION_CLOSURE = register(
    Kind(
        value="mission_closure",
        label="Closure of a mission",
        model_name="MissionClosure",
        slug="mission-closures",
        description="Closures of a mission: a state orders a mission of the other "
        "state on its territory closed, or closes its own mission in the other state.",
        fields=("mission", "reopened_on"),
        required={"mission": "Give the mission closed."},
        cameo_code="161",
        plover="SANCTION",
        plover_mode="expel",
        example=(
            "Australia suspends its embassy in Tehran",
            examples.MISSION_CLOSURE,
        ),
        synthetic_weights=(3, 5),
        synthesize=synthesize,
    )
)
