"""What a kind of action is, and the registry that holds every kind.

A kind is declared once, in a module of this package (see `__init__.py`), as a
`Kind`. Everything else is derived from the registry: the proxy model and its
database constraints (actions/models.py), the serializer, viewset and route
(actions/api/), the admin, the import-export resource, the CSV columns, the
benchmark's resources, the synthetic generator's draws and the tests'
parametrisation. docs/development/adding-a-kind.md is the checklist.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models


class EnvoySide(models.TextChoices):
    """Whose envoys an action of a kind concerns."""

    NONE = "none", "No envoys"
    # A recalled ambassador is the actor's own.
    ACTOR = "actor", "The actor's envoys"
    # An expelled or detained diplomat belongs to the target.
    TARGET = "target", "The target's envoys"


@dataclass(frozen=True)
class Kind:
    # Stored in Action.kind; also the value of `kind` in the API.
    value: str
    # "Persona non grata declaration": the kind's name in the admin and the docs.
    label: str
    # Class name of the proxy model, e.g. "PersonaNonGrataDeclaration".
    model_name: str
    # The resource's path under /api/v1/, plural kebab-case.
    slug: str
    # One sentence on what the resource holds (the viewset's docstring, the docs).
    description: str
    # The Action columns that belong to this kind (other kinds leave them empty).
    fields: tuple[str, ...] = ()
    # Those of `fields` an action of this kind must have: field -> error message.
    required: dict[str, str] = field(default_factory=dict)
    # Values a required field takes when a client or an editor leaves it empty
    # (the schema states them; such a field is optional in the API).
    defaults: dict[str, str] = field(default_factory=dict)
    envoys: EnvoySide = EnvoySide.NONE
    # Default event codes; `codes_by` refines them by the value of a field, e.g.
    # ("domain", {"military": ("1622", None, None)}): (CAMEO, PLOVER, PLOVER mode),
    # None keeping the kind's default.
    cameo_code: str = ""
    plover: str = ""
    plover_mode: str = ""
    codes_by: tuple[str, dict[str, tuple[str | None, str | None, str | None]]] | None = None
    # (title, the record as the API returns it) for the schema's examples.
    example: tuple[str, dict] | None = None
    # Synthetic data: relative weight as the first act of an incident and as an
    # answer, and a function filling a draft (actions/synthetic.py, `Draft`).
    synthetic_weights: tuple[int, int] = (0, 0)
    synthesize: Callable | None = None

    @property
    def verbose_name(self) -> str:
        return self.label[0].lower() + self.label[1:]

    @property
    def verbose_name_plural(self) -> str:
        return f"{self.verbose_name}s"

    @property
    def has_envoys(self) -> bool:
        return self.envoys != EnvoySide.NONE

    def default_codes(self, values: dict) -> tuple[str, str, str]:
        """(CAMEO, PLOVER, PLOVER mode) of an action of this kind with these field values."""
        codes = (self.cameo_code, self.plover, self.plover_mode)
        if self.codes_by is not None:
            name, by_value = self.codes_by
            refined = by_value.get(values.get(name) or "")
            if refined is not None:
                codes = tuple(
                    default if value is None else value
                    for default, value in zip(codes, refined, strict=True)
                )
        return codes


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.value in KINDS:
        raise ValueError(f"Kind {kind.value!r} is declared twice.")
    KINDS[kind.value] = kind
    return kind


def kind_choices() -> list[tuple[str, str]]:
    """The choices of Action.kind: every registered kind (a callable, so that a kind
    registered later, as the tests' throwaway kind, is a valid choice too)."""
    return [(kind.value, kind.label) for kind in KINDS.values()]
