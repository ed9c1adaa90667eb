using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Conformance.Running;
using MmapNet.Discovery;
using MmapNet.TestSupport;

namespace MmapNet.Conformance.Tests;

/// <summary>What every test shares: the repository, the interpreters on this machine, and the implementation under test.</summary>
internal static class TestEnvironment
{
    /// <summary>Names the module the per-case tests check instead of mmapnet (for example <c>mmap</c> to check the pipeline).</summary>
    public const string ImplementationVariable = "MMAPNET_CONFORMANCE_IMPL";

    /// <summary>Names a cases root the per-case tests run instead of conformance/cases.</summary>
    public const string CasesVariable = "MMAPNET_CONFORMANCE_CASES";

    public static RepositoryLayout Layout { get; } = RepositoryLayout.Locate(AppContext.BaseDirectory);

    /// <summary>The interpreters found (honouring MMAPNET_PYTHONS), searched once per test run.</summary>
    public static IReadOnlyList<PythonInterpreter> Interpreters => TestInterpreters.All;

    /// <summary>The newest interpreter: the one tests that need only one use.</summary>
    public static PythonInterpreter Newest => Interpreters[^1];

    public static string ImplementationUnderTest =>
        Environment.GetEnvironmentVariable(ImplementationVariable) is { Length: > 0 } module
            ? module
            : RunSettings.DefaultImplementationModule;

    public static string SuiteCasesFolder =>
        Environment.GetEnvironmentVariable(CasesVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Layout.CasesFolder;

    public static PythonInterpreter Interpreter(string label) => Interpreters.Single(i => i.Label == label);

    public static RunSettings Settings(string module, TimeSpan? timeout = null) => new()
    {
        Layout = Layout,
        ImplementationModule = module,
        CaseTimeout = timeout ?? RunSettings.DefaultCaseTimeout,
    };
}
