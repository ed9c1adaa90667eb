using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The .NET host (<c>src/MmapNet.Host</c>): <c>dotnet pack</c> gives a library package (with the repository packages it
/// depends on) and the <c>mmapnet-host</c> dotnet tool, which installs from a local folder and runs a Python script with
/// mmap served by mmapnet.
/// </summary>
[TestFixture]
public sealed partial class HostToolTests
{
    private const string HostProjectFolder = "src/MmapNet.Host";
    private const string ToolCommandName = "mmapnet-host";

    private static readonly Lazy<HostPackages> s_packages = new(PackHost, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_tool = new(InstallTool, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How the tool runs a script, as <c>python SCRIPT</c> would, in the newest interpreter here (3.11+ for pythonnet 3.2.1).</summary>
    private static string[] RunScriptArguments(string script) => ["--python", TestInterpreters.Newest.ExecutablePath, script];

    [Test]
    public void HostLibrary_AndTheRepositoryPackagesItNeeds_HaveReadmeLicenseXmlDocsAndSymbols()
    {
        HostPackages packages = Packages();

        Assert.That(packages.LibraryProjects, Does.Contain(HostProjectFolder), "the host is packed as a library (a tool package cannot be referenced)");
        foreach (string project in packages.LibraryProjects)
        {
            string id = PackageId(project);
            using PackageFile package = new(Path.Combine(packages.Folder, $"{id}.{RepositoryLayout.Version}.nupkg"));
            PackageChecks.AssertLibraryPackage(package, id, project);
            PackageChecks.AssertSymbolsPackage(Path.Combine(packages.Folder, $"{id}.{RepositoryLayout.Version}.snupkg"), AssemblyName(project), FirstSource(project));
        }
    }

    [Test]
    public void Tool_InstallsFromALocalFolder_AndRunsAScriptWithMmapServedByMmapnet()
    {
        string tool = InstalledTool();

        CommandResult help = Command.Run(tool, ["--help"], RunScratch.NewFolder("cwd"));
        string folder = RunScratch.NewFolder("host-script");
        string script = Path.Combine(folder, "uses_mmap.py");
        File.WriteAllText(script, "import mmap\nm = mmap.mmap(-1, 16)\nm.write(b'host')\nprint(mmap.__name__, m[:4])\n");
        CommandResult run = Command.Run(tool, RunScriptArguments(script), folder, timeout: TimeSpan.FromMinutes(3));

        Assert.That(help.ExitCode, Is.Zero, help.Describe());
        Assert.That(run.ExitCode, Is.Zero, run.Describe());
        Assert.That(run.Stdout, Does.Contain("mmapnet b'host'"), run.Describe());
    }

    [Test]
    public void Tool_FromALocalFolder_RunsItsBundledPython_OnAMachineWithNoPython()
    {
        string tool = InstalledTool();
        IReadOnlyList<string> otherPythons = HiddenPaths.Existing("/usr/bin/python3*", "/usr/lib/python3*", "/usr/lib/x86_64-linux-gnu/libpython3*",
            Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"));
        List<string> hidden = otherPythons.Concat(HiddenPaths.Existing("/usr/lib/x86_64-linux-gnu/libreadline.so.8*")).ToList();
        string folder = RunScratch.NewFolder("bundled-host-script");
        string script = Path.Combine(folder, "uses_mmap.py");
        File.WriteAllText(script, "import mmap, sys\nm = mmap.mmap(-1, 16)\nm.write(b'host')\nprint(mmap.__name__, m[:4], sys.prefix)\n");

        CommandResult run = HiddenPaths.Run(tool, [script], otherPythons, folder, timeout: TimeSpan.FromMinutes(3));
        CommandResult locate = HiddenPaths.Run(tool, ["--locate"], hidden, folder, timeout: TimeSpan.FromMinutes(3));

        Assert.That(run.ExitCode, Is.Zero, run.Describe());
        Assert.That(run.Stdout, Does.Match(@"^mmapnet b'host' /.*/runtimes/linux-x64/python\n$"), run.Describe());
        Assert.That(locate.ExitCode, Is.Zero, locate.Describe());
        Assert.That(locate.Stdout, Does.Contain("from bundled MmapNet.Python.Runtime.linux-x64)\n"), locate.Describe());
        Assert.That(locate.Stdout, Does.Contain("  not importable here: readline (libreadline.so.8: cannot open shared object file: No such file or directory)\n"),
            locate.Describe());
    }

    /// <summary>The host's packages, packed once per run (the bundled Python's tests use them too).</summary>
    /// <remarks>The host is part of the repository now: a checkout without it is broken, and the pack fails saying so.</remarks>
    internal static HostPackages Packages() => s_packages.Value;

    // dotnet tool install from the local folder, once per run.
    private static string InstalledTool() => s_tool.Value;

    private static string InstallTool()
    {
        HostPackages packages = Packages();
        string tools = RunScratch.NewFolder("tools");
        Dictionary<string, string?> isolated = new() { ["NUGET_PACKAGES"] = RunScratch.NewFolder("nuget-cache") };

        Command.Dotnet(["tool", "install", packages.ToolPackageId, "--version", RepositoryLayout.Version, "--tool-path", tools, "--add-source", packages.Folder],
            RunScratch.NewFolder("cwd"), isolated);
        string tool = Path.Combine(tools, ToolCommandName);
        Assert.That(tool, Does.Exist, $"the tool's command is {ToolCommandName}");
        return tool;
    }

    private static HostPackages PackHost()
    {
        List<string> projects = Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryLayout.Root, Path.GetDirectoryName(p)!).Replace('\\', '/'))
            .ToList();
        List<string> toolProjects = projects.Where(p => ProjectText(p).Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal)).ToList();
        Assert.That(toolProjects, Has.Count.EqualTo(1), "one project under src/ packs as a dotnet tool (PackAsTool)");

        // The host library and every project of the repository it references: a consumer restores them all.
        List<string> libraries = new();
        void AddWithReferences(string project)
        {
            if (libraries.Contains(project) || toolProjects.Contains(project))
            {
                return;
            }

            libraries.Add(project);
            foreach (string reference in ProjectReferences(project))
            {
                AddWithReferences(reference);
            }
        }

        AddWithReferences(HostProjectFolder);
        string folder = PackedProjects.Pack(RunScratch.NewFolder("host-packages"), libraries.Concat(toolProjects).ToArray());

        using PackageFile toolPackage = new(Directory.GetFiles(folder, $"{PackageId(toolProjects[0])}.{RepositoryLayout.Version}.nupkg").Single());
        Assert.That(toolPackage.Element("packageTypes")?.Elements().Select(e => e.Attribute("name")?.Value), Does.Contain("DotnetTool"));
        string settings = toolPackage.Entries.Single(e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        XElement command = XDocument.Load(new MemoryStream(toolPackage.Read(settings))).Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.That(command.Attribute("Name")?.Value, Is.EqualTo(ToolCommandName));
        return new HostPackages(folder, libraries, PackageId(toolProjects[0]));
    }

    private static string ProjectText(string project) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(RepositoryLayout.Root, project), "*.csproj").Single());

    private static IEnumerable<string> ProjectReferences(string project) =>
        ProjectReferencePattern().Matches(ProjectText(project))
            .Where(m => !m.Value.Contains("ReferenceOutputAssembly=\"false\"", StringComparison.Ordinal))
            .Select(m => Path.GetRelativePath(RepositoryLayout.Root, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(RepositoryLayout.Root, project, m.Groups[1].Value)))!).Replace('\\', '/'));

    private static string PackageId(string project) =>
        Regex.Match(ProjectText(project), "<PackageId>([^<]+)</PackageId>") is { Success: true } id ? id.Groups[1].Value : AssemblyName(project);

    private static string AssemblyName(string project) =>
        Regex.Match(ProjectText(project), "<AssemblyName>([^<]+)</AssemblyName>") is { Success: true } name ? name.Groups[1].Value : Path.GetFileName(project);

    private static string FirstSource(string project) =>
        Path.GetFileName(Directory.GetFiles(Path.Combine(RepositoryLayout.Root, project), "*.cs").OrderBy(f => f, StringComparer.Ordinal).First());

    [GeneratedRegex("<ProjectReference\\s+Include=\"([^\"]+)\"[^>]*>")]
    private static partial Regex ProjectReferencePattern();

    internal sealed record HostPackages(string Folder, IReadOnlyList<string> LibraryProjects, string ToolPackageId);
}
