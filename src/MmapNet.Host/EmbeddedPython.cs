using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using MmapNet.CPython;
using MmapNet.CPython.Native;
using MmapNet.Host.Native;
using Python.Runtime;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.Host;

/// <summary>
/// CPython embedded in this process with pythonnet, with the <c>mmapnet</c> module registered (so <c>import mmapnet</c>,
/// and by default <c>import mmap</c>, give MmapNet's implementation) and the <see cref="MemoryMap"/> codecs installed.
/// It runs scripts and modules as <c>python</c> does and shuts the interpreter down cleanly when disposed.
/// </summary>
/// <remarks>
/// <para>Python can be embedded once per process. Call <see cref="Start"/> on the main thread: Python treats the thread
/// that initialized it as its main thread, the only one that receives KeyboardInterrupt. After <see cref="Start"/> the GIL
/// is free; use <c>using (Py.GIL())</c> around pythonnet calls on any thread. <see cref="RunFile"/> and
/// <see cref="RunModule"/> take it themselves.</para>
/// <para>Always dispose it (pythonnet hangs a process that exits with Python still initialized): disposing runs what
/// python runs at exit (waits for non-daemon threads, runs atexit callbacks, flushes the standard streams) and shuts
/// pythonnet down.</para>
/// </remarks>
public sealed class EmbeddedPython : IDisposable
{
    private const string MmapnetModule = "mmapnet";

    // Imports the package from a folder without putting that folder on sys.path: the program's sys.path stays the one
    // python would give it.
    private const string PackageLoader = """
        import importlib.util, os, sys
        _spec = importlib.util.spec_from_file_location(
            "mmapnet", os.path.join(directory, "__init__.py"), submodule_search_locations=[directory])
        _module = importlib.util.module_from_spec(_spec)
        sys.modules["mmapnet"] = _module
        try:
            _spec.loader.exec_module(_module)
        except BaseException:
            del sys.modules["mmapnet"]
            raise
        """;

    private static int s_started;

    private readonly EmbeddedPythonOptions _options;
    private readonly PyObject _host;
    private readonly PyObject _programRunner;
    private readonly PyObject _systemExitCode;
    private readonly int _startThreadId;
    private readonly nint _startThreadState;
    private bool _finished;
    private bool _disposed;

    private EmbeddedPython(
        LocatedPython python, EmbeddedPythonOptions options, PyObject host, PyObject programRunner, PyObject systemExitCode, nint startThreadState)
    {
        Python = python;
        _options = options;
        _host = host;
        _programRunner = programRunner;
        _systemExitCode = systemExitCode;
        _startThreadId = Environment.CurrentManagedThreadId;
        _startThreadState = startThreadState;
    }

    /// <summary>The Python that is embedded.</summary>
    public LocatedPython Python { get; }

    /// <summary>
    /// Whether the last program run ended with an uncaught KeyboardInterrupt. python then ends by SIGINT once it has shut
    /// down; <c>mmapnet-host</c> does the same.
    /// </summary>
    public bool EndedWithKeyboardInterrupt { get; private set; }

