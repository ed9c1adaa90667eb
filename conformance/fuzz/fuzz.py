"""Differential fuzzer: random sequences of mmap operations, run in lockstep on the stdlib mmap and on mmapnet.

    python conformance/fuzz/fuzz.py [--seed S] [--ops N] [--python PY]... [--jobs J] [--impl MODULE] ...

Every program (a seed and an index) is a data file and up to 60 operations drawn from the weighted table in
generator.py. A worker process, started in the interpreter under test, runs each operation on two fuzzkit
sessions -- one over the stdlib ``mmap``, one over the implementation -- and compares, after each one, the
outcome (value, or exception type, message and errno), the audit events, and the state (each map's repr and
content checksum, the files' sizes and checksums). The driver (this process, any python3) watches the worker:
a divergence, a crash (death by a signal) or a hang is shrunk to a minimal operation list by delta debugging
and written as a conformance case (conformance/cases/fuzz/), which is then checked to reproduce through the
conformance harness. The same seed on the same interpreter always yields the same programs.

Exit code 0: no divergence, crash or hang; 1: something was found; 2: usage or setup problem.
"""

import argparse
import json
import os
import selectors
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
CASES_ROOT = os.path.join(REPOSITORY, "conformance", "cases")
BOOTSTRAP = os.path.join(REPOSITORY, "conformance", "harness", "bootstrap.py")
DEFAULT_CASES_OUT = os.path.join(CASES_ROOT, "fuzz")

# ==================================================================================================
# Worker: runs in the interpreter under test.
# ==================================================================================================

def program_data(rng):
    """The data file of a program: the first thing drawn from its random stream."""
    page = 4096
    size = rng.choice([0, 1, 10, 100, page - 1, page, page + 1, 2 * page, 3 * page + 100, rng.randint(1, 4 * page)])
    alphabet = rng.choice([b"ab\n", b"abcdefgh\n\x00", bytes(range(256)), b"x"])
    return spell(rng.getrandbits(8 * size).to_bytes(size, "little") if size else b"", alphabet)


def spell(noise, alphabet):
    """Random bytes mapped onto an alphabet (small alphabets make find, readline and re interesting)."""
    return noise.translate(bytes(alphabet[i % len(alphabet)] for i in range(256)))


def _verb(source):
    """What an operation does, roughly: its first method call, else its first subscript or statement."""
    import re
    call = re.search(r"\.(\w+)\(", source)
    if call:
        return call.group(1)
    if re.match(r"\w+\[", source):
        return "setitem" if re.search(r"\]\s*=[^=]", source) else "getitem"
    return source.split("(")[0].split(" ")[0]


def _signature(source, ref, impl):
    """What kind of divergence: kept while shrinking, so delta debugging does not wander to another bug."""
    return _verb(source) + ": " + _difference(ref, impl)


def _difference(ref, impl):
    def kind(outcome):
        if outcome.startswith("!! "):
            return outcome[3:].split(":", 1)[0]
        return "value" if outcome.startswith("->") else outcome.split(" ", 1)[0]
    if ref[0] != impl[0]:
        return "outcome %s/%s" % (kind(ref[0]), kind(impl[0]))
    ref_parts = dict(part.split("=", 1) for part in _state_parts(ref[1]))
    impl_parts = dict(part.split("=", 1) for part in _state_parts(impl[1]))
    differing = sorted(k for k in set(ref_parts) | set(impl_parts) if ref_parts.get(k) != impl_parts.get(k))
    return "state " + ",".join(differing)


def _state_parts(state):
    # "m=<mmap.mmap closed=False, ...> content=... n=closed mv=... exports=0 data=..." -> the top-level parts.
    parts, current = [], ""
    depth = 0
    for token in state.split(" "):
        if depth == 0 and "=" in token and token.split("=", 1)[0] in ("m", "n", "mv", "exports", "data", "empty"):
            if current:
                parts.append(current)
            current = token
        else:
            current += " " + token
        depth += token.count("<") - token.count(">")
    if current:
        parts.append(current)
    return parts


