"""Instructions per operation, stdlib against mmapnet, from the callgrind parts ops.py produced.

    python3 report.py STDLIB_PREFIX MMAPNET_PREFIX N [--functions K]

A prefix is callgrind's output file without its ".PID.PART-THREAD" suffix, with the run's stderr
in PREFIX.log. Only thread 01 (the Python thread) counts: the .NET runtime's background threads
(tiered JIT) are left out. JIT-compiled code is named from /tmp/perf-PID.map (DOTNET_PerfMapEnabled=1).
Columns are self instructions per operation, beyond the empty loop, by where they run; the mmapnet
columns are differences from the stdlib. __tls_get_addr is charged to whoever called it: the runtime's lookups of its
thread ("runtime TLS") apart from libpython's own ("libpython TLS"). The floors (ops.py) are reported alone, split the
same way: what a call into .NET costs on this route. NativeAOT's compiled code is named from its symbol table.
"""

import bisect
import collections
import glob
import os
import re
import sys

PLACES = ["libpython", "C mmap module", "runtime entry/exit", "runtime TLS", "managed entry", "managed MmapNet",
          "managed CoreLib", "managed (unnamed)", "libpython TLS", "libc", "other"]

# Where a call into .NET goes, for the floors: the runtime's entry and exit (CoreCLR's reverse P/Invoke helpers in
# libcoreclr.so and the JIT's stubs; NativeAOT's RhpReversePInvoke and RhpReversePInvokeReturn), the thread-local
# lookups they make (__tls_get_addr called from them), and the frame: the generated [UnmanagedCallersOnly] entry's own
# instructions, which for an empty function are its prologue and epilogue.
TRANSITION = ["runtime entry/exit", "runtime TLS", "managed entry"]


def self_costs(path):
    """{(function, object): self Ir} from one callgrind file (name compression understood), and
    {(caller function, caller object): Ir} of the calls each function made to __tls_get_addr."""
    names = {"fn": {}, "ob": {}}

    def decode(kind, text):
        match = re.match(r"\((\d+)\)(?: (.*))?", text)
        if not match:
            return text
        if match.group(2) is not None:
            names[kind][match.group(1)] = match.group(2)
        return names[kind].get(match.group(1), "?")

    costs = collections.Counter()
    tls_callers = collections.Counter()
    function = obj = callee = None
    after_call = False
    with open(path) as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                continue
            key = line.split("=", 1)[0]
            if key == "fn":
                function = decode("fn", line[3:])
            elif key == "ob":
                obj = decode("ob", line[3:])
            elif key == "cfn":
                callee = decode("fn", line[4:])
            elif key == "cob":
                decode("ob", line[4:])
            elif key == "calls":
                after_call = True  # the next cost line is the call's inclusive cost, not self cost
            elif line[0] in "+-*0123456789":
                fields = line.split()
                if after_call:
                    after_call = False
                    if callee == "__tls_get_addr" and len(fields) >= 2 and function is not None:
                        tls_callers[(function, obj)] += int(fields[1])
                elif len(fields) >= 2 and function is not None:
                    costs[(function, obj)] += int(fields[1])
    return costs, tls_callers


def load(prefix):
    log = open(prefix + ".log").read()
    operations = re.search(r"ops: (.*)", log).group(1).split("|")
    parts = [f for f in glob.glob(prefix + ".*") if re.search(r"\.\d+\.\d+-01$", f)]
    parts.sort(key=lambda p: int(re.search(r"\.(\d+)-01$", p).group(1)))
    pid = re.search(r"\.(\d+)\.\d+-01$", parts[0]).group(1)
    perf_map = []
    if os.path.exists("/tmp/perf-%s.map" % pid):
        with open("/tmp/perf-%s.map" % pid) as lines:
            for line in lines:
                start, size, name = line.rstrip("\n").split(" ", 2)
                perf_map.append((int(start, 16), int(size, 16), name))
    perf_map.sort()
    starts = [entry[0] for entry in perf_map]

    def jitted(function):
        match = re.match(r"0x([0-9a-f]+)$", function)
        if not match:
            return None
        address = int(match.group(1), 16)
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0 and address < perf_map[index][0] + perf_map[index][1]:
            return perf_map[index][2]
        return ""

    def place_of(function, obj):
        """(place, readable name) of a function that ran."""
        library = os.path.basename(obj or "")
        name = jitted(function)
        if name:  # CoreCLR: JIT-compiled code, named by the perf map
            readable = re.sub(r"\(.*\)", "()", name)
            if "MethodCallThunk" in name or "IL_STUB" in name:
                return "runtime entry/exit", readable
            if "[MmapNet" in name:
                return ("managed entry" if re.search(r"Entry\(", name) else "managed MmapNet"), readable
            return "managed CoreLib", readable
        if function.startswith("Rhp") or function.startswith("RhpReversePInvoke"):  # NativeAOT's runtime
            return "runtime entry/exit", function
        if function.startswith("MmapNet_"):  # NativeAOT: compiled MmapNet code
            return ("managed entry" if function.endswith("Entry") else "managed MmapNet"), function
        if function.startswith("S_P_CoreLib_") or function.startswith("System_"):
            return "managed CoreLib", function
        if name == "" and library in ("", "???"):
            return "managed (unnamed)", function
        if library.startswith("libpython") or library.startswith("python3"):
            return "libpython", function
        if library.startswith("mmap.cpython"):
            return "C mmap module", function
        if library == "libcoreclr.so":
            return "runtime entry/exit", function
        if library.startswith("libc.so"):
            return "libc", function
        if library.startswith("_mmapnet"):
            return "runtime entry/exit", function
        return "other", function

    result = {}
    for index, operation in enumerate(operations):
        # Part 1 runs from the start to the first marker; operation k is part k + 2.
        if index + 1 >= len(parts):
            break
        by_function = collections.Counter()
        costs, tls_callers = self_costs(parts[index + 1])
        for (function, obj), ir in costs.items():
            if function == "__tls_get_addr":
                continue  # split below by who called it
            by_function[place_of(function, obj)] += ir
        for (function, obj), ir in tls_callers.items():
            caller_place, _ = place_of(function, obj)
            tls_place = "libpython TLS" if caller_place in ("libpython", "C mmap module", "libc") else "runtime TLS"
            by_function[(tls_place, "__tls_get_addr from " + function)] += ir
        result[operation] = by_function
    return result


