using System;
using System.Collections.Generic;
using System.Linq;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.CPython.Tests.Support;

/// <summary>
/// The CPython interpreters on this machine (every pyenv 3.10 to 3.13 and Debian's python3, or those named in
/// MMAPNET_PYTHONS), found once per test run: the "pytest-style" parameter of the tests, one test case per interpreter.
/// </summary>
internal static class Interpreters
{
    private static readonly Lazy<IReadOnlyList<PythonInterpreter>> LazyAll = new(() => new InterpreterLocator().FindAll());

    public static IReadOnlyList<PythonInterpreter> All => LazyAll.Value;

    /// <summary>The interpreter with this label (the test cases carry labels, which read well in test names).</summary>
    public static PythonInterpreter Get(string label) =>
        All.SingleOrDefault(i => i.Label == label)
        ?? throw new InvalidOperationException($"no interpreter {label} here (found: {string.Join(", ", All.Select(i => i.Label))})");

    /// <summary>One test case per interpreter, its only argument the interpreter's label.</summary>
    public static IEnumerable<TestCaseData> Cases() => Cases(_ => true);

    /// <summary>One test case per interpreter that <paramref name="include"/> accepts.</summary>
    public static IEnumerable<TestCaseData> Cases(Func<PythonInterpreter, bool> include)
    {
        List<PythonInterpreter> chosen = All.Where(include).ToList();
        if (chosen.Count == 0)
        {
            // A test with no case would vanish from the results; this one fails and says why.
            yield return new TestCaseData("(none)").SetArgDisplayNames("no interpreter found");
            yield break;
        }

        foreach (PythonInterpreter? interpreter in chosen)
        {
            yield return new TestCaseData(interpreter.Label).SetArgDisplayNames(interpreter.Label);
        }
    }

    /// <summary>One test case per (interpreter, extra argument) pair.</summary>
    public static IEnumerable<TestCaseData> Cases<T>(IEnumerable<T> arguments, Func<PythonInterpreter, T, bool>? include = null)
        where T : notnull
    {
        List<T> list = arguments.ToList();
        if (All.Count == 0)
        {
            yield return new TestCaseData("(none)", list[0]).SetArgDisplayNames("no interpreter found", list[0].ToString() ?? string.Empty);
            yield break;
        }

        foreach (PythonInterpreter interpreter in All)
        {
            foreach (T? argument in list)
            {
                if (include is null || include(interpreter, argument))
                {
                    yield return new TestCaseData(interpreter.Label, argument)
                        .SetArgDisplayNames(interpreter.Label, argument.ToString() ?? string.Empty);
                }
            }
        }
    }
}
