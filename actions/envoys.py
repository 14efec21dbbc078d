"""Rules on the envoys of an action that span tables, so no CHECK constraint can hold them."""

from django.core.exceptions import ValidationError


def action_validate_envoys(*, kind_model, target, envoys, persons_count) -> None:
    """Raise a ValidationError keyed by field if the envoys do not fit the action."""
    # The same envoy sent twice is one link, one person.
    envoys = list(dict.fromkeys(envoys))
    if envoys and not kind_model.HAS_ENVOYS:
        raise ValidationError({"envoys": "This kind of action has no envoys."})
    if target is not None:
        foreign = [envoy for envoy in envoys if envoy.sending_state_id != target.pk]
        if foreign:
            names = ", ".join(str(envoy) for envoy in foreign)
            raise ValidationError(
                {"envoys": f"Envoys must belong to the target state {target.pk}: {names}."}
            )
    if persons_count is not None and len(envoys) > persons_count:
        raise ValidationError(
            {
                "persons_count": f"At least the number of linked envoys ({len(envoys)}).",
            }
        )
