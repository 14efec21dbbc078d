"""datapackage.json: the Frictionless Data Package descriptor and its Table Schemas.

Every column's type, title and description, its enum, whether it is required
or unique, come from its model field (help_text, choices, null and blank,
unique), the keys from the package's tables (actions/package/tables.py).
Data Package v1 and Table Schema v1: https://specs.frictionlessdata.io/
"""

import datetime

from django.conf import settings
from django.db import models

from actions.kinds import KINDS
from actions.package.tables import Column, Table

PROFILE = "tabular-data-package"
# Each table's CSV, as the writer writes it (RFC 4180, UTF-8, header row).
CSV_DIALECT = {"delimiter": ",", "doubleQuote": True, "lineTerminator": "\r\n", "header": True}
# An empty cell is a missing value (null): the API's null and an empty text alike.
MISSING_VALUES = [""]


def column_type(column: Column, keys: dict[str, Column]) -> tuple[str, str | None]:
    """(Table Schema type, format) of a column: a foreign key's, that of the key it holds."""
    if column.references:
        return field_type(keys[column.references].field)
    return field_type(column.field)


def field_type(model_field: models.Field) -> tuple[str, str | None]:
    """(Table Schema type, format) of a model field's values."""
    if isinstance(model_field, models.BooleanField):
        return "boolean", None
    if isinstance(model_field, (models.AutoField, models.IntegerField)):
        return "integer", None
    if isinstance(model_field, (models.DecimalField, models.FloatField)):
        return "number", None
    # A DateTimeField is a DateField: the more specific first.
    if isinstance(model_field, models.DateTimeField):
        return "datetime", None
    if isinstance(model_field, models.DateField):
        return "date", None
    if isinstance(model_field, models.UUIDField):
        return "string", "uuid"
    if isinstance(model_field, models.URLField):
        return "string", "uri"
    if isinstance(model_field, (models.CharField, models.TextField)):
        return "string", None
    raise TypeError(f"No Table Schema type for {model_field!r}.")


def column_description(column: Column, keys: dict[str, Column]) -> str:
    model_field = column.field
    description = str(model_field.help_text or "").strip()
    if column.references:
        key = keys[column.references].name
        reference = f"The {key} of a record of {column.references}.csv."
        description = f"{description} {reference}" if description else reference
    if not description:
        raise ValueError(f"{model_field.model.__name__}.{model_field.name} has no help_text.")
    return description


def column_enum(column: Column) -> list[str] | None:
    if column.references or not column.field.choices:
        return None
    return [str(value) for value, _ in column.field.flatchoices]


def column_is_required(column: Column) -> bool:
    model_field = column.field
    if model_field.null:
        return False
    # A text the editors may leave blank is written as an empty cell: missing.
    return not (model_field.blank and isinstance(model_field, (models.CharField, models.TextField)))


def table_schema(table: Table, keys: dict[str, Column]) -> dict:
    """The Table Schema of a table; `keys` holds the key column of each table."""
    fields = []
    for column in table.columns:
        type_, format_ = column_type(column, keys)
        descriptor = {
            "name": column.name,
            "type": type_,
        }
        if format_:
            descriptor["format"] = format_
        descriptor["title"] = _title(column)
        descriptor["description"] = column_description(column, keys)
        constraints = {}
        if column_is_required(column) or column.name in table.primary_key:
            constraints["required"] = True
        if column.field.unique:
            constraints["unique"] = True
        enum = column_enum(column)
        if enum:
            constraints["enum"] = enum
        if constraints:
            descriptor["constraints"] = constraints
        fields.append(descriptor)
    foreign_keys = [
        {
            "fields": column.name,
            # "" is the table itself (an action answering another).
            "reference": {
                "resource": "" if column.references == table.name else column.references,
                "fields": keys[column.references].name,
            },
        }
        for column in table.columns
        if column.references
    ]
    schema = {
        "fields": fields,
        "missingValues": MISSING_VALUES,
        "primaryKey": list(table.primary_key)
        if len(table.primary_key) > 1
        else table.primary_key[0],
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def _title(column: Column) -> str:
    name = str(column.field.verbose_name)
    if name == "id":
        return "ID"
    return name[0].upper() + name[1:]


def license_descriptor() -> dict:
    """The licence of the data (settings.DATA_PACKAGE_LICENSE)."""
    return dict(settings.DATA_PACKAGE_LICENSE)


def package_descriptor(
    tables, *, name: str, created: datetime.datetime, notes: str, files: dict[str, dict]
) -> dict:
    """The descriptor of the package; `files` holds each table's bytes and hash."""
    keys = {table.name: table.key_column for table in tables}
    description = (
        "Diplomatic actions between states (declarations of persona non grata, "
        "suspensions of cooperation, detentions of envoys, recalls, ruptures, mission "
        "closures, statements), each dated with its precision, cited to its sources "
        f"and linked to the action it answers. Kinds of action: {', '.join(KINDS)}. "
        "README.md is the codebook."
    )
    if notes:
        description = f"{description}\n\nRelease notes: {notes}"
    return {
        "profile": PROFILE,
        "name": settings.DATA_PACKAGE_NAME,
        "title": settings.DATA_PACKAGE_TITLE,
        "version": name,
        "created": created_text(created),
        "description": description,
        "licenses": [license_descriptor()],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": table.path,
                "title": table.title,
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": files[table.name]["bytes"],
                "hash": f"sha256:{files[table.name]['sha256']}",
                "dialect": CSV_DIALECT,
                "schema": table_schema(table, keys),
            }
            for table in tables
        ],
    }


def created_text(created: datetime.datetime) -> str:
    """`created` in UTC, as RFC 3339 (the Data Package's `created`)."""
    if created.tzinfo is None:
        raise ValueError("`created` must be an aware datetime.")
    return created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
