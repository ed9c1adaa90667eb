"""`python -m mmapnet run`: run a program with `sys.modules['mmap']` set to mmapnet, so unchanged code
that does `import mmap` runs on the C# implementation; argv, `__main__`, tracebacks and exit codes are
as `python script.py` / `python -m module` give them."""

import os
import runpy
import sys

_USAGE = "usage: python -m mmapnet run script.py [args...] | python -m mmapnet run -m module [args...]"


def run(argv):
    if not argv or (argv[0] == "-m" and len(argv) < 2):
        print(_USAGE, file=sys.stderr)
        return 2
    import mmapnet
    sys.modules["mmap"] = mmapnet
    try:
        if argv[0] == "-m":
            sys.argv = [argv[1]] + argv[2:]  # runpy puts the module's path in argv[0], as python -m does
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            path = argv[0]
            sys.argv = list(argv)
            sys.path[0] = os.path.dirname(os.path.abspath(path))
            runpy.run_path(path, run_name="__main__")
    except SystemExit:
        raise
    except BaseException as error:  # noqa: B902 - report like the interpreter, then exit as it does
        _report_uncaught(error)
        if isinstance(error, KeyboardInterrupt):
            # python ends an uncaught KeyboardInterrupt by killing itself with SIGINT once finalized: let it do so,
            # with the traceback already reported.
            sys.excepthook = _already_reported
            raise
        return 1
    return 0


def _report_uncaught(error):
    """What python does with an uncaught exception: sys.excepthook (the program's own, if it set one) gets it,
    with a traceback that starts at the program's frames, not at this runner's and runpy's."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_globals.get("__name__") in (__name__, "runpy"):
        tb = tb.tb_next
    # The default hook prints the exception's own __traceback__ when it has one, whatever tb it is passed.
    error.__traceback__ = tb
    sys.stderr.flush()
    sys.excepthook(type(error), error, tb)


def _already_reported(kind, value, tb):
    pass


def info():
    import mmapnet
    from mmapnet import _loader
    print("mmapnet backend: %s" % mmapnet.__backend__)
    print("python: %s" % sys.version.split()[0])
    if mmapnet.__backend__ == "coreclr":
        print("assemblies: %s" % _loader.assembly_directory())
    elif mmapnet.__backend__ == "nativeaot":
        print("extension: %s" % mmapnet._native.__file__)
    return 0
