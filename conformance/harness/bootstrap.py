"""Runs a conformance case, or a module such as unittest, with ``mmap`` served by a chosen module.

Usage::

    python bootstrap.py MODULE CASE_PATH [ARGS...]     # like: python CASE_PATH ARGS...
    python bootstrap.py MODULE -m RUN_MODULE [ARGS...]  # like: python -m RUN_MODULE ARGS...
    python bootstrap.py MODULE --probe                  # prints the status below as JSON and exits 0

MODULE is ``mmap`` for CPython's own module (the reference) or the implementation under test (for example
``mmapnet``). Both sides of every comparison run through this file, so the only thing that differs between
them is MODULE. The case runs as python runs a program of its own (``sys.argv``, ``sys.path[0]``, ``__main__``,
tracebacks, exit statuses), by the same code that runs programs for ``python -m mmapnet run`` and mmapnet-host:
``python/mmapnet/_pymain.py``.

The implementation is imported and installed as ``sys.modules['mmap']`` before the case runs, so the case's
``import mmap`` (and ``from mmap import ...``) gets it. It is then checked to really be the implementation: a
module that is, or hands out, the standard library's ``mmap`` object would make every comparison pass
without testing anything. When the implementation cannot be imported or fails that check, a line
``bootstrap: module NAME could not be imported: ...`` (or ``... is not an implementation: ...``) goes to
stderr and the exit code is 97.

If the environment variable MMAPNET_BOOTSTRAP_STATUS names a file, a JSON status is written there: which
module served ``mmap`` (name, file, type of ``mmap.mmap``), or the error, and, once the case has finished
without the process dying, the exit code Python is about to exit with. The runner uses that last entry to
tell an exit code from a death by signal.

Standard library only: this runs on every supported interpreter before anything else is importable.
"""

import importlib
import importlib.util
import json
import os
import sys


def _load_program_runner():
    # By its path, not as mmapnet._pymain: importing anything from the mmapnet package runs its __init__, which would
    # load the C# implementation into the reference side too. The file imports nothing from mmapnet.
    path = os.path.join(os.path.dirname(os.path.realpath(__file__)), os.pardir, os.pardir, "python", "mmapnet", "_pymain.py")
    spec = importlib.util.spec_from_file_location("_mmapnet_pymain", os.path.normpath(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_pymain = _load_program_runner()


def _import_stdlib_mmap():
    # A host that serves mmap itself (mmapnet-host puts its implementation in sys.modules['mmap'] before it runs a
    # program) would hand the implementation out as the reference: import the standard library's module around it.
    served = sys.modules.pop("mmap", None)
    try:
        return importlib.import_module("mmap")
    finally:
        if served is not None:
            sys.modules["mmap"] = served


# The standard library's module, imported first on both sides so that the import order is the same whether
# or not mmap is replaced, and so that the check below compares against the genuine article.
_stdlib_mmap = _import_stdlib_mmap()

SETUP_FAILED_EXIT = 97
STATUS_VARIABLE = "MMAPNET_BOOTSTRAP_STATUS"

_status = {"requested": None, "python": sys.version.split()[0]}


def _write_status(**entries):
    _status.update(entries)
    path = os.environ.get(STATUS_VARIABLE)
    if path:
        with open(path, "w", encoding="utf-8") as status_file:
            json.dump(_status, status_file)


def _fail_setup(message):
    _write_status(error=message)
    sys.stderr.write("bootstrap: " + message + "\n")
    sys.stderr.flush()
    sys.exit(SETUP_FAILED_EXIT)


def _describe(module):
    mmap_type = getattr(module, "mmap", None)
    return {
        "served_by": module.__name__,
        "file": getattr(module, "__file__", None),
        "mmap_type": None if mmap_type is None else "%s.%s" % (mmap_type.__module__, mmap_type.__qualname__),
    }


def install(name):
    """Makes ``import mmap`` return module NAME; records what serves it."""
    _write_status(requested=name)
    if name == "mmap":
        sys.modules["mmap"] = _stdlib_mmap  # whatever a host had put there
        _write_status(substituted=False, **_describe(_stdlib_mmap))
        return

    try:
        implementation = importlib.import_module(name)
    except BaseException as error:  # a SystemExit or KeyboardInterrupt during import is a failed import too
        _fail_setup("module %s could not be imported: %s: %s" % (name, type(error).__name__, error))

    if implementation is _stdlib_mmap:
        _fail_setup("module %s is not an implementation: it is the standard library's mmap module" % name)
    if getattr(implementation, "mmap", None) is _stdlib_mmap.mmap:
        _fail_setup("module %s is not an implementation: its mmap type is the standard library's mmap.mmap" % name)

    sys.modules["mmap"] = implementation
    if importlib.import_module("mmap") is not implementation:
        _fail_setup("module %s is not an implementation: 'import mmap' does not return it after substitution" % name)
    _write_status(substituted=True, **_describe(implementation))


def _prepare(target, arguments):
    if target == "-m":
        if not arguments:
            _fail_setup("-m needs a module to run")
        _pymain.leave_launcher()
        return _pymain.prepare_module(arguments[0], arguments[1:])

    case = os.path.abspath(target)
    if not os.path.isfile(case):
        _fail_setup("no such case file: %s" % case)
    _pymain.leave_launcher()
    return _pymain.prepare_path(case, arguments, sys.executable)  # the name is for a file it cannot open: checked above


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    module, target, arguments = argv[1], argv[2], argv[3:]
    install(module)
    if target == "--probe":
        sys.stdout.write(json.dumps(_status) + "\n")
        return 0

    prepared = _prepare(target, arguments)
    try:
        status = _pymain.run(prepared)
    except KeyboardInterrupt:
        # Reported already; python now ends by SIGINT, which the runner tells from this exit code.
        _write_status(finished=True, exit_code=1)
        raise
    _write_status(finished=True, exit_code=status & 0xFF)  # what the OS keeps of the status passed to exit()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
