"""Import and export from the admin, for every model of the dataset."""

from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON


class ImportExportAdmin(ImportExportModelAdmin):
    """CSV and JSON import (previewed as a dry run) and export.

    django-import-export lets any staff user import unless told otherwise: an
    import creates and changes rows, so it needs both permissions; an export
    needs the view permission.
    """

    formats = [CSV, JSON]

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
