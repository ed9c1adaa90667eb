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
            # What python -m itself calls: the module runs in __main__'s namespace (here a fresh one, like python's),
            # and a module that cannot be found ends the process with python's message.
            sys.modules["__main__"] = _fresh_main()
            runpy._run_module_as_main(argv[1])
        else:
            path = argv[0]
            sys.argv = list(argv)
            sys.path[0] = os.path.dirname(os.path.realpath(path))  # python resolves symbolic links here too
            if os.path.isfile(path):
                _run_script(path)
            elif not os.path.exists(path):
                program = getattr(sys, "orig_argv", [sys.executable])[0]
                print("%s: can't open file %r: [Errno 2] No such file or directory" % (program, os.path.abspath(path)),
                      file=sys.stderr)
                return 2
            else:
                runpy.run_path(path, run_name="__main__")  # a directory or zip file with a __main__.py
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


def _run_script(path):
    """What `python path` does (Python/pythonrun.c): a fresh __main__ with an absolute __file__, __cached__ None, a
    SourceFileLoader and __package__ None, and the code compiled under the absolute path (runpy.run_path would give
    the path as written, and __package__ '')."""
    import importlib.machinery
    import io

    filename = os.path.abspath(path)
    main = _fresh_main()
    main.__dict__.update(
        __file__=filename, __cached__=None, __loader__=importlib.machinery.SourceFileLoader("__main__", filename))
    with io.open_code(filename) as source:
        code = compile(source.read(), filename, "exec", dont_inherit=True)
    sys.modules["__main__"] = main
    exec(code, main.__dict__)


def _fresh_main():
    """A __main__ module as the interpreter makes it at start-up (Python/pylifecycle.c, add_main_module)."""
    import builtins
    import importlib.machinery
    import types

    main = types.ModuleType("__main__")
    main.__dict__.update(__annotations__={}, __builtins__=builtins, __loader__=importlib.machinery.BuiltinImporter)
    return main


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
