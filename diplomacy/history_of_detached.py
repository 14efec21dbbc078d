"""History rows for the records a deletion changes without saving them.

Deleting a record changes others in the database alone: Django's collector
clears a SET_NULL foreign key with one UPDATE and removes many-to-many links
with one DELETE, and sends no signal for the records it changes. simple-history
never hears of those changes, so the history (and everything read from it:
`/history/`, `?as_of=`, a release's data package) would show such a record
still pointing at the deleted one. Here, the records a deletion is about to
detach are noted before it (pre_delete) and get a history row of their own
after it (post_delete), with the reason stated.
"""

from django.db.models import SET_NULL, ForeignKey
from django.db.models.signals import post_delete, pre_delete

from diplomacy.audit_trail import DatasetHistory


def _references(target) -> list[tuple]:
    """(tracked model, field name) of every tracked reference a deletion of `target`
    changes silently: SET_NULL foreign keys and many-to-many fields the history follows."""
    references = []
    for model, tracker in DatasetHistory.trackers.items():
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, ForeignKey)
                and field.remote_field.on_delete is SET_NULL
                and issubclass(target, field.related_model._meta.concrete_model)
            ):
                references.append((model, field.name))
        for field in tracker.m2m_fields:
            field = model._meta.get_field(field if isinstance(field, str) else field.name)
            if issubclass(target, field.related_model._meta.concrete_model):
                references.append((model, field.name))
    return references


def _note_detached(sender, instance, **kwargs):
    detached = []
    for model, name in _references(type(instance)._meta.concrete_model):
        pks = list(model._base_manager.filter(**{name: instance}).values_list("pk", flat=True))
        if pks:
            detached.append((model, pks))
    if detached:
        instance._history_detached = detached


def _record_detached(sender, instance, **kwargs):
    detached = getattr(instance, "_history_detached", None)
    if not detached:
        return
    del instance._history_detached
    reason = f"{type(instance)._meta.verbose_name} {instance.pk} deleted"
    for model, pks in detached:
        tracker = DatasetHistory.for_model(model)
        for record in model._base_manager.filter(pk__in=pks):
            record._change_reason = reason
            tracker.create_historical_record(record, "~")


def history_of_detached_track():
    """Connect the two handlers for every model some tracked record refers to."""
    targets = {
        field.related_model._meta.concrete_model
        for model, tracker in DatasetHistory.trackers.items()
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.is_relation and field.related_model is not None
    }
    for target in targets:
        if _references(target):
            pre_delete.connect(_note_detached, sender=target, weak=False)
            post_delete.connect(_record_detached, sender=target, weak=False)