class Worker:
    def __init__(self, impl_name, stdlib_survives, focus=None):
        sys.path.insert(0, CASES_ROOT)
        sys.path.insert(0, HERE)
        import importlib
        # A host that serves mmap itself (mmapnet-host puts its implementation in sys.modules['mmap'] before it runs
        # a program) must not hand it out as the reference: import the standard library's module around it, as
        # conformance/harness/bootstrap.py does, with the modules that import mmap for its constants.
        served = sys.modules.pop("mmap", None)
        try:
            import mmap as stdlib
            import fuzzkit
            import generator
        finally:
            if served is not None:
                sys.modules["mmap"] = served
        self.stdlib = stdlib
        self.impl = importlib.import_module(impl_name)
        if self.impl is stdlib and impl_name != "mmap":
            raise SystemExit("%s is the stdlib mmap" % impl_name)
        self.fuzzkit = fuzzkit
        self.generator = generator
        self.stdlib_survives = stdlib_survives
        self.focus = focus
        # One folder per side for the life of the worker (on tmpfs when there is one: creating and removing
        # folders on a busy disk costs more than the operations); each program rewrites the files in it.
        import tempfile
        base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        self.folder = tempfile.mkdtemp(prefix="mmapfuzz-worker-", dir=base)
        self.folders = {side: os.path.join(self.folder, side) for side in ("ref", "impl")}
        for folder in self.folders.values():
            os.mkdir(folder)

    def remove_folders(self):
        import shutil
        shutil.rmtree(self.folder, ignore_errors=True)

    def first_ops(self, rng, data):
        page = self.stdlib.PAGESIZE
        size = len(data)
        length = rng.choice([1, 10, page, 2 * page + 3])
        forms = ["m = mmap.mmap(-1, %d)" % length, "m = mmap.mmap(-1, %d, flags=mmap.MAP_PRIVATE)" % length,
                 "m = mmap.mmap(-1, %d, access=mmap.ACCESS_COPY)" % length, "m = Sub(-1, %d)" % length]
        if size:
            forms += ["m = mmap.mmap(fd, 0)"] * 4 + ["m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)",
                                                     "m = mmap.mmap(fd, 0, access=mmap.ACCESS_WRITE)",
                                                     "m = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)",
                                                     "m = mmap.mmap(fd, 0, flags=mmap.MAP_PRIVATE)",
                                                     "m = mmap.mmap(fd, 0, prot=mmap.PROT_READ)",
                                                     "m = mmap.mmap(rfd, 0, access=mmap.ACCESS_READ)",
                                                     "m = Sub(fd, %d)" % rng.randint(1, size),
                                                     "m = mmap.mmap(fd, %d)" % rng.randint(1, size)]
        if size > page:
            forms += ["m = mmap.mmap(fd, 0, offset=%d)" % page]
        ops = [rng.choice(forms)]
        if size and rng.random() < 0.3:
            ops.append(rng.choice(["n = mmap.mmap(fd, 0)", "n = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)", "n = m"]))
        return ops

    def sessions(self, data, sides):
        make = self.fuzzkit.Session
        ref = make(self.stdlib, data, self.folders["ref"]) if sides in ("both", "ref") else None
        impl = make(self.impl, data, self.folders["impl"]) if sides in ("both", "impl") else None
        return ref, impl

    def kind_of(self, source):
        """The map kind a first operation makes, for the generator's model."""
        if "(-1" in source:
            return "anon-private" if ("PRIVATE" in source or "COPY" in source) else "anon-shared"
        return "file"

    def run_program(self, seed, index, max_ops, trace=None):
        """Generates and runs program (seed, index); returns (ops run, divergence or None)."""
        import random
        rng = random.Random("%d/%d" % (seed, index))
        data = program_data(rng)
        count = min(max_ops, rng.randint(1, 60))
        ref, impl = self.sessions(data, "both")
        ops = []
        try:
            gen = self.generator.Generator(rng, ref, self.stdlib_survives)
            if self.focus:
                gen.focus(self.focus)
            gen.data_size = len(data)
            first = self.first_ops(rng, data)
            while len(ops) < count:
                if first:
                    source = first.pop(0)
                    gen.pending_kind = (source[0], gen.models["m"].kind if source == "n = m" else self.kind_of(source))
                else:
                    source = gen.next()
                ops.append(source)
                if trace:
                    trace(source)
                ref_result = ref.step(source)
                impl_result = impl.step(source)
                if ref_result != impl_result:
                    return len(ops), {"seed": seed, "index": index, "data": data.hex(), "ops": ops,
                                      "at": len(ops) - 1, "ref": ref_result, "impl": impl_result,
                                      "signature": _signature(source, ref_result, impl_result)}
                gen.observe()
            return len(ops), None
        finally:
            ref.close()
            impl.close()

    def replay(self, data, ops, sides):
        """Runs a fixed program; returns the first divergence (None) or, for one side, None."""
        ref, impl = self.sessions(bytes.fromhex(data), sides)
        try:
            for at, source in enumerate(ops):
                ref_result = ref.step(source) if ref else None
                impl_result = impl.step(source) if impl else None
                if ref and impl and ref_result != impl_result:
                    return {"at": at, "ref": ref_result, "impl": impl_result,
                            "signature": _signature(source, ref_result, impl_result)}
            return None
        finally:
            for session in (ref, impl):
                if session:
                    session.close()


