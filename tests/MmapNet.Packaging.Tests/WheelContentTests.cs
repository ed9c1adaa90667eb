using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>The wheel that <c>pip wheel --no-build-isolation .</c> builds: its name, members, metadata and RECORD.</summary>
[TestFixture]
public sealed class WheelContentTests
{
    private static string DistInfo => $"mmapnet-{RepositoryLayout.Version}.dist-info";

    [Test]
    public void Name_TagsTheSupportedInterpreters_WithNoStableAbiClaim()
    {
        string platform = "linux_" + (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64" : "x86_64");
        Assert.That(Path.GetFileName(BuiltWheel.Path), Is.EqualTo($"mmapnet-{RepositoryLayout.Version}-cp310.cp311.cp312.cp313-none-{platform}.whl"));
    }

    [Test]
    public void Members_AreThePackageTheNativeModuleAndTheManagedAssemblies_AndNothingElse()
    {
        using ZipArchive wheel = ZipFile.OpenRead(BuiltWheel.Path);
        IEnumerable<string> packageSources = Directory.GetFiles(Path.Combine(RepositoryLayout.PythonFolder, "mmapnet"))
            .Select(Path.GetFileName)
            .Where(name => name!.EndsWith(".py", StringComparison.Ordinal) || name.EndsWith(".pyi", StringComparison.Ordinal) || name == "py.typed")
            .Select(name => "mmapnet/" + name);
        // On x86-64 the module comes in two builds, x86-64 and x86-64-v3 (AVX2), its entry point choosing by the CPU.
        string[] nativeModules = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? new[] { "mmapnet/_mmapnet.so", "mmapnet/_mmapnet-x86-64-v3.so" }
            : new[] { "mmapnet/_mmapnet.so" };
        // And the CoreCLR route's precompiled images in two sets on x86-64, the second for CPUs without x86-64-v3.
        string[] managedFolders = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? new[] { "mmapnet/_lib/", "mmapnet/_lib/baseline/" }
            : new[] { "mmapnet/_lib/" };
        string[] managedFiles =
        [
            "libmmapnet_faults.so",
            "MmapNet.dll",
            "MmapNet.pdb",
            "MmapNet.CPython.dll",
            "MmapNet.CPython.pdb",
            "MmapNet.CPython.deps.json",
            "MmapNet.CPython.runtimeconfig.json",
        ];
        IEnumerable<string> expected = packageSources.Concat(nativeModules)
            .Concat(managedFolders.SelectMany(folder => managedFiles.Select(file => folder + file))).Concat(new[]
        {
            DistInfo + "/METADATA",
            DistInfo + "/WHEEL",
            DistInfo + "/RECORD",
        });

        Assert.That(wheel.Entries.Select(e => e.FullName), Is.EquivalentTo(expected));
        Assert.That(wheel.Entries.Select(e => e.FullName), Does.Contain("mmapnet/__init__.pyi").And.Contain("mmapnet/py.typed"));
    }

    [Test]
    public void Record_ListsEveryOtherMemberWithItsHashAndSize()
    {
        using ZipArchive wheel = ZipFile.OpenRead(BuiltWheel.Path);
        Dictionary<string, (string Hash, string Size)> record = Read(wheel, DistInfo + "/RECORD").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(','))
            .ToDictionary(fields => fields[0], fields => (Hash: fields[1], Size: fields[2]));

        Assert.That(record.Keys, Is.EquivalentTo(wheel.Entries.Select(e => e.FullName)));
        Assert.That(record[DistInfo + "/RECORD"], Is.EqualTo((Hash: "", Size: "")));
        foreach (ZipArchiveEntry? entry in wheel.Entries.Where(e => e.FullName != DistInfo + "/RECORD"))
        {
            using Stream stream = entry.Open();
            MemoryStream data = new();
            stream.CopyTo(data);
            string hash = "sha256=" + Convert.ToBase64String(SHA256.HashData(data.ToArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.That(record[entry.FullName], Is.EqualTo((Hash: hash, Size: data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))), entry.FullName);
        }
    }

    [Test]
    public void Metadata_ComesFromPyprojectAndTheProjectVersion()
    {
        using ZipArchive wheel = ZipFile.OpenRead(BuiltWheel.Path);
        string metadata = Read(wheel, DistInfo + "/METADATA");
        string[] headers = metadata[..metadata.IndexOf("\n\n", StringComparison.Ordinal)].Split('\n');

        Assert.That(headers, Does.Contain("Name: mmapnet"));
        Assert.That(headers, Does.Contain("Version: " + RepositoryLayout.Version));
        Assert.That(headers, Does.Contain(
            $"Requires-Python: >={PythonVersions.OldestSupported},<{PythonVersions.NewestSupported.Major}.{PythonVersions.NewestSupported.Minor + 1}"));
        Assert.That(headers, Does.Contain("License: MIT"));
        Assert.That(headers, Does.Contain("Description-Content-Type: text/markdown"));
        Assert.That(metadata, Does.Contain(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"))), "the README is the long description");
    }

    [Test]
    public void WheelFile_IsPlatlibWithOneTagPerSupportedInterpreter()
    {
        using ZipArchive wheel = ZipFile.OpenRead(BuiltWheel.Path);
        string[] lines = Read(wheel, DistInfo + "/WHEEL").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Does.Contain("Wheel-Version: 1.0").And.Contain("Root-Is-Purelib: false"));
        Assert.That(lines.Where(l => l.StartsWith("Tag: ", StringComparison.Ordinal)).Select(l => l.Split('-')[0]),
            Is.EqualTo(new[] { "Tag: cp310", "Tag: cp311", "Tag: cp312", "Tag: cp313" }));
    }

    [Test]
    public void NativeModule_ExportsItsInitFunction_AndLinksToNoLibpythonNorDotnet()
    {
        string folder = RunScratch.NewFolder("unpacked");
        using (ZipArchive wheel = ZipFile.OpenRead(BuiltWheel.Path))
        {
            wheel.GetEntry("mmapnet/_mmapnet.so")!.ExtractToFile(Path.Combine(folder, "_mmapnet.so"));
        }

        string library = Path.Combine(folder, "_mmapnet.so");
        string symbols = Command.RunChecked("nm", ["-D", "--defined-only", library]).Stdout;
        List<string> needed = Command.RunChecked("readelf", ["-d", library]).Stdout.Split('\n')
            .Where(line => line.Contains("(NEEDED)", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.IndexOf(']', StringComparison.Ordinal)])
            .ToList();

        Assert.That(symbols, Does.Match(@"\bT PyInit__mmapnet\b"));
        // One binary for every interpreter: the C API is found in the running process, never linked.
        Assert.That(needed, Has.None.StartsWith("libpython"));
        Assert.That(needed, Has.None.Contains("coreclr").And.None.Contains("hostfxr"));
        Assert.That(needed, Is.SubsetOf(new[] { "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1" }),
            "needs only the C library");
    }

    private static string Read(ZipArchive wheel, string name)
    {
        using StreamReader reader = new(wheel.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
