#!/usr/bin/env bash
# Builds the bundled CPython of the MmapNet.Python.Runtime.<rid> NuGet packages from Debian's own packages, for linux-x64
# (Debian's amd64) and linux-arm64 (arm64), whatever the build machine's architecture.
#
#   build-python-runtime.sh [stage] [--rid RID]... [--refresh]  prepares artifacts/python-runtime/<rid>/python
#   build-python-runtime.sh pack [--rid RID]... [--output DIR]  stages, then packs MmapNet.Python.Runtime.<rid>.nupkg
#
# With no --rid, every RID the script knows: linux-x64 and linux-arm64, one package each. A program references the
# package of each RID it runs on; a build for one RID (-r linux-arm64) copies only that one's interpreter
# (build/MmapNet.Python.Runtime.targets).
#
# What it does, and why:
#   1. `apt-get download` fetches libpython3.11, libpython3.11-stdlib and libpython3.11-minimal, and the Debian packages of
#      the libraries the standard library links to that a minimal glibc system may lack (expat, zlib, libffi, OpenSSL,
#      bzip2, xz, SQLite, libuuid, ncurses), into artifacts/python-runtime/debs/<arch> (the candidate versions of this
#      machine's apt sources; a download needs no root). Another architecture's packages (PKG:arm64) need it among dpkg's
#      architectures and its package lists (dpkg --add-architecture, apt-get update; .ci/setup does both). patchelf
#      comes the same way, for the build machine's architecture, for step 3.
#   2. `dpkg -x` unpacks them; the interpreter is laid out as a Python home: lib/libpython3.11.so.1.0, lib/python3.11/
#      (the standard library, lib-dynload), the bundled libraries in lib/, Debian's copyright files in share/doc/.
#   3. patchelf gives libpython, the bundled libraries and the extension modules a RUNPATH relative to themselves
#      ($ORIGIN), so that the dynamic linker finds the bundled libraries wherever the folder is copied, with no
#      LD_LIBRARY_PATH and no preloading. The code itself is Debian's, unchanged. Debian's files have no RUNPATH to
#      overwrite, so patchelf adds a LOAD segment for the longer dynamic strings, aligned to the architecture's largest
#      page: on arm64 that is 64 KiB (kernels with 64 KiB pages exist, and refuse a segment aligned to less), which makes
#      each of its ELF files up to 64 KiB larger (zeros; the package compresses them away).
#   4. The standard library is compiled to bytecode (unchecked-hash .pyc: valid whatever the files' times after NuGet and
#      the build have copied them), so an application does not compile it at every start in a read-only folder.
#   5. python-runtime.cfg records what the folder is and what it needs from the system: the glibc version, the glibc
#      libraries, and the few libraries left to the system (GNU readline, GPL-3.0; Berkeley DB, Sleepycat; libnsl and
#      libtirpc for the deprecated nis module; libcrypt for the deprecated crypt module), each with the modules that
#      need it. MmapNet.Host reads it at start.
#
# Staging is skipped when the folder was made by this very script (a stamp holds its hash); --refresh downloads again.
# The build of src/MmapNet.Python.Runtime runs this script itself (stage), so a fresh clone builds with no extra step.
# Needs: apt-get and dpkg (Debian or Ubuntu), readelf (binutils), a python3.11 to compile the bytecode.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="$root/artifacts/python-runtime"
command="stage"
rids=()
refresh=0
output="$root/artifacts/packages"

while [ $# -gt 0 ]; do
  case "$1" in
    stage|pack) command="$1" ;;
    --rid) rids+=("$2"); shift ;;
    --refresh) refresh=1 ;;
    --output) output="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-python-runtime: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# Every RID a package is built for. MmapNet.Host finds the one for the machine it runs on