def worker_main(argv):
    parser = argparse.ArgumentParser(prog="fuzz.py worker")
    parser.add_argument("--impl", default="mmapnet")
    parser.add_argument("--stdlib-survives", default="{}", help="the driver's probe results, as JSON")
    parser.add_argument("--focus", default="", help="comma-separated operations of the table to draw")
    args = parser.parse_args(argv)
    out = os.fdopen(os.dup(1), "w", buffering=1)
    # Operations never print, but keep fd 1 away from the protocol whatever they do.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    worker = Worker(args.impl, json.loads(args.stdlib_survives), [name for name in args.focus.split(",") if name])
    backend = getattr(worker.impl, "__backend__", None)
    out.write(json.dumps({"hello": sys.version.split()[0], "impl": args.impl, "backend": backend}) + "\n")

    def send(message):
        out.write(json.dumps(message) + "\n")

    for line in sys.stdin:
        command = json.loads(line)
        kind = command["cmd"]
        if kind == "run":
            seed, index, step, budget = command["seed"], command["start"], command["step"], command["budget"]
            while budget > 0:
                send({"begin": index})
                count, divergence = worker.run_program(seed, index, budget)
                budget -= count
                send({"done": index, "ops": count, "divergence": divergence})
                index += step
            send({"end": index})
        elif kind == "trace":
            worker.run_program(command["seed"], command["index"], command["budget"],
                               trace=lambda source: send({"op": source}))
            send({"end": command["index"]})
        elif kind == "replay":
            result = worker.replay(command["data"], command["ops"], command.get("sides", "both"))
            send({"replayed": result})
        elif kind == "quit":
            break
    worker.remove_folders()
    return 0


# ==================================================================================================
# Driver
# ==================================================================================================

class WorkerDied(Exception):
    def __init__(self, how, stderr):
        super().__init__(how)
        self.how = how
        self.stderr = stderr


