using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// How <c>import mmapnet</c> picks a route in a repository checkout (<c>PYTHONPATH=python</c>): CoreCLR by default even when
/// a NativeAOT build exists (it may be stale), the repository's NativeAOT build when <c>MMAPNET_BACKEND=nativeaot</c>,
/// any folder named by <c>MMAPNET_NATIVEAOT_DIR</c>, and clear errors otherwise. This is also how the conformance suite
/// runs its NativeAOT flavour.
/// </summary>
[TestFixture]
public sealed class RepositoryLoaderTests
{
    private const string Probe = "import mmapnet; print(mmapnet.__backend__, getattr(mmapnet._native, '__file__', '-'))";

    [Test]
    public void Default_IsCoreClr_EvenWithANativeAotBuildPublished()
    {
        _ = RepositoryNativeAotBuild.Folder;

        Assert.That(ImportFromCheckout(RepositoryLayout.PythonFolder, new Dictionary<string, string?>()).Stdout, Does.StartWith("coreclr "));
    }

    [Test]
    public void ForcedNativeAot_TakesTheRepositoryPublishOutput()
    {
        string folder = RepositoryNativeAotBuild.Folder;

        string output = ImportFromCheckout(RepositoryLayout.PythonFolder, new Dictionary<string, string?> { ["MMAPNET_BACKEND"] = "nativeaot" }).Stdout;

        Assert.That(output, Is.EqualTo($"nativeaot {Path.Combine(folder, "_mmapnet.so")}\n"));
    }

    [Test]
    public void NativeAotDirectory_IsUsedWithoutForcing()
    {
        string copy = RunScratch.NewFolder("nativeaot-dir");
        File.Copy(Path.Combine(RepositoryNativeAotBuild.Folder, "_mmapnet.so"), Path.Combine(copy, "_mmapnet.so"));

        string output = ImportFromCheckout(RepositoryLayout.PythonFolder, new Dictionary<string, string?> { ["MMAPNET_NATIVEAOT_DIR"] = copy }).Stdout;

        Assert.That(output, Is.EqualTo($"nativeaot {Path.Combine(copy, "_mmapnet.so")}\n"));
    }

