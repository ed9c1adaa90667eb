"""Running a program as ``python`` runs it: ``python PATH ARGS``, ``python -m MODULE ARGS`` and ``python -c COMMAND
ARGS``, with their ``sys.argv``, ``sys.path[0]``, ``__main__``, tracebacks and exit statuses (Modules/main.c,
Python/pythonrun.c).

Three launchers use it:

- mmapnet-host (MmapNet.Host) embeds CPython and calls the prepared step itself, through the C API, so that no frame of
  its own is on a traceback and an uncaught exception is printed by ``PyErr_Print``;
- ``python -m mmapnet run`` (:mod:`mmapnet._run`) runs the step with :func:`run`;
- the conformance harness (``conformance/harness/bootstrap.py``) does the same on both sides of a comparison. It loads
  this file by its path rather than importing it from the package: importing anything from ``mmapnet`` runs
  ``mmapnet/__init__.py``, which would load the C# implementation into the reference side too.

So this file imports nothing from mmapnet, and only the standard library.
"""

import functools
import os
import sys

# Exit statuses python itself uses.
_EXIT_CANNOT_OPEN = 2

# What the prepare_* functions return, (CALL, step), (RAISE, exception) or (EXIT, status): the launcher calls the step,
# raises the exception (python compiles before any frame exists, so a SyntaxError has no traceback), or exits.
CALL = "call"
RAISE = "raise"
EXIT = "exit"


def leave_launcher():
    """For a launcher that is itself a Python program (``python -m mmapnet run``, the conformance bootstrap): undoes
    what python's start-up did for the launcher, so that the prepare_* functions find what python's start-up leaves
    for a program of its own: a fresh ``__main__``, and no ``sys.path`` entry for the launcher (python puts the
    launcher's folder, or the working folder for ``-m``, first; with -P, or -I on 3.10, nothing)."""
    if not _safe_path():
        del sys.path[0]
    sys.modules["__main__"] = _fresh_main()


def prepare_path(path, arguments, program_name):
    """Prepares ``python PATH ARGS``: returns (CALL, step), or (RAISE, SyntaxError), or (EXIT, 2) when the file cannot
    be opened (after saying so as python does, naming itself ``program_name``)."""
    sys.argv = [path] + list(arguments)
    if _is_runnable_folder_or_archive(path):
        # A folder or zip file with __main__.py: python puts it first on sys.path and runs __main__ from it.
        sys.path.insert(0, path)
        import runpy
        return CALL, functools.partial(runpy._run_module_as_main, "__main__", False)

    # Since 3.9, __main__.__file__ and the code's filename are absolute (joined, not normalised), while sys.path[0] is
    # the folder of the script with symbolic links resolved.
    filename = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    try:
        with open(filename, "rb") as source_file:
            source = source_file.read()
    except OSError as error:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (program_name, filename, error.errno, error.strerror))
        sys.stderr.flush()
        return EXIT, _EXIT_CANNOT_OPEN

    if not _safe_path():
        sys.path.insert(0, os.path.dirname(os.path.realpath(path)))
    main_globals = _main_globals()
    main_globals["__file__"] = filename
    main_globals["__cached__"] = None

    if _is_compiled_file(filename, source):
        import importlib.util
        import marshal

        from importlib.machinery import SourcelessFileLoader
        main_globals["__loader__"] = SourcelessFileLoader("__main__", filename)
        if source[:4] != importlib.util.MAGIC_NUMBER:
            return RAISE, RuntimeError("Bad magic number in .pyc file")
        code = marshal.loads(source[16:])
    else:
        from importlib.machinery import SourceFileLoader
        main_globals["__loader__"] = SourceFileLoader("__main__", filename)
        try:
            code = compile(source, filename, "exec", 0, True)
        except SyntaxError as error:
            return RAISE, error.with_traceback(None)
    return CALL, functools.partial(exec, code, main_globals)


def prepare_module(module, arguments):
    """Prepares ``python -m MODULE ARGS``; returns (CALL, step)."""
    import runpy

    sys.argv = ["-m"] + list(arguments)  # runpy replaces argv[0] with the module's file, as python -m does
    if not _safe_path():
        sys.path.insert(0, os.getcwd())
    return CALL, functools.partial(runpy._run_module_as_main, module, True)


