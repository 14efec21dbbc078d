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
import queue
import threading
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
        # Written by the thread that compresses, taken by the one that sends.
        self._lock = threading.Lock()

    def write(self, data) -> int:
        with self._lock:
            self._chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self) -> bytes:
        with self._lock:
            chunks, self._chunks = self._chunks, []
        return b"".join(chunks)


class _Gate:
    """A write-only stream to `sink` until shut: an archive given up writes nothing more
    (zipfile would write its end when the garbage collector finds it)."""

    def __init__(self, sink):
        self._sink = sink
        self.shut = False

    def write(self, data) -> int:
        if not self.shut:
            self._sink.write(data)
        return len(data)

    def flush(self):
        pass


class DeterministicZip:
    """Entries written one after another, each as a stream, to a write-only stream."""

    def __init__(self, sink, *, moment: datetime.datetime, compresslevel: int):
        self._gate = _Gate(sink)
        # zipfile takes a stream without seek() and tell() as unseekable.
        self._zip = zipfile.ZipFile(
            self._gate, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
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

    def discard(self):
        """Give the archive up, unfinished: nothing more is written."""
        self._gate.shut = True


class CompressingThread:
    """A DeterministicZip whose entries are compressed and written by a thread of their own.

    zlib and hashlib let go of the GIL while they work, so the data is
    compressed while the next rows are read and encoded. The thread takes its
    work in order from a short queue: the bytes are those of DeterministicZip,
    and the rows waiting to be compressed are a few batches at most.
    """

    def __init__(self, sink, *, moment: datetime.datetime, compresslevel: int, depth: int = 4):
        self._zip = DeterministicZip(sink, moment=moment, compresslevel=compresslevel)
        self._queue = queue.Queue(maxsize=depth)
        self._error = None
        self._thread = threading.Thread(target=self._run, name="package-zip", daemon=True)
        self._thread.start()

    def open(self, name: str):
        self._put("open", name)

    def write(self, data: bytes):
        self._put("write", data)

    def close_entry(self):
        self._put("close")

    def entry(self, name: str, data: bytes):
        self.open(name)
        self.write(data)
        self.close_entry()

    def finish(self):
        """Close the archive and wait until all of it is written."""
        self._put("finish")
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abort(self):
        """Stop the thread, the archive left unfinished (the writer failed or was closed)."""
        if self._thread.is_alive():
            self._queue.put(("abort", None))
            self._thread.join()

    def _put(self, operation, argument=None):
        if self._error is not None:
            raise self._error
        self._queue.put((operation, argument))

    def _run(self):
        entry = None
        try:
            while True:
                operation, argument = self._queue.get()
                if operation == "write":
                    entry.write(argument)
                elif operation == "open":
                    entry = self._zip.open(argument)
                elif operation == "close":
                    entry.close()
                    entry = None
                elif operation == "finish":
                    self._zip.close()
                    return
                else:  # abort
                    self._zip.discard()
                    return
        except BaseException as error:
            self._error = error
            self._zip.discard()
            # Take what is sent until the writer learns of the error, so that it
            # never waits on a full queue.
            while self._queue.get()[0] not in ("finish", "abort"):
                pass
