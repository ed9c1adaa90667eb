using System.Collections.Generic;
using System.Linq;
using MmapNet.Discovery;
using MmapNet.TestSupport;

namespace MmapNet.Host.Tests;

/// <summary>The ways the tests run Python code: the interpreter itself, the host, and a stock python3 with mmapnet and clr.</summary>
internal static class Runs
{
    /// <summary><c>python ARGS</c>: the reference.</summary>
    public static ChildResult Python(PythonInterpreter interpreter, params string[] arguments) =>
        ChildProcess.Run(interpreter.ExecutablePath, arguments);

    /// <summary><c>mmapnet-host --python LIBPYTHON ARGS</c>.</summary>
    public static ChildResult Host(PythonInterpreter interpreter, params string[] arguments) =>
        ChildProcess.Run(RepositoryLayout.HostTool, HostArguments(interpreter, arguments));

    public static string[] HostArguments(PythonInterpreter interpreter, params string[] arguments) =>
        ["--python", interpreter.LibPythonPath!, .. arguments];

    /// <summary>
    /// A stock python3 that finds the mmapnet package (CoreCLR backend) and the assemblies of this build, so that
    /// <c>import clr</c> initialises pythonnet in the CoreCLR mmapnet booted.
    /// </summary>
    public static Dictionary<string, string?> StockPythonEnvironment(bool clrAtImport = false) => new()
    {
        ["PYTHONPATH"] = RepositoryLayout.PythonFolder,
        ["MMAPNET_ASSEMBLY_DIR"] = RepositoryLayout.AssemblyFolder,
        ["MMAPNET_BACKEND"] = "coreclr",
        ["MMAPNET_CLR"] = clrAtImport ? "1" : null,
    };

    public static ChildResult StockPython(PythonInterpreter interpreter, params string[] arguments) =>
        ChildProcess.Run(interpreter.ExecutablePath, arguments, StockPythonEnvironment());

    /// <summary>A script run in one flavour; its first argument is this test assembly, for <c>clr.AddReference</c>.</summary>
    public static ChildResult Sharing(Flavour flavour, PythonInterpreter interpreter, string script)
    {
        string[] arguments = [RepositoryLayout.Script(script), TestLayout.TestAssembly];
        return flavour == Flavour.Host ? Host(interpreter, arguments) : StockPython(interpreter, arguments);
    }

    public static string[] Lines(string text) => text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToArray();
}
