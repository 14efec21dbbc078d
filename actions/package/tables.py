"""The tables of the data package: one normalised CSV per resource, with its keys.

Each table is derived from its model's concrete fields, so a column added to
a model (a kind's new field) is in the package, its schema and its codebook
without a line here. A related record is written as its key in the package:
a state as its code, an episode as its slug, every other record as its id.
What is written here is only what a model cannot say: which models make the
package, in which order, and the columns left out.
"""

from dataclasses import dataclass

from django.db import models

from actions.models import Action, Citation, Episode, Source
from diplomacy.models import Envoy, Mission, State

# Bookkeeping, not data: the counter behind the API's ETags, and a state's
# time of last change (states are reloaded from ISO, not edited).
LEFT_OUT = {
    State: {"version", "updated_at"},
}
LEFT_OUT_EVERYWHERE = {"version"}
# The record's timestamps close every row, as in the API's CSV.
TIMESTAMPS = ("created_at", "updated_at")


@dataclass(frozen=True)
class Column:
    name: str
    # The model field the column holds (its type, description and choices).
    field: models.Field
    # What `.values_list()` reads: the field's own column (a foreign key's id).
    source: str
    # For a foreign key: the table it points to.
    references: str | None = None


@dataclass(frozen=True)
class Table:
    # Resource name in datapackage.json; the file is data/<name>.csv.
    name: str
    title: str
    description: str
    model: type[models.Model]
    columns: tuple[Column, ...]
    # The columns of the primary key; rows are written in its order.
    primary_key: tuple[str, ...]
    # Where the package keys a table by another column than the database does
    # (episodes by slug), the database's key: the foreign keys of other tables
    # that hold it are written as the package's key.
    database_key: str | None = None

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    @property
    def key_column(self) -> Column:
        """The column other tables' foreign keys refer to (of a one-column key)."""
        return next(column for column in self.columns if column.name == self.primary_key[0])

    @property
    def order_by(self) -> list[str]:
        sources = {column.name: column.source for column in self.columns}
        return [sources[name] for name in self.primary_key]

    @property
    def sources(self) -> list[str]:
        return [column.source for column in self.columns]


def _model_columns(model, table_of: dict) -> tuple[Column, ...]:
    left_out = LEFT_OUT_EVERYWHERE | LEFT_OUT.get(model, set())
    fields = [field for field in model._meta.concrete_fields if field.name not in left_out]
    # The key first, then the uid, the model's own fields, the timestamps last.
    first = [field for field in fields if field.primary_key or field.name == "uid"]
    last = [field for field in fields if field.name in TIMESTAMPS]
    middle = [field for field in fields if field not in first and field not in last]
    columns = []
    for model_field in [*first, *middle, *last]:
        references = None
        if model_field.many_to_one:
            references = table_of[model_field.related_model]
        columns.append(
            Column(
                name=model_field.name,
                field=model_field,
                source=model_field.attname,
                references=references,
            )
        )
    return tuple(columns)


def _link_columns(through) -> tuple[Column, ...]:
    action = through._meta.get_field("action")
    envoy = through._meta.get_field("envoy")
    return (
        Column("action", action, action.attname, references="actions"),
        Column("envoy", envoy, envoy.attname, references="envoys"),
    )


# Each model's table, in the order of the files: a table comes after those it refers to.
TABLE_NAMES = {
    State: "states",
    Episode: "episodes",
    Source: "sources",
    Mission: "missions",
    Envoy: "envoys",
    Action: "actions",
    Action.envoys.through: "action_envoys",
    Citation: "citations",
}

DESCRIPTIONS = {
    State: (
        "States",
        "ISO 3166-1 states and the historic states of ISO 3166-3, keyed by their code.",
    ),
    Episode: ("Episodes", "Diplomatic crises: the actions that belong together."),
    Source: ("Sources", "Published reports that actions are cited to."),
    Mission: ("Missions", "Diplomatic and consular posts of one state in another."),
    Envoy: ("Envoys", "Members of missions, named or not."),
    Action: (
        "Actions",
        "Diplomatic actions of one state towards another, one row per action, every "
        "kind together: the columns of a kind are empty on the actions of other kinds.",
    ),
    Action.envoys.through: (
        "Envoys of actions",
        "Which envoys each action concerns (the target's envoys declared persona non "
        "grata or detained, the actor's envoy recalled): one row per link.",
    ),
    Citation: (
        "Citations",
        "What a source says about an action: one row per action and source cited.",
    ),
}


def package_tables() -> tuple[Table, ...]:
    """The tables of the package, in the order of its files."""
    tables = []
    for model, name in TABLE_NAMES.items():
        title, description = DESCRIPTIONS[model]
        if model is Action.envoys.through:
            columns = _link_columns(model)
            primary_key = ("action", "envoy")
        else:
            columns = _model_columns(model, TABLE_NAMES)
            primary_key = ("slug",) if model is Episode else (model._meta.pk.name,)
        tables.append(
            Table(
                name=name,
                title=title,
                description=description,
                model=model,
                columns=columns,
                primary_key=primary_key,
                database_key="id" if model is Episode else None,
            )
        )
    return tuple(tables)
