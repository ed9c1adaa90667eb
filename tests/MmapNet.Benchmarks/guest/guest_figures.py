"""The good-guest figures (docs/reliability.md) for one interpreter and one module, printed as one JSON line.

    python guest_figures.py MODULE FORKS CYCLES

forks: children forked right after work in the parent, each using maps with methods the parent never called, counted
hung (no exit within 3 s) or failed; threads: the process's threads after import; rss: resident set after import and
after CYCLES map-create-use-close cycles (VmRSS), and its peak (VmHWM); stall: the longest gap another Python thread saw
while this thread ran mmap() of 256 MiB populated, and close() of it.
"""
import json, os, signal, sys, threading, time, importlib

name, forks, cycles = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # MiB
    return None


rss_before_import = status("VmRSS")
t0 = time.process_time()
mod = importlib.import_module(name)
import_cpu_ms = (time.process_time() - t0) * 1000
result = {"python": sys.version.split()[0], "module": name, "backend": getattr(mod, "__backend__", "C"),
          "import_cpu_ms": round(import_cpu_ms, 1),
          "threads_after_import": len(os.listdir("/proc/self/task")),
          "rss_mib_after_import": round(status("VmRSS"), 1),
          "rss_mib_before_import": round(rss_before_import, 1)}

ops = ["find", "rfind", "readline", "resize", "seek", "read", "move", "flush", "slice", "index", "repr"]
hung = failed = 0
t0 = time.time()
for i in range(forks):
    m0 = mod.mmap(-1, 64)
    m0.write(b"x")
    for _ in range(i % 50):
        m0[1]; m0[2:9]; m0.seek(0); m0.read_byte(); len(m0); m0.tell()
    m0.close()
    pid = os.fork()
    if pid == 0:
        try:
            m = mod.mmap(-1, 4096)
            op = ops[i % len(ops)]
            m.write(b"hello\nworld\n")
            if op == "find": m.find(b"wor")
            elif op == "rfind": m.rfind(b"l")
            elif op == "readline": m.seek(0); m.readline()
            elif op == "resize": m.resize(8192)
            elif op == "seek": m.seek(3)
            elif op == "read": m.seek(0); m.read(5)
            elif op == "move": m.move(0, 6, 5)
            elif op == "flush": m.flush()
            elif op == "slice": m[1:9:2]
            elif op == "index": m[3]
            elif op == "repr": repr(m)
            m.close()
            os._exit(0)
        except BaseException:
            os._exit(3)
    deadline = time.time() + 3
    while True:
        r, st = os.waitpid(pid, os.WNOHANG)
        if r:
            if os.waitstatus_to_exitcode(st) != 0:
                failed += 1
            break
        if time.time() > deadline:
            hung += 1
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.0005)
result.update(forks=forks, forks_hung=hung, forks_failed=failed, fork_seconds=round(time.time() - t0, 1))

payload = b"0123456789abcdef" * 4
for i in range(cycles):
    m = mod.mmap(-1, 4096)
    m[0:64] = payload
    m.find(b"abc")
    m.close()
result.update(cycles=cycles, rss_mib_after_cycles=round(status("VmRSS"), 1), rss_peak_mib=round(status("VmHWM"), 1))

SIZE = 256 << 20
worst = [0.0]
stop = [False]


def spinner():
    last = time.perf_counter()
    while not stop[0]:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last)
        last = now


def stall(operation):
    worst[0], stop[0] = 0.0, False
    t = threading.Thread(target=spinner)
    t.start()
    time.sleep(0.05)
    worst[0] = 0.0
    t0 = time.perf_counter()
    operation()
    took = time.perf_counter() - t0
    time.sleep(0.01)
    stop[0] = True
    t.join()
    return round(took * 1000, 1), round(worst[0] * 1000, 1)


sys.setswitchinterval(0.001)
holder = {}
populate = mod.MAP_SHARED | mod.MAP_ANONYMOUS | getattr(mod, "MAP_POPULATE", 0)
result["mmap_256mib_ms"], result["mmap_stall_ms"] = stall(lambda: holder.update(m=mod.mmap(-1, SIZE, flags=populate)))
result["close_256mib_ms"], result["close_stall_ms"] = stall(lambda: holder["m"].close())
print(json.dumps(result))
