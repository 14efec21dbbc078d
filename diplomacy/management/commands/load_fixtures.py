"""Load the dataset's fixture files without ever overwriting an editor's work.

`make run` loads every episode file at each start. A record that is absent is
created; one that the files left as it is stays; one whose last change came
from loading a file takes the file's new content (a reviewed edit of the file);
but one changed since (in the admin or through the API) is kept as it is, and
reported with the fields where the file differs: `manage.py dump_episode SLUG`
writes the episode back to its file, for review and commit.
"""

from diplomacy.audit_trail import DatasetHistory
from diplomacy.management.commands import loaddata

LOADED = "loaddata"


class Command(loaddata.Command):
    help = (
        "Load fixture files; records changed since they were loaded are kept as they "
        "are and reported, never overwritten."
    )

    def save_obj(self, obj):
        record = obj.object
        if hasattr(record, "normalize"):
            record.normalize()  # compared as save() would store it
        model = type(record)
        if record.pk is not None:
            stored = model._base_manager.using(self.using).filter(pk=record.pk).first()
            if (
                stored is not None
                and (model, record.pk) not in self.loaded_now
                and not self._last_change_was_loading(stored)
            ):
                fields = loaddata.differing_fields(stored, record, obj.m2m_data)
                if fields:
                    self.kept.append((record, fields))
                    return False
        saved = super().save_obj(obj)
        # (Its history entry is written once the whole run is loaded.)
        self.loaded_now.add((model, record.pk))
        return saved

    def _last_change_was_loading(self, stored) -> bool:
        if DatasetHistory.for_model(type(stored)) is None:
            return True  # no history to tell: the file is the record's only author
        last = stored.history.order_by("-history_date", "-history_id").first()
        return last is not None and last.history_change_reason == LOADED

    def loaddata(self, fixture_labels):
        self.kept = []
        self.loaded_now = set()
        super().loaddata(fixture_labels)
        if self.kept:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept {len(self.kept)} record(s) changed since they were loaded; "
                    "their files differ (write an episode back with "
                    "`manage.py dump_episode SLUG`):"
                )
            )
            for record, fields in self.kept:
                label = f"{record._meta.label} {getattr(record, 'uid', record.pk)}"
                self.stdout.write(f"  {label} ({record}): {', '.join(fields)}")
