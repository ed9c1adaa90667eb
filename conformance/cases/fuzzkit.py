"""fuzzkit -- runs the differential fuzzer's operations on one mmap module and describes what they did.

The same code serves both users, so a case reproduces exactly what the fuzzer saw:

* conformance/fuzz/fuzz.py runs every operation on two sessions side by side, one over the
  stdlib ``mmap`` and one over the implementation under test, and compares the descriptions;
* the cases it writes (conformance/cases/fuzz/*.py) run one session over whatever ``import mmap``
  gives and print the descriptions, for the conformance runner to diff.

Like casekit, this module never imports ``mmap``: a session is given the module to use.

An operation is a line of Python source run in the session's namespace, where

    mmap                 the module under test          m, n    the maps (None until created)
    fd, rfd, wfd         the data file: read-write, read-only and write-only descriptors
    efd                  an empty file (read-write)     zfd     /dev/zero (read-write)
    mv                   a memoryview (None until made) exports a list of held exports
    Idx(v), Hook(a, v)   __index__ objects; Hook first runs the source `a` in the namespace
    Buf(a, data)         an object whose __buffer__ (3.12+) first runs `a`, then exports `data`
    BadIndex(), Raises() __index__ returning a str / raising ZeroDivisionError
    Sub                  a subclass of mmap.mmap (with a __dict__)

What is compared after each operation: its outcome (the value's description, or the exception's
type, message and errno), the ``mmap.__new__`` audit events it raised, and the state: for each map
its repr (closed, access, length, position, offset) and a checksum of its content, and the size and
checksum of both files. The content is read through pwrite(2) into a memfd, never by touching the
mapping from Python: a page past the end of a truncated file then makes the kernel return a short
count (EFAULT) instead of killing the process with SIGBUS, and the state says "unreadable@N".
"""
import array
import copy
import ctypes
import errno as _errno
import gc
import hashlib
import os
import pickle
import re
import shutil
import struct
import sys
import tempfile
import weakref
import zlib

__all__ = ["Session", "require", "describe_value", "describe_exception"]

# Values longer than this are described by length and checksum rather than in full.
_SHORT = 48
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

# Compiled operations, shared by the sessions of a process: (code, is an expression).
_compiled = {}

# The session whose operation is running: where audit events go.
_current = None
_audit_installed = False


def _audit(event, args):
    session = _current
    if session is not None and event == "mmap.__new__":
        session._audit_events.append(args)


def _install_audit_hook():
    global _audit_installed
    if not _audit_installed:
        sys.addaudithook(_audit)
        _audit_installed = True


def _checksum(data):
    return "%08x" % zlib.crc32(data)


def describe_value(value):
    """A description of an operation's result that is the same for equal results of either module."""
    if isinstance(value, (bytes, bytearray)):
        if len(value) <= _SHORT:
            return repr(value)
        return "%s[%d] crc=%s head=%r" % (type(value).__name__, len(value), _checksum(value), bytes(value[:16]))
    if isinstance(value, memoryview):
        try:
            return "<memoryview nbytes=%d readonly=%r format=%r>" % (value.nbytes, value.readonly, value.format)
        except ValueError:
            return "<memoryview released>"
    if isinstance(value, (list, tuple)):
        if len(value) <= 8:
            return "%s[%s]" % (type(value).__name__, ", ".join(describe_value(item) for item in value))
        return "%s[%d] crc=%s" % (type(value).__name__, len(value), _checksum(repr(value).encode()))
    if isinstance(value, str) and len(value) > 4 * _SHORT:
        return "str[%d] crc=%s" % (len(value), _checksum(value.encode("utf-8", "surrogatepass")))
    return _ADDRESS.sub(" at 0x?", repr(value))


def describe_exception(exc):
    """'Type: message [errno=NAME]': what the fuzzer compares of an exception."""
    text = "%s: %s" % (type(exc).__name__, _ADDRESS.sub(" at 0x?", str(exc)))
    if isinstance(exc, OSError) and exc.errno is not None:
        text += " [errno=%s]" % _errno.errorcode.get(exc.errno, exc.errno)
    return text


