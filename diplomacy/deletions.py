"""Tombstones: what a syncing copy of the dataset needs to learn about deletions.

A client that follows `updated_since` sees every created or changed record but
never a deleted one; each deletion of a tracked record leaves a `Deletion`
row, served at /api/v1/deletions/.

Recorded from the `post_delete` signal on purpose: it is the one hook that sees
every path a record can be deleted by (the API, the admin's bulk action,
cascades, management commands), where an overridden `delete()` misses
queryset deletes and cascades.
"""

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete

# concrete model -> (resource name in the API, field that keys it in the URL)
TRACKED: dict[type[models.Model], tuple[str, str]] = {}


class Deletion(models.Model):
    """A tombstone: a record of the dataset that was deleted, and when."""

    resource = models.CharField(
        max_length=50, help_text="The API resource the record belonged to, e.g. actions."
    )
    key = models.CharField(
        max_length=100,
        help_text="How the resource's URL named the record: id, state code or episode slug.",
    )
    uid = models.UUIDField(
        "stable identifier", null=True, blank=True,
        help_text="The record's stable identifier (none for states, keyed by code).",
    )
    deleted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["deleted_at", "id"]
        indexes = [models.Index(fields=["resource", "deleted_at"], name="deletion_resource_time")]

    def __str__(self):
        return f"{self.resource}/{self.key} deleted {self.deleted_at:%Y-%m-%d %H:%M:%S}"


def deletions_track(model: type[models.Model], *, resource: str, key: str = "pk") -> None:
    """Leave a tombstone whenever a record of `model` (or of its proxies) is deleted.

    Call from an AppConfig.ready(). The receiver is connected per model, not
    for every sender: a listener disables Django's fast delete for its senders.
    """
    TRACKED[model] = (resource, key)
    proxies = [
        other for other in apps.get_models()
        if other._meta.proxy and other._meta.concrete_model is model
    ]
    for sender in [model, *proxies]:
        post_delete.connect(
            _record_deletion, sender=sender, dispatch_uid=f"deletions:{sender._meta.label}"
        )


def _record_deletion(sender, instance, using, **kwargs):
    tracked = TRACKED.get(sender._meta.concrete_model)
    if tracked is None:
        return
    resource, key = tracked
    Deletion.objects.using(using).create(
        resource=resource,
        key=str(getattr(instance, key)),
        uid=getattr(instance, "uid", None),
    )
