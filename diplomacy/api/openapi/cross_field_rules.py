"""The rules on input that no OpenAPI schema can state, each named once.

The schema says what a value must look like; it cannot say that `target`
must differ from `actor`, that a code names a state that exists, or that
`leave_by` comes after `date`. Each such rule is a `Rule`: the error it
answers (the `field` and `code` of the items of a 400 problem's `errors`) and
the sentence that documents it. The same rules are

- written into the description of every operation they apply to
  (`operation_rules`, called by the AutoSchema),
- the only 400s the Schemathesis run of the suite tolerates for data that fits
  the schema (tests/test_schemathesis.py),
- listed for users in docs/api/errors.md.

A serializer declares the rules of its body in `cross_field_rules`; the rules
of query parameters follow from the view (its filters, its pagination, its
sparse fieldsets).
"""

from dataclasses import dataclass
from fnmatch import fnmatchcase

from diplomacy.as_of.moments import NoSuchMoment

# The error code of a key that names no record (BriefRelatedField, KeysField).
DOES_NOT_EXIST = "does_not_exist"


@dataclass(frozen=True)
class Rule:
    # What the 400 names: `errors[].field` (a glob, `citations.*.source`) and
    # `errors[].code`.
    fields: tuple[str, ...]
    codes: tuple[str, ...]
    # One sentence for the operation's description and the docs (Markdown).
    text: str

    def covers(self, error: dict) -> bool:
        return error.get("code") in self.codes and any(
            fnmatchcase(str(error.get("field")), pattern) for pattern in self.fields
        )


def unknown_key(field: str, text: str) -> Rule:
    """A key (code, slug, id) that must name an existing record."""
    return Rule(fields=(field,), codes=(DOES_NOT_EXIST,), text=text)


def taken_key(field: str, text: str, code: str = "unique") -> Rule:
    """A key that must not name an existing record."""
    return Rule(fields=(field,), codes=(code,), text=text)


# Query parameters.
UNKNOWN_FIELD_NAME = "unknown_field_name"
UNKNOWN_FIELD_NAMES = Rule(
    fields=("fields", "omit"),
    codes=(UNKNOWN_FIELD_NAME,),
    text="`fields` and `omit` name only fields this resource has "
    "(CSV: its column names).",
)
OFFSET_WITH_CURSOR_CODE = "offset_with_cursor"
OFFSET_WITH_CURSOR = Rule(
    fields=("offset",),
    codes=(OFFSET_WITH_CURSOR_CODE,),
    text="`offset` is not given with `cursor`: a page is asked for by one or the other.",
)
TWO_DIFFERENT_STATES_CODE = "not_two_different_keys"
AS_OF_MOMENT = Rule(
    fields=("as_of",),
    codes=(NoSuchMoment.code,),
    text="`as_of` is the name of a release (`/api/v1/releases/`) or an ISO 8601 "
    "datetime between the first change of the dataset and now.",
)


def unknown_filter_keys(names: list[str]) -> Rule:
    listed = ", ".join(f"`{name}`" for name in names)
    return Rule(
        fields=tuple(names),
        codes=(DOES_NOT_EXIST,),
        text=f"Each code, slug or id in {listed} names an existing record.",
    )


def exactly_different_keys(name: str, count: int) -> Rule:
    return Rule(
        fields=(name,),
        codes=(TWO_DIFFERENT_STATES_CODE,),
        text=f"`{name}` names {count} different records.",
    )


def operation_rules(view, method: str, parameters: set[str]) -> list[Rule]:
    """The rules of one operation of a view: of its body on a write, of its query
    parameters (the names the schema gives the operation) on a read."""
    if method in ("POST", "PUT", "PATCH"):
        serializer_class = _serializer_class(view)
        return list(getattr(serializer_class, "cross_field_rules", ()))
    if method != "GET":
        return []
    rules = []
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        from diplomacy.filters import KeysFilter

        keys = {
            name: filter_
            for name, filter_ in filterset_class.base_filters.items()
            if isinstance(filter_, KeysFilter) and name in parameters
        }
        if keys:
            rules.append(unknown_filter_keys(list(keys)))
        rules.extend(
            exactly_different_keys(name, filter_.extra["exactly"])
            for name, filter_ in keys.items()
            if filter_.extra.get("exactly")
        )
    if parameters & {"fields", "omit"}:
        rules.append(UNKNOWN_FIELD_NAMES)
    if {"offset", "cursor"} <= parameters:
        rules.append(OFFSET_WITH_CURSOR)
    if "as_of" in parameters:
        rules.append(AS_OF_MOMENT)
    return rules


def _serializer_class(view):
    try:
        return view.get_serializer_class()
    except (AssertionError, AttributeError):
        return getattr(view, "serializer_class", None)


def describe(rules: list[Rule]) -> str:
    """The paragraph an operation's description ends with."""
    if not rules:
        return ""
    lines = "\n".join(f"- {rule.text}" for rule in dict.fromkeys(rules))
    return (
        "Rules the schema cannot state (a request that breaks one is answered 400, "
        "its `errors` naming the field):\n\n" + lines
    )
