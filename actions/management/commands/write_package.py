import datetime
import re
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from actions.package.files import package_file_write

# A version of the dataset names a file: letters, digits, dots, dashes, underscores.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class Command(BaseCommand):
    help = (
        "Write the Frictionless data package of the current data (a zip of one CSV "
        "per table, datapackage.json and a README codebook) to a .zip file, or into "
        "a directory as <package name>-<NAME>.zip; print its SHA-256."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True,
            help="A path ending in .zip, or a directory to write the zip into.",
        )
        parser.add_argument(
            "--name", required=True, help="The version the package states, e.g. 2026.1."
        )
        parser.add_argument("--notes", default="", help="Notes on this version.")
        parser.add_argument(
            "--created",
            help="When the package was made (ISO 8601 datetime, UTC unless it says "
            "otherwise); default now. The same data and --created give the same bytes.",
        )

    def handle(self, *args, output, name, notes, created, **options):
        if not NAME.match(name):
            raise CommandError(
                "--name: letters, digits, dots, dashes and underscores, at most 64."
            )
        created = self._created(created)
        started = time.perf_counter()
        try:
            path, written = package_file_write(
                Path(output), name=name, created=created, notes=notes
            )
        except FileNotFoundError as error:
            raise CommandError(f"--output: {error}") from error
        seconds = time.perf_counter() - started
        rows = ", ".join(f"{count} {table}" for table, count in written.rows.items())
        self.stdout.write(f"Wrote {path} ({written.bytes:,} bytes) in {seconds:.1f} s: {rows}.")
        self.stdout.write(f"SHA-256 {written.sha256}")

    @staticmethod
    def _created(text) -> datetime.datetime:
        if not text:
            return datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        moment = parse_datetime(text)
        if moment is None:
            raise CommandError(f"--created: not an ISO 8601 datetime: {text!r}.")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment
