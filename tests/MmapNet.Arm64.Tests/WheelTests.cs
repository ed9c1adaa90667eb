using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using MmapNet.Arm64.Tests.Support;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Arm64.Tests;

/// <summary>
/// The linux_aarch64 wheel, built on this x86-64 machine the way a user builds it (<c>pip wheel --no-build-isolation
/// --config-settings target=linux-arm64</c>), then installed with pip into a venv of Debian's arm64 CPython under
/// qemu-aarch64, where it imports on both routes.
/// </summary>
[TestFixture]
public sealed class WheelTests
{
    private static readonly Lazy<string> s_wheel = new(BuildWheel, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_venv = new(InstallIntoArm64Venv, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Wheel => s_wheel.Value;

    // The host's own python3 builds: the backend runs on x86-64, only the module inside is for AArch64.
    private static string HostPython => "/usr/bin/python3";

    [Test]
    public void Wheel_IsTaggedLinuxAarch64_AndHoldsAnAarch64Module()
    {
        using ZipArchive archive = ZipFile.OpenRead(Wheel);
        string wheelFile = new StreamReader(archive.GetEntry("mmapnet-" + Version + ".dist-info/WHEEL")!.Open()).ReadToEnd();
        string module = Path.Combine(RunScratch.NewFolder("module"), "_mmapnet.so");
        archive.GetEntry("mmapnet/_mmapnet.so")!.ExtractToFile(module);
        string header = Tool.RunChecked("aarch64-linux-gnu-readelf", ["--file-header", module]).Stdout;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Path.GetFileName(Wheel), Is.EqualTo($"mmapnet-{Version}-cp310.cp311.cp312.cp313-none-linux_aarch64.whl"));
            Assert.That(wheelFile.Split('\n').Where(l => l.StartsWith("Tag: ", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "cp310", "cp311", "cp312", "cp313" }.Select(p => $"Tag: {p}-none-linux_aarch64")));
            Assert.That(header, Does.Match(@"Machine:\s+AArch64"));
            Assert.That(archive.Entries.Select(e => e.FullName), Does.Contain("mmapnet/_lib/MmapNet.CPython.dll"), "the CoreCLR route's assemblies");
        }
    }

    [TestCase("linux-arm64", "linux_aarch64")]
    [TestCase("linux-x64", "linux_x86_64")]
    public void TargetVariable_ChoosesThePlatformTag(string target, string tag)
    {
        // The variable stands in for the config setting when a front end passes none; the metadata hook shows the tag
        // without a build.
        string folder = RunScratch.NewFolder("metadata");
        Tool.RunChecked(HostPython,
            ["-c", "import sys; sys.path.insert(0, 'build_backend'); import mmapnet_build; mmapnet_build.prepare_metadata_for_build_wheel(sys.argv[1])", folder],
            new Dictionary<string, string?> { ["MMAPNET_WHEEL_TARGET"] = target }, RepositoryLayout.Root);
        string wheelFile = File.ReadAllText(Path.Combine(folder, $"mmapnet-{Version}.dist-info", "WHEEL"));

        Assert.That(wheelFile, Does.Contain($"Tag: cp311-none-{tag}\n"));
    }

    [Test]
    public void UnknownTarget_IsRefusedNamingTheTargets()
    {
        CommandResult result = Tool.Run(HostPython,
            ["-c", "import sys; sys.path.insert(0, 'build_backend'); import mmapnet_build; mmapnet_build.prepare_metadata_for_build_wheel(sys.argv[1], {'target': 'linux-riscv64'})",
             RunScratch.NewFolder("metadata")],
            workingDirectory: RepositoryLayout.Root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Not.Zero);
            Assert.That(result.Stderr, Does.Contain("ValueError: mmapnet_build: target 'linux-riscv64' is not one this wheel can be built for (linux-arm64, linux-x64)"));
        }
    }

    [Test]
    public void InstalledInAnArm64Venv_ImportsThroughNativeAot()
    {
        string python = Path.Combine(s_venv.Value, "bin", "python");
        CommandResult result = Tool.RunChecked(python, ["-c", "import mmapnet, platform; print(mmapnet.__backend__, platform.machine(), mmapnet.mmap(-1, 5)[:])"]);
        CommandResult info = Tool.RunChecked(python, ["-m", "mmapnet", "info"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout, Is.EqualTo("nativeaot aarch64 b'\\x00\\x00\\x00\\x00\\x00'\n"));
            Assert.That(info.Stdout, Does.Contain(Path.Combine(s_venv.Value, "lib", "python3.11", "site-packages", "mmapnet", "_mmapnet.so")));
        }
    }

    [Test]
    public void InstalledInAnArm64Venv_ImportsThroughCoreClr()
    {
        string python = Path.Combine(s_venv.Value, "bin", "python");
        CommandResult result = Tool.RunChecked(python,
            ["-c", "import mmapnet, platform; print(mmapnet.__backend__, platform.machine(), mmapnet.mmap(-1, 5)[:])"],
            new Dictionary<string, string?> { ["MMAPNET_BACKEND"] = "coreclr", ["DOTNET_ROOT"] = Arm64Layout.Arm64DotnetRoot },
            timeout: TimeSpan.FromMinutes(5));

        Assert.That(result.Stdout, Is.EqualTo("coreclr aarch64 b'\\x00\\x00\\x00\\x00\\x00'\n"));
    }

    private static string Version =>
        System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();

    private static string BuildWheel()
    {
        string output = RunScratch.NewFolder("wheel");
        Tool.RunChecked(HostPython,
            ["-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps", "--no-cache-dir",
             "--config-settings", "target=linux-arm64", "-w", output, RepositoryLayout.Root],
            timeout: TimeSpan.FromMinutes(20));
        string[] wheels = Directory.GetFiles(output, "*.whl");
        Assert.That(wheels, Has.Length.EqualTo(1), "pip wheel made one wheel");
        return wheels[0];
    }

    // python -m venv with pip (ensurepip runs pip in a child process, which comes back through the qemu script), then
    // pip install of the wheel, all inside the emulated interpreter.
    private static string InstallIntoArm64Venv()
    {
        string python = Arm64Configuration.RequireArm64Python();
        string venv = Path.Combine(RunScratch.NewFolder("arm64-venv"), "venv");
        Tool.RunChecked(python, ["-m", "venv", venv], timeout: TimeSpan.FromMinutes(10));
        Tool.RunChecked(Path.Combine(venv, "bin", "python"), ["-m", "pip", "install", "--no-index", "--no-deps", Wheel], timeout: TimeSpan.FromMinutes(10));
        return venv;
    }
}
