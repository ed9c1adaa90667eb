"""What the comparison snippets share: the module under test installed as ``mmap``, and a transcript of steps.

Every snippet is run twice in the same interpreter, ``python SNIPPET mmap`` (CPython's own module, the oracle)
and ``python SNIPPET mmapnet``, and the C# test compares the two transcripts step by step. So a snippet never
prints anything that differs between two runs of the same module (addresses, ids, times).

A step prints one line, ``LABEL => OUTCOME``: OUTCOME is a description of the value the step returned
(``repr`` for plain values), or ``raises Type: message`` for an exception. The label is printed and flushed
before the step runs, so a process that dies in a step leaves ``LABEL => `` unfinished; the test then runs
the snippet again from the next step (MMAPNET_TRANSCRIPT_START is the number of steps to leave out), which
is why a step must not depend on what an earlier step did (each makes its own map).

A label starting with ``*`` marks a step whose own Python code (an ``__index__``, a ``__buffer__``) closes
or resizes the map while the method is converting its arguments. CPython's outcome there can come from
using a mapping that is gone (a crash, an msync or mremap of address 0, a write past the new end), so the
test compares such a step leniently (see SnippetComparison.cs).

Standard library only.
"""

import importlib
import os
import sys

# The standard library's module, imported on both sides, so that the substitution can be checked against it.
import mmap as _stdlib_mmap

SETUP_FAILED = 97
_start = int(os.environ.get("MMAPNET_TRANSCRIPT_START", "0"))
_labels = set()
_index = 0


def install():
    """Imports the module named by argv[1] and makes it ``sys.modules['mmap']``; returns it."""
    if len(sys.argv) < 2:
        _fail("usage: python %s MODULE [ARGS...]" % sys.argv[0])
    name = sys.argv[1]
    module = importlib.import_module(name)
    if name != "mmap":
        if module is _stdlib_mmap or getattr(module, "mmap", None) is _stdlib_mmap.mmap:
            _fail("%s is not an implementation: it hands out the standard library's mmap" % name)
        sys.modules["mmap"] = module
    import mmap
    if mmap is not module:
        _fail("'import mmap' does not return %s after the substitution" % name)
    probe = mmap.mmap(-1, 1)
    is_stdlib_type = type(probe) is _stdlib_mmap.mmap
    if type(probe) is not module.mmap or is_stdlib_type != (name == "mmap"):
        _fail("mmap.mmap(-1, 1) is a %r, not %s's type" % (type(probe), name))
    probe.close()
    return module


def _fail(message):
    sys.stderr.write("transcript: %s\n" % message)
    sys.exit(SETUP_FAILED)


def describe(value):
    """A description of a value that is the same for equal values in two processes."""
    if value is None or isinstance(value, (bool, int, float, str, bytes, bytearray)):
        return repr(value)
    if isinstance(value, (tuple, list)):
        inner = ", ".join(describe(item) for item in value)
        return "(%s%s)" % (inner, "," if len(value) == 1 else "") if isinstance(value, tuple) else "[%s]" % inner
    if isinstance(value, dict):
        return "{%s}" % ", ".join("%s: %s" % (describe(k), describe(v)) for k, v in value.items())
    if isinstance(value, BaseException):
        return "%s: %s" % (type(value).__qualname__, value)
    return "<%s object>" % type(value).__qualname__


def step(label, action):
    """Runs ``action()`` and prints its outcome under ``label``."""
    global _index
    if label in _labels:
        raise AssertionError("two steps are labelled %r" % label)
    _labels.add(label)
    _index += 1
    if _index <= _start:
        return
    sys.stdout.write("%s => " % label)
    sys.stdout.flush()
    try:
        outcome = describe(action())
    except Exception as error:  # noqa: BLE001 - an exception is the step's outcome
        outcome = "raises " + describe(error)
    sys.stdout.write(outcome.replace("\n", "\\n") + "\n")  # one line per step; repr has no newline
    sys.stdout.flush()


def raises(action):
    """Runs ``action()``, returning the exception it raised (described), or its result."""
    try:
        return action()
    except Exception as error:  # noqa: BLE001
        return "raised " + describe(error)
