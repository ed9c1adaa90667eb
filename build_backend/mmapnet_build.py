"""The PEP 517 build backend of the mmapnet wheel, in the repository and standard library only.

``pip install --no-build-isolation .`` (or ``pip wheel``) calls it. It needs no setuptools, no wheel
package and no network for Python packages: it runs ``dotnet publish`` for the two native parts and
writes the wheel (a zip file) itself.

The wheel holds:

* ``mmapnet/*.py``, ``__init__.pyi``, ``py.typed``: the package as it is in ``python/mmapnet``;
* ``mmapnet/_mmapnet.so``: the NativeAOT extension module (``src/MmapNet.CPython.NativeAot``), which
  ``import mmapnet`` uses with no .NET runtime;
* ``mmapnet/_lib/``: the managed assemblies and their runtimeconfig.json, for the CoreCLR route
  (``MMAPNET_BACKEND=coreclr``), which a process that also uses pythonnet's ``clr`` needs.

One binary serves every supported CPython (Directory.Build.props names them; it resolves the C API at
import and adapts to the version), so the wheel is tagged with each (``cp310.cp311...-none-<platform>``): those interpreters only, no claim
on the stable ABI (it also calls a few functions outside it).

Config settings (``pip ... --config-settings instruction-set=x86-64-v3``):

* ``instruction-set``: the NativeAOT instruction set (``IlcInstructionSet``); the project's default is
  the x86-64 baseline, see README.md.
* ``target``: the .NET runtime identifier the native module is built for, ``linux-x64`` or ``linux-arm64``;
  by default this machine's. The wheel's platform tag follows it (``linux_x86_64``, ``linux_aarch64``), so an
  x86-64 machine builds the ARM64 wheel with ``--config-settings target=linux-arm64`` (the cross-link needs
  Debian's ``gcc-aarch64-linux-gnu`` and ``libc6-dev-arm64-cross``; see docs/arm64.md). The environment
  variable ``MMAPNET_WHEEL_TARGET`` does the same for a front end that passes no config settings; the config
  setting wins over it.
"""

import base64
import hashlib
import io
import os
import posixpath
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import xml.etree.ElementTree
import zipfile

_REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE_SOURCE = os.path.join(_REPOSITORY, "python", "mmapnet")
_NATIVEAOT_PROJECT = os.path.join("src", "MmapNet.CPython.NativeAot", "MmapNet.CPython.NativeAot.csproj")
_MANAGED_PROJECT = os.path.join("src", "MmapNet.CPython", "MmapNet.CPython.csproj")
_EXTENSION_FILE = "_mmapnet.so"
_X8664V3_EXTENSION_FILE = "_mmapnet-x86-64-v3.so"
_BASELINE_IMAGES_FOLDER = "baseline"  # python/mmapnet/_loader.py's BASELINE_FOLDER

# The targets the wheel can be built for: .NET runtime identifier -> wheel platform tag.
_TARGET_PLATFORMS = {"linux-x64": "linux_x86_64", "linux-arm64": "linux_aarch64"}
_TARGET_VARIABLE = "MMAPNET_WHEEL_TARGET"

# What goes into the wheel from each source: an allow-list, so that nothing left in a folder by hand
# (a copied _mmapnet.so, __pycache__, an editor's backup) is shipped.
_PACKAGE_SUFFIXES = (".py", ".pyi")
_PACKAGE_FILES = ("py.typed",)
_MANAGED_SUFFIXES = (".dll", ".pdb", ".runtimeconfig.json", ".deps.json", ".so")

# The sdist: what building the wheel needs, and nothing built.
_SDIST_FILES = ("pyproject.toml", "README.md", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
                "src/ReadyToRun.targets")
# MmapNet.CPython.Generators: the source generator that writes the CPython face from its declaration, at build time.
# src/Shared: source that Directory.Build.targets compiles into every project (the one reader of a version text).
_SDIST_FOLDERS = ("build_backend", "python/mmapnet", "src/MmapNet", "src/MmapNet.CPython", "src/MmapNet.CPython.Generators",
                  "src/MmapNet.CPython.NativeAot", "src/Shared")
_SDIST_SKIPPED = ("bin", "obj", "__pycache__")

# The [project] keys this backend turns into metadata; any other key is refused rather than dropped.
# Given by the backend, from Directory.Build.props, not by pyproject.toml.
_DYNAMIC = ("version", "requires-python", "classifiers")
_PROJECT_KEYS = {"name", "version", "dynamic", "description", "readme", "requires-python", "license", "authors",
                 "keywords", "classifiers", "urls", "dependencies"}


