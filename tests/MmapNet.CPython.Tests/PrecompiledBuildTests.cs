using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// A checkout's CoreCLR route loads ReadyToRun images from <c>precompiled/</c> beside the build output
/// (src/ReadyToRun.targets): with tiered compilation off, IL would be compiled fully optimized at each first call, in
/// every short script. The build output itself stays IL: NuGet packs it and other projects copy it, for every
/// architecture, and a runtime refuses an image made for another.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class PrecompiledBuildTests
{
    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    /// <summary>
    /// The operations declared <c>Compiled = Compilation.Ahead</c> (MmapTypeDeclaration.cs: the constructor, close,
    /// deallocation, flush, madvise, resize, size, repr, the context manager) run precompiled code from their first call
    /// on the CoreCLR route: the JIT compiles nothing for them, where it compiled 1-3 ms of code for the first
    /// constructor and the first close of a process. It fails if one of them, or what it calls, is left to the JIT: an
    /// implementation or helper marked AggressiveOptimization, or generic code of MmapNet.dll instantiated over a type
    /// of MmapNet.CPython.dll (in neither assembly's image), as the GIL-released scope of the constructor and close was.
    /// </summary>
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task TheOperationsCompiledAhead_CompileNothingAtTheirFirstCall(string label)
    {
        string list = Path.Combine(Path.GetTempPath(), $"mmapnet-jit-{Guid.NewGuid():N}.txt");
        try
        {
            PythonStart start = new()
            {
                Environment = new Dictionary<string, string?>
                {
                    ["MMAPNET_BACKEND"] = "coreclr",
                    // The images a checkout's `import mmapnet` loads (the other tests run the build output's IL).
                    ["MMAPNET_ASSEMBLY_DIR"] = Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled"),
                    ["DOTNET_JitStdOutFile"] = list,
                    ["DOTNET_JitDisasmSummary"] = "1",
                },
            };
            ChildResult result = await PythonProcess.RunScriptAsync(TestInterpreters.Get(label), "first_call_compilation.py", [], start);
            Assert.That(result.ExitCode, Is.Zero, result.Describe());
            Assert.That(result.Stdout.Trim(), Is.EqualTo("done"), result.Describe());

            string[] compiled = File.ReadAllLines(list);
            int Position(string method) => Array.FindIndex(compiled, line => line.Contains(method, StringComparison.Ordinal));
            int before = Position("TransitionFloorType:NothingEntry(");
            int after = Position("TransitionFloorType:NothingWithArgumentsEntry(");
            int callBound = Position("MmapType:SubscriptEntry(");
            string all = string.Join(Environment.NewLine, compiled);
            Assert.That(before, Is.GreaterThanOrEqualTo(0), "the first marker's entry point was compiled at its first call:" + Environment.NewLine + all);
            Assert.That(after, Is.GreaterThan(before), "the second marker's entry point was compiled at its first call, after the first:" + Environment.NewLine + all);
            Assert.That(callBound, Is.GreaterThan(after), "m[0], compiled at its first call, is in the list:" + Environment.NewLine + all);

            // Between the markers, what the operations made the JIT compile: MmapNet's code, the framework's generic
            // code over MmapNet's types (its name has theirs), interop stubs. The first marker's implementation comes
            // right after its entry point. The list is the whole process's: what another thread compiles meanwhile
            // (the finalizer, after a .NET collection) is the framework's own and is left out.
            string[] between = compiled.Skip(before + 1).Take(after - before - 1)
                .Where(line => line.Contains("MmapNet", StringComparison.Ordinal) || line.Contains("IL_STUB", StringComparison.Ordinal))
                .Where(line => !line.Contains("TransitionFloorType:Nothing(", StringComparison.Ordinal)).ToArray();
            Assert.That(between, Is.Empty, "compiled by the JIT at the first calls of the operations compiled ahead");
        }
        finally
        {
            File.Delete(list);
        }
    }

    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void BesideTheBuildOutput_TheAssemblyIsAReadyToRunImage(string fileName)
    {
        Assert.That(IsReadyToRunImage(Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled", fileName)), Is.True);
    }

    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void TheBuildOutputItself_IsIlOnly(string fileName)
    {
        Assert.That(IsReadyToRunImage(Path.Combine(RepositoryLayout.AssemblyFolder, fileName)), Is.False);
    }

    // A ReadyToRun image points at its native header from the CLI header; an IL-only assembly has none.
    private static bool IsReadyToRunImage(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using PEReader reader = new(stream);
        CorHeader? header = reader.PEHeaders.CorHeader;
        Assert.That(header, Is.Not.Null, $"{path} is not a .NET assembly");
        return header!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