# (BundledPython.CurrentRuntimeIdentifier).
all_rids=(linux-x64 linux-arm64)
[ ${#rids[@]} -gt 0 ] || rids=("${all_rids[@]}")

# The .NET runtime identifier and Debian's architecture for it (sets rid, arch, triplet). Another RID is one more line
# here and one more in all_rids.
select_rid() {
  rid="$1"
  case "$rid" in
    linux-x64) arch="amd64"; triplet="x86_64-linux-gnu" ;;
    linux-arm64) arch="arm64"; triplet="aarch64-linux-gnu" ;;
    *) echo "build-python-runtime: no Debian architecture known for RID $rid (known: ${all_rids[*]})" >&2; exit 2 ;;
  esac
  debs="$artifacts/debs/$arch"
  stage="$artifacts/$rid"
}
# An unknown RID is refused before anything is downloaded.
for rid in "${rids[@]}"; do select_rid "$rid"; done

python_minor="3.11"
python_packages=(libpython3.11-minimal libpython3.11-stdlib libpython3.11)

# soname -> Debian package, for every library the bundle carries. Anything else an ELF file of the bundle needs is left
# to the system and recorded in python-runtime.cfg.
declare -A bundled=(
  [libexpat.so.1]=libexpat1
  [libz.so.1]=zlib1g
  [libffi.so.8]=libffi8
  [libssl.so.3]=libssl3
  [libcrypto.so.3]=libssl3
  [libbz2.so.1.0]=libbz2-1.0
  [liblzma.so.5]=liblzma5
  [libsqlite3.so.0]=libsqlite3-0
  [libuuid.so.1]=libuuid1
  [libncursesw.so.6]=libncursesw6
  [libpanelw.so.6]=libncursesw6
  [libtinfo.so.6]=libtinfo6
)

stamp_value="$(sha256sum "$0" | cut -d' ' -f1)"

say() { echo "build-python-runtime: $*" >&2; }

# `apt-get download` of the candidate versions. Lists missing on a fresh machine: say what to run (the download itself
# needs no root, the update does, and .ci/setup does it).
download() {
  mkdir -p "$debs"
  local missing=()
  for package in "$@"; do
    compgen -G "$debs/${package}_*_${arch}.deb" > /dev/null || missing+=("$package:$arch")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "downloading ${missing[*]}"
  if ! (cd "$debs" && apt-get download -q -o APT::Sandbox::User="$(id -un)" "${missing[@]}" >&2); then
    if [ "$arch" != "$(dpkg --print-architecture)" ] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
      say "apt-get download failed: $arch is not among dpkg's architectures. Run 'dpkg --add-architecture $arch' and 'apt-get update' (as root), or .ci/setup."
    else
      say "apt-get download failed: are the package lists there? Run 'apt-get update' (as root), or .ci/setup."
    fi
    exit 1
  fi
}

deb_of() { local files=("$debs/${1}_"*"_${arch}.deb"); echo "${files[-1]}"; }