# ---------------------------------------------------------------------------------------------------
# PEP 517 hooks


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    project = _Project.read()
    dist_info = os.path.join(metadata_directory, project.dist_info)
    os.makedirs(dist_info, exist_ok=True)
    with open(os.path.join(dist_info, "METADATA"), "w", encoding="utf-8") as metadata:
        metadata.write(project.metadata())
    with open(os.path.join(dist_info, "WHEEL"), "w", encoding="utf-8") as wheel:
        wheel.write(_wheel_file(_platform_tag(_target(config_settings))))
    return project.dist_info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _Project.read()
    target = _target(config_settings)
    platform = _platform_tag(target)
    with tempfile.TemporaryDirectory(prefix="mmapnet-wheel-") as staging:
        native = os.path.join(staging, "native")
        managed = os.path.join(staging, "managed")
        instruction_set = (config_settings or {}).get("instruction-set")
        native_arguments = ["-p:IlcInstructionSet=" + instruction_set] if instruction_set else []
        if target is not None:
            native_arguments += ["-r", target]
        _dotnet_publish(_NATIVEAOT_PROJECT, native, native_arguments)
        # The CoreCLR route's assemblies are precompiled (ReadyToRun) for the wheel's architecture, beside the C part
        # built for it (libmmapnet_faults.so); on x86-64 the publish makes a second set for CPUs without x86-64-v3, in
        # its folder "baseline" (src/ReadyToRun.targets), which the loader takes on those CPUs.
        _dotnet_publish(_MANAGED_PROJECT, managed, ["-r", target or _host_runtime_identifier(), "--self-contained", "false",
                                                     "-p:PublishReadyToRun=true"])

        files = []  # (path in the wheel, path on disk)
        for name in sorted(os.listdir(_PACKAGE_SOURCE)):
            if name.endswith(_PACKAGE_SUFFIXES) or name in _PACKAGE_FILES:
                files.append(("mmapnet/" + name, os.path.join(_PACKAGE_SOURCE, name)))
        files.append(("mmapnet/" + _EXTENSION_FILE, _require_file(os.path.join(native, _EXTENSION_FILE))))
        # On x86-64, the module's AVX2 build, which its entry point loads instead on CPUs that have x86-64-v3.
        if os.path.isfile(os.path.join(native, _X8664V3_EXTENSION_FILE)):
            files.append(("mmapnet/" + _X8664V3_EXTENSION_FILE, os.path.join(native, _X8664V3_EXTENSION_FILE)))
        for folder in ("", _BASELINE_IMAGES_FOLDER):
            if os.path.isdir(os.path.join(managed, folder)):
                for name in sorted(os.listdir(os.path.join(managed, folder))):
                    if name.endswith(_MANAGED_SUFFIXES):
                        files.append((posixpath.join("mmapnet/_lib", folder, name), os.path.join(managed, folder, name)))

        wheel_name = "%s-%s-%s-none-%s.whl" % (project.normalized_name, project.version, ".".join(_python_tags()), platform)
        with _WheelWriter(os.path.join(wheel_directory, wheel_name)) as wheel:
            for archive_path, disk_path in files:
                wheel.add_file(archive_path, disk_path)
            wheel.add_text(project.dist_info + "/METADATA", project.metadata())
            wheel.add_text(project.dist_info + "/WHEEL", _wheel_file(platform))
            wheel.write_record(project.dist_info + "/RECORD")
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    project = _Project.read()
    base = "%s-%s" % (project.normalized_name, project.version)
    sdist_name = base + ".tar.gz"
    mtime = _source_date_epoch()

    def add_bytes(tar, name, data, mode=0o644):
        info = tarfile.TarInfo(base + "/" + name)
        info.size, info.mtime, info.mode = len(data), mtime, mode
        tar.addfile(info, io.BytesIO(data))

    with tarfile.open(os.path.join(sdist_directory, sdist_name), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for relative in _sdist_members():
            with open(os.path.join(_REPOSITORY, relative), "rb") as source:
                add_bytes(tar, relative.replace(os.sep, "/"), source.read())
        add_bytes(tar, "PKG-INFO", project.metadata().encode("utf-8"))
    return sdist_name


# ---------------------------------------------------------------------------------------------------
# The project's metadata: pyproject.toml's [project] table, the version from Directory.Build.props


class _Project:
    def __init__(self, table, version):
        unknown = sorted(set(table) - _PROJECT_KEYS)
        if unknown:
            raise ValueError("mmapnet_build: pyproject.toml [project] has keys this backend does not handle: %s" % unknown)
        self.table = table
        self.name = table["name"]
        self.normalized_name = self.name.replace("-", "_").replace(".", "_").lower()
        self.version = version
        self.dist_info = "%s-%s.dist-info" % (self.normalized_name, version)

    @classmethod
    def read(cls):
        with open(os.path.join(_REPOSITORY, "pyproject.toml"), "rb") as source:
            table = _toml_module().load(source)["project"]
        if sorted(table.get("dynamic", [])) != sorted(_DYNAMIC) or any(key in table for key in _DYNAMIC):
            raise ValueError("mmapnet_build: the version and the supported Pythons come from Directory.Build.props; "
                             "pyproject.toml must say dynamic = %s and not give them" % list(_DYNAMIC))
        return cls(table, _msbuild_version())

    def metadata(self):
        table = self.table
        lines = ["Metadata-Version: 2.1", "Name: " + self.name, "Version: " + self.version]
        if "description" in table:
            lines.append("Summary: " + table["description"])
        for author in table.get("authors", []):
            if "name" in author:
                lines.append("Author: " + author["name"])
            if "email" in author:
                lines.append("Author-email: " + author["email"])
        license_ = table.get("license")
        if license_ is not None:
            lines.append("License: " + (license_ if isinstance(license_, str) else license_["text"]))
        if table.get("keywords"):
            lines.append("Keywords: " + ",".join(table["keywords"]))
        lines += ["Classifier: " + classifier for classifier in _classifiers()]
        lines += ["Project-URL: %s, %s" % (label, url) for label, url in table.get("urls", {}).items()]
        lines.append("Requires-Python: " + _requires_python())
        lines += ["Requires-Dist: " + requirement for requirement in table.get("dependencies", [])]
        body = ""
        readme = table.get("readme")
        if readme is not None:
            path = readme if isinstance(readme, str) else readme["file"]
            content_type = "text/markdown" if path.endswith(".md") else "text/x-rst" if path.endswith(".rst") else "text/plain"
            lines.append("Description-Content-Type: " + content_type)
            with open(os.path.join(_REPOSITORY, path), encoding="utf-8") as source:
                body = source.read()
        return "\n".join(lines) + "\n\n" + body


def _toml_module():
    try:
        import tomllib  # 3.11+
        return tomllib
    except ImportError:
        pass
    try:
        import tomli
        return tomli
    except ImportError:
        pass
    try:
        from pip._vendor import tomli  # 3.10: pip, which is running this build, carries one
        return tomli
    except ImportError:
        raise RuntimeError("mmapnet_build: reading pyproject.toml on Python 3.10 needs tomli (or pip's copy of it)")


def _msbuild_property(name):
    """A property of Directory.Build.props, where the version and the supported Pythons are written once."""
    root = xml.etree.ElementTree.parse(os.path.join(_REPOSITORY, "Directory.Build.props")).getroot()
    for element in root.iter(name):
        if element.text and element.text.strip():
            return element.text.strip()
    raise ValueError("mmapnet_build: Directory.Build.props has no <%s>" % name)


def _msbuild_version():
    """The one version of the project, shared with the NuGet packages."""
    return _msbuild_property("Version")


def _supported_pythons():
    """(major, minor) of every supported CPython, from OldestSupportedPython to NewestSupportedPython."""
    oldest = tuple(int(part) for part in _msbuild_property("OldestSupportedPython").split("."))
    newest = tuple(int(part) for part in _msbuild_property("NewestSupportedPython").split("."))
    return [(oldest[0], minor) for minor in range(oldest[1], newest[1] + 1)]


def _python_tags():
    return ["cp%d%d" % version for version in _supported_pythons()]


def _requires_python():
    versions = _supported_pythons()
    return ">=%d.%d,<%d.%d" % (versions[0] + (versions[-1][0], versions[-1][1] + 1))


def _classifiers():
    """pyproject.toml's [tool.mmapnet] classifiers, with one per supported Python version."""
    with open(os.path.join(_REPOSITORY, "pyproject.toml"), "rb") as source:
        base = _toml_module().load(source).get("tool", {}).get("mmapnet", {}).get("classifiers", [])
    versions = ["Programming Language :: Python :: %d.%d" % version for version in _supported_pythons()]
    return sorted(base + versions)


# ---------------------------------------------------------------------------------------------------
# Building the native parts


def _dotnet():
    candidates = []
    if os.environ.get("DOTNET_ROOT"):
        candidates.append(os.path.join(os.environ["DOTNET_ROOT"], "dotnet"))
    found = shutil.which("dotnet")
    if found:
        candidates.append(found)
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError("mmapnet_build: the .NET SDK is needed to build the wheel ('dotnet' is not on PATH, nor in DOTNET_ROOT)")


def _dotnet_publish(project, output, extra_arguments):
    command = [_dotnet(), "publish", os.path.join(_REPOSITORY, project), "-c", "Release", "-o", output, "--nologo",
               # No build servers: they would outlive this build holding pip's output pipes open, and pip waits.
               "-nodeReuse:false", "-p:UseSharedCompilation=false"] + extra_arguments
    environment = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", DOTNET_CLI_USE_MSBUILD_SERVER="0",
                       MSBUILDDISABLENODEREUSE="1")
    print("mmapnet_build: " + " ".join(command), file=sys.stderr, flush=True)
    # The build's own output goes to stderr: pip shows it when the build fails (or with -v), and the
    # hook's stdout stays free for pip.
    completed = subprocess.run(command, cwd=_REPOSITORY, env=environment, stdout=sys.stderr.fileno(), stdin=subprocess.DEVNULL)
    if completed.returncode != 0:
        raise RuntimeError("mmapnet_build: dotnet publish %s failed (exit code %d); its output is above" % (project, completed.returncode))