    /// <summary>
    /// Loads and initializes <paramref name="python"/> with pythonnet, registers <c>mmapnet</c> and the <see cref="MemoryMap"/>
    /// codecs (<see cref="PythonMaps.RegisterCodecs"/>). Call it on the main thread.
    /// </summary>
    /// <param name="python">The Python to embed (from <see cref="PythonLocator"/>).</param>
    /// <param name="options">How to set it up; <see langword="null"/> for the defaults.</param>
    /// <returns>The embedded interpreter, with the GIL released.</returns>
    /// <exception cref="InvalidOperationException">Python was already embedded in this process, or could not be set up.</exception>
    /// <exception cref="PythonLocatorException"><paramref name="python"/> is a version pythonnet does not support.</exception>
    public static EmbeddedPython Start(LocatedPython python, EmbeddedPythonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(python);
        options ??= new EmbeddedPythonOptions();
        if (!PythonLocator.IsSupported(python.Version))
        {
            throw new PythonLocatorException(
                $"Python {python.Version.ToString(3)} ({python.LibraryPath}) cannot be embedded: pythonnet supports Python {PythonLocator.SupportedVersionsText}.");
        }

        string packageDirectory = PackageDirectory(options);
        if (Interlocked.Exchange(ref s_started, 1) != 0)
        {
            throw new InvalidOperationException("Python can be embedded once per process, and it already was.");
        }

        LibPython.PreInitialize(python.LibraryPath);
        Runtime.PythonDLL = python.LibraryPath;
        if (python.Home is { } home)
        {
            // A Python that does not live where it was built to (the bundled one) takes its standard library from its
            // home and nowhere else. Without an executable of its own, its program name is this program: otherwise Python
            // takes the first python3 on PATH for sys.executable, another interpreter.
            PythonEngine.PythonHome = home;
            PythonEngine.ProgramName = python.ExecutablePath ?? Environment.ProcessPath ?? string.Empty;
        }
        else if (python.ExecutablePath is { } executable)
        {
            PythonEngine.ProgramName = executable;
        }

        // Before the interpreter, so that faulthandler (enabled at its start or later) goes over it: a fault that ends
        // the process then ends it by the signal, as it ends python's, not by the runtime's handler overrunning
        // faulthandler's stack. Without the library, faults end the process all the same, by SIGABRT.
        MemoryFaults.InstallBeforePython();

        // Leaves the GIL held by this thread.
        PythonEngine.Initialize(setSysArgv: false, initSigs: options.InstallSignalHandlers);
        PyObject? host = null;
        PyObject? programRunner = null;
        try
        {
            RegisterNativeModule();
            LoadPackage(packageDirectory);
            host = Py.Import("mmapnet._host");
            host.InvokeMethod("start", options.ServeMmapModule.ToPython(), options.InstallSignalHandlers.ToPython()).Dispose();
            programRunner = Py.Import("mmapnet._pymain");
            PyObject systemExitCode = programRunner.GetAttr("system_exit_code");
            PythonMaps.RegisterCodecs();
            nint mainThreadState = PythonEngine.BeginAllowThreads();
            FinalizeStartupGarbage();
            return new EmbeddedPython(python, options, host, programRunner, systemExitCode, mainThreadState);
        }
        catch
        {
            programRunner?.Dispose();
            host?.Dispose();
            PythonEngine.Shutdown();
            throw;
        }
    }

    // The start-up's garbage (pythonnet's objects have finalizers) finalized before the program runs, with the GIL
    // released so that no finalizer can wait for it. A fork() while the finalizer thread prepares or runs code leaves the
    // child waiting on a lock that thread held (the runtime's locks do not survive a fork): forked children of programs
    // under the host hung, now and then, right after start.
    private static void FinalizeStartupGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>
    /// Runs <paramref name="path"/> as <c>python PATH ARGS</c> does: <c>sys.argv</c>, <c>sys.path[0]</c>, <c>__main__</c>,
    /// tracebacks printed by python itself, python's exit status. A folder or zip file with <c>__main__.py</c> runs that.
    /// </summary>
    /// <param name="path">The script.</param>
    /// <param name="arguments">Its arguments (<c>sys.argv[1:]</c>).</param>
    /// <returns>The exit status python would exit with (0, a <c>sys.exit</c> status, 1 for an uncaught exception, 2 when
    /// the file cannot be opened); what it finally exits with also depends on <see cref="Finish"/>.</returns>
    public int RunFile(string path, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(arguments);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (Py.GIL())
        {
            using PyString pathObject = new(path);
            using PyList argumentList = ToList(arguments);
            using PyString programName = new(_options.ProgramName);
            return RunPrepared("prepare_path", pathObject, argumentList, programName);
        }
    }

    /// <summary>Runs <paramref name="module"/> as <c>python -m MODULE ARGS</c> does.</summary>
    /// <param name="module">The module name.</param>
    /// <param name="arguments">Its arguments (<c>sys.argv[1:]</c>).</param>
    /// <returns>The exit status python would exit with.</returns>
    public int RunModule(string module, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentNullException.ThrowIfNull(arguments);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (Py.GIL())
        {
            using PyString moduleObject = new(module);
            using PyList argumentList = ToList(arguments);
            return RunPrepared("prepare_module", moduleObject, argumentList);
        }
    }

