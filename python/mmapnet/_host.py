"""The Python half of MmapNet.Host, the .NET program (``mmapnet-host``) that embeds CPython with pythonnet.

What python's own start-up and exit do that pythonnet's do not: :func:`start` serves ``mmap`` and installs python's
signal handlers, :func:`finish` runs the first steps of ``Py_FinalizeEx``. The program itself is run as python runs
one by :mod:`mmapnet._pymain`, whose prepared steps the host calls from C#.
"""

import sys

# The exit status python itself exits with when flushing its standard streams fails at exit.
_EXIT_FLUSH_FAILED = 120


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


class _Unraisable:
    def __init__(self, error, obj):
        self.exc_type = type(error)
        self.exc_value = error
        self.exc_traceback = error.__traceback__
        self.err_msg = None
        self.object = obj


def _unraisable(error, obj):
    return _Unraisable(error, obj)