# Probes of the stdlib, each run in a child process because failing one may crash it. The fuzzer leaves out
# of its random mix what the stdlib of the interpreter cannot survive (conformance/fuzz/README.md), and a
# case that does such a thing skips itself there (require()).
PROBES = {
    # An __index__ that closes the map during argument conversion: a stdlib that survives this raises
    # "mmap closed or invalid" for every one of these (gh-103987, fixed in 3.11.4 and 3.12). Before,
    # some read or write the unmapped memory.
    "close_in_index": r"""
import mmap
class Closing:
    def __init__(self, value): self.value = value
    def __index__(self):
        m.close()
        return self.value
calls = [lambda: m[Closing(0)], lambda: m[Closing(0):4], lambda: m.read(Closing(4)),
         lambda: m.write_byte(Closing(1)), lambda: m.find(b'a', Closing(0)), lambda: m.__setitem__(Closing(0), 1),
         lambda: m.__setitem__(0, Closing(1)), lambda: m.move(Closing(0), 1, 2), lambda: m.madvise(0, Closing(0))]
for call in calls:
    m = mmap.mmap(-1, 8192)
    try:
        call()
    except ValueError as e:
        assert str(e) == "mmap closed or invalid", e
    else:
        raise SystemExit("no error")
""",
    # find() reading one byte past the end of the map (SIGSEGV when the next page is not mapped):
    # 3.11.0 to 3.11.4 (gh-105235). The shrink leaves an unmapped page right after the map.
    "find_in_bounds": r"""
import mmap
m = mmap.mmap(-1, 3 * mmap.PAGESIZE)
m.resize(2 * mmap.PAGESIZE)
m[0] = 1
m.find(b'\x01\x00\x00', 100)
m.rfind(b'\x00\x00\x01', 100)
""",
}


