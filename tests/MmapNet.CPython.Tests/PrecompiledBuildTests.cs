using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
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
    /// <summary>The sets of images: x86-64-v3's (ARM64's only set), and x86-64's second, for CPUs without it.</summary>
    public enum ImageSet
    {
        Default,
        Baseline,
    }

    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    public static IEnumerable<TestCaseData> AllInterpretersAndImageSets() => TestInterpreters.Cases(
        RuntimeInformation.ProcessArchitecture == Architecture.X64 ? new[] { ImageSet.Default, ImageSet.Baseline } : new[] { ImageSet.Default });

    /// <summary>
    /// Every operation of mmapnet's types is declared <c>Compiled = Compilation.Ahead</c> (MmapTypeDeclaration.cs,
    /// TransitionFloorType.cs) and runs precompiled code from its first call on the CoreCLR route: beyond what the
    /// import compiles, the JIT compiles nothing for them, the search kernels of every vector width included. It fails
    /// if an operation, or what it calls, is left to the JIT: an implementation or helper marked AggressiveOptimization,
    /// generic code of MmapNet.dll instantiated over a type of MmapNet.CPython.dll or of the framework (in neither
    /// image), code that asks for vectors beyond the images' instruction set, or an interop stub compiled at its first
    /// call. The script runs each operation's common path, its slower paths (__index__, long ints, buffers that are not
    /// bytes) and its refusals. Each operation took 0.4-1.5 ms of compilation at its first call before f4f4b1f, and the
    /// first search 1-3.5 ms before the kernels were precompiled.
    /// The baseline set runs as on a CPU with SSE4.2 and without AVX: the runtime is told to use no AVX instruction
    /// (DOTNET_EnableAVX=0), which makes it set the x86-64-v3 images aside, and the loader must then take the baseline
    /// set by itself. It fails if the loader took the x86-64-v3 set (every method is compiled) or if the baseline set
    /// were compiled for AVX (RepositoryLoaderTests' qemu64 test catches one compiled for x86-64-v2). A CPU with AVX but
    /// not AVX2 is not this case: there the three entry points of ByteSearch, which ask for 256-bit vectors, are
    /// compiled at the first search.
    /// </summary>
    [TestCaseSource(nameof(AllInterpretersAndImageSets))]
    public async Task EveryOperation_CompilesNothingAtItsFirstCall(string label, ImageSet images)
    {
        if (images == ImageSet.Default && RuntimeInformation.ProcessArchitecture == Architecture.X64 && !RepositoryLayout.RunsX8664V3Builds)
        {
            // The default set is for x86-64-v3 (src/ReadyToRun.targets), which this CPU does not run: the loader takes
            // the baseline set here, which the other case checks.
            Assert.Ignore("this CPU has no x86-64-v3, which the x86-64 default images are compiled for");
        }

        string[] importOnly = await CompiledByJit(label, images, ["import"]);
        string[] everything = await CompiledByJit(label, images, []);

        // The list is written: the runtime's start compiles some methods of its own (the host's entry among them).
        Assert.That(everything, Has.Some.Contains("JIT compiled "), string.Join(Environment.NewLine, everything));

        // The import compiles no operation either, which would hide it from the comparison below.
        Assert.That(importOnly.Where(line => line.Contains("MmapType:", StringComparison.Ordinal)
            || line.Contains("TransitionFloorType:", StringComparison.Ordinal) || line.Contains("RunningInterpreter:", StringComparison.Ordinal)
            || line.Contains("ByteSearch:", StringComparison.Ordinal)),
            Is.Empty, "compiled by the JIT at the import");

        // What the operations made the JIT compile beyond the import, of anyone's: MmapNet's code, the framework's
        // generic code instantiated over MmapNet's types (whose names may show only the shared form, as
        // Enum.GetValues[int] or ValueTuple`2[int,System.__Canon]), interop stubs. With tiered compilation off nothing
        // is compiled in the background.
        HashSet<string> imported = [.. importOnly.Select(MethodOf)];
        string[] byOperations = everything
            .Where(line => line.Contains("JIT compiled ", StringComparison.Ordinal))
            .Where(line => !imported.Contains(MethodOf(line)))
            .ToArray();
        Assert.That(byOperations, Is.Empty, "compiled by the JIT at the first calls of the operations");
    }

    // The methods the JIT compiled in a run of first_call_compilation.py, one line each ("JIT compiled NAME [TIER, ...]").
    private static async Task<string[]> CompiledByJit(string label, ImageSet images, string[] arguments)
    {
        string list = Path.Combine(Path.GetTempPath(), $"mmapnet-jit-{Guid.NewGuid():N}.txt");
        try
        {
            Dictionary<string, string?> environment = new()
            {
                ["MMAPNET_BACKEND"] = "coreclr",
                // The images a checkout's `import mmapnet` loads (the other tests run the build output's IL).
                ["MMAPNET_ASSEMBLY_DIR"] = Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled"),
                ["DOTNET_JitStdOutFile"] = list,
                ["DOTNET_JitDisasmSummary"] = "1",
            };
            // Whatever the test run's own environment says: the case says which set.
            environment["MMAPNET_ISA"] = null;
            environment["DOTNET_EnableAVX"] = images == ImageSet.Baseline ? "0" : null;

            ChildResult result = await PythonProcess.RunScriptAsync(TestInterpreters.Get(label), "first_call_compilation.py", arguments,
                new PythonStart { Environment = environment });
            Assert.That(result.ExitCode, Is.Zero, result.Describe());
            Assert.That(result.Stdout.Trim(), Is.EqualTo("done"), result.Describe());
            return File.ReadAllLines(list);
        }
        finally
        {
            File.Delete(list);
        }
    }

    // "   7: JIT compiled NAME [FullOpts, IL size=30, code size=20]" -> NAME: the same method compiled in two processes.
    private static string MethodOf(string line)
    {
        int name = line.IndexOf("JIT compiled ", StringComparison.Ordinal);
        int details = line.LastIndexOf(" [", StringComparison.Ordinal);
        return name < 0 || details < name ? line : line[(name + "JIT compiled ".Length)..details];
    }

    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void BesideTheBuildOutput_TheAssemblyIsAReadyToRunImage(string fileName)
    {
        Assert.That(IsReadyToRunImage(Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled", fileName)), Is.True);
    }

    /// <summary>On x86-64 a second set, for CPUs without x86-64-v3, in the first's folder "baseline": images too, and
    /// compiled apart (the same image in both folders would be the x86-64-v3 one, which such a CPU sets aside).</summary>
    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void OnX8664_TheBaselineSetHoldsAnImageOfItsOwn(string fileName)
    {
        string baseline = Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled", "baseline", fileName);
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.That(baseline, Does.Not.Exist, "one set on other architectures");
            return;
        }

        Assert.That(IsReadyToRunImage(baseline), Is.True);
        Assert.That(File.ReadAllBytes(baseline), Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled", fileName))));
    }

    /// <summary>
    /// MmapNet.CPython's image is compiled in one version bubble with MmapNet.dll (src/ReadyToRun.targets), so that
    /// MmapNet's members are inlined into the operations: without it crossgen2 still makes an image, silently, whose
    /// calls into MmapNet are not inlined. An image whose bubble holds other assemblies records their MVIDs
    /// (READYTORUN_SECTION_MANIFEST_ASSEMBLY_MVIDS, 16 bytes each), which the runtime checks when it loads them.
    /// </summary>
    [TestCase("")]
    [TestCase("baseline")]
    public void TheModulesImage_IsOneVersionBubbleWithTheCore(string set)
    {
        const int ManifestAssemblyMvids = 118;
        string image = Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled", set, "MmapNet.CPython.dll");
        if (set.Length > 0 && RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.That(image, Does.Not.Exist, "one set on other architectures");
            return;
        }

        using FileStream stream = File.OpenRead(image);
        using PEReader reader = new(stream);
        DirectoryEntry native = reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        BlobReader header = reader.GetSectionData(native.RelativeVirtualAddress).GetReader(0, native.Size);
        Assert.That(header.ReadUInt32(), Is.EqualTo(0x00525452), "READYTORUN_SIGNATURE ('RTR')");
        header.Offset = 12; // after MajorVersion, MinorVersion and Flags
        int sections = header.ReadInt32();
        int mvidBytes = -1;
        for (int i = 0; i < sections; i++)
        {
            int type = header.ReadInt32();
            _ = header.ReadInt32(); // the section's RVA
            int size = header.ReadInt32();
            if (type == ManifestAssemblyMvids)
            {
                mvidBytes = size;
            }
        }

        Assert.That(mvidBytes, Is.EqualTo(16), "the MVIDs of the bubble's other assemblies: MmapNet.dll's alone");
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
