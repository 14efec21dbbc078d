from django.contrib import admin

from diplomacy.admin_import_export import ImportExportAdmin
from diplomacy.models import Envoy, Mission, State
from diplomacy.resources import EnvoyResource, MissionResource, StateResource


@admin.register(State)
class StateAdmin(ImportExportAdmin):
    resource_classes = [StateResource]
    list_display = ["code", "name", "alpha_3", "numeric", "is_historic", "ended_on"]
    list_filter = ["is_historic"]
    search_fields = ["code", "name", "official_name", "alpha_3", "alpha_4"]
    ordering = ["name"]


@admin.register(Mission)
class MissionAdmin(ImportExportAdmin):
    resource_classes = [MissionResource]
    list_display = ["__str__", "sending_state", "receiving_state", "kind", "city"]
    list_filter = ["kind", "sending_state", "receiving_state"]
    search_fields = ["city", "sending_state__name", "receiving_state__name", "sending_state__code"]
    autocomplete_fields = ["sending_state", "receiving_state"]
    list_select_related = ["sending_state", "receiving_state"]


@admin.register(Envoy)
class EnvoyAdmin(ImportExportAdmin):
    resource_classes = [EnvoyResource]
    list_display = ["__str__", "title", "sending_state", "mission", "category"]
    list_filter = ["category", "sending_state"]
    search_fields = ["name", "description", "title", "sending_state__name"]
    autocomplete_fields = ["sending_state", "mission"]
    list_select_related = ["sending_state", "mission"]

    def has_delete_permission(self, request, obj=None):
        # Deleting would silently unlink the envoy from the actions that name it.
        if obj is not None and obj.actions.exists():
            return False
        return super().has_delete_permission(request, obj)
