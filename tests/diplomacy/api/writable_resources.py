"""Every writable resource of the API, with a valid body for each write."""

from dataclasses import dataclass, field

from actions.models import (
    CooperationSuspension,
    Detention,
    DiplomaticStatement,
    Episode,
    PersonaNonGrataDeclaration,
    Source,
)
from diplomacy.models import Envoy, Mission, State


@dataclass(frozen=True)
class Resource:
    name: str
    model: type
    body: dict = field(repr=False)
    change: dict = field(repr=False)
    lookup: str = "id"

    @property
    def list_url(self):
        return f"/api/v1/{self.name}/"

    def detail_url(self, representation):
        return f"{self.list_url}{representation[self.lookup]}/"

    def rows(self):
        """Every row of the resource's table, as stored."""
        table = self.model._meta.concrete_model
        return sorted(table._base_manager.values(), key=lambda row: str(row[table._meta.pk.name]))


ACTION = {"actor": "ML", "target": "FR", "date": "2025-10-01", "summary": "A test action."}

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
    Resource(
        "persona-non-grata-declarations",
        PersonaNonGrataDeclaration,
        {**ACTION, "persons_count": 1, "grounds": "espionage"},
        {"persons_count": 2},
    ),
    Resource(
        "cooperation-suspensions",
        CooperationSuspension,
        {**ACTION, "domain": "military"},
        {"resumed_on": "2025-12-01"},
    ),
    Resource("detentions", Detention, dict(ACTION), {"accusation": "Espionage."}),
    Resource(
        "diplomatic-statements",
        DiplomaticStatement,
        {**ACTION, "statement_type": "denunciation"},
        {"notes": "Reported by AFP."},
    ),
]
