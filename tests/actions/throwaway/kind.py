"""A kind declared by a test alone: nothing else in the code names it."""

from actions.kinds import EnvoySide, Kind, register

THROWAWAY = register(
    Kind(
        value="throwaway",
        label="Throwaway act",
        model_name="ThrowawayAct",
        slug="throwaway-acts",
        description="Acts that only the tests know, declared in one place.",
        fields=("released_on",),
        envoys=EnvoySide.ACTOR,
        cameo_code="10",
        plover="REQUEST",
        plover_mode="yield",
    )
)
