using System.Collections.Generic;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>
/// A map shared between .NET and Python, both ways, in both flavours (the host embedding CPython, and a stock python3
/// that imported mmapnet and clr): writes seen on both sides, one object per map, close from either side, exports
/// blocking close and resize across the boundary, ownership. The scripts call <see cref="MapProbe"/> through clr; where
/// an outcome is CPython's (an error message), the script also does the same to a standard-library map and reports any
/// difference.
/// </summary>
[TestFixture]
public sealed class SharingTests
{
    private static IEnumerable<TestCaseData> Cases() => TestInterpreters.FlavourCases();

    [TestCaseSource(nameof(Cases))]
    public void DotnetCreatesAMapAndPythonUsesIt(PythonInterpreter interpreter, Flavour flavour) =>
        AssertPrints(Runs.Sharing(flavour, interpreter, "share_dotnet_creates.py"),
            "type is mmapnet.mmap True True",
            "length 16",
            "dotnet reads python's write hello",
            "python reads dotnet's write b'helloworld'",
            "dotnet counts through a pinned span 3",
            "back to python is the same object True",
            "re finds in it 5",
            "dotnet reads a memoryview write !",
            "python closes -> None",
            "dotnet sees it closed True");

    [TestCaseSource(nameof(Cases))]
    public void PythonPassesItsMapToDotnetAndGetsItBack(PythonInterpreter interpreter, Flavour flavour)
    {
        ChildResult result = Runs.Sharing(flavour, interpreter, "share_python_passes.py");
        string[] lines = Runs.Lines(result.Stdout);
        Assert.That(lines[..^1], Is.EqualTo(new[]
        {
            "dotnet reads abc",
            "python reads b'abcdef'",
            "returned is the same object True",
            "dotnet length 32",
            "dotnet sees python's resize 64",
            "dotnet resizes -> None",
            "python sees dotnet's resize 8 b'abcdef'",
            "a subclass instance goes too 8 True",
        }), result.ToString());
        Assert.That(lines[^1], Does.StartWith("a non-map is refused !! TypeError: No method matches given arguments for MapProbe.Length"), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [TestCaseSource(nameof(Cases))]
    public void CloseFromEitherSideClosesForBothAndUnmapsOnce(PythonInterpreter interpreter, Flavour flavour) =>
        AssertPrints(Runs.Sharing(flavour, interpreter, "share_close.py"),
            "mapped before True",
            "dotnet closes -> None",
            "python sees closed True <mmap.mmap closed=True>",
            "unmapped at once True",
            "python m[0] !! ValueError: mmap closed or invalid",
            "python read !! ValueError: mmap closed or invalid",
            "python close again -> None",
            "dotnet close again -> None",
            "dotnet read after close !! ValueError: mmap closed or invalid",
            "mapped before True",
            "python closes -> None",
            "dotnet sees closed True",
            "unmapped at once True",
            "dotnet write after close !! ValueError: mmap closed or invalid",
            "dotnet resize after close !! ValueError: mmap closed or invalid",
            "closed from the start True <mmap.mmap closed=True>");

    [TestCaseSource(nameof(Cases))]
    public void ExportsOnEitherSideBlockCloseAndResizeOnBoth(PythonInterpreter interpreter, Flavour flavour) =>
        AssertPrints(Runs.Sharing(flavour, interpreter, "share_exports.py"),
            "exports seen by dotnet 1",
            "dotnet close with a python memoryview !! BufferError: cannot close exported pointers exist",
            "dotnet resize with a python memoryview !! BufferError: mmap can't resize with extant buffers exported.",
            "dotnet resize once released -> None",
            "python sees the new length 32",
            "python close with a dotnet pin !! BufferError: cannot close exported pointers exist",
            "python resize with a dotnet pin !! BufferError: mmap can't resize with extant buffers exported.",
            "still open True",
            "python resize once unpinned -> None",
            "dotnet sees the new length 8",
            "python close once unpinned -> None",
            "dotnet sees closed True");

    [TestCaseSource(nameof(Cases))]
    public void TheSideThatCreatedAMapOwnsIt(PythonInterpreter interpreter, Flavour flavour) =>
        AssertPrints(Runs.Sharing(flavour, interpreter, "share_lifetime.py"),
            "made by python, dropped by python: closed True",
            "made by dotnet, dropped by python: closed False",
            "a new python object over the same memory, one per map 42 True",
            "closed for both True True");

    [TestCaseSource(nameof(Cases))]
    public void CloseAndResizeFromOneSideWhileTheOtherIsReading(PythonInterpreter interpreter, Flavour flavour) =>
        AssertPrints(Runs.Sharing(flavour, interpreter, "share_threads.py"),
            "python loop stopped by the .NET close: ValueError: mmap closed or invalid",
            "closer done",
            "python sees the .NET resize: 8192 0",
            "resizer done",
            ".NET loop stopped by the python close: ValueError: mmap closed or invalid");

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.Cases))]
    public void StockPythonGetsClrOnImportClrOrAtImportMmapnetWhenAsked(PythonInterpreter interpreter)
    {
        const string Probe = "import sys, mmapnet; print(mmapnet.__backend__, 'clr' in sys.modules); import clr; print(clr.__name__, 'clr' in sys.modules)";
        ChildResult lazy = ChildProcess.Run(interpreter.ExecutablePath, ["-c", Probe], Runs.StockPythonEnvironment());
        ChildResult eager = ChildProcess.Run(interpreter.ExecutablePath, ["-c", Probe], Runs.StockPythonEnvironment(clrAtImport: true));
        Assert.That(Runs.Lines(lazy.Stdout), Is.EqualTo(new[] { "coreclr False", "clr True" }), lazy.ToString());
        Assert.That(Runs.Lines(eager.Stdout), Is.EqualTo(new[] { "coreclr True", "clr True" }), eager.ToString());
        Assert.That(lazy.ExitCode + eager.ExitCode, Is.Zero, lazy + "\n" + eager);
    }

    private static void AssertPrints(ChildResult result, params string[] expected)
    {
        Assert.That(Runs.Lines(result.Stdout), Is.EqualTo(expected), result.ToString());
        Assert.That(result.Stderr, Is.Empty, result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
