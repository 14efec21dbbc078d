"""README.md of the data package: the codebook, written from the same declarations
as datapackage.json (the models' help_text and choices, the kinds' registry),
plus the conventions of the dataset that no single column states."""

from actions.kinds import KINDS
from actions.package.tables import Column, Table

CONVENTIONS = """\
## Conventions

- **Missing values** are empty cells. A text the editors left blank is an
  empty cell too: there is no difference between an empty text and a null.
- **Dates** are ISO 8601 (`2025-09-17`); **datetimes** are UTC, ISO 8601 with
  `Z` (`2025-09-17T10:00:00Z`, with microseconds when not zero).
- **Imprecise dates.** `date_precision` says how much of an action's date is
  known: `day`, `month`, `year`, or `range`. A date known only to the month or
  the year is stored as the first day of its period (`2025-09` is
  `2025-09-01`, precision `month`); `date_not_before` is that first day and
  `date_not_after` the last (`2025-09-30`). A date known only to lie between
  two days has precision `range`: `date` and `date_not_before` are the
  earliest possible day, `date_not_after` the latest. An action counts at its
  earliest possible day (`date`) everywhere in the API: ordering, filters,
  timelines, statistics. Use the bounds for the whole span; never read the
  first day of a month or a year as the day the action was taken.
- **Kinds.** `actions.csv` holds every kind of action. The columns of a kind
  (listed below under "Only for") are empty on the actions of the other kinds.
- **Responses.** `in_response_to` is the id of the earlier action (of any
  kind) an action answers; chains of answers make an episode.
- **Event codes.** `cameo_code` is a CAMEO event code (text: keep its leading
  digits as they are); `plover` and `plover_mode` are the PLOVER event type
  and mode, which tell apart what CAMEO files under one code (an expulsion, a
  recall and a rupture are all CAMEO 161).
- **Citations.** Every action is cited to at least one source:
  `citations.csv` links actions to `sources.csv`, with what the page states
  (`supports`, in the editors' own words) and whom it attributes it to.
  `quote` holds verbatim passages only of documents the project holds itself.
- **Conflicting reports** are never silently resolved: both citations are
  kept and the action's `notes` say which reports disagree.
- **Keys.** A state is keyed by its code (ISO 3166-1 alpha-2; ISO 3166-3
  alpha-4 where a historic state's alpha-2 code is ambiguous), an episode by
  its slug, every other record by its `id`, the identifier the API shows. The
  `uid` of a record is its identifier in every copy of the dataset.
"""

LOADING = """\
## Loading

`datapackage.json` declares every column's type: a Frictionless reader
(Python `frictionless`, R `frictionless`) reads the tables with their types.
With a plain CSV reader, read the key and code columns as text (`code`,
`numeric`, `cameo_code`, and every column of type string) and the date
columns as dates.
"""


def codebook(descriptor: dict, tables: tuple[Table, ...], rows: dict[str, int]) -> str:
    licence = descriptor["licenses"][0]
    lines = [
        f"# {descriptor['title']}, release {descriptor['version']}",
        "",
        f"Data package `{descriptor['name']}`, version `{descriptor['version']}`, "
        f"created {descriptor['created']}.",
        "",
        descriptor["description"],
        "",
        f"Licence: {licence.get('title') or licence['name']}"
        + (f" ({licence['path']})" if licence.get("path") else "")
        + ".",
        "",
        "## Files",
        "",
        "| file | rows | what it holds |",
        "|---|---:|---|",
        *(
            f"| `{table.path}` | {rows[table.name]} | {_cell(table.description)} |"
            for table in tables
        ),
        "| `datapackage.json` | | the Frictionless Data Package descriptor: every "
        "table's columns, types, keys |",
        "| `README.md` | | this codebook |",
        "",
        CONVENTIONS,
        LOADING,
    ]
    schemas = {resource["name"]: resource["schema"] for resource in descriptor["resources"]}
    for table in tables:
        lines.extend(_table_section(table, schemas[table.name], rows[table.name]))
    return "\n".join(lines).rstrip() + "\n"


def _table_section(table: Table, schema: dict, rows: int) -> list[str]:
    primary_key = schema["primaryKey"]
    key = ", ".join(f"`{name}`" for name in (primary_key if isinstance(primary_key, list)
                                             else [primary_key]))
    lines = [
        f"## {table.path}: {table.title.lower()}",
        "",
        table.description,
        "",
        f"{rows} rows, one per {key}, in that order. Primary key: {key}.",
        "",
    ]
    for foreign_key in schema.get("foreignKeys", []):
        resource = foreign_key["reference"]["resource"] or table.name
        lines.append(
            f"- `{foreign_key['fields']}` refers to `{foreign_key['reference']['fields']}` "
            f"of `data/{resource}.csv`."
        )
    if schema.get("foreignKeys"):
        lines.append("")
    kinds = _kinds_of_columns()
    with_kinds = any(column.name in kinds for column in table.columns) and table.name == "actions"
    header = "| column | type | required | description | values |"
    rule = "|---|---|---|---|---|"
    if with_kinds:
        header += " only for |"
        rule += "---|"
    lines.extend([header, rule])
    fields = {field["name"]: field for field in schema["fields"]}
    for column in table.columns:
        field = fields[column.name]
        constraints = field.get("constraints", {})
        type_ = field["type"] + (f" ({field['format']})" if field.get("format") else "")
        required = "yes" if constraints.get("required") else ""
        if constraints.get("unique"):
            required = f"{required}, unique" if required else "unique"
        cells = [
            f"`{column.name}`",
            type_,
            required,
            _cell(field["description"]),
            _cell(_values(column)),
        ]
        if with_kinds:
            cells.append(", ".join(f"`{kind}`" for kind in kinds.get(column.name, [])))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _values(column: Column) -> str:
    if column.references or not column.field.choices:
        return ""
    return "; ".join(f"`{value}`: {label}" for value, label in column.field.flatchoices)


def _kinds_of_columns() -> dict[str, list[str]]:
    owners = {}
    for value, kind in KINDS.items():
        for name in (*kind.fields, *(("envoys",) if kind.has_envoys else ())):
            owners.setdefault(name, []).append(value)
    return owners


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