class WorkerProcess:
    """A worker in the interpreter under test, spoken to in JSON lines."""

    def __init__(self, options, python):
        self.options = options
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([os.path.join(REPOSITORY, "python")] + options.python_path +
                                            ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        env["PYTHONFAULTHANDLER"] = "1"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONHASHSEED"] = "0"
        if options.backend:
            env["MMAPNET_BACKEND"] = options.backend
        command = [python, "-X", "faulthandler", os.path.abspath(__file__), "worker", "--impl", options.impl,
                   "--stdlib-survives", json.dumps(options.stdlib_survives), "--focus", options.focus]
        if options.launcher:
            command = options.launcher.replace("{python}", python).split() + command[3:]
        self.stderr_path = os.path.join(options.scratch, "worker-%d.stderr" % id(self))
        self.stderr_file = open(self.stderr_path, "w+b")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr_file,
                                        env=env, cwd=options.scratch, start_new_session=True)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)
        self.buffer = b""
        self.hello = self.receive(timeout=120)

    def send(self, message):
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
        except BrokenPipeError:
            pass

    def receive(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.selector.select(remaining):
                self.kill()
                raise WorkerDied("hung (no answer in %d s)" % timeout, self.stderr_text())
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                code = self.process.wait()
                how = ("killed by signal %d (%s)" % (-code, signal.Signals(-code).name) if code < 0
                       else "exited with code %d" % code)
                raise WorkerDied(how, self.stderr_text())
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def stderr_text(self):
        self.stderr_file.flush()
        self.stderr_file.seek(0)
        return self.stderr_file.read().decode("utf-8", "replace")[-4000:]

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def close(self):
        if self.process.poll() is None:
            self.send({"cmd": "quit"})
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.stderr_file.close()


class Replayer:
    """Replays fixed programs for shrinking; a crash or hang is an answer, and the worker is restarted."""

    def __init__(self, options, python):
        self.options = options
        self.python = python
        self.worker = None
        self.replays = 0

    def replay(self, data, ops, sides="both"):
        """('divergence', detail) | ('crash', how) | ('ok', None)."""
        self.replays += 1
        if self.worker is None:
            self.worker = WorkerProcess(self.options, self.python)
        self.worker.send({"cmd": "replay", "data": data, "ops": ops, "sides": sides})
        try:
            answer = self.worker.receive(timeout=self.options.hang_timeout)
        except WorkerDied as died:
            self.worker.close()
            self.worker = None
            return ("crash", died.how)
        result = answer["replayed"]
        return ("divergence", result) if result else ("ok", None)

    def close(self):
        if self.worker:
            self.worker.close()
            self.worker = None


def ddmin(items, still_fails):
    """Zeller's delta debugging: a 1-minimal sublist (order kept) for which still_fails holds."""
    granularity = 2
    while len(items) >= 2:
        size = -(-len(items) // granularity)
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        reduced = False
        for chunk in chunks:
            if still_fails(chunk):
                items, granularity, reduced = chunk, 2, True
                break
        if not reduced:
            for i in range(len(chunks)):
                complement = [op for j, chunk in enumerate(chunks) if j != i for op in chunk]
                if still_fails(complement):
                    items, granularity, reduced = complement, max(granularity - 1, 2), True
                    break
        if not reduced:
            if granularity >= len(items):
                break
            granularity = min(len(items), granularity * 2)
    return items


def shrink_divergence(replayer, found):
    signature = found["signature"]
    data = found["data"]

    def fails(ops, data=data):
        outcome, detail = replayer.replay(data, ops)
        return outcome == "divergence" and detail["signature"] == signature

    ops = found["ops"][:found["at"] + 1]
    ops = ddmin(ops, fails)
    page = 4096
    raw = bytes.fromhex(data)
    for candidate in (b"", raw[:1], raw[:16], raw[:page], bytes(len(raw))):
        if len(candidate) < len(raw) or candidate != raw:
            if fails(ops, candidate.hex()):
                data = candidate.hex()
                break
    _, detail = replayer.replay(data, ops)
    return data, ops, detail


def shrink_crash(replayer, data, ops):
    def crashes(candidate):
        outcome, _ = replayer.replay(data, candidate)
        return outcome == "crash"

    ops = ddmin(ops, crashes)
    outcome, how = replayer.replay(data, ops)
    reference_outcome, _ = replayer.replay(data, ops, sides="ref")
    return ops, how, reference_outcome == "crash"


def case_name(source, ref_outcome, seed, index, kind):
    """fuzz-found cases are named by what the operation does and what the stdlib answered: seek_valueerror_s1p322."""
    if ref_outcome.startswith("!! "):
        answer = ref_outcome[3:].split(":", 1)[0].lower()
    else:
        answer = "value" if ref_outcome.startswith("->") else "ok"
    return "%s_%s_%s_s%dp%d" % (_verb(source).strip("_").lower() or "op", answer, kind, seed, index)


def write_case(options, python_label, backend, name, data, ops, summary):
    folder = options.cases_out
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name + ".py")
    raw = bytes.fromhex(data)
    if raw and raw == bytes(len(raw)):
        data_literal = "bytes(%d)" % len(raw)
    else:
        data_literal = repr(raw) if len(raw) <= 64 else "bytes.fromhex(%r)" % data
    lines = [
        '"""%s"""' % summary.replace('"""', "'''").replace("\\", "\\\\"),
        "import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))",
        "import mmap",
        "from fuzzkit import Session, require",
        "",
    ]
    needs = needed_probes(ops)
    if needs:
        lines.append("require(%s)" % ", ".join(repr(name) for name in needs))
    lines.append("s = Session(mmap, data=%s)" % data_literal)
    lines += ["s.run(%r)" % op for op in ops]
    lines += ["s.close()", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return path


def needed_probes(ops):
    """The probes (fuzzkit.PROBES) a case must pass first: what it does that some stdlib does not survive."""
    text = "\n".join(ops)
    needs = []
    if ("Hook(" in text or "Buf(" in text) and ".close()" in text:
        needs.append("close_in_index")
    if ".find(" in text or ".rfind(" in text:
        needs.append("find_in_bounds")
    return needs


def run_case(options, python, module, path):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([os.path.join(REPOSITORY, "python")] + options.python_path + [CASES_ROOT])
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if options.backend:
        env["MMAPNET_BACKEND"] = options.backend
    try:
        completed = subprocess.run([python, BOOTSTRAP, module, path], capture_output=True, env=env,
                                   cwd=options.scratch, timeout=options.hang_timeout)
        return completed.stdout, completed.returncode
    except subprocess.TimeoutExpired as expired:
        return expired.stdout or b"", "timeout"


def check_case(options, python, path):
    """Whether the written case shows the problem through the conformance harness."""
    ref_out, ref_code = run_case(options, python, "mmap", path)
    impl_out, impl_code = run_case(options, python, options.impl, path)
    return (ref_out, ref_code) != (impl_out, impl_code), ref_code, impl_code


def probe(python):
    """{probe name: whether the stdlib of `python` survives it} (fuzzkit.PROBES)."""
    sys.path.insert(0, CASES_ROOT)
    import fuzzkit
    return {name: fuzzkit.stdlib_survives(name, python) for name in fuzzkit.PROBES}


def stop_all(active):
    for state in active:
        if state["worker"]:
            state["worker"].kill()
            state["worker"].close()
            state["worker"] = None


def fuzz_one(options, python):
    """Runs the fuzz for one interpreter; returns a summary dict."""
    started = time.monotonic()
    options.stdlib_survives = probe(python)
    findings = []   # dicts: kind ('divergence'|'crash'|'hang'), ...
    total_ops = 0
    programs = 0
    hello = None
    jobs = max(1, options.jobs)
    budgets = [options.ops // jobs + (1 if j < options.ops % jobs else 0) for j in range(jobs)]
    # Each job runs programs j, j + jobs, j + 2 jobs, ...; a dead worker is replaced and resumes after the program it died in.
    states = []
    for j in range(jobs):
        states.append({"next": j, "budget": budgets[j], "worker": None, "current": None})

    def start(state):
        worker = WorkerProcess(options, python)
        worker.send({"cmd": "run", "seed": options.seed, "start": state["next"], "step": jobs, "budget": state["budget"]})
        state["worker"] = worker
        return worker.hello

    for state in states:
        if state["budget"] > 0:
            hello = start(state)
    last_report = time.monotonic()
    active = [s for s in states if s["worker"]]
    while active:
        # Round-robin over workers; each receive waits at most the hang timeout.
        for state in list(active):
            worker = state["worker"]
            try:
                message = worker.receive(timeout=options.hang_timeout)
            except WorkerDied as died:
                worker.close()
                index = state["current"]
                kind = ("hang" if died.how.startswith("hung") else "crash" if died.how.startswith("killed")
                        else "error")
                findings.append({"kind": kind, "index": index, "how": died.how, "stderr": died.stderr})
                if len(findings) >= options.max_findings:
                    stop_all(active)
                    active = []
                    break
                state["next"] = index + jobs
                state["budget"] -= 60  # the dead program's operations are not known: count the most it could have had
                state["worker"] = None
                if state["budget"] > 0:
                    start(state)
                else:
                    active.remove(state)
                continue
            if "begin" in message:
                state["current"] = message["begin"]
            elif "done" in message:
                total_ops += message["ops"]
                programs += 1
                state["budget"] -= message["ops"]
                state["next"] = message["done"] + jobs
                if message["divergence"]:
                    findings.append({"kind": "divergence", **message["divergence"]})
                    if len(findings) >= options.max_findings:
                        stop_all(active)
                        active = []
                        break
            elif "end" in message:
                worker.close()
                state["worker"] = None
                active.remove(state)
        if options.progress and time.monotonic() - last_report > options.progress:
            last_report = time.monotonic()
            print("  ... %d ops, %d programs, %d findings, %.0f s" % (total_ops, programs, len(findings),
                                                                      time.monotonic() - started), flush=True)
    elapsed = time.monotonic() - started
    version = hello["hello"] if hello else "?"
    backend = hello.get("backend") if hello else None
    label = "%s (%s)" % (python, version)
    left_out = [name for name, survives in sorted(options.stdlib_survives.items()) if not survives]
    print("%s: %d ops in %d programs, seed %d, %d job(s), %.1f s, backend %s, left out (the stdlib crashes): %s"
          % (label, total_ops, programs, options.seed, jobs, elapsed, backend, ", ".join(left_out) or "nothing"),
          flush=True)
    report_findings(options, python, version, backend, findings)
    divergences = sum(1 for f in findings if f["kind"] == "divergence")
    crashes = sum(1 for f in findings if f["kind"] != "divergence")
    print("%s: %d divergences, %d crashes/hangs" % (label, divergences, crashes), flush=True)
    return {"python": python, "version": version, "ops": total_ops, "programs": programs, "seconds": elapsed,
            "divergences": divergences, "crashes": crashes}


def report_findings(options, python, version, backend, findings):
    replayer = Replayer(options, python)
    seen = set()
    shrunk = 0
    try:
        for finding in findings:
            if finding["kind"] == "divergence":
                print("DIVERGENCE seed %d program %d, operation %d: %s" % (options.seed, finding["index"], finding["at"],
                                                                          finding["ops"][finding["at"]]))
                print("    stdlib: %s\n            %s" % tuple(finding["ref"]))
                print("    %s: %s\n            %s" % (options.impl, finding["impl"][0], finding["impl"][1]))
                if finding["signature"] in seen or shrunk >= options.max_shrink:
                    continue
                seen.add(finding["signature"])
                shrunk += 1
                data, ops, detail = shrink_divergence(replayer, finding)
                if detail is None:
                    print("    (does not reproduce when replayed alone)")
                    continue
                summary = ("Found by the differential fuzzer (seed %d, program %d, Python %s): `%s` gives `%s` with the "
                           "stdlib; %s gave `%s` when the fuzzer found it." % (
                               options.seed, finding["index"], version, ops[detail["at"]], detail["ref"][0],
                               options.impl, detail["impl"][0]))
                if detail["ref"][0] == detail["impl"][0]:
                    summary = ("Found by the differential fuzzer (seed %d, program %d, Python %s): after `%s` the state "
                               "differed (%s) when the fuzzer found it." % (options.seed, finding["index"], version,
                                                                           ops[detail["at"]], detail["signature"]))
                name = case_name(ops[detail["at"]], detail["ref"][0], options.seed, finding["index"], "divergence")
                report_case(options, python, version, backend, name, data, ops, summary, replayer)
            else:
                print("%s seed %d program %s: worker %s" % (finding["kind"].upper(), options.seed, finding["index"],
                                                            finding["how"]))
                print("    " + "\n    ".join(finding["stderr"].strip().splitlines()[-12:]))
                if finding["kind"] == "error":
                    print("    (a Python exception in the fuzzer itself: fix the fuzzer)")
                    continue
                if shrunk >= options.max_shrink or finding["index"] is None:
                    continue
                shrunk += 1
                data, ops = trace_program(options, python, finding["index"])
                if ops is None:
                    print("    (program %d alone does not crash: it depends on the programs before it)" % finding["index"])
                    continue
                if finding["kind"] == "hang":
                    # Each replay of a hang costs the whole timeout: write the traced program as it is.
                    summary = ("Found by the differential fuzzer (seed %d, program %d, Python %s): %s %s on the "
                               "last operation when the fuzzer found it." % (options.seed, finding["index"], version,
                                                                             options.impl, finding["how"]))
                    name = case_name(ops[-1], "", options.seed, finding["index"], "hang")
                    report_case(options, python, version, backend, name, data, ops, summary, replayer)
                    continue
                ops, how, reference_crashes = shrink_crash(replayer, data, ops)
                if reference_crashes:
                    print("    the stdlib crashes too on the minimal program: a CPython crash, not a finding: %r" % ops)
                    continue
                summary = ("Found by the differential fuzzer (seed %d, program %d, Python %s): %s was %s on the last "
                           "operation when the fuzzer found it; the stdlib is not." % (
                               options.seed, finding["index"], version, options.impl, how))
                name = case_name(ops[-1], "", options.seed, finding["index"], finding["kind"])
                report_case(options, python, version, backend, name, data, ops, summary, replayer)
    finally:
        replayer.close()


def report_case(options, python, version, backend, name, data, ops, summary, replayer):
    print("    minimal program (%d operations, %d replays):" % (len(ops), replayer.replays))
    for op in ops:
        print("        " + op)
    if options.no_write:
        return
    path = write_case(options, python, backend, name, data, ops, summary)
    reproduces, ref_code, impl_code = check_case(options, python, path)
    print("    case: %s (%s through the conformance harness; exit codes %s/%s)"
          % (os.path.relpath(path, os.getcwd()), "reproduces" if reproduces else "DOES NOT REPRODUCE", ref_code, impl_code))


def trace_program(options, python, index):
    """Runs program `index` alone with every operation reported before it runs: (data, ops) if it crashes again."""
    worker = WorkerProcess(options, python)
    worker.send({"cmd": "trace", "seed": options.seed, "index": index, "budget": 60})
    ops = []
    try:
        while True:
            message = worker.receive(timeout=options.hang_timeout)
            if "op" in message:
                ops.append(message["op"])
            elif "end" in message:
                worker.close()
                return None, None
    except WorkerDied:
        worker.close()
    # The data file is a function of (seed, index) alone: regenerate it the way the worker does.
    import random
    data = program_data(random.Random("%d/%d" % (options.seed, index)))
    return data.hex(), ops


def main(argv):
    if argv and argv[0] == "worker":
        return worker_main(argv[1:])
    parser = argparse.ArgumentParser(prog="fuzz.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="the seed (default 1)")
    parser.add_argument("--ops", type=int, default=20000, help="operations per interpreter (default 20000)")
    parser.add_argument("--python", action="append", default=[], help="interpreter to fuzz in (repeatable; default: this one)")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="worker processes per interpreter (default 1)")
    parser.add_argument("--impl", default="mmapnet", help="the module compared with the stdlib mmap (default mmapnet)")
    parser.add_argument("--python-path", action="append", default=[], help="extra PYTHONPATH entry for --impl")
    parser.add_argument("--backend", help="MMAPNET_BACKEND for the workers (coreclr, nativeaot)")
    parser.add_argument("--launcher", help="command that starts the worker instead of the interpreter, with {python} "
                                           "for the interpreter's path (a .NET host, for example)")
    parser.add_argument("--cases-out", default=DEFAULT_CASES_OUT, help="where minimal cases are written")
    parser.add_argument("--no-write", action="store_true", help="report minimal programs, write no case")
    parser.add_argument("--max-findings", type=int, default=20, help="stop after this many divergences, crashes and hangs")
    parser.add_argument("--max-shrink", type=int, default=5, help="shrink at most this many findings")
    parser.add_argument("--hang-timeout", type=float, default=60.0, help="seconds without an answer that make a hang")
    parser.add_argument("--progress", type=float, default=0, help="print progress every this many seconds")
    parser.add_argument("--focus", default="", help="draw only these operations of generator.py's table "
                                                    "(comma-separated names, e.g. seek,resize), and constructors")
    options = parser.parse_args(argv)
    options.python = options.python or [sys.executable]
    import tempfile
    options.scratch = tempfile.mkdtemp(prefix="mmapfuzz-driver-")
    options.python_path = [os.path.abspath(p) for p in options.python_path]
    failed = False
    try:
        for python in options.python:
            summary = fuzz_one(options, python)
            failed = failed or summary["divergences"] or summary["crashes"]
    finally:
        import shutil
        shutil.rmtree(options.scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
