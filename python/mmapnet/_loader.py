"""Finds and loads the C# implementation of the ``mmapnet._mmapnet`` extension module.

Three ways, tried in this order:

1. A .NET program that embeds CPython (MmapNet.Host) has already built the module and put it in
   ``sys.modules['mmapnet._mmapnet']``.
2. The NativeAOT build, ``_mmapnet.so``: an ordinary extension module that needs no .NET runtime.
   It is looked for in ``MMAPNET_NATIVEAOT_DIR`` and next to this file (where a wheel installs it).
3. CoreCLR: boot the .NET runtime in this process through libhostfxr with ctypes (the standard
   library only), load the managed assemblies into the default load context and call the C#
   ``ModuleEntryPoints.CreateModule``, which returns the module. ``import clr`` then initialises pythonnet in
   that runtime (see _clr.py).

``MMAPNET_BACKEND=nativeaot`` or ``coreclr`` forces one of the last two. Only when NativeAOT is forced
is the repository's own publish output (``artifacts/publish/MmapNet.CPython.NativeAot/release_<rid>/``)
also searched: a repository checkout keeps using the CoreCLR build by default, so that a NativeAOT
binary published once and since left stale is never picked up silently.

ctypes is imported only on the CoreCLR route: the NativeAOT route needs none of it, and importing it
takes about as long as loading the NativeAOT module itself.

``MMAPNET_CLR=1`` (initialise pythonnet's ``clr`` at ``import mmapnet``) chooses CoreCLR unless a backend is
forced: pythonnet needs the .NET runtime, which the NativeAOT module does not boot.
"""

import os
import sys

_NATIVE_NAME = "mmapnet._mmapnet"
_EXTENSION_FILE = "_mmapnet.so"  # one binary for every supported CPython: it adapts to the version at import
_X8664V3_EXTENSION_FILE = "_mmapnet-x86-64-v3.so"  # beside it on x86-64, loaded by its entry (Native/extension_entry.c)
_NATIVEAOT_PROJECT = "MmapNet.CPython.NativeAot"
_PUBLISH_COMMAND = "dotnet publish src/MmapNet.CPython.NativeAot -c Release"
_BACKENDS = ("coreclr", "nativeaot")
_ENTRY_TYPE = "MmapNet.CPython.ModuleEntryPoints, MmapNet.CPython"
_ENTRY_METHOD = "CreateModule"
_ASSEMBLIES = ("MmapNet.dll", "MmapNet.CPython.dll")
_RUNTIME_CONFIG = "MmapNet.CPython.runtimeconfig.json"
_FAULTS_LIBRARY = "libmmapnet_faults.so"  # Native/memory_faults.c and instruction_set.c, beside the assemblies
_BUILD_COMMAND = "dotnet build src/MmapNet.CPython -c Release"

# hostfxr_delegate_type values (hostfxr.h)
_HDT_GET_FUNCTION_POINTER = 6
_HDT_LOAD_ASSEMBLY = 7

_here = os.path.dirname(os.path.abspath(__file__))
_repository = os.path.dirname(os.path.dirname(_here))
_runtime = None  # the booted runtime: kept for the life of the process, as the CLR cannot unload


def load():
    """Returns (module, backend), where backend is 'dotnet-host', 'nativeaot' or 'coreclr'."""
    module = sys.modules.get(_NATIVE_NAME)
    if module is not None:
        return module, "dotnet-host"
    backend = os.environ.get("MMAPNET_BACKEND", "")
    if not backend and os.environ.get("MMAPNET_CLR") == "1":
        backend = "coreclr"
    if backend and backend not in _BACKENDS:
        raise ImportError("mmapnet: MMAPNET_BACKEND=%s; it must be one of: %s" % (backend, ", ".join(_BACKENDS)))
    if backend != "coreclr":
        candidates = native_extension_candidates(forced=backend == "nativeaot")
        extension = next((path for path in candidates if os.path.isfile(path)), None)
        if extension is not None:
            return _load_native_extension(extension), "nativeaot"
        if backend == "nativeaot":
            raise ImportError(
                "mmapnet: MMAPNET_BACKEND=nativeaot, but there is no NativeAOT build (looked for: %s). "
                "Build it from the repository root with: %s" % ("; ".join(candidates), _PUBLISH_COMMAND))
    module = _load_through_coreclr()
    sys.modules[_NATIVE_NAME] = module
    # The same CoreCLR can serve pythonnet's `clr`, so .NET code called from Python shares the maps.
    from mmapnet import _clr
    _clr.install()
    return module, "coreclr"


