using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The source distribution that the backend's <c>build_sdist</c> hook writes: the sources the wheel build needs and no
/// build output, complete enough that pip builds the same wheel from it, away from the repository.
/// </summary>
[TestFixture]
public sealed class SdistTests
{
    private static readonly Lazy<string> LazySdist = new(BuildSdist);

    [Test]
    public void Members_AreTheBuildInputs_WithNoBuildOutput()
    {
        List<string> members = Members(LazySdist.Value);
        var prefix = $"mmapnet-{Repository.Version}/";

        Assert.That(members, Has.All.StartsWith(prefix));
        List<string> relative = members.Select(m => m[prefix.Length..]).ToList();
        Assert.That(relative, Is.SupersetOf(new[]
        {
            "PKG-INFO", "pyproject.toml", "README.md", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
            "build_backend/mmapnet_build.py", "python/mmapnet/__init__.py", "python/mmapnet/__init__.pyi", "python/mmapnet/py.typed",
            "src/MmapNet/MmapNet.csproj", "src/MmapNet/MemoryMap.cs", "src/MmapNet.CPython/MmapNet.CPython.csproj",
            "src/MmapNet.CPython.NativeAot/MmapNet.CPython.NativeAot.csproj",
        }));
        Assert.That(relative, Has.None.Contains("/bin/").And.None.Contains("/obj/").And.None.Contains("__pycache__").And.None.EndsWith(".so"));
        Assert.That(relative, Has.None.StartsWith("tests/").And.None.StartsWith("conformance/").And.None.StartsWith("artifacts/"));
    }

    [Test]
    public void Wheel_BuiltFromTheSdistElsewhere_HasTheSameMembersAsTheRepositoryWheel()
    {
        var folder = Scratch.NewFolder("sdist-build");
        TarFile.ExtractToDirectory(LazySdist.Value.Replace(".tar.gz", ".tar", StringComparison.Ordinal), folder, overwriteFiles: false);
        var source = Path.Combine(folder, $"mmapnet-{Repository.Version}");
        var output = Scratch.NewFolder("sdist-wheel");

        Command.RunChecked(Interpreters.Newest.ExecutablePath,
            ["-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps", "--no-cache-dir", "-w", output, source],
            timeout: TimeSpan.FromMinutes(20));

        var built = Directory.GetFiles(output, "*.whl").Single();
        Assert.That(Path.GetFileName(built), Is.EqualTo(Path.GetFileName(BuiltWheel.Path)));
        Assert.That(Entries(built), Is.EquivalentTo(Entries(BuiltWheel.Path)));
    }

    private static string BuildSdist()
    {
        var output = Scratch.NewFolder("sdist");
        var program = "import sys; sys.path.insert(0, 'build_backend'); import mmapnet_build; print(mmapnet_build.build_sdist(sys.argv[1]))";
        var name = Command.RunChecked(Interpreters.Newest.ExecutablePath, ["-c", program, output], Repository.Root).Stdout.Trim();
        var sdist = Path.Combine(output, name);
        Assert.That(name, Is.EqualTo($"mmapnet-{Repository.Version}.tar.gz"));

        // Kept beside it uncompressed too, for the tests to read with the standard library.
        using (FileStream compressed = File.OpenRead(sdist))
        using (GZipStream gzip = new GZipStream(compressed, CompressionMode.Decompress))
        using (FileStream tar = File.Create(sdist.Replace(".tar.gz", ".tar", StringComparison.Ordinal)))
        {
            gzip.CopyTo(tar);
        }

        return sdist;
    }

    private static List<string> Members(string sdist)
    {
        using FileStream stream = File.OpenRead(sdist.Replace(".tar.gz", ".tar", StringComparison.Ordinal));
        using TarReader reader = new TarReader(stream);
        List<string> names = new List<string>();
        for (TarEntry? entry = reader.GetNextEntry(); entry is not null; entry = reader.GetNextEntry())
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private static List<string> Entries(string wheel)
    {
        using ZipArchive archive = ZipFile.OpenRead(wheel);
        return archive.Entries.Select(e => e.FullName).ToList();
    }
}
