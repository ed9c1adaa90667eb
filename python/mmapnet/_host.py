"""The Python half of MmapNet.Host, the .NET program (``mmapnet-host``) that embeds CPython with pythonnet.

The host runs a program the way ``python PATH ARGS`` and ``python -m MODULE ARGS`` do (Modules/main.c,
Python/pythonrun.c): it sets up ``__main__``, ``sys.argv`` and ``sys.path[0]`` here, then calls the steps
returned below from C#, through the C API, so that no frame of the host's own appears in a traceback and
uncaught exceptions are printed by ``PyErr_Print`` itself. At the end it runs the first steps of
``Py_FinalizeEx`` (:func:`finish`), which pythonnet's shutdown leaves out.
"""

import functools
import os
import sys

# Exit codes python itself uses.
_EXIT_CANNOT_OPEN = 2
_EXIT_FLUSH_FAILED = 120

# What the prepare_* functions return, (CALL, step), (RAISE, exception) or (EXIT, code): the host calls the
# step, raises the exception at the C level (so that no Python frame is on its traceback) or exits.
CALL = "call"
RAISE = "raise"
EXIT = "exit"


def start(serve_mmap, install_signal_handlers):
    """Called once, on the interpreter's main thread, after the host has loaded the mmapnet package."""
    import mmapnet

    if serve_mmap:
        sys.modules["mmap"] = mmapnet
    if install_signal_handlers:
        import signal

        # python installs its KeyboardInterrupt handler where SIGINT is SIG_DFL at startup and leaves the other
        # signals as it found them. In a .NET process CoreCLR has already put its own handlers (None here) on
        # SIGINT and SIGTERM, except where they were ignored (SIG_IGN, as for a background job), which both
        # respect. SIGTERM's would run .NET's shutdown while this thread holds the GIL: give it SIG_DFL back.
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if signal.getsignal(signal.SIGTERM) is None:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def prepare_path(path, arguments, program_name):
    """Prepares ``python PATH ARGS``: returns (CALL, step), or (RAISE, SyntaxError), or (EXIT, 2) when the file
    cannot be opened (after saying so, as python does)."""
    sys.argv = [path] + list(arguments)
    if _is_runnable_folder_or_archive(path):
        # A folder or zip file with __main__.py: python puts it first on sys.path and runs __main__ from it.
        sys.path.insert(0, path)
        import runpy
        return CALL, functools.partial(runpy._run_module_as_main, "__main__", False)

    # Since 3.9, __main__.__file__ and the code's filename are absolute (joined, not normalised), while
    # sys.path[0] is the folder of the script with symbolic links resolved.
    filename = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    try:
        with open(filename, "rb") as source_file:
            source = source_file.read()
    except OSError as error:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (program_name, filename, error.errno, error.strerror))
        sys.stderr.flush()
        return EXIT, _EXIT_CANNOT_OPEN

    if not sys.flags.safe_path:
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
            # python compiles before any frame exists: report it without this function's frame.
            return RAISE, error.with_traceback(None)
    return CALL, functools.partial(exec, code, main_globals)


def prepare_module(module, arguments):
    """Prepares ``python -m MODULE ARGS``; returns (CALL, step)."""
    import runpy

    sys.argv = ["-m"] + list(arguments)  # runpy replaces argv[0] with the module's file, as python -m does
    if not sys.flags.safe_path:
        sys.path.insert(0, os.getcwd())
    return CALL, functools.partial(runpy._run_module_as_main, module, True)


def prepare_command(command, arguments):
    """Prepares ``python -c COMMAND ARGS``: returns (CALL, step) or (RAISE, SyntaxError)."""
    sys.argv = ["-c"] + list(arguments)
    if not sys.flags.safe_path:
        sys.path.insert(0, "")
    try:
        code = compile(command, "<string>", "exec", 0, True)
    except SyntaxError as error:
        return RAISE, error.with_traceback(None)
    return CALL, functools.partial(exec, code, _main_globals())


def system_exit_code(error):
    """The exit status of an uncaught SystemExit, printing its message if it has one, as _Py_HandleSystemExit
    does: None is 0, an int is passed to exit() (out of C long range: -1), anything else is printed and is 1."""
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


def finish():
    """The first steps of Py_FinalizeEx, which pythonnet's shutdown does not take: wait for non-daemon threads,
    run the atexit callbacks, flush sys.stdout and sys.stderr. Returns python's exit code for a failed flush
    (120), else None."""
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException as error:  # python reports it and goes on
            sys.unraisablehook(_unraisable(error, threading._shutdown))
    import atexit
    atexit._run_exitfuncs()
    failed = False
    stdout = getattr(sys, "stdout", None)
    if stdout is not None and not getattr(stdout, "closed", False):
        try:
            stdout.flush()
        except BaseException as error:
            sys.unraisablehook(_unraisable(error, stdout))
            failed = True
    stderr = getattr(sys, "stderr", None)
    if stderr is not None:
        try:
            stderr.flush()
        except BaseException:
            failed = True
    return _EXIT_FLUSH_FAILED if failed else None


def _main_globals():
    return sys.modules["__main__"].__dict__


def _is_runnable_folder_or_archive(path):
    if os.path.isdir(path):
        return True
    import zipfile
    try:
        return os.path.isfile(path) and zipfile.is_zipfile(path)
    except OSError:
        return False


def _is_compiled_file(filename, source):
    import importlib.util
    return filename.endswith(".pyc") or source[:2] == importlib.util.MAGIC_NUMBER[:2]


class _Unraisable:
    def __init__(self, error, obj):
        self.exc_type = type(error)
        self.exc_value = error
        self.exc_traceback = error.__traceback__
        self.err_msg = None
        self.object = obj


def _unraisable(error, obj):
    return _Unraisable(error, obj)