def prepare_command(command, arguments):
    """Prepares ``python -c COMMAND ARGS``: returns (CALL, step) or (RAISE, SyntaxError)."""
    sys.argv = ["-c"] + list(arguments)
    if not _safe_path():
        sys.path.insert(0, "")
    try:
        code = compile(command, "<string>", "exec", 0, True)
    except SyntaxError as error:
        return RAISE, error.with_traceback(None)
    return CALL, functools.partial(exec, code, _main_globals())


def run(prepared):
    """Runs a prepared program from Python code as python's main runs its own: returns the exit status python would
    exit with (0; a SystemExit's status, its message printed; 1 for any other uncaught exception, reported through
    ``sys.excepthook`` with a traceback that starts at the program's own frames). An uncaught KeyboardInterrupt is
    raised again once reported, with the report not repeated: python, which the launcher runs in, then ends as it
    ends its own program after one, by SIGINT."""
    kind, value = prepared
    if kind == EXIT:
        return value
    try:
        if kind == RAISE:
            raise value
        value()
    except SystemExit as error:
        return system_exit_code(error)
    except BaseException as error:  # noqa: B902 - reported as python reports it
        _print_uncaught(error)
        if isinstance(error, KeyboardInterrupt):
            sys.excepthook = _already_reported
            raise
        return 1
    return 0


def system_exit_code(error):
    """The exit status of an uncaught SystemExit, printing its message if it has one, as _Py_HandleSystemExit does:
    None is 0, an int is passed to exit() (out of C long range: -1), anything else is printed and is 1."""
    code = getattr(error, "code", error)
    if code is None:
        return 0
    if isinstance(code, int):
        return code if -(1 << 63) <= code < (1 << 63) else -1
    stderr = getattr(sys, "stderr", None)
    if stderr is not None:
        stderr.write(str(code))
        stderr.write("\n")
    else:
        os.write(2, (str(code) + "\n").encode(errors="backslashreplace"))
    return 1


def _print_uncaught(error):
    """What PyErr_Print does with an uncaught exception: sys.last_* set, then sys.excepthook (the program's own, if it
    set one) called; here with a traceback that starts below this module's frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_globals.get("__name__") == __name__:
        tb = tb.tb_next
    # The default hook prints the exception's own __traceback__ when it has one, whatever tb it is passed.
    error.__traceback__ = tb
    sys.last_type, sys.last_value, sys.last_traceback = type(error), error, tb
    if sys.version_info >= (3, 12):
        sys.last_exc = error
    sys.stderr.flush()
    hook = getattr(sys, "excepthook", None)
    if hook is None:
        sys.stderr.write("sys.excepthook is missing\n")
        sys.__excepthook__(type(error), error, tb)
        return
    try:
        hook(type(error), error, tb)
    except BaseException as hook_error:  # noqa: B902 - python reports both
        sys.stderr.write("Error in sys.excepthook:\n")
        sys.__excepthook__(type(hook_error), hook_error, hook_error.__traceback__)
        sys.stderr.write("\nOriginal exception was:\n")
        sys.__excepthook__(type(error), error, tb)


def _already_reported(kind, value, tb):
    pass


def _safe_path():
    """Whether python puts no folder of the program first on sys.path: -P (3.11 on, also set by -I) or, on 3.10, -I."""
    return bool(getattr(sys.flags, "safe_path", sys.flags.isolated))


def _main_globals():
    return sys.modules["__main__"].__dict__


def _fresh_main():
    """A __main__ module as the interpreter makes it at start-up (Python/pylifecycle.c, add_main_module)."""
    import builtins
    import importlib.machinery
    import types

    main = types.ModuleType("__main__")
    main.__dict__.update(__annotations__={}, __builtins__=builtins, __loader__=importlib.machinery.BuiltinImporter)
    return main


def _is_runnable_folder_or_archive(path):
    """What python asks of a PATH it is to run (pymain_get_importer): whether an import path hook takes it, as one takes
    a folder or a zip archive. Such a PATH is run as the __main__ module found in it, not as a script."""
    from importlib.machinery import PathFinder

    return PathFinder._path_importer_cache(path) is not None


def _is_compiled_file(filename, source):
    import importlib.util
    return filename.endswith(".pyc") or source[:2] == importlib.util.MAGIC_NUMBER[:2]