def stdlib_survives(probe, python=None):
    """Whether the stdlib mmap of `python` (default: this interpreter) survives PROBES[probe]."""
    import subprocess
    try:
        completed = subprocess.run([python or sys.executable, "-I", "-c", PROBES[probe]], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return False
    return completed.returncode == 0


def require(*probes):
    """For the cases: exits (0) saying so when this interpreter's stdlib does not survive a probe. The
    probe runs in a child with the stdlib mmap whatever this process uses, so both sides skip alike."""
    for probe in probes:
        if not stdlib_survives(probe):
            print("skipped: the stdlib mmap of this interpreter does not survive %r (see fuzzkit.PROBES)" % probe)
            sys.exit(0)


class Session:
    """One module's side: a temp folder with the data file, the namespace, and the step runner."""

    def __init__(self, mmap_module, data=b"", folder=None):
        _install_audit_hook()
        self.mmap = mmap_module
        self.folder = folder or tempfile.mkdtemp(prefix="mmapfuzz-")
        self._own_folder = folder is None
        self._audit_events = []
        self.path = os.path.join(self.folder, "data.bin")
        self.empty_path = os.path.join(self.folder, "empty.bin")
        with open(self.path, "wb") as f:
            f.write(data)
        open(self.empty_path, "wb").close()
        self.fds = {
            "fd": os.open(self.path, os.O_RDWR),
            "rfd": os.open(self.path, os.O_RDONLY),
            "wfd": os.open(self.path, os.O_WRONLY),
            "efd": os.open(self.empty_path, os.O_RDWR),
            "zfd": os.open("/dev/zero", os.O_RDWR),
        }
        self._fd_names = {fd: name for name, fd in self.fds.items()}
        self._scratch = os.memfd_create("mmapfuzz-state")
        # Per map variable: whether the last state check found pages it cannot read (see content()).
        self.unreadable = {}
        self.ns = self._namespace()

    def _namespace(self):
        ns = {
            "__builtins__": __builtins__, "mmap": self.mmap, "m": None, "n": None, "mv": None, "exports": [],
            "os": os, "re": re, "struct": struct, "pickle": pickle, "copy": copy, "hashlib": hashlib,
            "weakref": weakref, "gc": gc, "ctypes": ctypes, "sys": sys, "array": array, "zlib": zlib,
        }
        ns.update(self.fds)

        class Idx:
            def __init__(self, value):
                self.value = value

            def __index__(self):
                return self.value

            def __repr__(self):
                return "Idx(%r)" % (self.value,)

        class Hook:
            """__index__ that first runs `action` in the session's namespace (closing, resizing...)."""

            def __init__(self, action, value):
                self.action = action
                self.value = value

            def __index__(self):
                exec(self.action, ns)
                return self.value

            def __repr__(self):
                return "Hook(%r, %r)" % (self.action, self.value)

        class Buf:
            """A bytes-like object (3.12+ __buffer__) that first runs `action` in the namespace."""

            def __init__(self, action, data):
                self.action = action
                self.data = data

            def __buffer__(self, flags):
                exec(self.action, ns)
                return memoryview(self.data)

            def __repr__(self):
                return "Buf(%r, %r)" % (self.action, self.data)

        class BadIndex:
            def __index__(self):
                return "1"

        class Raises:
            def __index__(self):
                raise ZeroDivisionError("from __index__")

        class Sub(self.mmap.mmap):
            pass

        ns.update(Idx=Idx, Hook=Hook, Buf=Buf, BadIndex=BadIndex, Raises=Raises, Sub=Sub)
        return ns

    def step(self, source):
        """Runs one operation; returns (outcome, state) descriptions."""
        global _current
        code = _compiled.get(source)
        if code is None:
            try:
                code = (compile(source, "<op>", "eval"), True)
            except SyntaxError:
                code = (compile(source, "<op>", "exec"), False)
            if len(_compiled) > 100000:
                _compiled.clear()
            _compiled[source] = code
        self._audit_events.clear()
        _current = self
        try:
            value = eval(code[0], self.ns)
            outcome = "-> " + describe_value(value) if code[1] else "ok"
        except Exception as exc:
            outcome = "!! " + describe_exception(exc)
        finally:
            _current = None
        value = None  # the result dies here, releasing what it holds (a memoryview's export...)
        if self._audit_events:
            outcome += " audit=" + repr([self._audit_args(args) for args in self._audit_events])
        try:
            state = self.state()
        except Exception as exc:  # an implementation failing where the stdlib does not is a divergence, not a fuzzer error
            state = "state check failed: " + describe_exception(exc)
        return outcome, state

    def _audit_args(self, args):
        fileno = args[0]
        return (self._fd_names.get(fileno, fileno),) + tuple(args[1:])

    def state(self):
        parts = []
        for name in ("m", "n"):
            obj = self.ns.get(name)
            parts.append("%s=%s" % (name, self.map_state(name, obj)))
        mv = self.ns.get("mv")
        if isinstance(mv, memoryview):
            parts.append("mv=" + describe_value(mv))
        parts.append("exports=%d" % len(self.ns["exports"]) if isinstance(self.ns.get("exports"), list) else "exports=?")
        for name, fd in (("data", self.fds["fd"]), ("empty", self.fds["efd"])):
            parts.append("%s=%s" % (name, self.file_state(fd)))
        return " ".join(parts)

    def map_state(self, name, obj):
        base = self.mmap.mmap
        self.unreadable[name] = False
        if not isinstance(obj, base):
            return type(obj).__name__
        if base.closed.__get__(obj):
            return "closed"
        return "%s content=%s" % (_ADDRESS.sub(" at 0x?", base.__repr__(obj)), self.content(name, obj))

    def content(self, name, obj):
        """The map's bytes as checksum/length, read by the kernel so a fault is an error, not SIGBUS."""
        try:
            view = memoryview(obj)
        except Exception as exc:
            return "nobuffer(%s)" % describe_exception(exc)
        try:
            length = len(view)
            try:
                copied = os.pwrite(self._scratch, view, 0) if length else 0
            except OSError as exc:
                if exc.errno != _errno.EFAULT:
                    raise
                copied = 0
        finally:
            view.release()
        data = os.pread(self._scratch, copied, 0) if copied else b""
        text = "%s/%d" % (_checksum(data), len(data))
        if copied < length:
            text += " unreadable@%d" % copied
            self.unreadable[name] = True
        return text

    def file_state(self, fd):
        size = os.fstat(fd).st_size
        if size > 1 << 22:
            return "%d:big" % size
        return "%d:%s" % (size, _checksum(os.pread(fd, size, 0)))

    def close(self):
        """Lets go of everything: exports, maps, descriptors, the folder."""
        ns = self.ns
        exports = ns.get("exports")
        if isinstance(exports, list):
            exports.clear()
        for name in ("mv", "m", "n"):
            obj = ns.get(name)
            if isinstance(obj, memoryview):
                try:
                    obj.release()
                except Exception:
                    pass
        for name in ("m", "n"):
            obj = ns.get(name)
            if isinstance(obj, self.mmap.mmap):
                try:
                    self.mmap.mmap.close(obj)
                except Exception:
                    pass
        ns.clear()
        for fd in list(self.fds.values()) + [self._scratch]:
            try:
                os.close(fd)
            except OSError:
                pass
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)
        else:
            for path in (self.path, self.empty_path):
                try:
                    os.unlink(path)
                except OSError:
                    pass

    def run(self, source):
        """For the cases: runs one operation and prints what the fuzzer compares."""
        outcome, state = self.step(source)
        print("%s %s" % (source, outcome))
        print("    %s" % state)
