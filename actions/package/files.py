"""A data package written to a file: whole or not at all."""

import datetime
import os
import tempfile
from pathlib import Path

from django.conf import settings

from actions.package.writer import WrittenPackage, write_package


def package_path(output: Path, name: str) -> Path:
    """`output` itself if it names a .zip, else `<package name>-<name>.zip` in that directory."""
    if output.suffix.lower() == ".zip":
        return output
    return output / f"{settings.DATA_PACKAGE_NAME}-{name}.zip"


def package_file_write(
    output: Path, *, name: str, created: datetime.datetime, notes: str = ""
) -> tuple[Path, WrittenPackage]:
    """Write the package to `output` (a .zip path, or a directory it is created in).

    Written beside its place and renamed there once whole: an interrupted run
    leaves no half-written package under the final name.
    """
    path = package_path(output, name)
    if path is output and not path.parent.is_dir():
        raise FileNotFoundError(f"No directory {path.parent}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".part"
    )
    try:
        with os.fdopen(descriptor, "wb") as out:
            written = write_package(out, name=name, created=created, notes=notes)
        # mkstemp makes the file private; a package is for anyone to read.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path, written
