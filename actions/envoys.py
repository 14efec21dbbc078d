"""Rules on the envoys of an action that span tables, so no CHECK constraint can hold them."""

from django.core.exceptions import ValidationError

from actions.kinds import EnvoySide

ENVOY_OF_ANOTHER_STATE = "envoy_of_another_state"
FEWER_PERSONS_THAN_ENVOYS = "fewer_persons_than_envoys"


def action_validate_envoys(*, kind_model, actor, target, envoys, persons_count) -> None:
    """Raise a ValidationError keyed by field if the envoys do not fit the action.

    The kind says whose envoys an action concerns: a recalled ambassador is the
    actor's own, an expelled or detained diplomat the target's.
    """
    kind = kind_model.kind_spec
    # The same envoy sent twice is one link, one person.
    envoys = list(dict.fromkeys(envoys))
    if envoys and not kind.has_envoys:
        raise ValidationError(
            {"envoys": ValidationError("This kind of action has no envoys.", code="no_envoys")}
        )
    side, state = ("actor", actor) if kind.envoys == EnvoySide.ACTOR else ("target", target)
    if state is not None:
        foreign = [envoy for envoy in envoys if envoy.sending_state_id != state.pk]
        if foreign:
            names = ", ".join(str(envoy) for envoy in foreign)
            raise ValidationError(
                {
                    "envoys": ValidationError(
                        f"Envoys must belong to the {side} state {state.pk}: {names}.",
                        code=ENVOY_OF_ANOTHER_STATE,
                    )
                }
            )
    if persons_count is not None and len(envoys) > persons_count:
        raise ValidationError(
            {
                "persons_count": ValidationError(
                    f"At least the number of linked envoys ({len(envoys)}).",
                    code=FEWER_PERSONS_THAN_ENVOYS,
                ),
            }
        )
