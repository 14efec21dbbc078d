"""The base viewsets of every resource of the dataset."""

from rest_framework import viewsets

from diplomacy.api.caching.response_cache import ResponseCacheMixin
from diplomacy.api.concurrency.conditional_requests import ConditionalWriteMixin, RecordETagMixin
from diplomacy.api.records.as_of_views import AsOfMixin
from diplomacy.api.records.freed_responses import FreedResponseMixin
from diplomacy.api.records.history_endpoint import HistoryMixin


class RecordViewSet(
    AsOfMixin,
    FreedResponseMixin,
    ResponseCacheMixin,
    HistoryMixin,
    ConditionalWriteMixin,
    viewsets.ModelViewSet,
):
    """A writable resource: ETags, If-Match on writes, atomic writes, history, cached reads,
    reads as of a release or a moment."""


class ReadOnlyRecordViewSet(
    AsOfMixin,
    FreedResponseMixin,
    ResponseCacheMixin,
    HistoryMixin,
    RecordETagMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """A read-only resource: ETags, history, cached reads, reads as of a release or a moment."""
