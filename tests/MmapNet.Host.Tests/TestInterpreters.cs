using System;
using System.Collections.Generic;
using System.Linq;
using MmapNet.Conformance.Running;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>
/// The interpreters on this machine (MmapNet.Discovery: pyenv versions and /usr/bin/python3, or MMAPNET_PYTHONS), as
/// NUnit cases: one case per interpreter, named by its label, pytest-style.
/// </summary>
internal static class TestInterpreters
{
    private static readonly Lazy<PythonInterpreter> s_bundled = new(() => BundledInterpreter.Describe(RepositoryLayout.HostTool));

    /// <summary>Every supported CPython found.</summary>
    public static IReadOnlyList<PythonInterpreter> All => TestSupport.TestInterpreters.All;

    /// <summary>The ones pythonnet can embed (<see cref="PythonLocator.SupportedVersions"/>) with a shared libpython.</summary>
    public static IReadOnlyList<PythonInterpreter> Embeddable =>
        All.Where(i => PythonLocator.IsSupported(i.Version) && i.LibPythonPath is not null).ToList();

    /// <summary>One case per embeddable interpreter.</summary>
    public static IEnumerable<TestCaseData> Cases() =>
        Embeddable.Select(interpreter => new TestCaseData(interpreter).SetArgDisplayNames(interpreter.Label));

    /// <summary>One case per embeddable interpreter and flavour: the host, and stock python3 with clr.</summary>
    public static IEnumerable<TestCaseData> FlavourCases() =>
        from interpreter in Embeddable
        from flavour in Enum.GetValues<Flavour>()
        select new TestCaseData(interpreter, flavour).SetArgDisplayNames(interpreter.Label, flavour.ToString());

    /// <summary>
    /// The CPython mmapnet-host carries (MmapNet.Python.Runtime, in runtimes/&lt;rid&gt;/python next to it), as the conformance
    /// runner describes it: its executable is the host, which runs it.
    /// </summary>
    public static PythonInterpreter Bundled => s_bundled.Value;

    /// <summary>The 3.10 interpreter, which pythonnet 3.2.1 cannot embed.</summary>
    public static PythonInterpreter Python310 =>
        All.FirstOrDefault(i => i.Version.Major == 3 && i.Version.Minor == 10)
        ?? throw new InvalidOperationException("No Python 3.10 on this machine: the unsupported-version tests need one.");
}

/// <summary>The two ways Python code meets MmapNet and .NET in one process.</summary>
public enum Flavour
{
    /// <summary><c>mmapnet-host</c>: .NET embeds CPython with pythonnet.</summary>
    Host,

    /// <summary>A stock python3: <c>import mmapnet</c> boots CoreCLR, <c>import clr</c> initialises pythonnet in it.</summary>
    Python,
}
