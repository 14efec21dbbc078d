"""Django's loaddata, plus the history and versions of the records it writes.

loaddata saves "raw", bypassing Model.save, and simple-history ignores raw
saves: without this, loading a fixture over edited records would change the
dataset without a trace, and reset their versions (so an old ETag could match
again). Here a record that a fixture creates or changes gets a history entry
(reason "loaddata") and, when it existed, the next version; a record the
fixture leaves as it was keeps its version and gets no entry.
"""

from django.core.management.commands import loaddata

from diplomacy.api.concurrency.optimistic_locking import Versioned
from diplomacy.audit_trail import DatasetHistory


def differing_fields(stored, incoming, m2m_data) -> list[str]:
    """The fields where the incoming record differs from the stored one."""
    names = [
        field.name
        for field in stored._meta.concrete_fields
        if field.attname != "version"
        and getattr(stored, field.attname) != getattr(incoming, field.attname)
    ]
    for name, pks in (m2m_data or {}).items():
        current = set(getattr(stored, name).values_list("pk", flat=True))
        if current != {stored._meta.get_field(name).target_field.to_python(pk) for pk in pks}:
            names.append(name)
    return names



class Command(loaddata.Command):
    help = loaddata.Command.help + " Records the history of what it changes."

    def save_obj(self, obj):
        record = obj.object
        if hasattr(record, "normalize"):
            record.normalize()  # what the model's save() derives (loading saves raw)
        model = type(record)
        tracker = DatasetHistory.for_model(model)
        stored = None
        if record.pk is not None:
            stored = model._base_manager.using(self.using).filter(pk=record.pk).first()
        changed = stored is None or bool(differing_fields(stored, record, obj.m2m_data))
        if stored is not None and isinstance(record, Versioned):
            record.version = stored.version + 1 if changed else stored.version
        # One entry for the record with its many-to-many fields, not one per set().
        record.skip_history_when_saving = True
        try:
            saved = super().save_obj(obj)
        finally:
            del record.skip_history_when_saving
        if saved and changed and tracker is not None:
            self.changes.append((tracker, record, "+" if stored is None else "~"))
        return saved

    def loaddata(self, fixture_labels):
        # Recorded once everything is loaded and the id sequences are reset, so
        # that restoring a dump that holds history does not collide with it.
        self.changes = []
        super().loaddata(fixture_labels)
        for tracker, record, change in self.changes:
            record._change_reason = "loaddata"
            tracker.create_historical_record(record, change, self.using)
