#!/usr/bin/env bash
# The good-guest figures of docs/reliability.md: guest_figures.py for every interpreter found, stdlib `mmap` and both
# mmapnet routes, then the stall figures again five times each with no forks or cycles (medians), then the table.
#   tests/MmapNet.Benchmarks/guest/run.sh [FORKS] [CYCLES]      (defaults 5000 and 1000000: about an hour here)
# Needs the Release build and the NativeAOT publish (README).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repository="$(cd "$here/../../.." && pwd)"
forks="${1:-5000}"; cycles="${2:-1000000}"
out="$(mktemp -d /tmp/mmapnet-guest-XXXXXX)"
export PYTHONPATH="$repository/python"
pythons=(); for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[0-3]*/bin/python3 /usr/bin/python3.1[0-3]; do
  [ -x "$candidate" ] && pythons+=("$candidate"); done
run() {  # PYTHON FORKS CYCLES: one line per module and route
  "$1" "$here/guest_figures.py" mmap "$2" "$3"
  for backend in coreclr nativeaot; do MMAPNET_BACKEND=$backend "$1" "$here/guest_figures.py" mmapnet "$2" "$3"; done
}
for python in "${pythons[@]}"; do run "$python" "$forks" "$cycles"; done > "$out/figures.jsonl"
for round in 1 2 3 4 5; do for python in "${pythons[@]}"; do run "$python" 0 0; done; done > "$out/stalls.jsonl"
python3 "$here/table.py" "$out/figures.jsonl" "$out/stalls.jsonl"
echo "raw figures: $out"
