"""Releases: cutting one, what it counts, what changed since the one before.

A release holds no copy of the data: its data are the history as of
`cut_at` (diplomacy.as_of), which the counts and the package's digest let a
reader check.
"""

import datetime
from collections.abc import Iterator
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from actions.models import Action, Citation, Episode, Release, Source
from actions.package import package_chunks, package_sha256
from actions.package.files import package_file_write
from diplomacy.as_of.reading import reading_as_of, streamed_as_of
from diplomacy.as_of.writers_lock import writers_lock
from diplomacy.models import Envoy, Mission, State


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


def package_checksum(release: Release, *, output: Path | None = None) -> str:
    """SHA-256 of the release's data package, written as of its moment (to
    `output` too, a directory or a .zip path, if given)."""
    package = {"name": release.name, "created": release.cut_at, "notes": release.notes}
    with reading_as_of(release.cut_at):
        if output is None:
            return package_sha256(**package)
        _, written = package_file_write(output, **package)
        return written.sha256


def release_package_chunks(release: Release) -> Iterator[bytes]:
    """The release's data package, streamed: the bytes its `package_sha256` states."""
    return streamed_as_of(
        release.cut_at,
        package_chunks(name=release.name, created=release.cut_at, notes=release.notes),
    )


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


def release_cut(*, name: str, notes: str = "", output: Path | None = None) -> Release:
    """Record the release `name` of the dataset as it is now.

    Its moment is taken under the writers' lock (`release_moment_take`), so
    no write dated before `cut_at` can commit after it and appear in the
    release later. With `output` (a directory or a .zip path), its data
    package is written there too.
    """
    if Release.objects.filter(name=name).exists():
        raise ReleaseRefused(f"A release named {name!r} exists already.")
    cut_at = release_moment_take()
    with transaction.atomic():
        return _release_record(name=name, notes=notes, cut_at=cut_at, output=output)


def _release_record(
    *, name: str, notes: str, cut_at: datetime.datetime, output: Path | None
) -> Release:
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
    release.package_sha256 = package_checksum(release, output=output)
    release.save()
    return release


def release_moment(name: str) -> datetime.datetime | None:
    """The moment of the release named `name` (what `?as_of=<name>` reads), if any."""
    return Release.objects.filter(name=name).values_list("cut_at", flat=True).first()
