"""The audit trail of the dataset: django-simple-history, plus what it lacks here."""

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete
from simple_history.models import HistoricalRecords

# The column of every historical table saying until when its row was current.
VALID_UNTIL = "history_valid_until"


class ValidityPeriod(models.Model):
    """What every historical model of the dataset holds besides simple-history's fields.

    `history_valid_until` is the date of the record's next history entry, null
    while the row is its record's latest: the row is the record as of T when
    `history_date <= T < history_valid_until`. A database trigger keeps it
    (diplomacy.as_of.validity), whoever writes the history.
    """

    history_valid_until = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the record's next history entry was made; empty while this one "
        "is its latest. Kept by a database trigger.",
    )

    class Meta:
        abstract = True


class DatasetHistory(HistoricalRecords):
    """HistoricalRecords that also follows the proxy models of its model.

    Django sends the signals of a proxy instance with the proxy as sender, and
    simple-history listens to the concrete model only: without this, saving a
    PersonaNonGrataDeclaration would leave no trace in the Action history.
    `for_model` gives the tracker of a model, for saves simple-history does not
    see (loaddata's raw saves).
    """

    trackers: dict = {}

    def __init__(self, *args, bases=(ValidityPeriod,), **kwargs):
        if not any(issubclass(base, ValidityPeriod) for base in bases):
            bases = (ValidityPeriod, *bases)
        super().__init__(*args, bases=bases, **kwargs)

    def get_meta_options(self, model):
        options = super().get_meta_options(model)
        # What the trigger keeping `history_valid_until` looks a record's
        # neighbouring entries up by (diplomacy.as_of.validity); history_id
        # is the tiebreaker of two entries of the same instant.
        key = model._meta.pk.attname
        validity = [VALID_UNTIL, "history_date", "history_type"]
        # The live table's own indexes, as the history needs them: a query as of
        # a moment filters and orders the history as the live query does the
        # table (`kind = ... ORDER BY date`), and tests which rows were current
        # then, which these columns let it do, and count, from the index alone.
        live = tuple(
            models.Index(
                fields=[*index.fields, *validity], name=f"{index.name[:24]}_as_of"
            )
            for index in model._meta.indexes
            if index.fields and not (index.expressions or index.condition or index.include)
        )
        options["indexes"] = (
            *options.get("indexes", ()),
            *live,
            models.Index(
                fields=[key, "history_date", "history_id"],
                name=f"{model._meta.model_name[:16]}_history_as_of",
            ),
            # The rows current at a moment, and their count: two ranges of
            # it (valid until null, valid until after the moment), read
            # without the table.
            models.Index(
                fields=validity,
                name=f"{model._meta.model_name[:16]}_history_until",
            ),
        )
        return options

    def finalize(self, sender, **kwargs):
        if sender is not self.cls and sender._meta.proxy and issubclass(sender, self.cls):
            post_save.connect(self.post_save, sender=sender, weak=False)
            pre_delete.connect(self.pre_delete, sender=sender, weak=False)
            post_delete.connect(self.post_delete, sender=sender, weak=False)
            # What simple-history's admin and utilities look the history up by.
            sender._meta.simple_history_manager_attribute = self.manager_name
            return
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            DatasetHistory.trackers[sender] = self

    @classmethod
    def for_model(cls, model):
        return cls.trackers.get(model._meta.concrete_model)
