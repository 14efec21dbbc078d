"""`/api/v1/<resource>/{id}/history/`: who changed a record, when, and what.

Editors' usernames are shown to staff only: other readers see that a change was
made by an editor (`changed_by: "editor"`). A resource may add the history of
records that belong to its record (an action's citations), as the admin does.
"""

from itertools import groupby

from django.db.models import ForeignKey, ManyToManyField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from simple_history.utils import get_m2m_reverse_field_name

CHANGE_TYPES = {"+": "created", "~": "changed", "-": "deleted"}
# What a reader who is not staff sees of the editor behind a change.
ANONYMISED_EDITOR = "editor"
# Bookkeeping that changes on every save and says nothing about the change.
UNDIFFED_FIELDS = {"version", "updated_at", "created_at"}


@extend_schema_field(OpenApiTypes.ANY)
class AnyValueField(serializers.Field):
    def to_representation(self, value):
        return value


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="The name of the field, as in the resource.")
    before = AnyValueField(
        allow_null=True, help_text="The value before; null when the record was created."
    )
    after = AnyValueField(allow_null=True, help_text="The value after.")


class HistoryEntrySerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="The record's version after the change.")
    changed_at = serializers.DateTimeField(help_text="When the change was made.")
    changed_by = serializers.CharField(
        allow_null=True,
        help_text="Username of the editor, shown to staff; other readers see `editor`. "
        "Null for data loaded by a command or fixture.",
    )
    about = serializers.CharField(
        allow_null=True,
        help_text="Null for a change of the record itself; for a change of a record that "
        "belongs to it, which one (e.g. `citation 12`).",
    )
    change = serializers.ChoiceField(
        choices=sorted(CHANGE_TYPES.values()),
        help_text="Whether the record was created, changed or deleted.",
    )
    reason = serializers.CharField(
        allow_null=True, help_text="How the change was made, where recorded (e.g. loaddata)."
    )
    changes = FieldChangeSerializer(
        many=True,
        help_text="The fields that changed, with their values before and after "
        "(related records by id or code; lists of ids for many-to-many fields).",
    )


def _field_values(record, fields):
    values = {}
    for field in fields:
        if isinstance(field, ManyToManyField):
            target = get_m2m_reverse_field_name(field)
            values[field.name] = sorted(
                getattr(record, field.name).values_list(f"{target}_id", flat=True)
            )
        elif isinstance(field, ForeignKey):
            values[field.name] = getattr(record, field.attname)
        else:
            values[field.name] = getattr(record, field.name)
    return values


def history_entries(records, model, *, about=None, show_editors=True) -> list[dict]:
    """The entries of a record's history, newest first, each with its changes."""
    tracked = [
        field
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and not field.auto_created
        and field.name not in UNDIFFED_FIELDS
    ]
    m2m_names = set(getattr(records[0], "_history_m2m_fields", [])) if records else set()
    tracked = [
        field for field in tracked if not isinstance(field, ManyToManyField) or field in m2m_names
    ]
    entries = []
    previous = {}
    for record in records:  # oldest first
        current = _field_values(record, tracked)
        if record.history_type == "-":
            changes = []
        else:
            changes = [
                {"field": name, "before": previous.get(name), "after": value}
                for name, value in current.items()
                if name not in previous or previous[name] != value
            ]
            if record.history_type == "+":
                changes = [change for change in changes if change["after"] not in (None, "", [])]
        user = record.history_user
        if user is None:
            changed_by = None
        else:
            changed_by = user.get_username() if show_editors else ANONYMISED_EDITOR
        entries.append(
            {
                "version": record.version,
                "changed_at": record.history_date,
                "changed_by": changed_by,
                "about": about,
                "change": CHANGE_TYPES[record.history_type],
                "reason": record.history_change_reason,
                "changes": changes,
            }
        )
        previous = current
    entries.reverse()
    return entries


class HistoryMixin:
    """Adds the `history` action to a viewset of a model tracked by DatasetHistory."""

    def history_of_parts(self, record) -> list:
        """Historical rows of the records that belong to `record` and whose changes its
        history lists too (e.g. an action's citations); none by default."""
        return []

    @extend_schema(
        summary="History of the record",
        description="Every change of the record, newest first: when, by whom, and each "
        "field's value before and after. Changes made in the admin, through the API, by "
        "fixtures and by management commands are all recorded.",
        responses=HistoryEntrySerializer(many=True),
        filters=False,
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def history(self, request, *args, **kwargs):
        record = self.get_object()
        show_editors = request.user.is_staff
        records = list(
            record.history.select_related("history_user").order_by("history_date", "history_id")
        )
        entries = history_entries(records, type(record), show_editors=show_editors)
        for parts in self.history_of_parts(record):
            rows = parts.select_related("history_user").order_by("id", "history_date", "history_id")
            for part_id, history in groupby(rows, key=lambda row: row.id):
                history = list(history)
                model = history[0].instance_type
                entries += history_entries(
                    history,
                    model,
                    about=f"{model._meta.verbose_name} {part_id}",
                    show_editors=show_editors,
                )
        entries.sort(key=lambda entry: entry["changed_at"], reverse=True)
        return Response(HistoryEntrySerializer(entries, many=True).data)
