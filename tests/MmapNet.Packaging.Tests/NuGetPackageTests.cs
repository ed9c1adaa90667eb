using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Threading;
using System.Xml.Linq;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// <c>dotnet pack</c> of the core (<c>src/MmapNet</c>): a package with its README, license expression, XML docs and a
/// symbols package whose PDB carries the sources; and a project that references the package from a local folder
/// builds and runs against it.
/// </summary>
[TestFixture]
public sealed class NuGetPackageTests
{
    private static readonly Lazy<string> s_folder = new(() => PackedProjects.Pack(RunScratch.NewFolder("nuget"), "src/MmapNet"), LazyThreadSafetyMode.ExecutionAndPublication);

    [Test]
    public void CorePackage_HasReadmeLicenseExpressionAndXmlDocs()
    {
        using PackageFile package = new(Path.Combine(s_folder.Value, $"MmapNet.{RepositoryLayout.Version}.nupkg"));

        PackageChecks.AssertLibraryPackage(package, "MmapNet", "src/MmapNet");
        Assert.That(package.Entries, Does.Contain("lib/net10.0/MmapNet.dll"));
    }

    [Test]
    public void CoreSymbolsPackage_HasThePdbWithTheSourcesEmbedded()
    {
        PackageChecks.AssertSymbolsPackage(Path.Combine(s_folder.Value, $"MmapNet.{RepositoryLayout.Version}.snupkg"), "MmapNet", "MemoryMap.cs");
    }

    [Test]
    public void CorePackage_FromALocalFolder_BuildsAndRunsAConsumer()
    {
        string consumer = RunScratch.NewFolder("consumer");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MmapNet" Version="{RepositoryLayout.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using MmapNet;
            using var map = MemoryMap.CreateAnonymous(4096);
            map.Write("hello from the package"u8);
            System.Console.WriteLine($"{map.Find("package"u8, 0)} {map.Position} {map.Length}");
            """);

        // The local folder is the only source, and the packages folder is private: a package cached by an earlier run
        // must not stand in for the one just packed.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{s_folder.Value}" />
              </packageSources>
            </configuration>
            """);
        CommandResult run = Command.Dotnet(
            ["run", "--project", Path.Combine(consumer, "Consumer.csproj"), "-nodeReuse:false"],
            consumer,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = RunScratch.NewFolder("nuget-cache") });

        Assert.That(run.Stdout.Trim().Split('\n')[^1], Is.EqualTo("15 22 4096"));
    }
}

/// <summary>Packing projects of the repository, the way the README says.</summary>
internal static class PackedProjects
{
    /// <summary>Packs each project (a folder relative to the repository) into <paramref name="output"/>; returns the folder.</summary>
    public static string Pack(string output, params string[] projects)
    {
        foreach (string project in projects)
        {
            Command.Dotnet(["pack", Path.Combine(RepositoryLayout.Root, project), "-c", "Release", "-o", output, "-nodeReuse:false"]);
        }

        return output;
    }
}

/// <summary>A .nupkg opened for reading: its members and its .nuspec.</summary>
internal sealed class PackageFile : IDisposable
{
    private readonly ZipArchive _archive;

    public PackageFile(string path)
    {
        Assert.That(path, Does.Exist);
        Path = path;
        _archive = ZipFile.OpenRead(path);
        Entries = _archive.Entries.Select(e => e.FullName).ToList();
        using Stream nuspec = _archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        XDocument document = XDocument.Load(nuspec);
        Metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string Path { get; }

    public IReadOnlyList<string> Entries { get; }

    public XElement Metadata { get; }

    public string? Value(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public byte[] Read(string entry)
    {
        using Stream stream = _archive.GetEntry(entry)!.Open();
        MemoryStream copy = new();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _archive.Dispose();
}

/// <summary>What every package of the repository must have; shared by the core's and the host's tests.</summary>
internal static class PackageChecks
{
    // The portable PDB's EmbeddedSource custom debug information (its documented GUID).
    private static readonly Guid s_embeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public static void AssertLibraryPackage(PackageFile package, string id, string projectFolder)
    {
        List<string> assemblies = package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(package.Value("id"), Is.EqualTo(id));
            Assert.That(package.Value("version"), Is.EqualTo(RepositoryLayout.Version));
            Assert.That(package.Value("description"), Is.Not.Empty);
            Assert.That(package.Element("license")?.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(package.Value("license"), Is.EqualTo("MIT"));
            Assert.That(package.Value("readme"), Is.EqualTo("README.md"));
            Assert.That(package.Entries, Does.Contain("README.md"));
            Assert.That(System.Text.Encoding.UTF8.GetString(package.Read("README.md")),
                Is.EqualTo(File.ReadAllText(System.IO.Path.Combine(RepositoryLayout.Root, projectFolder, "README.md"))));
            Assert.That(assemblies, Is.Not.Empty);
            foreach (string assembly in assemblies)
            {
                string documentation = assembly[..^".dll".Length] + ".xml";
                Assert.That(package.Entries, Does.Contain(documentation), "XML docs beside " + assembly);
                Assert.That(System.Text.Encoding.UTF8.GetString(package.Read(documentation)), Does.Contain("<member name=\"T:"), "documented types in " + documentation);
            }
        });
    }

    public static void AssertSymbolsPackage(string path, string assemblyName, string aSourceFile)
    {
        using PackageFile package = new(path);
        List<string> pdbs = package.Entries.Where(e => e.EndsWith("/" + assemblyName + ".pdb", StringComparison.Ordinal)).ToList();
        Assert.That(pdbs, Is.Not.Empty, "a PDB for " + assemblyName);

        using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(package.Read(pdbs[0])));
        MetadataReader reader = provider.GetMetadataReader();
        List<string> embedded = reader.Documents
            .Select(handle => (Handle: handle, Name: reader.GetString(reader.GetDocument(handle).Name)))
            .Where(document => reader.GetCustomDebugInformation(document.Handle)
                .Any(information => reader.GetGuid(reader.GetCustomDebugInformation(information).Kind) == s_embeddedSourceKind))
            .Select(document => System.IO.Path.GetFileName(document.Name.Replace('\\', '/')))
            .ToList();

        Assert.That(embedded, Does.Contain(aSourceFile), "sources embedded in " + pdbs[0]);
        Assert.That(embedded.Count, Is.EqualTo(reader.Documents.Count), "every source document is embedded");
    }
}
