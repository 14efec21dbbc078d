"""The base viewsets of every resource of the dataset."""

from rest_framework import viewsets

from diplomacy.api.conditional import ConditionalWriteMixin, RecordETagMixin
from diplomacy.api.history import HistoryMixin


class RecordViewSet(HistoryMixin, ConditionalWriteMixin, viewsets.ModelViewSet):
    """A writable resource: ETags, If-Match on writes, atomic writes, history."""


class ReadOnlyRecordViewSet(HistoryMixin, RecordETagMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only resource: ETags and history."""
