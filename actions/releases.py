"""Releases: cutting one, what it counts, what changed since the one before.

A release holds no copy of the data: its data are the history as of
`cut_at` (diplomacy.as_of), which the counts and the package's digest let a
reader check.
"""

import datetime
import hashlib
import tempfile

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.module_loading import import_string

from actions.models import Action, Citation, Episode, Release, Source
from diplomacy.as_of.reading import reading_as_of
from diplomacy.as_of.writers_lock import writers_lock
from diplomacy.models import Envoy, Mission, State

# The function writing a release's data package (`write_package(out, *,
# release_name)`, a deterministic zip into a binary file), run as of the
# release's moment. Until it exists, a release records no checksum.
PACKAGE_WRITER = "actions.package.write_package"


class ReleaseRefused(Exception):
    """The release cannot be cut; the message says why."""


def release_counts() -> dict:
    """The number of records of each resource, as the database reads now
    (in `reading_as_of`, as of its moment)."""
    by_kind = dict(
        Action.objects.order_by().values_list("kind").annotate(count=Count("id"))
    )
    return {
        "actions": sum(by_kind.values()),
        "actions_by_kind": dict(sorted(by_kind.items())),
        "citations": Citation.objects.count(),
        "sources": Source.objects.count(),
        "episodes": Episode.objects.count(),
        "states": State.objects.count(),
        "missions": Mission.objects.count(),
        "envoys": Envoy.objects.count(),
        "envoy_links": Action.envoys.through.objects.count(),
    }


def _action_ids(moment) -> set[int]:
    with reading_as_of(moment):
        return set(Action.objects.order_by().values_list("id", flat=True))


def release_changes(*, since: datetime.datetime, until: datetime.datetime) -> dict:
    """Actions added, changed and removed between two moments, from the history."""
    before, after = _action_ids(since), _action_ids(until)
    touched = set(
        Action.history.filter(history_date__gt=since, history_date__lte=until)
        .order_by()
        .values_list("id", flat=True)
        .distinct()
    )
    return {
        "added": len(after - before),
        "changed": len(touched & before & after),
        "removed": len(before - after),
    }


def package_checksum(release: Release) -> str:
    """SHA-256 of the release's data package, written as of its moment; blank
    while no package writer exists (PACKAGE_WRITER)."""
    try:
        write_package = import_string(PACKAGE_WRITER)
    except ImportError:
        return ""
    digest = hashlib.sha256()
    with tempfile.TemporaryFile() as out, reading_as_of(release.cut_at):
        write_package(out, release_name=release.name)
        out.seek(0)
        while chunk := out.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def release_moment_take() -> datetime.datetime:
    """Now, once every write of the dataset in flight has committed.

    The writers' lock is taken before the clock is read (a transaction of its
    own, unless the caller's): every history entry dated before the moment is
    committed by then, and a writer waiting for the lock dates its entries
    after it (diplomacy.as_of.writers_lock). Held only for this instant:
    what a release reads is fixed by its moment, not by the lock.
    """
    with transaction.atomic():
        writers_lock()
        return timezone.now()


def release_cut(*, name: str, notes: str = "") -> Release:
    """Record the release `name` of the dataset as it is now.

    Its moment is taken under the writers' lock (`release_moment_take`), so
    no write dated before `cut_at` can commit after it and appear in the
    release later.
    """
    if Release.objects.filter(name=name).exists():
        raise ReleaseRefused(f"A release named {name!r} exists already.")
    cut_at = release_moment_take()
    with transaction.atomic():
        return _release_record(name=name, notes=notes, cut_at=cut_at)


def _release_record(*, name: str, notes: str, cut_at: datetime.datetime) -> Release:
    release = Release(name=name, notes=notes, cut_at=cut_at)
    try:
        release.full_clean(exclude=["counts"], validate_unique=False)
    except ValidationError as error:
        raise ReleaseRefused(" ".join(error.messages)) from error
    with reading_as_of(release.cut_at):
        release.counts = release_counts()
    if not release.counts["actions"]:
        raise ReleaseRefused("The dataset holds no action: there is nothing to release.")
    previous = Release.objects.filter(cut_at__lt=release.cut_at).order_by("cut_at", "id").last()
    if previous is not None:
        release.changes_since_previous = {
            "previous": previous.name,
            **release_changes(since=previous.cut_at, until=release.cut_at),
        }
    release.package_sha256 = package_checksum(release)
    release.save()
    return release


def release_moment(name: str) -> datetime.datetime | None:
    """The moment of the release named `name` (what `?as_of=<name>` reads), if any."""
    return Release.objects.filter(name=name).values_list("cut_at", flat=True).first()
