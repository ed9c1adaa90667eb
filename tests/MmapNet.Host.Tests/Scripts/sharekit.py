"""Helpers of the sharing scripts: loads the test assembly's MapProbe through clr, and prints outcomes.

argv[1] is the test assembly. In mmapnet-host, clr is pythonnet's from the start; in a stock python3,
`import clr` after `import mmapnet` initialises pythonnet in the CoreCLR that mmapnet booted.
"""
import importlib
import sys

import mmapnet
import clr

clr.AddReference(sys.argv[1])
from MmapNet.Host.Tests import MapProbe  # noqa: E402


def stdlib_mmap():
    """The standard library's mmap module, even where `import mmap` is served by mmapnet."""
    served = sys.modules.pop("mmap", None)
    try:
        return importlib.import_module("mmap")
    finally:
        if served is not None:
            sys.modules["mmap"] = served


def outcome(action):
    try:
        return "-> " + repr(action())
    except Exception as error:  # .NET exceptions arrive as Python exceptions too
        return "!! %s: %s" % (type(error).__name__, error)


def attempt(label, action, like=None):
    """Prints what action() gives; with `like`, an action on a standard-library map that CPython answers, says whether
    the outcome is CPython's."""
    got = outcome(action)
    print(label, got)
    if like is not None:
        expected = outcome(like)
        if expected != got:
            print(label, "differs from CPython, which gives", expected)


def with_stdlib_map(action, size=16):
    """A `like` action: runs action(map) on a fresh standard-library anonymous map."""
    def run():
        stdlib_map = stdlib_mmap().mmap(-1, size)
        return action(stdlib_map)
    return run


def file_to_map(size=4096):
    """A temporary file of `size` bytes with a name of its own: whether it is mapped shows in /proc/self/maps."""
    import atexit, os, tempfile
    descriptor, path = tempfile.mkstemp(prefix="mmapnet-share-", suffix=".bin")
    os.ftruncate(descriptor, size)
    os.close(descriptor)
    atexit.register(os.remove, path)
    return path


def is_mapped(path):
    with open("/proc/self/maps") as maps:
        return any(line.rstrip("\n").endswith(" " + path) for line in maps)
