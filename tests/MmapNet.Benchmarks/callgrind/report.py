"""Instructions per operation, stdlib against mmapnet, from the callgrind parts ops.py produced.

    python3 report.py STDLIB_PREFIX MMAPNET_PREFIX N [--functions K]

A prefix is callgrind's output file without its ".PID.PART-THREAD" suffix, with the run's stderr
in PREFIX.log. Only thread 01 (the Python thread) counts: the .NET runtime's background threads
(tiered JIT) are left out. JIT-compiled code is named from /tmp/perf-PID.map (DOTNET_PerfMapEnabled=1).
Columns are self instructions per operation, beyond the empty loop, by where they run; the mmapnet
columns are differences from the stdlib.
"""

import bisect
import collections
import glob
import os
import re
import sys

PLACES = ["libpython", "C mmap module", "entry thunk", "managed MmapNet", "managed CoreLib",
          "managed (unnamed)", "coreclr", "__tls_get_addr", "libc", "other"]


def self_costs(path):
    """{(function, object): self Ir} from one callgrind file (name compression understood)."""
    names = {"fn": {}, "ob": {}}

    def decode(kind, text):
        match = re.match(r"\((\d+)\)(?: (.*))?", text)
        if not match:
            return text
        if match.group(2) is not None:
            names[kind][match.group(1)] = match.group(2)
        return names[kind].get(match.group(1), "?")

    costs = collections.Counter()
    function = obj = None
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
                decode("fn", line[4:])
            elif key == "cob":
                decode("ob", line[4:])
            elif key == "calls":
                after_call = True  # the next cost line is the call's inclusive cost, not self cost
            elif line[0] in "+-*0123456789":
                if after_call:
                    after_call = False
                else:
                    fields = line.split()
                    if len(fields) >= 2 and function is not None:
                        costs[(function, obj)] += int(fields[1])
    return costs


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

    result = {}
    for index, operation in enumerate(operations):
        # Part 1 runs from the start to the first marker; operation k is part k + 2.
        if index + 1 >= len(parts):
            break
        by_function = collections.Counter()
        for (function, obj), ir in self_costs(parts[index + 1]).items():
            library = os.path.basename(obj or "")
            name = jitted(function)
            if name:
                place = ("entry thunk" if "MethodCallThunk" in name else
                         "managed MmapNet" if "[MmapNet" in name else "managed CoreLib")
                function = re.sub(r"\(.*\)", "()", name)
            elif name == "" and library in ("", "???"):
                place = "managed (unnamed)"
            elif library.startswith("libpython"):
                place = "libpython"
            elif library.startswith("mmap.cpython"):
                place = "C mmap module"
            elif library == "libcoreclr.so":
                place = "coreclr"
            elif library.startswith("ld-linux"):
                place = "__tls_get_addr"
            elif library.startswith("libc.so"):
                place = "libc"
            else:
                place = "other"
            by_function[(place, function)] += ir
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

    print("%-20s %7s %7s %7s | %s" % ("operation", "stdlib", "mmapnet", "extra",
                                      " ".join("%9.9s" % p for p in PLACES)))
    for operation in stdlib:
        if operation == "pass" or operation not in mmapnet:
            continue
        a, b = places(stdlib[operation]), places(mmapnet[operation])
        total_a, total_b = sum(a.values()) - empty, sum(b.values()) - empty
        print("%-20s %7.0f %7.0f %+7.0f | %s" % (operation, total_a, total_b, total_b - total_a,
                                                 " ".join("%+9.0f" % (b[p] - a[p]) for p in PLACES)))
    if top:
        for operation, costs in mmapnet.items():
            print("\n== mmapnet %s" % operation)
            for (place, function), ir in costs.most_common(top):
                print("   %7.1f  %-18s %s" % (ir / count, place, function[:120]))


if __name__ == "__main__":
    main(sys.argv[1:])
