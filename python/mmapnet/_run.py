"""`python -m mmapnet run`: run a program with `sys.modules['mmap']` set to mmapnet, so unchanged code
that does `import mmap` runs on the C# implementation; argv, `__main__`, tracebacks and exit codes are
as `python script.py` / `python -m module` give them (mmapnet._pymain)."""

import sys

_USAGE = "usage: python -m mmapnet run script.py [args...] | python -m mmapnet run -m module [args...]"


def run(argv):
    if argv[:1] in (["-h"], ["--help"]):  # as `python -h`: a script cannot be named by an option
        print(_USAGE)
        return 0
    if not argv or (argv[0] == "-m" and len(argv) < 2):
        print(_USAGE, file=sys.stderr)
        return 2
    import mmapnet
    from mmapnet import _pymain

    sys.modules["mmap"] = mmapnet
    _pymain.leave_launcher()
    if argv[0] == "-m":
        prepared = _pymain.prepare_module(argv[1], argv[2:])
    else:
        prepared = _pymain.prepare_path(argv[0], argv[1:], sys.orig_argv[0])
    return _pymain.run(prepared)


_INFO_USAGE = "usage: python -m mmapnet info"


def info(argv=()):
    if argv:
        asked = list(argv) in (["-h"], ["--help"])
        print(_INFO_USAGE, file=sys.stdout if asked else sys.stderr)
        return 0 if asked else 2
    import mmapnet
    from mmapnet import _loader
    print("mmapnet backend: %s" % mmapnet.__backend__)
    print("python: %s" % sys.version.split()[0])
    if mmapnet.__backend__ == "coreclr":
        print("assemblies: %s" % _loader.assembly_directory())
    elif mmapnet.__backend__ == "nativeaot":
        print("extension: %s" % mmapnet._native.__file__)
        print("running: %s" % _loader.running_native_build(mmapnet._native.__file__))
    return 0
