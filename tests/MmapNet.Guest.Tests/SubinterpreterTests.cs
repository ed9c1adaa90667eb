using System;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// Subinterpreters: the module's state (its type, its registry of objects) belongs to the process, so it supports
/// legacy subinterpreters, which share the main interpreter's GIL, and must work in them as the stdlib does; an
/// interpreter with a GIL of its own (3.12+) must get an ImportError saying so, as CPython gives any module that does
/// not support it, never a crash. Scripts/subinterpreters.py uses a map in each kind while the main interpreter keeps
/// one open.
/// </summary>
[TestFixture]
public sealed class SubinterpreterTests
{
    private const string Refusal = "isolated: ImportError: module mmapnet._mmapnet does not support loading in subinterpreters";

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task LegacySubinterpretersWork_AndOnesWithTheirOwnGilAreRefusedWithImportError(string label, MmapnetRoute route)
    {
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, "subinterpreters.py", []);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, "subinterpreters.py", []);
        GuestScript.AssertExitedCleanly(mmapnet, $"mmapnet's run ({route})");

        string[] expected = Lines(stdlib.Stdout);
        string[] actual = Lines(mmapnet.Stdout);
        Assert.That(actual, Has.Length.EqualTo(expected.Length), mmapnet.Stdout);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i].StartsWith("isolated: ", StringComparison.Ordinal))
                {
                    Assert.That(actual[i], Does.StartWith(Refusal).Or.EqualTo(expected[i]), "in an interpreter with its own GIL");
                }
                else
                {
                    Assert.That(actual[i], Is.EqualTo(expected[i]));
                }
            }
        });
    }

    private static string[] Lines(string output) => output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
}
