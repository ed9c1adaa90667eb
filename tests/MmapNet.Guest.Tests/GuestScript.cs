using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>Runs a script of Scripts/ with the stdlib's mmap and with mmapnet through a route, in the same interpreter.</summary>
internal static class GuestScript
{
    public static string Path(string name) => RepositoryLayout.BesideTests(System.IO.Path.Combine("Scripts", name));

    /// <summary>The script with the stdlib's <c>mmap</c> in the plain interpreter: the oracle's run.</summary>
    public static Task<ChildResult> RunStdlibAsync(string interpreterLabel, string script, IEnumerable<string> arguments, ChildStart? start = null) =>
        ChildProcess.RunAsync(TestInterpreters.Get(interpreterLabel).ExecutablePath, Prepend(Path(script), "mmap", arguments), WithPythonPath(start));

    /// <summary>The script with <c>mmapnet</c>, loaded through <paramref name="route"/>.</summary>
    public static Task<ChildResult> RunMmapnetAsync(string interpreterLabel, MmapnetRoute route, string script, IEnumerable<string> arguments, ChildStart? start = null) =>
        PythonRoutes.RunScriptAsync(TestInterpreters.Get(interpreterLabel), route, Path(script), Prepend("mmapnet", null, arguments), start);

    /// <summary>Asserts that a run ended normally, with the failure's whole story otherwise.</summary>
    public static void AssertExitedCleanly(ChildResult result, string what)
    {
        Assert.That(result.TimedOut, Is.False, $"{what} hung:\n{result.Describe()}");
        Assert.That(result.ExitCode, Is.Zero, $"{what} failed:\n{result.Describe()}");
    }

    private static ChildStart WithPythonPath(ChildStart? start)
    {
        start ??= new ChildStart();
        Dictionary<string, string?> environment = new(start.Environment) { ["PYTHONDONTWRITEBYTECODE"] = "1" };
        return new ChildStart { WorkingDirectory = start.WorkingDirectory, Environment = environment, Stdin = start.Stdin, Timeout = start.Timeout };
    }

    private static List<string> Prepend(string first, string? second, IEnumerable<string> rest)
    {
        List<string> all = new() { first };
        if (second is not null)
        {
            all.Add(second);
        }

        all.AddRange(rest);
        return all;
    }
}
