using System;
using System.Collections.Generic;
using System.Linq;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.TestSupport;

/// <summary>
/// The CPython interpreters on this machine (every supported pyenv version and Debian's python3, or those named in
/// MMAPNET_PYTHONS), found once per test run and handed to tests as NUnit cases, one per interpreter (and route),
/// named by label, pytest-style.
/// </summary>
public static class TestInterpreters
{
    private static readonly Lazy<IReadOnlyList<PythonInterpreter>> s_all = new(() => new InterpreterLocator().FindAll());

    public static IReadOnlyList<PythonInterpreter> All => s_all.Value;

    /// <summary>The newest interpreter: the one that runs what needs only one.</summary>
    public static PythonInterpreter Newest => All[^1];

    /// <summary>The interpreter with this label (the test cases carry labels, which read well in test names).</summary>
    public static PythonInterpreter Get(string label) =>
        All.SingleOrDefault(i => i.Label == label)
        ?? throw new InvalidOperationException($"no interpreter {label} here (found: {string.Join(", ", All.Select(i => i.Label))})");

    /// <summary>One case per interpreter, its argument the label.</summary>
    public static IEnumerable<TestCaseData> Cases() => Cases(_ => true);

    /// <summary>One case per interpreter that <paramref name="include"/> accepts.</summary>
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

    /// <summary>One case per (interpreter, extra argument) pair that <paramref name="include"/> accepts; arguments: the label and the extra one.</summary>
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
            foreach (T argument in list)
            {
                if (include is null || include(interpreter, argument))
                {
                    yield return new TestCaseData(interpreter.Label, argument)
                        .SetArgDisplayNames(interpreter.Label, argument.ToString() ?? string.Empty);
                }
            }
        }
    }

    /// <summary>
    /// One case per (interpreter, route) that can run, every route: the host route needs an interpreter pythonnet
    /// embeds. Arguments: the label and the <see cref="MmapnetRoute"/>.
    /// </summary>
    public static IEnumerable<TestCaseData> RouteCases() => RouteCasesOf(Enum.GetValues<MmapnetRoute>());

    /// <summary>The loading routes of a stock python3 (CoreCLR and NativeAOT), one case per (interpreter, route).</summary>
    public static IEnumerable<TestCaseData> StockRouteCases() => RouteCasesOf([MmapnetRoute.CoreClr, MmapnetRoute.NativeAot]);

    /// <summary>
    /// The CoreCLR route on the interpreters pythonnet supports, one case per interpreter: what pythonnet's <c>clr</c> in
    /// a stock python3 needs (it runs in the CoreCLR that <c>import mmapnet</c> boots).
    /// </summary>
    public static IEnumerable<TestCaseData> ClrRouteCases()
    {
        bool any = false;
        foreach (PythonInterpreter interpreter in All)
        {
            if (PythonRoutes.Supports(interpreter, MmapnetRoute.Host))
            {
                any = true;
                yield return new TestCaseData(interpreter.Label, MmapnetRoute.CoreClr).SetArgDisplayNames(interpreter.Label, "CoreClr with clr");
            }
        }

        if (!any)
        {
            yield return new TestCaseData("(none)", MmapnetRoute.CoreClr).SetArgDisplayNames("no interpreter pythonnet embeds", "CoreClr with clr");
        }
    }

    /// <summary>One case per (interpreter, route) among <paramref name="routes"/> that can run.</summary>
    public static IEnumerable<TestCaseData> RouteCasesOf(IReadOnlyList<MmapnetRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        bool any = false;
        foreach (PythonInterpreter interpreter in All)
        {
            foreach (MmapnetRoute route in routes)
            {
                if (PythonRoutes.Supports(interpreter, route))
                {
                    any = true;
                    yield return new TestCaseData(interpreter.Label, route).SetArgDisplayNames(interpreter.Label, route.ToString());
                }
            }
        }

        if (!any)
        {
            yield return new TestCaseData("(none)", routes[0]).SetArgDisplayNames("no interpreter found", routes[0].ToString());
        }
    }
}
