"""Summaries, descriptions and examples of the operations of a resource, for the schema.

Field descriptions come from the models' help_text; this adds what only an
operation knows: what it does, who may call it, how a record is looked up.
"""

import inspect

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)

WRITE_ACCESS = (
    "Needs `Authorization: Token <key>` of a user holding the {permission} permission "
    "on {plural}; anonymous clients get 401, others 403."
)
INVALID = (
    "Bad input answers 400 with a list of errors under each field concerned "
    "(an unknown state code, a date before the action's, a broken invariant)."
)


def lookup_parameter(name, description, type_=OpenApiTypes.STR, pattern=None):
    return OpenApiParameter(
        name, type_, OpenApiParameter.PATH, description=description, pattern=pattern
    )


def request_example(value: dict) -> dict:
    """What a client sends to create the record shown in `value`: keys, not brief objects."""
    body = {}
    for name, field in value.items():
        if name in {"id", "kind", "created_at", "updated_at"}:
            continue
        if name == "citations":
            field = [request_example(citation) for citation in field]
        elif isinstance(field, list):
            field = [item["id"] for item in field]
        elif isinstance(field, dict):
            field = next(field[key] for key in ("code", "slug", "id") if key in field)
        body[name] = field
    return body


def resource_docs(
    *,
    singular: str,
    plural: str,
    about: str,
    lookup: OpenApiParameter | None = None,
    example: tuple[str, dict] | None = None,
    read_only: bool = False,
) -> dict:
    """extend_schema_view() arguments documenting the operations of one resource.

    `example` is a (title, value) pair: a record of the France–Mali episode as
    the API returns it; request examples are derived from it.
    """
    parameters = [lookup] if lookup else []
    responses, requests = [], []
    if example is not None:
        title, value = example
        responses = [OpenApiExample(title, value=value, response_only=True)]
        requests = [OpenApiExample(title, value=request_example(value), request_only=True)]
    docs = {
        "list": extend_schema(
            summary=f"List {plural}",
            description=f"{about}\n\nPaged with `limit` and `offset`.",
            examples=responses,
        ),
        "retrieve": extend_schema(
            summary=f"Get one {singular}",
            description=f"{about}\n\nAnswers 404 if there is none with this key.",
            parameters=parameters,
            examples=responses,
        ),
        "history": extend_schema(
            summary=f"History of a {singular}",
            parameters=parameters,
        ),
    }
    if read_only:
        return docs
    access = {
        verb: WRITE_ACCESS.format(permission=verb, plural=plural)
        for verb in ("add", "change", "delete")
    }
    if_match = "Send the record's ETag, as you read it, in `If-Match` (412 if it is stale)."
    docs.update(
        create=extend_schema(
            summary=f"Create a {singular}",
            description=f"{about}\n\n{access['add']} {INVALID}",
            examples=requests + responses,
        ),
        update=extend_schema(
            summary=f"Replace a {singular}",
            description=f"Send every required field; an optional field left out keeps "
            f"its value. {if_match} {access['change']} {INVALID}",
            parameters=parameters,
            examples=requests + responses,
        ),
        partial_update=extend_schema(
            summary=f"Change some fields of a {singular}",
            description=f"Only the fields given change. {if_match} {access['change']} {INVALID}",
            parameters=parameters,
        ),
        destroy=extend_schema(
            summary=f"Delete a {singular}",
            description=f"{if_match} {access['delete']} Answers 409 when other records refer "
            "to it.",
            parameters=parameters,
        ),
    )
    return docs


def document_resource(**kwargs):
    """Class decorator: resource_docs() for a viewset, its docstring saying what it serves."""

    def decorator(viewset):
        docs = resource_docs(about=inspect.getdoc(viewset), **kwargs)
        return extend_schema_view(**docs)(viewset)

    return decorator