stage_runtime() {
  work="$(mktemp -d "$artifacts/$rid.work.XXXXXX")"
  trap 'rm -rf "$work"' EXIT

  local dependency_packages
  dependency_packages=$(printf '%s\n' "${bundled[@]}" | sort -u)
  # patchelf is the build machine's, whatever the target architecture.
  local host_arch
  host_arch="$(dpkg --print-architecture)"
  download "${python_packages[@]}" $dependency_packages
  if [ ! -x "$artifacts/tools/usr/bin/patchelf" ]; then
    mkdir -p "$artifacts/tools/debs"
    (cd "$artifacts/tools/debs" && apt-get download -q -o APT::Sandbox::User="$(id -un)" "patchelf:$host_arch" >&2) ||
      { say "apt-get download patchelf failed (see above)"; exit 1; }
    dpkg -x "$(ls "$artifacts/tools/debs"/patchelf_*.deb | tail -1)" "$artifacts/tools"
  fi
  local patchelf="$artifacts/tools/usr/bin/patchelf"

  local unpacked="$work/unpacked" home="$work/python"
  mkdir -p "$unpacked" "$home/lib" "$home/share/doc"
  for package in "${python_packages[@]}" $dependency_packages; do
    dpkg -x "$(deb_of "$package")" "$unpacked"
  done
  # Each package's copyright file, under its own name (some packages link their docs folder to another package's of
  # the same source, hence after unpacking them all).
  for package in "${python_packages[@]}" $dependency_packages; do
    mkdir -p "$home/share/doc/$package"
    cp -L "$unpacked/usr/share/doc/$package/copyright" "$home/share/doc/$package/copyright"
  done

  # The interpreter, as a Python home: lib/libpython, lib/python3.X.
  cp "$unpacked/usr/lib/$triplet/libpython$python_minor.so.1.0" "$home/lib/"
  cp -a "$unpacked/usr/lib/python$python_minor" "$home/lib/"
  local stdlib="$home/lib/python$python_minor"
  # Left out: Debian's apport hook (a link into /etc), the link for building extensions (libpython3.11-dev is not
  # bundled), and pip's "externally managed" marker, whose advice (apt install python3-xyz) does not apply here.
  rm -f "$stdlib/sitecustomize.py" "$stdlib/EXTERNALLY-MANAGED"
  rm -rf "$stdlib/config-$python_minor-$triplet"
  # Relative links become copies: NuGet packages are zip files, which keep no links.
  find "$stdlib" -type l | while read -r link; do
    cp --remove-destination "$(readlink -f "$link")" "$link"
  done

  # The bundled libraries, each under its soname (the name the dynamic linker looks for).
  local soname file
  for soname in "${!bundled[@]}"; do
    file="$(find "$unpacked" -name "$soname" \( -type f -o -type l \) | head -1)"
    [ -n "$file" ] || { say "$soname is not in ${bundled[$soname]}"; exit 1; }
    cp -L "$file" "$home/lib/$soname"
  done

  # RUNPATHs: libpython and the libraries find each other in lib/; the extension modules in lib/python3.X/lib-dynload
  # look two folders up.
  for file in "$home/lib"/*.so*; do
    "$patchelf" --set-rpath '$ORIGIN' "$file"
  done
  for file in "$stdlib/lib-dynload"/*.so; do
    "$patchelf" --set-rpath '$ORIGIN/../..' "$file"
  done

  compile_bytecode "$stdlib"
  write_manifest "$home" "$stdlib"

  rm -rf "$stage"
  mkdir -p "$stage"
  mv "$home" "$stage/python"
  echo "$stamp_value" > "$stage/.stamp"
  rm -rf "$work"
  trap - EXIT
  say "staged $(du -sh "$stage/python" | cut -f1) in $stage/python"
}

# A python3.X of the build machine: it compiles the bytecode (every 3.X.Y writes the same format: one magic number per
# minor version) and writes the manifest.
build_python() {
  local candidate
  for candidate in "/usr/bin/python$python_minor" "$(command -v "python$python_minor" || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  say "no python$python_minor to compile the standard library's bytecode with"
  exit 1
}

compile_bytecode() {
  local stdlib="$1"
  "$(build_python)" -I -m compileall -q -j 0 --invalidation-mode unchecked-hash "$stdlib" > /dev/null ||
    { say "compiling the standard library failed"; exit 1; }
}

# python-runtime.cfg, from the NEEDED entries and the newest GLIBC_x.y symbol version of every ELF file.
write_manifest() {
  local home="$1" stdlib="$2"
  local debian_version python_version
  debian_version="$(dpkg-deb -f "$(deb_of libpython$python_minor-minimal)" Version)"
  python_version="${debian_version%%-*}"
  local elf_report="$home/../elf-report.txt"
  : > "$elf_report"
  find "$home" -name '*.so*' -type f | sort | while read -r file; do
    local relative="${file#"$home"/}"
    readelf -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | while read -r needed; do
      echo "needed $relative $needed" >> "$elf_report"
    done
    readelf -V "$file" | { grep -o 'GLIBC_[0-9][0-9.]*' || true; } | sed 's/^/glibc /' >> "$elf_report"
  done

  local packages="" package
  for package in "${python_packages[@]}" $(printf '%s\n' "${bundled[@]}" | sort -u); do
    packages+="${packages:+ }$package=$(dpkg-deb -f "$(deb_of "$package")" Version)"
  done
  local libraries
  libraries="$(printf 'lib/%s\n' "${!bundled[@]}" | sort | tr '\n' ' ')"

  # Python writes the rest: which system libraries each file needs, and whether the interpreter itself needs them
  # (libpython or a bundled library: required at start) or only some extension modules (those modules fail to import).
  "$(build_python)" -I - "$home" "$elf_report" "$python_version" "$debian_version" "$rid" "$python_minor" \
    "$packages" "$libraries" <<'PY'
import sys
home, report, python_version, debian_version, rid, minor, packages, bundled = sys.argv[1:]
bundled = bundled.split()
needs, glibc = {}, (0, 0)
for line in open(report, encoding="utf-8"):
    kind, *rest = line.split()
    if kind == "needed":
        needs.setdefault(rest[0], []).append(rest[1])
    else:
        glibc = max(glibc, tuple(int(p) for p in rest[0][len("GLIBC_"):].split(".")[:2]))
bundled_names = {b.split("/")[-1] for b in bundled}
core = {"lib/libpython%s.so.1.0" % minor} | set(bundled)
# glibc's own libraries come with the C library itself: its version is what matters.
glibc_names = ("libc.so.", "libm.so.", "libpthread.so.", "libdl.so.", "librt.so.", "libutil.so.", "libresolv.so.", "ld-linux")
glibc_libraries, system = set(), {}
for file, names in sorted(needs.items()):
    for name in names:
        if name in bundled_names:
            continue
        if name.startswith(glibc_names):
            glibc_libraries.add(name)
            continue
        required, needed_by = system.get(name, (False, []))
        # An extension module by its module name, anything else by its path in the bundle.
        needed_by.append(file.rsplit("/", 1)[-1].split(".")[0] if "/lib-dynload/" in file else file)
        system[name] = (required or file in core, needed_by)
lines = [
    "# Debian's CPython %s (%s) for %s, bundled by MmapNet.Python.Runtime." % (python_version, debian_version, rid),
    "# Written by build-python-runtime.sh, read by MmapNet.Host (BundledPython): one 'key = value' a line, as in pyvenv.cfg.",
    "# system-library = SONAME required|optional WHAT-NEEDS-IT...: a library left to the system; a required one is needed",
    "# by libpython itself, an optional one only by the extension modules named.",
    "version = " + python_version,
    "runtime-identifier = " + rid,
    "library = lib/libpython%s.so.1.0" % minor,
    "standard-library = lib/python" + minor,
    "minimum-glibc = %d.%d" % glibc,
    "glibc-libraries = " + " ".join(sorted(glibc_libraries)),
    "bundled-libraries = " + " ".join(bundled),
    "debian-packages = " + packages,
]
for name, (required, needed_by) in sorted(system.items(), key=lambda item: (not item[1][0], item[0])):
    lines.append("system-library = %s %s %s" % (name, "required" if required else "optional", " ".join(needed_by)))
with open(home + "/python-runtime.cfg", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
PY
  rm -f "$elf_report"
}

mkdir -p "$artifacts"
for rid in "${rids[@]}"; do
  select_rid "$rid"
  # One stager of a RID at a time: builds of several projects (and CI's setup) may ask at once.
  exec 9> "$artifacts/$rid.lock"
  flock 9
  if [ "$refresh" -eq 1 ]; then
    rm -rf "$debs" "$stage"
  fi
  if [ -f "$stage/.stamp" ] && [ "$(cat "$stage/.stamp")" = "$stamp_value" ] && [ -f "$stage/python/python-runtime.cfg" ]; then
    [ "$command" = "stage" ] && say "up to date: $stage/python"
  else
    stage_runtime
  fi
  flock -u 9
done

if [ "$command" = "pack" ]; then
  for rid in "${rids[@]}"; do
    dotnet pack "$here/MmapNet.Python.Runtime.csproj" -c Release -o "$output" -p:PythonRuntimeIdentifier="$rid" -nodeReuse:false
  done
fi
