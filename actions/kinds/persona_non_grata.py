"""Persona non grata declarations: the expulsion of a mission's members."""

import datetime

from actions.api import examples
from actions.choices import DatePrecision, Grounds
from actions.kinds.base import EnvoySide, Kind, register

PERSONS_WEIGHTS = {1: 45, 2: 20, 3: 10, 4: 6, 5: 6, 10: 5, 15: 3, 23: 2, 40: 2, 60: 1}
GROUNDS_WEIGHTS = {
    Grounds.ESPIONAGE: 35, Grounds.INCOMPATIBLE_ACTIVITIES: 30, Grounds.RECIPROCITY: 10,
    Grounds.INTERFERENCE: 10, Grounds.SECURITY: 5, Grounds.UNSPECIFIED: 10,
}


def synthesize(draft):
    rng = draft.rng
    persons = draft.fields["persons_count"] = draft.choice(PERSONS_WEIGHTS)
    grounds = draft.fields["grounds"] = (
        Grounds.RECIPROCITY if draft.previous and rng.random() < 0.6
        else draft.choice(GROUNDS_WEIGHTS)
    )
    if draft.precision == DatePrecision.DAY:
        leave_by = draft.day + datetime.timedelta(days=rng.choice([2, 3, 7, 7, 14]))
        draft.fields["leave_by"] = leave_by
        if rng.random() < 0.3:
            draft.fields["departed_on"] = leave_by - datetime.timedelta(days=rng.randint(0, 2))
    if rng.random() < 0.6:
        draft.add_envoys(min(persons, 3))
    draft.fields["summary"] = (
        f"{draft.actor_name} declared {persons} member(s) of the mission of "
        f"{draft.target_name} persona non grata ({grounds.label.lower()})."
    )


PERSONA_NON_GRATA = register(
    Kind(
        value="persona_non_grata",
        label="Persona non grata declaration",
        model_name="PersonaNonGrataDeclaration",
        slug="persona-non-grata-declarations",
        description="Declarations that diplomats are persona non grata (expulsions).",
        fields=("persons_count", "grounds", "leave_by", "departed_on"),
        required={
            "persons_count": "A persona non grata declaration concerns at least one person.",
            "grounds": "Give the grounds (unspecified if none are stated).",
        },
        defaults={"grounds": Grounds.UNSPECIFIED},
        envoys=EnvoySide.TARGET,
        # The CAMEO manual files the expulsion of diplomats under 161 (reduce or
        # break diplomatic relations), not under 166 or 174.
        cameo_code="161",
        plover="SANCTION",
        plover_mode="expel",
        example=(
            "France declares two Malian diplomats persona non grata",
            examples.PERSONA_NON_GRATA_DECLARATION,
        ),
        synthetic_weights=(40, 50),
        synthesize=synthesize,
    )
)
