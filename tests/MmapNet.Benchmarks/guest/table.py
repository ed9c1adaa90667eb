"""The Markdown table of docs/reliability.md from guest_figures.py's lines: table.py FIGURES.jsonl [STALLS.jsonl].

Each cell is stdlib / CoreCLR / NativeAOT; the stalls, when given, are the medians of the runs in STALLS.jsonl.
"""
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
stalls = {}
if len(sys.argv) > 2:
    import statistics
    acc = collections.defaultdict(list)
    for l in open(sys.argv[2]):
        if l.startswith("{"):
            r = json.loads(l); acc[(r["python"], r["backend"])].append(r)
    for k, rs in acc.items():
        stalls[k] = (statistics.median(x["mmap_stall_ms"] for x in rs), statistics.median(x["close_stall_ms"] for x in rs),
                     statistics.median(x["mmap_256mib_ms"] for x in rs), statistics.median(x["close_256mib_ms"] for x in rs))
by = collections.OrderedDict()
for r in rows:
    by.setdefault(r["python"] + (" (Debian)" if r["python"] == "3.11.2" else ""), {})[r["backend"]] = r
order = ["C", "coreclr", "nativeaot"]
forks = rows[0]["forks"]
head = ("| interpreter | children hung or failed, of %s forks | threads after import | resident after import, MiB | "
        "growth over %s map cycles, MiB |" % (format(forks, ","), format(rows[0]["cycles"], ",")))
if stalls: head += " other thread's longest stall during `mmap()` / `close()` of 256 MiB, ms |"
print(head)
print("| --- | ---: | ---: | ---: | ---: |" + (" ---: |" if stalls else ""))
for py, d in by.items():
    cells = [" / ".join(str(d[b]["forks_hung"] + d[b]["forks_failed"]) for b in order),
             " / ".join(str(d[b]["threads_after_import"]) for b in order),
             " / ".join("%.1f" % d[b]["rss_mib_after_import"] for b in order),
             " / ".join("%.1f" % (d[b]["rss_mib_after_cycles"] - d[b]["rss_mib_after_import"]) for b in order)]
    if stalls:
        cells.append(" / ".join("%.0f, %.0f" % stalls[(d[b]["python"], d[b]["backend"])][:2] for b in order))
    print("| %s | %s |" % (py, " | ".join(cells)))
