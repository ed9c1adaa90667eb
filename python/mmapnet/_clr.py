"""pythonnet's ``clr`` in the CoreCLR that ``import mmapnet`` booted.

With the CoreCLR backend, the C# implementation runs in a .NET runtime inside this python3 process. This module
initialises pythonnet in that same runtime, as the PyPI ``pythonnet`` package does in the runtime it boots
(``Python.Runtime.Loader.Initialize``; ``Loader.Shutdown`` at exit), and registers MmapNet.Host's codecs. A script can
then ``clr.AddReference`` its own assembly and pass its ``mmapnet.mmap`` objects to C# methods that take a
``MemoryMap``: the very same map, no copy.

It happens on ``import clr`` (a finder at the end of ``sys.meta_path``, so an installed pythonnet package would still
take precedence), or at ``import mmapnet`` when the environment variable MMAPNET_CLR is 1. Standard library only.
"""

import atexit
import ctypes
import os
import sys

from mmapnet import _loader

_ASSEMBLIES = ("Python.Runtime.dll", "MmapNet.Host.dll")
_PYTHONNET_LOADER = "Python.Runtime.Loader, Python.Runtime"
_ENTRY_POINTS = "MmapNet.Host.ClrEntryPoints, MmapNet.Host"
_EAGER_VARIABLE = "MMAPNET_CLR"
_DIRECTORY_VARIABLE = "MMAPNET_HOST_ASSEMBLY_DIR"
_BUILD_COMMAND = "dotnet build src/MmapNet.Host -c Release"

_initialized = False


def install():
    """Makes ``import clr`` initialise pythonnet here; initialises it now if MMAPNET_CLR is 1."""
    if not any(isinstance(finder, _ClrFinder) for finder in sys.meta_path):
        sys.meta_path.append(_ClrFinder())
    if os.environ.get(_EAGER_VARIABLE) == "1":
        initialize()


def host_assembly_directory():
    """The folder with Python.Runtime.dll and MmapNet.Host.dll, or raises ImportError listing where it looked."""
    candidates = []
    if os.environ.get(_DIRECTORY_VARIABLE):
        candidates.append(os.environ[_DIRECTORY_VARIABLE])
    core = _loader.assembly_directory()
    candidates.append(core)  # a packaged layout keeps every assembly in one folder
    if os.path.basename(core) == _loader.BASELINE_FOLDER:
        core = os.path.dirname(core)  # the baseline images may be a folder of the x86-64-v3 ones, beside the rest
        candidates.append(core)
    # The build layout: artifacts/bin/MmapNet.CPython/<config>[/precompiled] -> artifacts/bin/MmapNet.Host/<config>
    build_output = os.path.dirname(core) if os.path.basename(core) == _loader.PRECOMPILED_FOLDER else core
    candidates.append(os.path.join(os.path.dirname(os.path.dirname(build_output)), "MmapNet.Host", os.path.basename(build_output)))
    for candidate in candidates:
        if all(os.path.isfile(os.path.join(candidate, name)) for name in _ASSEMBLIES):
            return candidate
    raise ImportError(
        "mmapnet: pythonnet (%s) is not built (looked in: %s). Build it from the repository root with: %s"
        % (", ".join(_ASSEMBLIES), "; ".join(candidates), _BUILD_COMMAND))


def initialize():
    """Initialises pythonnet in this process's CoreCLR, once; afterwards ``sys.modules['clr']`` is pythonnet's module."""
    global _initialized
    if _initialized:
        return
    runtime = _loader.runtime()
    directory = host_assembly_directory()
    for name in _ASSEMBLIES:
        runtime.load_assembly(os.path.join(directory, name))

    # Loader.Initialize(IntPtr data, int size) and Loader.Shutdown: hostfxr's default delegate type
    # (ComponentEntryPoint); an empty library path means "the symbols of this process". CFUNCTYPE releases the
    # GIL, which pythonnet takes itself.
    entry = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
    start = entry(runtime.function_pointer(_PYTHONNET_LOADER, "Initialize", unmanaged_callers_only=False))
    if start(b"", 0) != 0:
        raise ImportError("mmapnet: pythonnet could not be initialised (its error is above)")
    stop = entry(runtime.function_pointer(_PYTHONNET_LOADER, "Shutdown", unmanaged_callers_only=False))
    # pythonnet must shut down while the interpreter still runs: left to .NET's own exit, its shutdown would wait
    # for a GIL that no longer exists.
    atexit.register(stop, b"full_shutdown", len(b"full_shutdown"))

    register_codecs = ctypes.CFUNCTYPE(ctypes.c_int)(runtime.function_pointer(_ENTRY_POINTS, "RegisterCodecs"))
    if register_codecs() != 0:
        raise ImportError("mmapnet: the MemoryMap codecs could not be registered (the error is above)")
    _initialized = True


# The finder and loader are duck-typed, not subclasses of importlib.abc's classes: importing importlib.abc pulls in
# importlib.resources, pathlib, inspect and tempfile, which cost 50 ms of every `import mmapnet` on 3.13.
class _AlreadyImported:
    """Gives the module pythonnet put in sys.modules when it was initialised."""

    def create_module(self, spec):
        return sys.modules[spec.name]

    def exec_module(self, module):
        pass


class _ClrFinder:
    """``import clr``: initialises pythonnet in this process's CoreCLR, which puts its ``clr`` module in sys.modules."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "clr" or path is not None:
            return None
        initialize()
        if "clr" not in sys.modules:
            return None
        import importlib.util
        return importlib.util.spec_from_loader("clr", _AlreadyImported())