    /// <summary>Runs <paramref name="command"/> as <c>python -c COMMAND ARGS</c> does.</summary>
    /// <param name="command">Python source.</param>
    /// <param name="arguments">Its arguments (<c>sys.argv[1:]</c>).</param>
    /// <returns>The exit status python would exit with.</returns>
    public int RunCommand(string command, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (Py.GIL())
        {
            using PyString commandObject = new(command);
            using PyList argumentList = ToList(arguments);
            return RunPrepared("prepare_command", commandObject, argumentList);
        }
    }

    /// <summary>
    /// Runs what python runs at exit and pythonnet's shutdown does not: waits for non-daemon threads, runs atexit
    /// callbacks, flushes <c>sys.stdout</c> and <c>sys.stderr</c>. Called by <see cref="Dispose"/> if not before.
    /// </summary>
    /// <returns>120 when flushing failed (python's exit status then), else 0.</returns>
    public int Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            return 0;
        }

        _finished = true;
        using (Py.GIL())
        {
            using PyObject result = _host.InvokeMethod("finish");
            return result.IsNone() ? 0 : result.As<int>();
        }
    }

    /// <summary>Runs <see cref="Finish"/> if it has not run, then shuts pythonnet down.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (!_finished)
            {
                Finish();
            }
        }
        catch (PythonException exception)
        {
            Console.Error.WriteLine($"mmapnet: error while Python was finishing: {exception.Message}");
        }
        finally
        {
            _disposed = true;
            using (Py.GIL())
            {
                _systemExitCode.Dispose();
                _programRunner.Dispose();
                _host.Dispose();
            }

            if (Environment.CurrentManagedThreadId == _startThreadId)
            {
                PythonEngine.EndAllowThreads(_startThreadState);
            }

            PythonEngine.Shutdown();
        }
    }

    /// <summary>
    /// Ends the process by SIGINT, as python ends after an uncaught KeyboardInterrupt (<see cref="EndedWithKeyboardInterrupt"/>),
    /// so that a shell sees an interrupted program and stops too. Call it once disposed.
    /// </summary>
    /// <returns>Only if the signal did not end the process: 130, python's exit status in that case.</returns>
    public static int TerminateByKeyboardInterrupt() => ProcessSignals.TerminateBySigint();

    // GIL held.
    private int RunPrepared(string prepare, params PyObject[] arguments)
    {
        using PyObject prepared = _programRunner.InvokeMethod(prepare, arguments);
        int status = PythonProgramRunner.Run(prepared, _systemExitCode, out bool keyboardInterrupt);
        EndedWithKeyboardInterrupt = keyboardInterrupt;
        return status;
    }

    private static PyList ToList(IReadOnlyList<string> values)
    {
        PyList list = new();
        foreach (string value in values)
        {
            using PyString item = new(value);
            list.Append(item);
        }

        return list;
    }

    private static string PackageDirectory(EmbeddedPythonOptions options)
    {
        string directory = Path.GetFullPath(options.PythonPackageDirectory ?? Path.Combine(AppContext.BaseDirectory, "python"));
        string package = Path.Combine(directory, MmapnetModule);
        if (!File.Exists(Path.Combine(package, "__init__.py")))
        {
            throw new InvalidOperationException($"The mmapnet Python package is not in {directory} (no {MmapnetModule}/__init__.py there).");
        }

        return package;
    }

    // sys.modules['mmapnet._mmapnet']: the loader of the mmapnet package takes the module from there (backend 'dotnet-host').
    private static unsafe void RegisterNativeModule()
    {
        nint module = MmapModule.Create();
        if (module == 0)
        {
            throw PythonObjects.TakeError();
        }

        int stored;
        fixed (byte* name = "mmapnet._mmapnet\0"u8)
        {
            stored = PyDict_SetItemString(PyImport_GetModuleDict(), name, module);
        }

        Py_DecRef(module);
        if (stored != 0)
        {
            throw PythonObjects.TakeError();
        }
    }

    private static void LoadPackage(string packageDirectory)
    {
        using PyDict globals = new();
        using PyString directory = new(packageDirectory);
        globals.SetItem("directory", directory);
        PythonEngine.Exec(PackageLoader, globals);
    }
}
