from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actions.package.files import package_path
from actions.releases import ReleaseRefused, release_cut


class Command(BaseCommand):
    help = (
        "Record a named, immutable release of the dataset as it is now: its moment, the "
        "counts of every resource and its package's checksum. `?as_of=NAME` then reads it."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Name of the release, e.g. 2026.1.")
        parser.add_argument("--notes", default="", help="What the release brings.")
        parser.add_argument(
            "--output",
            type=Path,
            help="Also write the release's data package here: a directory (the zip is "
            "named <package name>-NAME.zip in it) or a path ending in .zip.",
        )

    def handle(self, *args, name, notes, output, **options):
        try:
            release = release_cut(name=name, notes=notes, output=output)
        except ReleaseRefused as error:
            raise CommandError(str(error)) from error
        except FileNotFoundError as error:
            raise CommandError(f"--output: {error}") from error
        counts = release.counts
        self.stdout.write(f"Release {release.name} cut at {release.cut_at.isoformat()}:")
        for resource, count in counts.items():
            if resource == "actions_by_kind":
                for kind, number in count.items():
                    self.stdout.write(f"  {'':11} {number:>8} {kind}")
            else:
                self.stdout.write(f"  {resource.replace('_', ' '):11} {count:>8}")
        changes = release.changes_since_previous
        if changes:
            self.stdout.write(
                f"Since {changes['previous']}: {changes['added']} actions added, "
                f"{changes['changed']} changed, {changes['removed']} removed."
            )
        self.stdout.write(f"Package SHA-256: {release.package_sha256}")
        if output is not None:
            path = package_path(output, release.name)
            self.stdout.write(f"Package written to {path}")
