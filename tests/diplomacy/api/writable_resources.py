"""Every writable resource of the API, declared once: its model, a valid body to create
one (`create`), a valid partial update (`change`) and the field it is looked up by.

`tests/api_case.py` gives each of them the shared API test case; the permission,
read-only-field and hostile-input tests run over the same list. A kind of action
is declared here from the kind registry, with the payload of
`tests/actions/conftest.py:action_payload`: adding a kind adds its resource.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from actions.kinds import KINDS
from actions.models import KIND_MODELS, Episode, Source
from diplomacy.models import Envoy, Mission, State
from tests.actions.conftest import action_payload


@dataclass(frozen=True)
class Resource:
    name: str
    model: type
    # A valid body, or a function making one (a mission closure needs a mission).
    create: dict | Callable[[], dict] = field(repr=False)
    change: dict = field(repr=False)
    lookup: str = "id"

    @property
    def body(self) -> dict:
        return self.create() if callable(self.create) else dict(self.create)

    @property
    def list_url(self):
        return f"/api/v1/{self.name}/"

    @property
    def missing(self) -> str:
        """A key that names no record."""
        return {"code": "QQ", "slug": "no-such-record"}.get(self.lookup, "999999999")

    def detail_url(self, representation):
        return f"{self.list_url}{representation[self.lookup]}/"

    def rows(self):
        """Every row of the resource's table, as stored."""
        table = self.model._meta.concrete_model
        return sorted(table._base_manager.values(), key=lambda row: str(row[table._meta.pk.name]))


RESOURCES = [
    Resource(
        "states",
        State,
        {"code": "ZZ", "alpha_3": "ZZZ", "name": "Testland"},
        {"official_name": "Republic of Testland"},
        lookup="code",
    ),
    Resource(
        "missions",
        Mission,
        {"sending_state": "DE", "receiving_state": "ML", "kind": "embassy", "city": "Bamako"},
        {"city": "Kati"},
    ),
    Resource(
        "envoys",
        Envoy,
        {"description": "An unnamed attaché", "sending_state": "FR"},
        {"title": "Attaché"},
    ),
    Resource(
        "episodes",
        Episode,
        {"slug": "test-episode", "title": "A test episode"},
        {"summary": "What happened."},
        lookup="slug",
    ),
    Resource("sources", Source, {"publisher": "Reuters", "title": "A report"}, {"language": "en"}),
    *(
        Resource(
            kind.slug,
            KIND_MODELS[value],
            partial(action_payload, kind.slug),
            {"notes": "Reported by AFP."},
        )
        for value, kind in KINDS.items()
    ),
]
