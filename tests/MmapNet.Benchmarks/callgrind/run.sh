#!/usr/bin/env bash
# Instruction counts per operation for the stdlib mmap and mmapnet under callgrind (about 10 minutes).
#   tests/MmapNet.Benchmarks/callgrind/run.sh [PYTHON] [N]       e.g. tests/MmapNet.Benchmarks/callgrind/run.sh ~/.pyenv/versions/3.13.0/bin/python3
# Needs valgrind and the Release build (dotnet build src/MmapNet.CPython -c Release).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repository="$(cd "$here/../../.." && pwd)"
python="${1:-python3}"
count="${2:-20000}"
out="$(mktemp -d /tmp/mmapnet-callgrind-XXXXXX)"
for module in mmap mmapnet; do
  PYTHONPATH="$repository/python" DOTNET_PerfMapEnabled=1 \
    valgrind --tool=callgrind --separate-threads=yes --dump-before=getppid --smc-check=all-non-file \
      --callgrind-out-file="$out/$module.%p" "$python" "$here/ops.py" "$module" "$count" \
      > "$out/$module.log" 2>&1
done
python3 "$here/report.py" "$out/mmap" "$out/mmapnet" "$count" --functions 12
echo "callgrind files: $out"
