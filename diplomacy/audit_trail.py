"""The audit trail of the dataset: django-simple-history, plus what it lacks here."""

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete
from simple_history.models import HistoricalRecords


class DatasetHistory(HistoricalRecords):
    """HistoricalRecords that also follows the proxy models of its model.

    Django sends the signals of a proxy instance with the proxy as sender, and
    simple-history listens to the concrete model only: without this, saving a
    PersonaNonGrataDeclaration would leave no trace in the Action history.
    `for_model` gives the tracker of a model, for saves simple-history does not
    see (loaddata's raw saves).
    """

    trackers: dict = {}

    def get_meta_options(self, model):
        options = super().get_meta_options(model)
        # What reading the dataset as of a moment looks each record's latest
        # entry up by (diplomacy.as_of.history_views); history_id is the
        # tiebreaker of two entries of the same instant.
        key = model._meta.pk.attname
        options["indexes"] = (
            *options.get("indexes", ()),
            models.Index(
                fields=[key, "history_date", "history_id"],
                name=f"{model._meta.model_name[:16]}_history_as_of",
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
