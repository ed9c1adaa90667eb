"""Faults under a live map: one scenario per run, with the module named; the test runs each with the stdlib and with
mmapnet and compares what they print and how they end (nothing expected is written down here).

    python faults.py MODULE SCENARIO

Scenarios (faults that end the process, a file truncated under its map among them, are in
tests/MmapNet.Guest.Tests/Scripts/faults.py):

  fd-closed
        The descriptor the map was made from is closed (and its number reused by another file): mmap duplicated
        it, so the map keeps working; size(), resize(), flush(), reads and writes and the file's content are
        printed.
  file-size-limit
        RLIMIT_FSIZE lowered below what resize() needs, with SIGXFSZ ignored (else it kills the process):
        ftruncate fails with EFBIG; the error (type, errno, message) and the map's state after it are printed.
        This is the reproducible stand-in for a full disk (ENOSPC needs a small file system to fill).
"""

import importlib
import mmap as stdlib_mmap
import os
import resource
import signal
import sys
import tempfile

module = importlib.import_module(sys.argv[1])
scenario = sys.argv[2]
PAGE = stdlib_mmap.PAGESIZE


def outcome(action):
    try:
        return repr(action())
    except Exception as exc:  # the transcript records what happened, whatever it was
        errno = getattr(exc, "errno", None)
        return "%s%s: %s" % (type(exc).__name__, " [errno %s]" % errno if errno is not None else "", exc)


def say(label, text):
    print("%s: %s" % (label, text), flush=True)  # flushed: the process may die on the next line


def file_of(size, byte=b"x"):
    handle, path = tempfile.mkstemp(prefix="faults-")
    os.write(handle, byte * size)
    return handle, path


def fd_closed():
    fd, path = file_of(2 * PAGE)
    m = module.mmap(fd, 0)
    os.close(fd)
    reused = os.open(path, os.O_RDONLY)  # most likely the same number: the map must not be using it
    say("descriptor number reused", reused == fd)
    say("len", outcome(lambda: len(m)))
    say("size", outcome(m.size))
    say("read", outcome(lambda: m[0:4]))
    say("write", outcome(lambda: m.__setitem__(slice(0, 4), b"abcd")))
    say("flush", outcome(m.flush))
    say("resize grow", outcome(lambda: m.resize(3 * PAGE)))
    say("size after grow", outcome(m.size))
    say("len after grow", outcome(lambda: len(m)))
    say("write in the new page", outcome(lambda: m.__setitem__(slice(2 * PAGE, 2 * PAGE + 4), b"wxyz")))
    say("resize shrink", outcome(lambda: m.resize(PAGE)))
    say("size after shrink", outcome(m.size))
    say("close", outcome(m.close))
    say("size after close", outcome(m.size))
    with open(path, "rb") as f:
        content = f.read()
    say("file", "%d bytes, starts %r" % (len(content), content[:4]))
    say("reused descriptor still open", outcome(lambda: os.fstat(reused).st_size))
    os.close(reused)
    os.unlink(path)


def file_size_limit():
    fd, path = file_of(2 * PAGE)
    m = module.mmap(fd, 0)
    m[0:4] = b"keep"
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (3 * PAGE, hard))
    say("resize within the limit", outcome(lambda: m.resize(3 * PAGE)))
    say("resize past the limit", outcome(lambda: m.resize(8 * PAGE)))
    say("state", outcome(lambda: (len(m), m.size(), m.tell(), m[0:4], m.closed)))
    say("write after the failed resize", outcome(lambda: m.__setitem__(slice(3 * PAGE - 4, 3 * PAGE), b"tail")))
    say("resize shrink", outcome(lambda: m.resize(PAGE)))
    say("state after shrink", outcome(lambda: (len(m), m.size(), m[0:4])))
    say("new map past the limit", outcome(lambda: module.mmap(-1, 8 * PAGE).close()))
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    say("resize after the limit is lifted", outcome(lambda: m.resize(8 * PAGE)))
    say("close", outcome(m.close))
    os.close(fd)
    say("file size", os.path.getsize(path))
    os.unlink(path)


if scenario == "fd-closed":
    fd_closed()
elif scenario == "file-size-limit":
    file_size_limit()
else:
    raise SystemExit("unknown scenario " + scenario)