def main(argv):
    stdlib_prefix, mmapnet_prefix, count = argv[0], argv[1], int(argv[2])
    top = int(argv[argv.index("--functions") + 1]) if "--functions" in argv else 0
    stdlib, mmapnet = load(stdlib_prefix), load(mmapnet_prefix)
    empty = sum(stdlib["pass"].values()) / count

    def places(costs):
        totals = collections.Counter()
        for (place, _), ir in costs.items():
            totals[place] += ir / count
        return totals

    print("instructions per operation beyond the empty loop; the places are mmapnet's minus the stdlib's")
    print("%-20s %7s %7s %7s | %s" % ("operation", "stdlib", "mmapnet", "extra",
                                      " ".join("%9.9s" % p for p in PLACES)))
    for operation in stdlib:
        if operation == "pass" or operation.startswith("floor ") or operation not in mmapnet:
            continue
        a, b = places(stdlib[operation]), places(mmapnet[operation])
        total_a, total_b = sum(a.values()) - empty, sum(b.values()) - empty
        print("%-20s %7.0f %7.0f %+7.0f | %s" % (operation, total_a, total_b, total_b - total_a,
                                                 " ".join("%+9.0f" % (b[p] - a[p]) for p in PLACES)))
    floors = [operation for operation in mmapnet if operation.startswith("floor ")]
    if floors:
        print()
        print("the floors: an empty slot or method, per call, beyond the empty loop; the transition is the runtime's")
        print("entry and exit, its thread-local lookups and the generated entry's frame")
        print("%-36s %7s %10s | %s" % ("floor", "total", "transition", " ".join("%9.9s" % p for p in PLACES)))
        for operation in floors:
            b = places(mmapnet[operation])
            b["libpython"] -= empty
            print("%-36s %7.0f %10.0f | %s" % (operation, sum(b.values()), sum(b[p] for p in TRANSITION),
                                              " ".join("%9.0f" % b[p] for p in PLACES)))
    if "--jit-summary" in argv:
        report_minopts(argv[argv.index("--jit-summary") + 1])
    if top:
        for operation, costs in mmapnet.items():
            print("\n== mmapnet %s" % operation)
            for (place, function), ir in costs.most_common(top):
                print("   %7.1f  %-18s %s" % (ir / count, place, function[:120]))


def report_minopts(summary):
    """Names the MmapNet methods the JIT compiled with MinOpts (its fallback when full optimisation fails, which valgrind
    provokes): their instructions are counted as MinOpts code, not as the code that runs outside valgrind."""
    if not os.path.exists(summary):
        return  # NativeAOT: nothing is compiled at run time
    methods = []
    with open(summary) as lines:
        for line in lines:
            match = re.search(r"JIT compiled (MmapNet\.[^(]*)\(.*\[(MinOpts)[,\]]", line)
            if match:
                methods.append(match.group(1))
    print()
    if methods:
        print("caveat: under valgrind the JIT compiled %d MmapNet methods with MinOpts instead of full optimisation;" % len(methods))
        print("their counts above are of that code, not of the code that runs outside valgrind (compare routes and")
        print("versions on NativeAOT, whose code is the same in and out of valgrind):")
        for method in sorted(set(methods)):
            print("   " + method)
    else:
        print("every MmapNet method the JIT compiled under valgrind was fully optimised")


if __name__ == "__main__":
    main(sys.argv[1:])
