"""A zip archive written front to back, with the same bytes for the same content.

The archive goes to any binary stream, seekable or not (a file, an HTTP
response being sent): zipfile is always handed a write-only stream, so it
never seeks back to patch an entry's header and writes each entry's sizes and
CRC after its data (a data descriptor). Writing to a file or to a socket thus
gives the same bytes. Everything else zipfile would take from the moment or
the machine is fixed: each entry's time (the package's `created`), its
permissions and the system named as its creator.
"""

import datetime
import hashlib
import zipfile

ENTRY_PERMISSIONS = 0o644 << 16
UNIX = 3


class CountingSink:
    """A write-only stream to `out` that hashes and counts what passes through it."""

    def __init__(self, out):
        self._out = out
        self.sha256 = hashlib.sha256()
        self.bytes = 0

    def write(self, data) -> int:
        self.sha256.update(data)
        self.bytes += len(data)
        if self._out is not None:
            self._out.write(data)
        return len(data)

    def flush(self):
        if self._out is not None and hasattr(self._out, "flush"):
            self._out.flush()


class ChunkSink:
    """A write-only stream whose content is taken out in chunks (for a streamed response)."""

    def __init__(self):
        self._chunks = []

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


class DeterministicZip:
    """Entries written one after another, each as a stream, to a write-only stream."""

    def __init__(self, sink, *, moment: datetime.datetime, compresslevel: int):
        # zipfile takes a stream without seek() and tell() as unseekable.
        self._zip = zipfile.ZipFile(
            sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
        )
        utc = moment.astimezone(datetime.UTC)
        # The zip format's times go back to 1980 only.
        self._date_time = max(utc.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
        self._compresslevel = compresslevel

    def open(self, name: str):
        """A writable stream of the entry `name`; close it before opening the next."""
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = UNIX
        info.external_attr = ENTRY_PERMISSIONS
        # ZipFile.open(info) leaves an entry's compression level to the ZipInfo.
        info._compresslevel = self._compresslevel
        return self._zip.open(info, mode="w")

    def write(self, name: str, data: bytes):
        with self.open(name) as entry:
            entry.write(data)

    def close(self):
        self._zip.close()
