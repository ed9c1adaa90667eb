"""The module in subinterpreters: legacy ones (sharing the main interpreter's GIL) and, from 3.12, isolated ones
(a GIL of their own), while the main interpreter keeps a map of its own open.

    python subinterpreters.py MODULE

Prints one line per kind of subinterpreter, `KIND: OUTCOME`, where OUTCOME is what the subinterpreter's code printed:
the results of some map operations, or the exception its import raised. The isolated subinterpreter runs in a thread
of its own, making and closing maps in a loop while the main interpreter does the same: with a GIL each, the two run
at once. Then the main interpreter's own map is used again. The process must live through all of it.
"""

import importlib
import sys

name = sys.argv[1]
module = importlib.import_module(name)
CODE = """
import sys
sys.path[:0] = %r
try:
    import %s as module
    m = module.mmap(-1, 64)
    m[0] = 7
    m.write(b"hi")
    outcome = "works: %%r %%r %%r" %% (m[0], m[:3], m.find(b"i", 0))
    m.close()
    for i in range(%d):
        n = module.mmap(-1, 64)
        n[i %% 64] = i %% 256
        n[1:9]
        n.close()
except BaseException as error:
    outcome = "%%s: %%s" %% (type(error).__name__, error)
with open(%r, "a") as report:
    report.write(outcome + "\\n")
"""
import os
import tempfile
import threading

LOOPS = 100000

report_path = os.path.join(tempfile.mkdtemp(), "report")
main_map = module.mmap(-1, 16)
main_map[0] = 1


def loop_in_main(worker):
    """Maps made and closed for as long as the subinterpreter's thread runs (at once, on another core)."""
    i = 0
    while worker.is_alive() or i == 0:
        n = module.mmap(-1, 64)
        n[i % 64] = i % 256
        n[1:9]
        n.close()
        i += 1


def run(kind, create, execute, destroy):
    open(report_path, "w").close()
    interpreter = create()
    try:
        code = CODE % (sys.path[:4], name, LOOPS, report_path)
        if kind == "isolated":
            # Objects of a type shared between two interpreters that each have a GIL change its reference count from
            # two threads at once, without atomic operations: the count drifts.
            references = sys.getrefcount(module.mmap)
            worker = threading.Thread(target=execute, args=(interpreter, code))
            worker.start()
            loop_in_main(worker)
            worker.join()
            print("reference count of the main interpreter's type, change: %d" % (sys.getrefcount(module.mmap) - references))
        else:
            execute(interpreter, code)
    finally:
        destroy(interpreter)
    with open(report_path) as report:
        print("%s: %s" % (kind, report.read().strip() or "(nothing printed)"), flush=True)


if sys.version_info >= (3, 13):
    import _interpreters
    for kind in ("legacy", "isolated"):
        run(kind, lambda kind=kind: _interpreters.create(_interpreters.new_config(kind)), _interpreters.exec, _interpreters.destroy)
elif sys.version_info >= (3, 12):
    import _xxsubinterpreters
    for kind, isolated in (("legacy", False), ("isolated", True)):
        run(kind, lambda isolated=isolated: _xxsubinterpreters.create(isolated=isolated), _xxsubinterpreters.run_string,
            _xxsubinterpreters.destroy)
else:
    import _xxsubinterpreters
    run("legacy", _xxsubinterpreters.create, _xxsubinterpreters.run_string, _xxsubinterpreters.destroy)

main_map[1] = 2
print("main interpreter's map afterwards:", bytes(main_map[:3]))
main_map.close()
