"""Every kind of action, each declared once in a module of its own.

To add a kind, write its module beside these and name it in `KIND_MODULES`
(their order is the order of the kinds in the API root, the schema and the
docs): docs/development/adding-a-kind.md has the whole checklist.
"""

from importlib import import_module

from django.conf import settings
from django.db import models

from actions.kinds.base import KINDS, EnvoySide, Kind, kind_choices, register

KIND_MODULES = [
    "persona_non_grata",
    "cooperation_suspension",
    "detention",
    "statement",
    "recall",
    "rupture",
    "mission_closure",
]
# Each module registers its kind; a deployment (or a test) may name modules of
# its own in the setting ACTION_KIND_MODULES.
for _module in [
    *(f"{__name__}.{name}" for name in KIND_MODULES),
    *getattr(settings, "ACTION_KIND_MODULES", []),
]:
    import_module(_module)

# The kinds declared here as a vocabulary (the schema's ActionKindEnum).
ActionKind = models.TextChoices(
    "ActionKind", [(value.upper(), (value, kind.label)) for value, kind in KINDS.items()]
)

__all__ = ["KINDS", "ActionKind", "EnvoySide", "Kind", "kind_choices", "register"]
