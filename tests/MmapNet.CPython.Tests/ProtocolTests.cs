using System.Collections.Generic;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// The protocols and the interplay with the rest of Python, per interpreter: each snippet of Scripts/ is run with the
/// stdlib's <c>mmap</c> and with <c>mmapnet</c>, and the two transcripts must agree step by step.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ProtocolTests
{
    private static readonly string[] s_snippets =
    [
        "buffer_exports.py",
        "buffer_consumers.py",
        "ctypes_buffers.py",
        "weak_references.py",
        "subclassing.py",
        "context_repr_pickle.py",
    ];

    public static IEnumerable<TestCaseData> SnippetCases() => TestInterpreters.Cases(s_snippets);

    [TestCaseSource(nameof(SnippetCases))]
    public Task Snippet_DoesWithMmapnetWhatItDoesWithTheStdlib(string interpreter, string snippet) =>
        SnippetComparison.AssertSameAsync(interpreter, snippet);
}
