"""What fork children see of their parent's maps, and what the parent sees of theirs, with the stdlib and mmapnet.

    python fork_maps.py

Runs the same scenario with ``mmap`` and with ``mmapnet`` in this one process and prints, for each, one line per
observation: the test compares the two transcripts (the stdlib's is the expected one; nothing is written down
here). For every kind of map -- a shared and a private anonymous map, and a file map with ACCESS_WRITE (shared)
and ACCESS_COPY (private) -- the parent writes, forks, and the child reads what the parent wrote, writes its own
bytes, reports the map's length, position, size() and repr, resizes where the kind allows, closes its copy and
exits; the parent then reports what of the child's writes it sees (a shared map sees them, a private one does not),
that its own map is still open and usable, and the file's content.
"""

import importlib
import mmap as stdlib_mmap
import os
import sys
import tempfile
import time

PAGE = stdlib_mmap.PAGESIZE


def outcome(action):
    try:
        return repr(action())
    except Exception as exc:  # the transcript records what happened, whatever it was
        return "%s: %s" % (type(exc).__name__, exc)


def wait_for(pid, seconds=20):
    """The child's exit status, or 'hang' (killed) if it has not exited in time: a child stuck in a runtime lock
    after fork must fail the comparison, not hang the test."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "exit %s" % os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status
        time.sleep(0.01)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return "hang"


def scenario(module, kind, folder, lines):
    path = os.path.join(folder, "%s-%s.bin" % (module.__name__, kind))
    with open(path, "wb") as f:
        f.write(b"." * (2 * PAGE))
    fd = os.open(path, os.O_RDWR)
    if kind == "anon-shared":
        m = module.mmap(-1, 2 * PAGE, flags=module.MAP_SHARED)
    elif kind == "anon-private":
        m = module.mmap(-1, 2 * PAGE, flags=module.MAP_PRIVATE)
    elif kind == "file-shared":
        m = module.mmap(fd, 2 * PAGE, access=module.ACCESS_WRITE)
    else:
        m = module.mmap(fd, 2 * PAGE, access=module.ACCESS_COPY)
    m[0:6] = b"parent"
    m.seek(3)
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        # The child: its report goes through the pipe, then os._exit (no cleanup of the parent's objects).
        report = []
        try:
            report.append("child sees %s" % outcome(lambda: m[0:6]))
            report.append("child tell %s len %s" % (outcome(m.tell), outcome(lambda: len(m))))
            report.append("child size %s" % outcome(m.size))
            report.append("child write %s" % outcome(lambda: m.__setitem__(slice(PAGE, PAGE + 5), b"child")))
            report.append("child reads back %s" % outcome(lambda: m[PAGE:PAGE + 5]))
            report.append("child flush %s" % outcome(m.flush))
            if kind in ("anon-private", "file-shared"):
                report.append("child resize %s len %s" % (outcome(lambda: m.resize(3 * PAGE)), outcome(lambda: len(m))))
            report.append("child repr %s" % repr(m))
            report.append("child close %s closed %s" % (outcome(m.close), m.closed))
        except BaseException as exc:  # anything unexpected goes into the transcript too
            report.append("child failed %s: %s" % (type(exc).__name__, exc))
        os.write(write_end, "\n".join(report).encode())
        os._exit(0)
    os.close(write_end)
    status = wait_for(pid)
    with os.fdopen(read_end, "rb") as child:
        lines.extend("%s %s" % (kind, line) for line in child.read().decode().splitlines())
    lines.append("%s child %s" % (kind, status))
    lines.append("%s parent sees %s" % (kind, outcome(lambda: m[PAGE:PAGE + 5])))
    lines.append("%s parent tell %s len %s closed %s" % (kind, outcome(m.tell), outcome(lambda: len(m)), m.closed))
    lines.append("%s parent write %s" % (kind, outcome(lambda: m.write(b"again"))))
    lines.append("%s parent close %s" % (kind, outcome(m.close)))
    os.close(fd)
    with open(path, "rb") as f:
        content = f.read()
    lines.append("%s file %r ... %r (%d bytes)" % (kind, content[:8], content[PAGE:PAGE + 5], len(content)))
    os.unlink(path)


def run(module_name):
    module = importlib.import_module(module_name)
    folder = tempfile.mkdtemp(prefix="fork-maps-")
    lines = []
    for kind in ("anon-shared", "anon-private", "file-shared", "file-private"):
        scenario(module, kind, folder, lines)
    os.rmdir(folder)
    return lines


for name in ("mmap", "mmapnet"):
    print("== " + name)
    for line in run(name):
        print(line)
