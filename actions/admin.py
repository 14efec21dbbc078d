from django import forms
from django.contrib import admin

from actions.envoys import action_validate_envoys
from actions.models import (
    KIND_MODELS,
    Action,
    Citation,
    Episode,
    Release,
    Source,
)
from actions.releases import release_cut
from actions.resources import (
    KIND_RESOURCES,
    ActionResource,
    CitationResource,
    EpisodeResource,
    SourceResource,
)
from diplomacy.admin_import_export import ImportExportAdmin
from diplomacy.record_admin import PlainTextAdminMixin, RecordAdmin, VersionedForm

COMMON_FIELDSETS = [
    (None, {"fields": ["actor", "target", "summary", "notes"]}),
    ("When", {"fields": [("date", "date_precision", "date_not_after"), "announced_on"]}),
    ("Context", {"fields": ["episode", "in_response_to", ("cameo_code", "plover", "plover_mode")]}),
]


class ActionAdminForm(VersionedForm):
    # The kind is fixed by the proxy model; carried as a disabled field so that
    # the constraints that depend on it are validated with the form.
    kind = forms.CharField(disabled=True, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = self._meta.model.KIND
        self.fields["kind"].initial = self._meta.model.KIND

    def clean(self):
        cleaned = super().clean()
        if "envoys" in self.fields:
            try:
                action_validate_envoys(
                    kind_model=self._meta.model,
                    actor=cleaned.get("actor"),
                    target=cleaned.get("target"),
                    envoys=cleaned.get("envoys") or [],
                    persons_count=cleaned.get("persons_count"),
                )
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned


class CitationInline(PlainTextAdminMixin, admin.StackedInline):
    model = Citation
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "supports", "attribution", "quote"]


class KindAdmin(ImportExportAdmin, RecordAdmin):
    """The admin of one kind of action."""

    form = ActionAdminForm
    inlines = [CitationInline]
    date_hierarchy = "date"
    list_display = ["date", "date_precision", "actor_to_target", "summary_start"]
    # Only the states that appear in actions: a list of every ISO state is no filter.
    list_filter = [
        "date_precision",
        ("actor", admin.RelatedOnlyFieldListFilter),
        ("target", admin.RelatedOnlyFieldListFilter),
        "episode",
    ]
    search_fields = ["summary", "notes", "citations__quote", "citations__supports"]
    autocomplete_fields = ["actor", "target", "episode", "in_response_to"]
    list_select_related = ["actor", "target"]
    readonly_fields = ["uid", "version", "created_at", "updated_at"]

    def get_fieldsets(self, request, obj=None):
        model = self.model
        kind_fields = list(model.KIND_FIELDS)
        if model.HAS_ENVOYS:
            kind_fields.insert(0, "envoys")
        return [
            *COMMON_FIELDSETS,
            (model._meta.verbose_name.capitalize(), {"fields": kind_fields}),
            (
                "Record",
                {
                    "fields": [
                        "kind",
                        "uid",
                        "version",
                        "created_at",
                        "updated_at",
                        "read_version",
                    ],
                    "classes": ["collapse"],
                },
            ),
        ]

    def get_resource_classes(self, request):
        return [KIND_RESOURCES[self.model.KIND]]

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        if self.model.HAS_ENVOYS:
            fields.append("envoys")
        fields += [
            name for name in self.model.KIND_FIELDS
            if self.model._meta.get_field(name).many_to_one
        ]
        return fields

    @admin.display(description="actor → target", ordering="actor")
    def actor_to_target(self, obj):
        return f"{obj.actor_id} → {obj.target_id}"

    @admin.display(description="summary")
    def summary_start(self, obj):
        return obj.summary if len(obj.summary) <= 100 else obj.summary[:99] + "…"


for kind_model in KIND_MODELS.values():
    admin.site.register(kind_model, KindAdmin)


@admin.register(Action)
class ActionAdmin(KindAdmin):
    """Every kind together, read-only: each action is edited in its kind's admin.

    Also backs the autocomplete of `in_response_to`, which may be of any kind."""

    form = forms.ModelForm
    list_display = ["date", "kind", "actor_to_target", "summary_start"]
    list_filter = ["kind", *KindAdmin.list_filter]
    resource_classes = [ActionResource]

    def get_resource_classes(self, request):
        return self.resource_classes

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": ["kind"]}), *COMMON_FIELDSETS]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Episode)
class EpisodeAdmin(ImportExportAdmin, RecordAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    resource_classes = [EpisodeResource]


@admin.register(Source)
class SourceAdmin(ImportExportAdmin, RecordAdmin):
    list_display = ["publisher", "title", "published_on", "language"]
    list_filter = ["language", "publisher"]
    search_fields = ["publisher", "title", "url"]
    date_hierarchy = "published_on"
    resource_classes = [SourceResource]


@admin.register(Citation)
class CitationAdmin(ImportExportAdmin, RecordAdmin):
    list_display = ["__str__", "attribution"]
    search_fields = ["supports", "quote", "attribution", "source__title", "source__publisher"]
    autocomplete_fields = ["action", "source"]
    list_select_related = ["source"]
    resource_classes = [CitationResource]


class ReleaseAdminForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = ["name", "notes"]

    def clean_name(self):
        name = self.cleaned_data["name"]
        if Release.objects.filter(name=name).exists():
            raise forms.ValidationError("A release with this name exists already.")
        if not Action.objects.exists():
            raise forms.ValidationError("The dataset holds no action: nothing to release.")
        return name


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    """Staff may cut a release, as `manage.py release` does; none is changed or deleted."""

    form = ReleaseAdminForm
    list_display = ["name", "cut_at", "notes"]
    readonly_fields = ["name", "cut_at", "notes", "counts", "changes_since_previous",
                       "package_sha256"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ["name", "notes"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        cut = release_cut(name=form.cleaned_data["name"], notes=form.cleaned_data["notes"])
        obj.pk, obj._state.adding = cut.pk, False
