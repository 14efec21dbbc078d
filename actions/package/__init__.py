"""The Frictionless data package of the dataset: one normalised CSV per table,
datapackage.json (the Table Schemas, keys and licence) and a README codebook,
in a zip with the same bytes for the same data (docs/api/data-package.md)."""

from actions.package.writer import WrittenPackage, package_chunks, package_sha256, write_package

__all__ = ["WrittenPackage", "package_chunks", "package_sha256", "write_package"]
