"""What every dataset resource shares: sparse fieldsets and CSV for lists and records."""

from rest_framework.response import Response

from diplomacy.api.formats.negotiation import FormatNegotiation
from diplomacy.api.formats.tables import Table
from diplomacy.api.formats.tabular_renderers import CSVRenderer
from diplomacy.api.openapi.auto_schema import DatasetAutoSchema
from diplomacy.api.pagination import set_link_header
from diplomacy.api.records.sparse_fieldsets import SparseFieldset

READ_ACTIONS = {"list", "retrieve"}


class DatasetListMixin:
    """Mixed into each list viewset, which names its flat `table` for CSV.

    CSV pages are read with the table's `.values()` (no serializer), paginated
    like JSON, with the links in the `Link` header and the total in
    `X-Total-Count`. `DatasetViewMixin` adds the CSV form of one record.
    """

    table: Table
    schema = DatasetAutoSchema()
    content_negotiation_class = FormatNegotiation

    def get_renderers(self):
        renderers = super().get_renderers()
        if getattr(self, "action", None) in READ_ACTIONS:
            renderers.append(CSVRenderer())
        return renderers

    def renders_csv(self) -> bool:
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is not None and renderer.format == CSVRenderer.format

    def sparse_fieldset(self) -> SparseFieldset | None:
        """`fields`/`omit` of this request, checked once (a 400 for an unknown name)."""
        if not hasattr(self, "_sparse_fieldset"):
            sparse = None
            if self.request.method in ("GET", "HEAD"):
                sparse = SparseFieldset.from_request(self.request)
            if sparse is not None:
                available = (
                    self.table.header if self.renders_csv() else self.serializer_field_names()
                )
                sparse.validate(available)
            self._sparse_fieldset = sparse
        return self._sparse_fieldset

    def serializer_field_names(self):
        return self.get_serializer_class()().fields.keys()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["sparse_fieldset"] = self.sparse_fieldset()
        return context

    def csv_header(self):
        sparse = self.sparse_fieldset()
        return [name for name in self.table.header if sparse is None or sparse.keeps(name)]

    def get_renderer_context(self):
        context = super().get_renderer_context()
        if self.renders_csv():
            context["csv_header"] = self.csv_header()
        return context

    def list(self, request, *args, **kwargs):
        if not self.renders_csv():
            return super().list(request, *args, **kwargs)
        self.csv_header()  # a bad `fields` is a 400 before any query
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(self.table.values(queryset))
        response = Response(self.table.rows(page))
        set_link_header(response, self.paginator.get_links())
        count = getattr(self.paginator, "count", None)
        if count is not None and self.paginator is not None:
            response["X-Total-Count"] = str(count)
        return response



class DatasetViewMixin(DatasetListMixin):
    """For a resource with records (`/states/ML/`): CSV for the list and each record."""

    def retrieve(self, request, *args, **kwargs):
        if not self.renders_csv():
            return super().retrieve(request, *args, **kwargs)
        self.csv_header()
        instance = self.get_object()
        queryset = self.get_queryset().filter(pk=instance.pk)
        return Response(self.table.rows(self.table.values(queryset)))