    [Test]
    public void ForcedNativeAot_WithNoBuildAnywhere_IsAnImportErrorSayingWhereItLookedAndWhatToRun()
    {
        // A copy of the package outside any checkout: no artifacts/ above it, nothing next to it.
        string parent = RunScratch.NewFolder("package-copy");
        CopyPackage(Path.Combine(parent, "mmapnet"));

        CommandResult result = Command.Run(TestInterpreters.Newest.ExecutablePath, ["-c", Probe], RunScratch.NewFolder("cwd"),
            new Dictionary<string, string?> { ["PYTHONPATH"] = parent, ["MMAPNET_BACKEND"] = "nativeaot" });

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("ImportError: mmapnet: MMAPNET_BACKEND=nativeaot, but there is no NativeAOT build (looked for: "));
        Assert.That(result.Stderr, Does.Contain(Path.Combine(parent, "mmapnet", "_mmapnet.so")));
        Assert.That(result.Stderr, Does.Contain("dotnet publish src/MmapNet.CPython.NativeAot -c Release"));
    }

    [Test]
    public void UnknownBackend_IsAnImportErrorNamingTheChoices()
    {
        CommandResult result = Command.Run(TestInterpreters.Newest.ExecutablePath, ["-c", Probe], RunScratch.NewFolder("cwd"),
            new Dictionary<string, string?> { ["PYTHONPATH"] = RepositoryLayout.PythonFolder, ["MMAPNET_BACKEND"] = "native" });

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("ImportError: mmapnet: MMAPNET_BACKEND=native; it must be one of: coreclr, nativeaot"));
    }

    /// <summary>
    /// On x86-64 the CoreCLR route takes the precompiled images in the folder "baseline" of the x86-64-v3 ones where the
    /// process would not run those (src/ReadyToRun.targets): on a CPU without x86-64-v3 (the test below, under qemu),
    /// where MMAPNET_ISA=baseline (or its older name) says so, and where the runtime is told to use no AVX2, which makes it
    /// set the x86-64-v3 images aside as such a CPU does. Any other value leaves the choice to the CPU. <c>import clr</c>
    /// then finds pythonnet's assemblies beside the first set.
    /// </summary>
    [TestCase("MMAPNET_ISA", "baseline", true)]
    [TestCase("MMAPNET_NATIVEAOT_ISA", "baseline", true)]
    [TestCase("DOTNET_EnableAVX2", "0", true)]
    [TestCase("COMPlus_EnableHWIntrinsic", "0", true)]
    [TestCase("MMAPNET_ISA", "x86-64-v3", false)]
    [TestCase("DOTNET_EnableAVX2", "1", false)]
    public void CoreClrRoute_TakesTheBaselineImages_WhereToldTo(string variable, string value, bool baseline)
    {
        if (RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("x86-64 only: other architectures have one set of images");
        }

        string precompiled = Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled");
        string program = "import mmapnet._loader as l; print(l.assembly_directory()); import mmapnet; m = mmapnet.mmap(-1, 64); "
            + "m[10:13] = b'abc'; print(mmapnet.__backend__, m.find(b'bc'), m.rfind(b'\\0')); import clr; print(clr.__name__)";

        string output = RunFromCheckout(program, new Dictionary<string, string?>
        {
            ["MMAPNET_BACKEND"] = "coreclr",
            ["MMAPNET_ASSEMBLY_DIR"] = precompiled,
            ["MMAPNET_ISA"] = null,
            [variable] = value,
        }).Stdout;

        string expected = baseline ? Path.Combine(precompiled, "baseline") : RepositoryLayout.ImagesForThisCpu(precompiled);
        Assert.That(output, Is.EqualTo(expected + "\ncoreclr 11 63\nclr\n"));
    }

    /// <summary>
    /// <c>python -m mmapnet info</c> names the NativeAOT build that runs: on an x86-64 CPU with x86-64-v3 the module's
    /// entry loads <c>_mmapnet-x86-64-v3.so</c> from beside <c>_mmapnet.so</c>, unless MMAPNET_ISA=baseline; elsewhere
    /// <c>_mmapnet.so</c> itself runs.
    /// </summary>
    [TestCase(null)]
    [TestCase("baseline")]
    public void Info_NamesTheNativeAotBuildThatRuns(string? isa)
    {
        string folder = RepositoryNativeAotBuild.Folder;
        bool faster = isa is null && RepositoryLayout.RunsX8664V3Builds;

        string output = Command.RunChecked(TestInterpreters.Newest.ExecutablePath, ["-m", "mmapnet", "info"], RunScratch.NewFolder("cwd"),
            new Dictionary<string, string?>
            {
                ["PYTHONPATH"] = RepositoryLayout.PythonFolder,
                ["MMAPNET_BACKEND"] = "nativeaot",
                ["MMAPNET_NATIVEAOT_DIR"] = folder,
                ["MMAPNET_ISA"] = isa,
                ["MMAPNET_NATIVEAOT_ISA"] = null,
            }).Stdout;

        Assert.That(output, Does.Contain("extension: " + Path.Combine(folder, "_mmapnet.so") + "\n"));
        Assert.That(output, Does.Contain("running: " + Path.Combine(folder, faster ? "_mmapnet-x86-64-v3.so" : "_mmapnet.so") + "\n"));
    }

    [Test]
    public void NativeAotModule_RunsOnTheBaselineX8664Cpu()
    {
        // The instruction set is the x86-64 baseline on purpose (README.md, "Instruction set"): qemu's user-mode emulation
        // of its oldest 64-bit CPU model (SSE2, no SSE4, no AVX) runs the module. A build for x86-64-v3 aborts the process
        // there at import.
        string program = "import mmapnet; m = mmapnet.mmap(-1, 1 << 20); m[-3:] = b'abc'; print(mmapnet.__backend__, m.find(b'abc'), m.rfind(b'\\0'))";

        string output = RunOnBaselineX8664Cpu(program, new Dictionary<string, string?> { ["MMAPNET_NATIVEAOT_DIR"] = RepositoryNativeAotBuild.Folder });

        Assert.That(output, Is.EqualTo("nativeaot 1048573 1048572\n"));
    }

    [Test]
    public void CoreClrRoute_RunsOnTheBaselineX8664Cpu()
    {
        // The precompiled images of a checkout come in two sets on x86-64 (src/ReadyToRun.targets): one for x86-64-v3,
        // which an image used on this CPU model would kill with an illegal instruction (the runtime sets it aside), and
        // the baseline set in its folder "baseline", which the loader must take here. The search kernels of both widths
        // that CPU has (128-bit vectors, and bytes for the shortest ranges) run.
        string precompiled = Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled");
        string program = "import mmapnet._loader as l; print(l.assembly_directory()); "
            + "import mmapnet; m = mmapnet.mmap(-1, 1 << 20); m[-3:] = b'abc'; m[5:7] = b'ab'; "
            + "print(mmapnet.__backend__, m.find(b'abc'), m.rfind(b'\\0'), m.find(b'c'), m.rfind(b'ab'), m.find(b'ab', 0, 20), m.find(b'b', 0, 10), m.find(b'ab', 0, 10), m.rfind(b'ab', 0, 10), m[0], len(m))";
        string jitList = Path.Combine(RunScratch.NewFolder("jit"), "jit.txt");

        string output = RunOnBaselineX8664Cpu(program, new Dictionary<string, string?>
        {
            ["MMAPNET_BACKEND"] = "coreclr",
            ["MMAPNET_ASSEMBLY_DIR"] = precompiled,
            ["DOTNET_JitStdOutFile"] = jitList,
            ["DOTNET_JitDisasmSummary"] = "1",
        });

        // What the stdlib's mmap prints for the same program, after the backend's name.
        Assert.That(output, Is.EqualTo(Path.Combine(precompiled, "baseline") + "\ncoreclr 1048573 1048572 1048575 1048573 5 6 5 5 0 1048576\n"));
        // The baseline images served the operations: the runtime compiled none of mmapnet's methods but the module's
        // creation (compiled at every import, on every CPU) and search kernels, which crossgen2 compiles using SSE4.1
        // where the CPU has it (this CPU model has not). With the x86-64-v3 set, every operation was compiled.
        string[] compiled = File.ReadAllLines(jitList).Where(line => line.Contains("JIT compiled MmapNet.", System.StringComparison.Ordinal)).ToArray();
        Assert.That(compiled, Is.Not.Empty.And.Some.Contains("MmapModule:Create"), "the list was written");
        Assert.That(compiled.Where(line => !line.Contains("MmapModule:Create", System.StringComparison.Ordinal)
            && !line.Contains("MmapNet.ByteSearch:", System.StringComparison.Ordinal)), Is.Empty);
    }

    // The newest interpreter running PROGRAM from the checkout under qemu's user-mode emulation of its oldest 64-bit CPU
    // model; its standard output.
    private static string RunOnBaselineX8664Cpu(string program, Dictionary<string, string?> environment)
    {
        if (RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("x86-64 only: other architectures keep the SDK's default instruction set");
        }

        string qemu = "/usr/bin/qemu-x86_64";
        Assert.That(qemu, Does.Exist, "qemu-user is needed for this test (apt-get install qemu-user; .ci/setup installs it)");
        environment["PYTHONPATH"] = RepositoryLayout.PythonFolder;
        return Command.RunChecked(qemu, ["-cpu", "qemu64", TestInterpreters.Newest.ExecutablePath, "-c", program], RunScratch.NewFolder("cwd"),
            environment, System.TimeSpan.FromMinutes(3)).Stdout;
    }

    private static CommandResult RunFromCheckout(string program, Dictionary<string, string?> environment)
    {
        environment["PYTHONPATH"] = RepositoryLayout.PythonFolder;
        return Command.RunChecked(TestInterpreters.Newest.ExecutablePath, ["-c", program], RunScratch.NewFolder("cwd"), environment);
    }

    private static CommandResult ImportFromCheckout(string pythonPath, Dictionary<string, string?> environment)
    {
        environment["PYTHONPATH"] = pythonPath;
        return Command.RunChecked(TestInterpreters.Newest.ExecutablePath, ["-c", Probe], RunScratch.NewFolder("cwd"), environment);
    }

    private static void CopyPackage(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryLayout.PythonFolder, "mmapnet"), "*.py"))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }
}
