"""The admin of dataset records: their history, and no lost update between editors."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from diplomacy.api.concurrency.optimistic_locking import StaleVersion
from diplomacy.plain_text import is_free_text, reject_markup

CHANGED_MEANWHILE = (
    "Someone else changed this record after you opened this page, and your changes were "
    "not saved. Reload the page to see the record as it is now, then make them again."
)


class VersionedForm(forms.ModelForm):
    """Carries the version the editor saw, so the save is checked against it.

    Without it, the admin would check the version read when the form is
    posted, and an editor who kept a page open would silently overwrite a
    change made in the meantime.
    """

    read_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["read_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        read_version = cleaned.get("read_version")
        if self.instance.pk is not None and read_version is not None:
            if read_version != self.instance.version:
                raise forms.ValidationError(CHANGED_MEANWHILE, code="stale")
            # The save's compare-and-swap is on the version the editor saw.
            self.instance.version = read_version
        return cleaned


class PlainTextAdminMixin:
    """Free text is plain text in the admin too: the API's rule (plain_text)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and is_free_text(db_field):
            formfield.validators.append(reject_markup)
        return formfield


class RecordAdmin(PlainTextAdminMixin, SimpleHistoryAdmin):
    """History of each record (the History button), and optimistic locking."""

    form = VersionedForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion:
            # Changed between the form's check and the save: nothing was saved.
            self.message_user(request, CHANGED_MEANWHILE, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
