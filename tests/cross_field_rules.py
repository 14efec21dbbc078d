"""The cross-field rules of each operation, as the schema's descriptions list them.

One source for the Schemathesis run (the only 400s it tolerates for data that
fits the schema) and for the test that each rule is documented where it applies.
"""

import functools
import re

from drf_spectacular.generators import SchemaGenerator

from diplomacy.api.openapi.auto_schema import query_parameters
from diplomacy.api.openapi.cross_field_rules import Rule, operation_rules


def path_shape(path: str) -> str:
    # The URL patterns' `{pk}` is `{id}` in the schema.
    return re.sub(r"\{[^}]*\}", "{}", path)


@functools.cache
def rules_by_operation() -> dict[tuple[str, str], tuple[Rule, ...]]:
    """{(path shape, METHOD): the operation's rules} for every operation of the schema."""
    generator = SchemaGenerator()
    paths = generator.get_schema(public=True)["paths"]
    by_shape = {path_shape(path): operations for path, operations in paths.items()}
    rules = {}
    for path, _, method, callback in generator.endpoints:
        operation = by_shape.get(path_shape(path), {}).get(method.lower())
        if operation is None:  # an endpoint the schema leaves out
            continue
        view = generator.create_view(callback, method)
        rules[(path_shape(path), method)] = tuple(
            operation_rules(view, method, query_parameters(operation))
        )
    return rules


def rules_of(path: str, method: str) -> tuple[Rule, ...]:
    return rules_by_operation().get((path_shape(path), method.upper()), ())
