"""The "Editors" group: exactly the permissions that entering the dataset in the admin needs."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS_GROUP = "Editors"

ALL = ("add", "change", "delete", "view")

# app label -> model name -> actions allowed. Editors pick states but never
# change them (the ISO list is loaded by `load_states`); the feed of every
# kind is read-only (each action is written through its kind), but editors
# must see it to pick the action an action responds to.
EDITOR_PERMISSIONS = {
    "diplomacy": {
        "state": ("view",),
        "mission": ALL,
        "envoy": ALL,
    },
    "actions": {
        "action": ("view",),
        "personanongratadeclaration": ALL,
        "cooperationsuspension": ALL,
        "detention": ALL,
        "diplomaticstatement": ALL,
        "episode": ALL,
        "source": ALL,
        "citation": ALL,
    },
}


def editor_permissions():
    condition = Q(pk__in=[])
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model, verbs in models.items():
            condition |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{verb}_{model}" for verb in verbs],
            )
    return Permission.objects.filter(condition)


def editors_group_sync() -> Group:
    """Create the group, or reset its permissions to exactly EDITOR_PERMISSIONS."""
    permissions = list(editor_permissions())
    expected = sum(
        len(verbs) for models in EDITOR_PERMISSIONS.values() for verbs in models.values()
    )
    if len(permissions) != expected:
        raise RuntimeError(
            f"Found {len(permissions)} of the {expected} editor permissions: run migrate first."
        )
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(permissions)
    return group