def _require_file(path):
    if not os.path.isfile(path):
        raise RuntimeError("mmapnet_build: the build did not produce " + path)
    return path


def _target(config_settings):
    """The runtime identifier asked for (config setting ``target``, else MMAPNET_WHEEL_TARGET), or None: this machine."""
    target = (config_settings or {}).get("target") or os.environ.get(_TARGET_VARIABLE) or None
    if target is not None and target not in _TARGET_PLATFORMS:
        raise ValueError("mmapnet_build: target %r is not one this wheel can be built for (%s)"
                         % (target, ", ".join(sorted(_TARGET_PLATFORMS))))
    return target


def _host_runtime_identifier():
    machine = os.uname().machine
    return {"x86_64": "linux-x64", "aarch64": "linux-arm64"}.get(machine, "linux-" + machine)


def _platform_tag(target=None):
    if target is not None:
        return _TARGET_PLATFORMS[target]
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


# ---------------------------------------------------------------------------------------------------
# Writing the wheel


def _wheel_file(platform):
    lines = ["Wheel-Version: 1.0", "Generator: mmapnet_build (in-tree)", "Root-Is-Purelib: false"]
    lines += ["Tag: %s-none-%s" % (python, platform) for python in _python_tags()]
    return "\n".join(lines) + "\n"


