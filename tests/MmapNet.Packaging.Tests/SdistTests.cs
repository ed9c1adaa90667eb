using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The source distribution that the backend's <c>build_sdist</c> hook writes: the sources the wheel build needs and no
/// build output, complete enough that pip builds the same wheel from it, away from the repository.
/// </summary>
[TestFixture]
public sealed class SdistTests
{
    private static readonly Lazy<string> s_sdist = new(BuildSdist);

    [Test]
    public void Members_AreTheBuildInputs_WithNoBuildOutput()
    {
        List<string> members = Members(s_sdist.Value);
        string prefix = $"mmapnet-{RepositoryLayout.Version}/";

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

    // The quick form of the check below (which builds the wheel from the sdist, minutes): every file that a build file in
    // the sdist pulls in from elsewhere (a Compile or ProjectReference Include, an Import) is a member too.
    [Test]
    public void Members_IncludeEveryFileTheirBuildFilesReferTo()
    {
        string prefix = $"mmapnet-{RepositoryLayout.Version}/";
        HashSet<string> relative = Members(s_sdist.Value).Select(m => m[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        List<string> missing = new();
        foreach (string buildFile in relative.Where(IsBuildFile).Order(StringComparer.Ordinal))
        {
            string folder = Path.GetDirectoryName(buildFile) ?? "";
            XDocument document = XDocument.Load(Path.Combine(RepositoryLayout.Root, buildFile));
            foreach (XElement element in document.Descendants())
            {
                string? reference = element.Name.LocalName switch
                {
                    "Compile" or "ProjectReference" => (string?)element.Attribute("Include"),
                    "Import" => (string?)element.Attribute("Project"),
                    _ => null,
                };
                if (reference is null || reference.Contains('*') || reference.Contains("$(", StringComparison.Ordinal)
                    && !reference.StartsWith("$(MSBuildThisFileDirectory)", StringComparison.Ordinal))
                {
                    continue; // a glob (the project's own folder) or a path from a property outside the sdist (an SDK)
                }

                string path = reference.Replace("$(MSBuildThisFileDirectory)", "", StringComparison.Ordinal).Replace('\\', '/');
                string member = Path.GetRelativePath(RepositoryLayout.Root, Path.GetFullPath(Path.Combine(RepositoryLayout.Root, folder, path)))
                    .Replace('\\', '/');
                if (!relative.Contains(member))
                {
                    missing.Add($"{buildFile}: {reference}");
                }
            }
        }

        Assert.That(missing, Is.Empty, "files the sdist's build files refer to but the sdist lacks");
    }

    private static bool IsBuildFile(string member) =>
        member.EndsWith(".csproj", StringComparison.Ordinal) || member.EndsWith(".props", StringComparison.Ordinal)
        || member.EndsWith(".targets", StringComparison.Ordinal);

    [Test]
    public void Wheel_BuiltFromTheSdistElsewhere_HasTheSameMembersAsTheRepositoryWheel()
    {
        string folder = RunScratch.NewFolder("sdist-build");
        TarFile.ExtractToDirectory(s_sdist.Value.Replace(".tar.gz", ".tar", StringComparison.Ordinal), folder, overwriteFiles: false);
        string source = Path.Combine(folder, $"mmapnet-{RepositoryLayout.Version}");
        string output = RunScratch.NewFolder("sdist-wheel");

        Command.RunChecked(TestInterpreters.Newest.ExecutablePath,
            ["-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps", "--no-cache-dir", "-w", output, source],
            timeout: TimeSpan.FromMinutes(20));

        string built = Directory.GetFiles(output, "*.whl").Single();
        Assert.That(Path.GetFileName(built), Is.EqualTo(Path.GetFileName(BuiltWheel.Path)));
        Assert.That(Entries(built), Is.EquivalentTo(Entries(BuiltWheel.Path)));
    }

    private static string BuildSdist()
    {
        string output = RunScratch.NewFolder("sdist");
        string program = "import sys; sys.path.insert(0, 'build_backend'); import mmapnet_build; print(mmapnet_build.build_sdist(sys.argv[1]))";
        string name = Command.RunChecked(TestInterpreters.Newest.ExecutablePath, ["-c", program, output], RepositoryLayout.Root).Stdout.Trim();
        string sdist = Path.Combine(output, name);
        Assert.That(name, Is.EqualTo($"mmapnet-{RepositoryLayout.Version}.tar.gz"));

        // Kept beside it uncompressed too, for the tests to read with the standard library.
        using (FileStream compressed = File.OpenRead(sdist))
        using (GZipStream gzip = new(compressed, CompressionMode.Decompress))
        using (FileStream tar = File.Create(sdist.Replace(".tar.gz", ".tar", StringComparison.Ordinal)))
        {
            gzip.CopyTo(tar);
        }

        return sdist;
    }

    private static List<string> Members(string sdist)
    {
        using FileStream stream = File.OpenRead(sdist.Replace(".tar.gz", ".tar", StringComparison.Ordinal));
        using TarReader reader = new(stream);
        List<string> names = new();
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