def native_extension_candidates(forced=False):
    """Where the NativeAOT extension module is looked for, in order (see the module's docstring)."""
    candidates = []
    if os.environ.get("MMAPNET_NATIVEAOT_DIR"):
        candidates.append(os.path.join(os.environ["MMAPNET_NATIVEAOT_DIR"], _EXTENSION_FILE))
    candidates.append(os.path.join(_here, _EXTENSION_FILE))
    if forced:
        candidates.append(os.path.join(repository_publish_directory(), _EXTENSION_FILE))
    return candidates


def repository_publish_directory():
    """Where ``dotnet publish src/MmapNet.CPython.NativeAot -c Release`` puts the module in a checkout."""
    architecture = {"x86_64": "x64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)
    return os.path.join(_repository, "artifacts", "publish", _NATIVEAOT_PROJECT, "release_linux-" + architecture)


def running_native_build(extension):
    """The NativeAOT build that runs behind EXTENSION: on x86-64 the module's entry loads the x86-64-v3 build beside it
    where the CPU has it (Native/extension_entry.c), which is then mapped into the process."""
    faster = os.path.join(os.path.dirname(os.path.realpath(extension)), _X8664V3_EXTENSION_FILE)
    try:
        with open("/proc/self/maps") as maps:
            if any(line.rstrip("\n").endswith(" " + faster) for line in maps):
                return faster
    except OSError:
        pass
    return extension


def _load_native_extension(path):
    if os.path.dirname(path) == _here:
        from mmapnet import _mmapnet  # the ordinary import: a wheel install, or a copy put there by hand
        return _mmapnet
    # importlib.machinery and importlib.util are these functions of importlib's bootstrap, which every interpreter has
    # loaded; importing them (and warnings, types, ...) took 1.5-2 ms, a fifth of this route's import.
    bootstrap, bootstrap_external = sys.modules["_frozen_importlib"], sys.modules["_frozen_importlib_external"]
    loader = bootstrap_external.ExtensionFileLoader(_NATIVE_NAME, path)
    spec = bootstrap_external.spec_from_file_location(_NATIVE_NAME, path, loader=loader)
    module = bootstrap.module_from_spec(spec)  # runs PyInit__mmapnet (single-phase initialisation)
    sys.modules[_NATIVE_NAME] = module
    return module


# The folder of ReadyToRun images beside a checkout's build output (src/ReadyToRun.targets).
PRECOMPILED_FOLDER = "precompiled"
# On x86-64, a folder of a set of images (a checkout's precompiled/, the wheel's _lib/) holding the same assemblies
# precompiled for the baseline instruction set, for CPUs without x86-64-v3 (src/ReadyToRun.targets).
BASELINE_FOLDER = "baseline"


def assembly_directory():
    """The folder holding the managed assemblies, or raises ImportError listing where it looked."""
    candidates = []
    if os.environ.get("MMAPNET_ASSEMBLY_DIR"):
        candidates.append(os.environ["MMAPNET_ASSEMBLY_DIR"])
    candidates.append(os.path.join(_here, "_lib"))
    # A checkout's build: the ReadyToRun images beside the build output first (src/ReadyToRun.targets), then its IL.
    build_output = os.path.join(_repository, "artifacts", "bin", "MmapNet.CPython", "release")
    candidates.append(os.path.join(build_output, PRECOMPILED_FOLDER))
    candidates.append(build_output)
    for candidate in candidates:
        if _holds_assemblies(candidate):
            baseline = os.path.join(candidate, BASELINE_FOLDER)
            return baseline if _holds_assemblies(baseline) and not _runs_x86_64_v3(candidate) else candidate
    raise ImportError(
        "mmapnet: the C# assemblies are not built (looked for %s in: %s). "
        "Build them from the repository root with: %s"
        % (", ".join(_ASSEMBLIES), "; ".join(candidates), _BUILD_COMMAND))


def _holds_assemblies(directory):
    return all(os.path.isfile(os.path.join(directory, name)) for name in _ASSEMBLIES + (_RUNTIME_CONFIG,))


# The runtime's switches that make it set aside images compiled for x86-64-v3, as a CPU without it does (DOTNET_ and
# the older COMPlus_ prefix; "0" turns the instructions off).
_RUNTIME_INSTRUCTION_SWITCHES = ("EnableHWIntrinsic", "EnableAVX", "EnableAVX2")


def _runs_x86_64_v3(directory):
    """Whether this process runs the images compiled for x86-64-v3: the CPU, by the rule of the NativeAOT module's
    choice of build (Native/instruction_set.c, in the folder's copy of the C library; MMAPNET_ISA=baseline says no),
    and the runtime's switches. Where the answer is no the runtime would set those images aside and compile every
    method at its first call. Where the library cannot say (not built for this machine), no: the baseline images are
    correct on every CPU."""
    if any(os.environ.get(prefix + name) == "0" for prefix in ("DOTNET_", "COMPlus_") for name in _RUNTIME_INSTRUCTION_SWITCHES):
        return False
    import ctypes
    try:
        return ctypes.CDLL(os.path.join(directory, _FAULTS_LIBRARY)).mmapnet_runs_x86_64_v3() != 0
    except (OSError, AttributeError):
        return False


# Where .NET is usually installed, searched after DOTNET_ROOT and PATH. MMAPNET_DOTNET_DEFAULT_ROOTS replaces this
# list (os.pathsep-separated; empty for none): the tests use it to stand for a machine without .NET.
_DEFAULT_DOTNET_ROOTS = ("/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", "~/.dotnet")


def _dotnet_roots():
    roots = []
    if os.environ.get("DOTNET_ROOT"):
        roots.append(os.environ["DOTNET_ROOT"])
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        launcher = os.path.join(directory, "dotnet")
        if directory and os.path.isfile(launcher):
            roots.append(os.path.dirname(os.path.realpath(launcher)))
    defaults = os.environ.get("MMAPNET_DOTNET_DEFAULT_ROOTS")
    defaults = _DEFAULT_DOTNET_ROOTS if defaults is None else [root for root in defaults.split(os.pathsep) if root]
    roots += [os.path.expanduser(root) for root in defaults]
    return roots


def _version_key(name):
    return tuple(int(part) if part.isdigit() else -1 for part in name.split("-")[0].split("."))


def _find_hostfxr():
    roots = _dotnet_roots()
    for root in roots:
        fxr = os.path.join(root, "host", "fxr")
        if os.path.isdir(fxr):
            versions = sorted(os.listdir(fxr), key=_version_key, reverse=True)
            for version in versions:
                library = os.path.join(fxr, version, "libhostfxr.so")
                if os.path.isfile(library):
                    return root, library
    raise ImportError(
        "mmapnet: no .NET runtime found (looked for host/fxr/*/libhostfxr.so in: %s). "
        "Install the .NET 10 runtime, or set DOTNET_ROOT to where it is." % "; ".join(dict.fromkeys(roots)))


# Settings the runtime reads from the environment once, when it starts, and that have no runtimeconfig.json form (the
# others are in MmapNet.CPython.runtimeconfig.json, from src/MmapNet.CPython/GuestRuntime.props). Each is set for the
# boot only, and only where the user has not set it: their choice wins, and child processes do not inherit ours.
_BOOT_ENVIRONMENT = {
    # W^X, on by default since .NET 7, writes JIT-compiled code and stubs through a second, MAP_SHARED mapping of the
    # code heap. A fork() child shares that mapping with its parent: code the child then generates (its first call of
    # any method not yet compiled) overwrites the parent's code heap, and the parent dies with SIGSEGV later. The
    # stdlib mmap works in fork children, so mmapnet turns W^X off for the runtime it boots.
    "DOTNET_EnableWriteXorExecute": "0",
    # The debugger, profiler and diagnostic-server (dotnet-trace, dotnet-counters) support: three threads waiting on
    # pipes in every process that imports mmapnet, each one more thread a fork() can catch holding a runtime lock.
    # Set DOTNET_EnableDiagnostics=1 to attach .NET diagnostic tools to a Python process.
    "DOTNET_EnableDiagnostics": "0",
}


# Signals whose handling belongs to the Python program: CoreCLR installs handlers for them when it starts (for .NET's
# own process-exit and cancel events), replacing Python's. Its SIGTERM handler passes the signal to a runtime thread
# through a pipe, which a fork() child shares with its parent: a SIGTERM sent to the child (multiprocessing.Pool's
# terminate() sends one to each worker) then ends the parent, and the child lives on. Python's handlers (or the
# defaults) are put back as soon as the runtime has started.
# SIGINT, SIGTERM and SIGQUIT, by number (the same on every Linux architecture): importing the signal module costs
# enum and more at every `import mmapnet`.
_PYTHON_OWNED_SIGNALS = (2, 15, 3)
_SIGACTION_SIZE = 256  # room for glibc's struct sigaction on every architecture (152 bytes on x86-64 and AArch64)


class _python_signal_handlers:
    def __enter__(self):
        import ctypes
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._saved = []
        for number in _PYTHON_OWNED_SIGNALS:
            action = ctypes.create_string_buffer(_SIGACTION_SIZE)
            if self._libc.sigaction(number, None, action) == 0:
                self._saved.append((number, action))

    def __exit__(self, *exc_info):
        for number, action in self._saved:
            self._libc.sigaction(number, action, None)


class _boot_environment:
    def __enter__(self):
        self._set_here = [name for name in _BOOT_ENVIRONMENT if name not in os.environ]
        for name in self._set_here:
            os.environ[name] = _BOOT_ENVIRONMENT[name]

    def __exit__(self, *exc_info):
        for name in self._set_here:
            os.environ.pop(name, None)


class _Runtime:
    """CoreCLR booted in this process, with the two hostfxr delegates the loader needs."""

    def __init__(self, runtime_config):
        import ctypes

        class InitializeParameters(ctypes.Structure):  # hostfxr_initialize_parameters
            _fields_ = [("size", ctypes.c_size_t), ("host_path", ctypes.c_char_p), ("dotnet_root", ctypes.c_char_p)]

        root, library = _find_hostfxr()
        try:
            fxr = ctypes.CDLL(library)
        except OSError as error:
            # Most often a runtime for another architecture: an x86-64 .NET found through PATH by an ARM64 interpreter.
            raise ImportError(
                "mmapnet: the .NET host library %s could not be loaded (%s). The CoreCLR route needs a .NET runtime for "
                "this machine (%s); set DOTNET_ROOT to one." % (library, error, os.uname().machine)) from error
        fxr.hostfxr_initialize_for_runtime_config.argtypes = [
            ctypes.c_char_p, ctypes.POINTER(InitializeParameters), ctypes.POINTER(ctypes.c_void_p)]
        fxr.hostfxr_initialize_for_runtime_config.restype = ctypes.c_int32
        fxr.hostfxr_get_runtime_delegate.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]
        fxr.hostfxr_get_runtime_delegate.restype = ctypes.c_int32
        parameters = InitializeParameters(ctypes.sizeof(InitializeParameters), None, root.encode())
        context = ctypes.c_void_p()
        status = fxr.hostfxr_initialize_for_runtime_config(
            runtime_config.encode(), ctypes.byref(parameters), ctypes.byref(context))
        # 0: success; 1: the runtime was already running; 2: running, with other properties.
        if status < 0 or not context:
            raise ImportError(
                "mmapnet: hostfxr could not start the .NET runtime for %s (error 0x%08x); "
                "is the .NET 10 runtime installed under %s?" % (runtime_config, status & 0xFFFFFFFF, root))

        def delegate(kind):
            pointer = ctypes.c_void_p()
            code = fxr.hostfxr_get_runtime_delegate(context, kind, ctypes.byref(pointer))
            if code != 0:
                raise ImportError("mmapnet: hostfxr_get_runtime_delegate(%d) failed (0x%08x)" % (kind, code & 0xFFFFFFFF))
            return pointer.value

        # int load_assembly(const char_t *assembly_path, void *load_context, void *reserved)
        # The first delegate starts the runtime, which reads its settings from the environment then (see above), and
        # puts its signal handlers over Python's: noted just before.
        _note_python_fault_handlers(os.path.dirname(runtime_config))
        with _boot_environment(), _python_signal_handlers():
            load_assembly_pointer = delegate(_HDT_LOAD_ASSEMBLY)
        self._load_assembly = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p)(
            load_assembly_pointer)
        # int get_function_pointer(type_name, method_name, delegate_type_name, load_context, reserved, void **out)
        self._get_function_pointer = ctypes.CFUNCTYPE(
            ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_void_p))(delegate(_HDT_GET_FUNCTION_POINTER))
        self._fxr = fxr
        self._context = context
        # UNMANAGEDCALLERSONLY_METHOD: the delegate type name (const char_t*)-1
        self._unmanaged_callers_only = ctypes.cast(ctypes.c_void_p(ctypes.c_size_t(-1).value), ctypes.c_char_p)

    def load_assembly(self, path):
        code = self._load_assembly(path.encode(), None, None)
        if code != 0:
            raise ImportError("mmapnet: the .NET runtime could not load %s (0x%08x)" % (path, code & 0xFFFFFFFF))

    def function_pointer(self, type_name, method_name, unmanaged_callers_only=True):
        import ctypes
        pointer = ctypes.c_void_p()
        code = self._get_function_pointer(
            type_name.encode(), method_name.encode(), self._unmanaged_callers_only if unmanaged_callers_only else None,
            None, None, ctypes.byref(pointer))
        if code != 0:
            raise ImportError("mmapnet: no entry point %s.%s (0x%08x)" % (type_name, method_name, code & 0xFFFFFFFF))
        return pointer.value


