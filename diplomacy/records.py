"""The abstract base of every dataset record: a stable identifier and timestamps."""

import uuid

from django.db import models

from diplomacy.api.concurrency.optimistic_locking import Versioned


class RecordManager(models.Manager):
    def get_by_natural_key(self, uid):
        return self.get(uid=uid)


class Record(Versioned):
    """A dataset record.

    `uid` is the record's identifier across databases: fixtures reference
    records by it (natural keys), so loading them never overwrites a record
    that merely happens to have the same integer id.
    """

    # Declared only to describe it: the same column as DEFAULT_AUTO_FIELD.
    id = models.BigAutoField(
        primary_key=True,
        help_text="Identifier of the record in this copy of the dataset (see uid).",
    )
    uid = models.UUIDField(
        "stable identifier",
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Identifier of the record in every copy of the dataset.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When the record was entered into the dataset."
    )
    updated_at = models.DateTimeField(
        auto_now=True, db_index=True, help_text="When the record was last changed."
    )

    objects = RecordManager()

    class Meta(Versioned.Meta):
        abstract = True

    def natural_key(self):
        return (str(self.uid),)
