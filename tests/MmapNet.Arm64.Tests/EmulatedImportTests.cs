using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MmapNet.Arm64.Tests.Support;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Arm64.Tests;

/// <summary>
/// <c>import mmapnet</c> in Debian's arm64 CPython under qemu-aarch64, per configuration: the route it was asked for, an
/// AArch64 process, and a module face (names and values) identical to the stdlib mmap of the same interpreter, PAGESIZE
/// included, whatever page size the emulated kernel has.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class EmulatedImportTests
{
    private const string Probe = """
        import json, mmap, os, platform
        import mmapnet
        def face(module):
            return {name: getattr(module, name) for name in dir(module) if name.isupper()}
        print(json.dumps({
            "backend": mmapnet.__backend__,
            "machine": platform.machine(),
            "sysconf_page_size": os.sysconf("SC_PAGESIZE"),
            "stdlib": face(mmap),
            "mmapnet": face(mmapnet),
            "map": repr(mmapnet.mmap(-1, 3 * mmap.PAGESIZE + 1)),
        }))
        """;

    public static IEnumerable<Arm64Configuration> Configurations => Arm64Configuration.All;

    [TestCaseSource(nameof(Configurations))]
    public void ImportMmapnet_TakesTheRouteAndHasTheStdlibsFace(Arm64Configuration configuration)
    {
        CommandResult result = Tool.RunChecked(configuration.Interpreter.ExecutablePath, ["-c", Probe],
            new Dictionary<string, string?> { ["PYTHONPATH"] = RepositoryLayout.PythonFolder });
        using JsonDocument facts = JsonDocument.Parse(result.Stdout);
        JsonElement root = facts.RootElement;
        int expectedPageSize = configuration.PageSize == 0 ? System.Environment.SystemPageSize : configuration.PageSize;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("backend").GetString(), Is.EqualTo(configuration.Route == Arm64Route.NativeAot ? "nativeaot" : "coreclr"));
            Assert.That(root.GetProperty("machine").GetString(), Is.EqualTo("aarch64"));
            Assert.That(root.GetProperty("sysconf_page_size").GetInt32(), Is.EqualTo(expectedPageSize), "the emulated kernel's page size");
            Assert.That(root.GetProperty("mmapnet").GetRawText(), Is.EqualTo(root.GetProperty("stdlib").GetRawText()), "constants: names and values");
            Assert.That(root.GetProperty("mmapnet").GetProperty("PAGESIZE").GetInt32(), Is.EqualTo(expectedPageSize));
            Assert.That(root.GetProperty("map").GetString(), Does.Contain($"length={(3 * expectedPageSize) + 1},"));
        }
    }

    [Test]
    public void CoreClrRoute_WithTheMachinesX64Runtime_IsAnImportErrorAskingForAnArm64One()
    {
        // The runtime running these tests is x86-64's: DOTNET_ROOT is three folders above its System.Private.CoreLib.
        string x64Root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        CommandResult result = Tool.Run(Arm64Configuration.RequireArm64Python(), ["-c", "import mmapnet"], new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = RepositoryLayout.PythonFolder,
            ["MMAPNET_BACKEND"] = "coreclr",
            ["DOTNET_ROOT"] = x64Root,
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Describe());
            Assert.That(result.Stderr, Does.Contain($"ImportError: mmapnet: the .NET host library {x64Root}/host/fxr/"));
            Assert.That(result.Stderr, Does.Contain("The CoreCLR route needs a .NET runtime for this machine (aarch64); set DOTNET_ROOT to one."));
        }
    }
}
