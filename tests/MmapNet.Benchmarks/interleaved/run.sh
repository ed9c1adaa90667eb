#!/usr/bin/env bash
# Interleaved A/B of two checkouts: ops.py in alternated processes of BASE and NEW, the median of ROUNDS processes per
# side of each operation's ratio to the stdlib, and new/base (below 1: NEW is faster).
#   tests/MmapNet.Benchmarks/interleaved/run.sh BASE NEW ROUNDS PYTHON [OPERATION ...]
#   MMAPNET_BACKEND=nativeaot tests/MmapNet.Benchmarks/interleaved/run.sh ../base . 8 ~/.pyenv/versions/3.13.0/bin/python3
# Each checkout needs its Release build (CoreCLR) or its NativeAOT publish (README); a worktree of the base is enough
# (git worktree add ../base COMMIT). The ops.py of this checkout runs on both sides.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="$(cd "$1" && pwd)"; new="$(cd "$2" && pwd)"; rounds="$3"; python="$4"; shift 4
out="$(mktemp -d /tmp/mmapnet-interleaved-XXXXXX)"
backend="${MMAPNET_BACKEND:-coreclr}"  # named for both sides: the loader would take a NativeAOT publish it finds
[ "$rounds" -ge 1 ] || { echo "ROUNDS must be at least 1" >&2; exit 2; }
run_side() {  # SIDE CHECKOUT ROUND: ops.py with that checkout's module and build
  local checkout="$2" precompiled="$2/artifacts/bin/MmapNet.CPython/release/precompiled"
  [ -d "$precompiled" ] || precompiled="$2/artifacts/bin/MmapNet.CPython/release"
  local -a environment=("PYTHONPATH=$checkout/python" "MMAPNET_BACKEND=$backend" "MMAPNET_ASSEMBLY_DIR=$precompiled")
  if [ "$backend" = nativeaot ]; then
    environment+=("MMAPNET_NATIVEAOT_DIR=$checkout/artifacts/publish/MmapNet.CPython.NativeAot/release_linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')")
  fi
  env "${environment[@]}" "$python" "$here/ops.py" "${operations[@]}" > "$out/$1.$3.txt"
}
operations=("$@")
for round in $(seq "$rounds"); do
  # Which side goes first alternates, so that neither always runs right after the other.
  if [ $((round % 2)) = 1 ]; then run_side base "$base" "$round"; run_side new "$new" "$round"
  else run_side new "$new" "$round"; run_side base "$base" "$round"; fi
done
python3 - "$out" "$backend" <<'PY'
import collections, glob, os, statistics, sys
ratios = collections.defaultdict(list)
for path in glob.glob(os.path.join(sys.argv[1], "*.txt")):
    side = os.path.basename(path).split(".")[0]
    times = {}
    with open(path) as f:
        for line in f:
            module, operation, ns = line.split()
            times[module, operation] = float(ns)
    for (module, operation), ns in times.items():
        if module == "net":
            ratios[side, operation].append(ns / times["std", operation])
print("%-12s %10s %10s %9s   (ratio to the stdlib: median of %d processes per side, %s)" % (
    "operation", "base", "new", "new/base", len(glob.glob(os.path.join(sys.argv[1], "new.*.txt"))), sys.argv[2]))
for operation in sorted({operation for _, operation in ratios}):
    base, new = statistics.median(ratios["base", operation]), statistics.median(ratios["new", operation])
    print("%-12s %10.3f %10.3f %9.3f" % (operation, base, new, new / base))
PY
echo "raw timings: $out"