def _source_date_epoch():
    # Reproducible archives: timestamps from SOURCE_DATE_EPOCH, or the earliest a zip file can hold.
    return int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


class _WheelWriter:
    """A wheel: a zip file whose RECORD lists every other member with its sha256 and size."""

    def __init__(self, path):
        self._path = path
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self._record = []
        import time
        self._date_time = time.gmtime(max(_source_date_epoch(), 315532800))[:6]

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        self._zip.close()
        if exc_type is not None:
            os.remove(self._path)

    def add_file(self, archive_path, disk_path):
        with open(disk_path, "rb") as source:
            data = source.read()
        executable = os.stat(disk_path).st_mode & 0o111 or archive_path.endswith(".so")
        self._add(archive_path, data, 0o755 if executable else 0o644)

    def add_text(self, archive_path, text):
        self._add(archive_path, text.encode("utf-8"), 0o644)

    def write_record(self, archive_path):
        lines = ["%s,%s,%d" % (path, digest, size) for path, digest, size in self._record]
        lines.append(archive_path + ",,")
        self._add(archive_path, ("\n".join(lines) + "\n").encode("utf-8"), 0o644, recorded=False)

    def _add(self, archive_path, data, mode, recorded=True):
        info = zipfile.ZipInfo(archive_path, date_time=self._date_time)
        info.external_attr = (0o100000 | mode) << 16  # a regular file with these permissions
        info.compress_type = zipfile.ZIP_DEFLATED
        self._zip.writestr(info, data)
        if recorded:
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
            self._record.append((archive_path, "sha256=" + digest, len(data)))


def _sdist_members():
    members = [name for name in _SDIST_FILES if os.path.isfile(os.path.join(_REPOSITORY, name))]
    for folder in _SDIST_FOLDERS:
        for directory, subdirectories, names in os.walk(os.path.join(_REPOSITORY, folder)):
            subdirectories[:] = sorted(d for d in subdirectories if d not in _SDIST_SKIPPED)
            relative = os.path.relpath(directory, _REPOSITORY)
            members += [os.path.join(relative, name) for name in sorted(names)
                        if not name.endswith((".pyc", ".so", ".user"))]
    return members
