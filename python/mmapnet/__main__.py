"""Command line of mmapnet.

    python -m mmapnet run script.py [args...]     run a script with `import mmap` served by mmapnet
    python -m mmapnet run -m module [args...]     the same for a module, like `python -m module`
    python -m mmapnet info                        how mmapnet was loaded, and from where
    python -m mmapnet bench [--json FILE] [--chart FILE.svg] [--quick] [--filter SUBSTR] [--repeat N]
                                                  time the stdlib mmap and mmapnet side by side
    python -m mmapnet bench-import [--repeat N]   import time: NativeAOT and CoreCLR routes next to `import mmap`
"""

import sys

USAGE = __doc__.strip("\n")


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        from mmapnet._run import run
        return run(rest)
    if command == "bench":
        from mmapnet._bench import main as bench
        return bench(rest)
    if command == "info":
        from mmapnet._run import info
        return info(rest)
    if command == "bench-import":
        from mmapnet._bench_import import bench_import
        return bench_import(rest)
    print("mmapnet: unknown command %r\n\n%s" % (command, USAGE), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
