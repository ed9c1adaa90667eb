"""casekit -- small helpers shared by the mmap conformance cases.

This module deliberately never imports ``mmap``: every case does a plain
``import mmap`` itself, so whatever the runner put in ``sys.modules['mmap']``
is what gets exercised.

Output conventions (keep them stable, the runner diffs transcripts):

    label -> repr(result)
    label !! ExcType: message [errno=ENAME]

Temporary files live in one directory made by ``tempfile.mkdtemp()`` and
removed at interpreter exit; its path is scrubbed from every message.
"""
import atexit
import errno as _errno
import os
import re
import shutil
import sys
import tempfile

__all__ = [
    "show", "say", "describe", "safe_repr", "scrub",
    "tmpdir", "make_file", "open_fd", "open_file", "read_file", "file_size",
    "Idx", "hexdump",
]

_tmp = None
_fds = []
_files = []
_counter = [0]


def _cleanup():
    for f in _files:
        try:
            f.close()
        except Exception:
            pass
    for fd in _fds:
        try:
            os.close(fd)
        except OSError:
            pass
    if _tmp is not None:
        shutil.rmtree(_tmp, ignore_errors=True)


def tmpdir():
    """The per-process temporary directory (created on first use)."""
    global _tmp
    if _tmp is None:
        _tmp = tempfile.mkdtemp(prefix="mmapcase-")
        atexit.register(_cleanup)
    return _tmp


def make_file(data=b"", size=None, name=None):
    """Create a temp file containing ``data``; if ``size`` is given the file
    is then truncated/extended (sparsely) to ``size`` bytes. Returns its path."""
    if name is None:
        _counter[0] += 1
        name = "f%d.bin" % _counter[0]
    path = os.path.join(tmpdir(), name)
    with open(path, "wb") as f:
        f.write(data)
        if size is not None:
            f.truncate(size)
    return path


def open_fd(path, flags=os.O_RDWR):
    """os.open() that is closed again at exit (closing it earlier is fine)."""
    fd = os.open(path, flags)
    _fds.append(fd)
    return fd


def open_file(path, mode="r+b"):
    """open() that is closed again at exit."""
    f = open(path, mode)
    _files.append(f)
    return f


def read_file(path):
    """The file's whole content, read through a fresh descriptor."""
    with open(path, "rb") as f:
        return f.read()


def file_size(path):
    return os.stat(path).st_size


def scrub(text):
    """Remove things that must not reach a transcript (temp paths, addresses)."""
    if _tmp is not None:
        text = text.replace(_tmp, "<tmp>")
    return re.sub(r" at 0x[0-9a-fA-F]+", " at 0x?", text)


def safe_repr(value):
    if isinstance(value, memoryview):
        try:
            return "<memoryview nbytes=%d readonly=%r>" % (value.nbytes, value.readonly)
        except ValueError:
            return "<memoryview released>"
    return scrub(repr(value))


def describe(exc):
    """'ExcType: message [errno=ENAME]' for an exception instance."""
    text = "%s: %s" % (type(exc).__name__, scrub(str(exc)))
    if isinstance(exc, OSError) and exc.errno is not None:
        text += " [errno=%s]" % _errno.errorcode.get(exc.errno, exc.errno)
    return text


def show(label, fn, *args, **kwargs):
    """Call fn(*args, **kwargs); print 'label -> result' or 'label !! exc'.
    Returns the result (None when it raised)."""
    try:
        result = fn(*args, **kwargs)
    except Exception as exc:
        print("%s !! %s" % (label, describe(exc)))
        return None
    print("%s -> %s" % (label, safe_repr(result)))
    return result


def say(label, value):
    """Print an already computed value: 'label -> repr(value)'."""
    print("%s -> %s" % (label, safe_repr(value)))


def hexdump(data):
    return bytes(data).hex()


class Idx:
    """An object that is not an int but has __index__."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value

    def __repr__(self):
        return "Idx(%d)" % self.value
