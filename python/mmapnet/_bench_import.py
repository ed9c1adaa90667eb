"""`python -m mmapnet bench-import`: how long `import mmapnet` takes through the NativeAOT and the CoreCLR
routes, next to `import mmap`, measured in one run.

Every sample is a fresh interpreter process (an import happens once per process); the routes take turns
so that a slow moment of the machine is shared between them. Each process times its own import statement,
in elapsed time (perf_counter) and in CPU time of all its threads (process_time), which a busy machine
disturbs less; the whole process (start-up, import, exit) is timed from outside too. Medians.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

_USAGE = "usage: python -m mmapnet bench-import [--repeat N] [--python EXECUTABLE]"

# (label, module, MMAPNET_BACKEND)
_ROUTES = (
    ("import mmap (stdlib)", "mmap", None),
    ("import mmapnet (nativeaot)", "mmapnet", "nativeaot"),
    ("import mmapnet (coreclr)", "mmapnet", "coreclr"),
)

# The child prints the import's duration and, for mmapnet, the route it really took.
_CHILD = (
    "import time\n"
    "start, start_cpu = time.perf_counter(), time.process_time()\n"
    "import {module} as imported\n"
    "elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu\n"
    "print(elapsed, cpu, getattr(imported, '__backend__', '-'))\n"
)


class RouteUnavailable(Exception):
    pass


def bench_import(argv):
    repeat, python = 15, sys.executable
    arguments = list(argv)
    while arguments:
        option = arguments.pop(0)
        if option in ("-h", "--help"):
            print(_USAGE)
            return 0
        if option in ("--repeat", "--python") and arguments:
            value = arguments.pop(0)
            if option == "--repeat":
                if not value.isdigit() or int(value) < 1:
                    print(_USAGE, file=sys.stderr)
                    return 2
                repeat = int(value)
            else:
                python = value
        else:
            print(_USAGE, file=sys.stderr)
            return 2
    if shutil.which(python) is None:  # a path, or a name on PATH, as subprocess takes it
        print("mmapnet bench-import: --python %s: no such executable\n%s" % (python, _USAGE), file=sys.stderr)
        return 2

    environment = _child_environment()
    samples = {label: ([], [], []) for label, _, _ in _ROUTES}  # import elapsed, import CPU, whole process
    unavailable = {}
    for round_number in range(repeat + 1):  # round 0 warms up (and writes the .pyc files); it is not counted
        for label, module, backend in _ROUTES:
            if label in unavailable:
                continue
            try:
                sample = _sample(python, module, backend, environment)
            except RouteUnavailable as error:
                unavailable[label] = str(error)
                continue
            if round_number > 0:
                for values, value in zip(samples[label], sample):
                    values.append(value)

    version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True,
                             env=environment).stdout.strip()
    print("import time on CPython %s (%s): %d fresh processes per route, medians" % (version, python, repeat))
    print("%-28s %12s %9s %10s %9s %13s" % ("route", "import (ms)", "vs mmap", "CPU (ms)", "vs mmap", "process (ms)"))
    medians = {}
    for label, _, _ in _ROUTES:
        if label in unavailable:
            print("%-28s unavailable: %s" % (label, unavailable[label]))
            continue
        medians[label] = [statistics.median(values) * 1000 for values in samples[label]]
        elapsed, cpu, process = medians[label]
        reference = medians.get(_ROUTES[0][0])
        ratios = ["%.1fx" % (value / base) if reference and base else "-" for value, base in zip((elapsed, cpu), reference or (0, 0))]
        print("%-28s %12.2f %9s %10.2f %9s %13.1f" % (label, elapsed, ratios[0], cpu, ratios[1], process))
    native, coreclr = medians.get(_ROUTES[1][0]), medians.get(_ROUTES[2][0])
    if native and coreclr:
        print("nativeaot imports %.1fx faster than coreclr (CPU time: %.1fx)" % (coreclr[0] / native[0], coreclr[1] / native[1]))
    return 1 if unavailable else 0


def _child_environment():
    environment = dict(os.environ)
    environment.pop("MMAPNET_BACKEND", None)
    # Without .pyc files every import would include compiling the package's source: not what users see
    # (pip compiles them at install time), so the children may write them.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    # The children import the same mmapnet as this process.
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, environment.get("PYTHONPATH")]))
    return environment


def _sample(python, module, backend, environment):
    environment = dict(environment)
    if backend is not None:
        environment["MMAPNET_BACKEND"] = backend
    started = time.perf_counter()
    completed = subprocess.run([python, "-c", _CHILD.format(module=module)], capture_output=True, text=True,
                               env=environment, cwd=tempfile.gettempdir())  # away from any folder holding a package
    process_seconds = time.perf_counter() - started
    if completed.returncode != 0:
        lines = completed.stderr.strip().splitlines()
        raise RouteUnavailable(lines[-1] if lines else "exit code %d" % completed.returncode)
    import_seconds, import_cpu_seconds, taken = completed.stdout.split()
    if backend is not None and taken != backend:
        raise RouteUnavailable("took the %s route instead" % taken)
    return float(import_seconds), float(import_cpu_seconds), process_seconds