def _note_python_fault_handlers(directory):
    """Has the module's signal library note Python's fatal-signal handlers before CoreCLR puts its own over them:
    the module's handler then passes a signal that was sent (kill, raise) to them, past the runtime's, which took it
    for a fault and let the process live (src/MmapNet.CPython/Native/memory_faults.c). The library is the one the module
    loads from the same folder, so the note is where its handler reads it. Without it (a build that left it out, or one
    for another machine), faults and signals end the process as the runtime decides, and the module works the same."""
    import ctypes
    try:
        ctypes.CDLL(os.path.join(directory, _FAULTS_LIBRARY)).mmapnet_faults_note_python_handlers()
    except (OSError, AttributeError):
        pass  # not there, or not loadable here (built for another machine): the module loads it or goes without


def runtime():
    """The CoreCLR runtime of this process, booted on first use with the assemblies loaded."""
    global _runtime
    if _runtime is None:
        directory = assembly_directory()
        booted = _Runtime(os.path.join(directory, _RUNTIME_CONFIG))
        for name in _ASSEMBLIES:
            booted.load_assembly(os.path.join(directory, name))
        _runtime = booted
    return _runtime


def _load_through_coreclr():
    try:
        import ctypes
    except ImportError as error:
        # 3.12 refuses ctypes in an interpreter with a GIL of its own. mmapnet does not support such an interpreter
        # either (on 3.13, where ctypes loads, CPython refuses the module itself, with this same message).
        if "subinterpreter" in str(error):
            raise ImportError("module %s does not support loading in subinterpreters (in an interpreter with its own "
                              "GIL; the main interpreter and legacy subinterpreters are supported)" % _NATIVE_NAME,
                              name=_NATIVE_NAME) from error
        raise
    entry = runtime().function_pointer(_ENTRY_TYPE, _ENTRY_METHOD)
    # The module is made from its spec, as CPython makes an extension module, so that CPython's own checks apply to
    # it (in an interpreter with its own GIL, which it does not support, CPython raises ImportError).
    # _frozen_importlib is importlib's bootstrap, loaded in every interpreter; importlib.machinery is not.
    spec = sys.modules["_frozen_importlib"].ModuleSpec(_NATIVE_NAME, None)
    # PYFUNCTYPE, not CFUNCTYPE: the GIL stays held during the call, and a NULL result raises the
    # Python exception the C# code set.
    return ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.py_object)(entry)(spec)
