"""Conditional requests: ETags on records, If-Match for every write.

A record's ETag is `"<version>-<digest of the representation>"`: the digest
changes whenever the bytes sent change (a strong validator for caches, even
when only a nested related object changed); the version is what a write is
checked against. `If-Match` on PUT, PATCH and DELETE names the version the
client last read; the write is a compare-and-swap on that version
(diplomacy.api.concurrency.optimistic_locking), so of two clients that read the same version, one
wins and the other gets 412 with nothing changed.

ETags of lists and other GET responses, and the 304 answer to If-None-Match,
come from Django's ConditionalGetMiddleware.
"""

import hashlib

from django.db import transaction
from django.utils.http import ETAG_MATCH, parse_etags
from rest_framework import exceptions, status

from diplomacy.api.concurrency.optimistic_locking import StaleVersion

LOCKED_METHODS = frozenset({"PUT", "PATCH", "DELETE"})


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = (
        "The record changed since you read it: GET it again and resend your change "
        "with its new ETag in If-Match."
    )
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "Send the ETag of the record you read in an If-Match header, so that a change "
        "made since cannot be overwritten."
    )
    default_code = "precondition_required"


def record_etag(version: int, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:32]
    return f'"{version}-{digest}"'


def versions_in_if_match(header: str) -> set[int] | None:
    """The versions an If-Match header names; None for `*` (any version).

    If-Match uses the strong comparison: weak tags (W/"...") never match. A header
    that is no list of entity tags is a 400 naming it (Django's parse_etags skips
    what it cannot read: an empty or garbled header would otherwise be a 412,
    which is for a well-formed tag that no longer matches).
    """
    parts = [part.strip() for part in header.split(",")]
    if header.strip() != "*" and not all(ETAG_MATCH.fullmatch(part) for part in parts):
        raise exceptions.ValidationError(
            {"If-Match": ['Not a list of entity tags: send "*" or the ETag you read.']},
            code="invalid",
        )
    tags = parse_etags(header)
    if tags == ["*"]:
        return None
    versions = set()
    for tag in tags:
        if tag.startswith("W/"):
            continue
        version, _, _ = tag.strip('"').partition("-")
        if version.isdigit():
            versions.add(int(version))
    return versions


def check_if_match(request, record) -> None:
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired()
    versions = versions_in_if_match(header)
    if versions is not None and record.version not in versions:
        raise PreconditionFailed()


def _set_record_etag(record):
    def callback(response):
        response["ETag"] = record_etag(record.version, response.content)

    return callback


class RecordETagMixin:
    """For a viewset of a versioned model: the record's ETag on the responses
    that show one record, and the If-Match check of the writes."""

    etag_record = None

    def get_object(self):
        record = super().get_object()
        if self.request.method in LOCKED_METHODS:
            check_if_match(self.request, record)
        self.etag_record = record
        return record

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        shows_record = self.action in {"retrieve", "create", "update", "partial_update"}
        if self.etag_record is not None and shows_record and response.status_code in (200, 201):
            response.add_post_render_callback(_set_record_etag(self.etag_record))
        return response


class ConditionalWriteMixin(RecordETagMixin):
    """For a ModelViewSet of a versioned model: If-Match on every write, atomic writes.

    Every write request runs in one transaction, so a failure half-way (an
    error while writing the citations of an action, say) leaves nothing
    written. The version check of `get_object` fails early; the
    compare-and-swap in the model's save and delete is what holds under
    concurrency.
    """

    def create(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().update(request, *args, **kwargs)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self.etag_record = serializer.instance

    def perform_update(self, serializer):
        try:
            super().perform_update(serializer)
        except StaleVersion as error:
            raise PreconditionFailed() from error

    def perform_destroy(self, instance):
        try:
            super().perform_destroy(instance)
        except StaleVersion as error:
            raise PreconditionFailed() from error
