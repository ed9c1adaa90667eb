using System;
using System.Collections.Generic;
using System.Linq;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>The CPython interpreters found here (the supported pyenv versions, Debian's python3; or MMAPNET_PYTHONS), one test case each.</summary>
internal static class Interpreters
{
    private static readonly Lazy<IReadOnlyList<PythonInterpreter>> LazyAll = new(() => new InterpreterLocator().FindAll());

    public static IReadOnlyList<PythonInterpreter> All => LazyAll.Value;

    /// <summary>The newest interpreter: the one that builds the wheel and runs what needs only one.</summary>
    public static PythonInterpreter Newest => All[^1];

    public static PythonInterpreter ByLabel(string label) => All.Single(i => i.Label == label);

    /// <summary>One case per interpreter, named by its label (<c>3.12.1-pyenv</c>).</summary>
    public static IEnumerable<TestCaseData> Cases() => All.Select(i => new TestCaseData(i.Label).SetArgDisplayNames(i.Label));
}
