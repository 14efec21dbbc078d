"""Optimistic locking: every write of a record is a compare-and-swap on its version.

SQLite has no SELECT ... FOR UPDATE, and a read-then-write check lets two
writers that read the same version both succeed. Instead every save and
delete first runs `UPDATE ... SET version = version + 1 WHERE id = ? AND
version = ?` in the same transaction as the write: the database lets exactly
one writer claim a version (PostgreSQL holds the row lock until commit, SQLite
the write lock), and the loser claims nothing and changes nothing.
"""

from django.db import models, router, transaction


class StaleVersion(Exception):
    """The record changed (or went away) since this copy of it was read."""


class Versioned(models.Model):
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Incremented by every change; the API's ETag carries it.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        read_version = self.version
        with transaction.atomic(using=self._write_db(kwargs.get("using"))):
            self._claim_version(read_version, kwargs.get("using"))
            self.version = read_version + 1
            try:
                return super().save(*args, **kwargs)
            except BaseException:
                self.version = read_version
                raise

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=self._write_db(kwargs.get("using"))):
            self._claim_version(self.version, kwargs.get("using"))
            return super().delete(*args, **kwargs)

    def _write_db(self, using):
        return using or router.db_for_write(type(self), instance=self)

    def _claim_version(self, read_version, using):
        claimed = (
            type(self)
            ._base_manager.using(self._write_db(using))
            .filter(pk=self.pk, version=read_version)
            .update(version=read_version + 1)
        )
        if not claimed:
            raise StaleVersion(
                f"{self._meta.verbose_name} {self.pk} is no longer at version {read_version}."
            )
