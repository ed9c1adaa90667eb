#!/usr/bin/env bash
# Instruction counts per operation for the stdlib mmap and mmapnet under callgrind (about 10 minutes per route).
#   tests/MmapNet.Benchmarks/callgrind/run.sh [PYTHON] [N]
#   MMAPNET_BACKEND=nativeaot tests/MmapNet.Benchmarks/callgrind/run.sh ~/.pyenv/versions/3.13.0/bin/python3
# Needs valgrind and the Release build (dotnet build MmapNet.sln -c Release; NativeAOT: its publish).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repository="$(cd "$here/../../.." && pwd)"
python="${1:-python3}"
count="${2:-20000}"
out="$(mktemp -d /tmp/mmapnet-callgrind-XXXXXX)"
export MMAPNET_BACKEND="${MMAPNET_BACKEND:-coreclr}"
if [ "$MMAPNET_BACKEND" = nativeaot ]; then
  # valgrind 3.19 cannot read the DWARF 5 that the NativeAOT build's .dbg holds, and gives up on the whole module;
  # a copy whose debug link points at the symbol table alone gives it the function names, which is all it needs.
  publish="$repository/artifacts/publish/MmapNet.CPython.NativeAot/release_linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
  cp "$publish/_mmapnet.so" "$out/_mmapnet.so"
  objcopy --strip-debug "$publish/_mmapnet.so.dbg" "$out/_mmapnet.so.dbg"
  objcopy --remove-section .gnu_debuglink "$out/_mmapnet.so"
  (cd "$out" && objcopy --add-gnu-debuglink=_mmapnet.so.dbg _mmapnet.so)
  # The baseline (x86-64) build: the same instructions counted on every machine, whatever CPU valgrind reports.
  export MMAPNET_NATIVEAOT_DIR="$out" MMAPNET_ISA=baseline
fi
# Under valgrind, CoreCLR's JIT gives up its full optimisation of most methods with loops or branches and compiles them
# again with MinOpts (seen with .NET 10 and valgrind 3.19: its own summary says so); the JIT's summary of every method it
# compiled is kept, and report.py names the MmapNet methods that ran as MinOpts code, whose counts are not those of the
# code that runs outside valgrind.
for module in mmap mmapnet; do
  PYTHONPATH="$repository/python" DOTNET_PerfMapEnabled=1 DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$out/$module.jit" \
    valgrind --tool=callgrind --separate-threads=yes --dump-before=getppid --smc-check=all-non-file \
      --callgrind-out-file="$out/$module.%p" "$python" "$here/ops.py" "$module" "$count" \
      > "$out/$module.log" 2>&1
done
echo "route: $MMAPNET_BACKEND, $("$python" -c 'import platform; print("Python", platform.python_version())')"
python3 "$here/report.py" "$out/mmap" "$out/mmapnet" "$count" --functions 12 --jit-summary "$out/mmapnet.jit"
echo "callgrind files: $out"
