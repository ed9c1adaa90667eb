using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// MmapNet.Python.Runtime.linux-x64 and .linux-arm64, the NuGet packages of Debian's CPython, as a .NET user gets them:
/// packed by the repository's script; the x86-64 one added with MmapNet.Host to a console project made by
/// <c>dotnet new</c>, and run on a machine without any other Python (every other interpreter, libpython and standard library hidden from the process), where the
/// program shares a map with Python. And what happens there when a library is missing.
/// </summary>
[TestFixture]
public sealed class BundledPythonPackageTests
{
    private const string RuntimePackageId = "MmapNet.Python.Runtime.linux-x64";
    private const string PythonHome = "runtimes/linux-x64/python";

    private static readonly Lazy<ConsoleProgram> s_program = new(CreateConsoleProgram, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string s_pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } root
        ? root
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");

    // What a machine with no Python lacks: the system's interpreter, libpython and standard library, pyenv.
    private static IReadOnlyList<string> OtherPythons() => HiddenPaths.Existing(
        "/usr/bin/python3*",
        "/usr/local/bin/python3*",
        "/usr/lib/python3*",
        "/usr/local/lib/python3*",
        "/usr/lib/x86_64-linux-gnu/libpython3*",
        "/usr/local/lib/libpython3*",
        s_pyenvRoot);

    // Each RID's package carries the same Debian release for its architecture, with the same bundled libraries.
    [TestCase("linux-x64", "x86_64-linux-gnu")]
    [TestCase("linux-arm64", "aarch64-linux-gnu")]
    public void RuntimePackage_CarriesPythonItsLicensesAndWhatItNeedsFromTheSystem(string rid, string triplet)
    {
        string packageId = BundledPythonPackages.PackageIdPrefix + rid;
        string pythonHome = $"runtimes/{rid}/python";
        using PackageFile package = new(BundledPythonPackages.PathOf(rid));
        // "key = value" lines, as in pyvenv.cfg.
        List<(string Key, string Value)> manifest = Encoding.UTF8.GetString(package.Read($"{pythonHome}/python-runtime.cfg")).Split('\n')
            .Where(line => !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => (Key: line[..line.IndexOf('=', StringComparison.Ordinal)].Trim(), Value: line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        string[] Values(string key) => manifest.Where(entry => entry.Key == key).Select(entry => entry.Value).ToArray();
        List<string> debianPackages = Values("debian-packages").Single().Split(' ').Select(package => package[..package.IndexOf('=', StringComparison.Ordinal)]).ToList();
        List<string> bundled = Values("bundled-libraries").Single().Split(' ').ToList();
        string stdlib = $"{pythonHome}/lib/python3.11";
        TestContext.Out.WriteLine($"{Path.GetFileName(package.Path)}: {new FileInfo(package.Path).Length} bytes, {package.Entries.Count} entries");

        Assert.Multiple(() =>
        {
            Assert.That(package.Value("id"), Is.EqualTo(packageId));
            Assert.That(package.Value("version"), Is.EqualTo(RepositoryLayout.Version));
            Assert.That(package.Element("license")?.Attribute("type")?.Value, Is.EqualTo("file"));
            Assert.That(package.Value("license"), Is.EqualTo("LICENSE.txt"));
            Assert.That(Encoding.UTF8.GetString(package.Read("LICENSE.txt")), Does.Contain("Python Software Foundation License Version 2"));
            Assert.That(Encoding.UTF8.GetString(package.Read("README.md")),
                Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", "MmapNet.Python.Runtime", "README.md"))));
            Assert.That(package.Element("dependencies"), Is.Null, "the package needs no other");
            Assert.That(package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), Is.Empty, "no assembly");
            Assert.That(package.Entries, Does.Contain($"buildTransitive/{packageId}.targets"));
            Assert.That(package.Entries.Where(e => e.StartsWith("runtimes/", StringComparison.Ordinal) && !e.StartsWith(pythonHome + "/", StringComparison.Ordinal)),
                Is.Empty, "only its own RID's interpreter");

            Assert.That(Values("version").Single(), Does.StartWith("3.11."));
            Assert.That(Values("runtime-identifier").Single(), Is.EqualTo(rid));
            Assert.That(debianPackages, Is.SupersetOf(new[] { "libpython3.11", "libpython3.11-stdlib", "libpython3.11-minimal" }));
            foreach (string debianPackage in debianPackages)
            {
                Assert.That(package.Entries, Does.Contain($"{pythonHome}/share/doc/{debianPackage}/copyright"), "Debian's copyright file of " + debianPackage);
            }

            Assert.That(package.Entries, Does.Contain($"{stdlib}/LICENSE.txt"), "Python's license");
            Assert.That(package.Entries, Does.Contain($"{pythonHome}/lib/libpython3.11.so.1.0"));
            Assert.That(package.Entries, Does.Contain($"{stdlib}/encodings/__init__.py"));
            Assert.That(package.Entries, Does.Contain($"{stdlib}/__pycache__/os.cpython-311.pyc"), "the standard library's bytecode");
            Assert.That(package.Entries, Does.Contain($"{stdlib}/lib-dynload/_ssl.cpython-311-{triplet}.so"));
            Assert.That(bundled, Is.SupersetOf(new[] { "lib/libexpat.so.1", "lib/libz.so.1", "lib/libffi.so.8", "lib/libssl.so.3", "lib/libcrypto.so.3",
                "lib/libbz2.so.1.0", "lib/liblzma.so.5", "lib/libsqlite3.so.0", "lib/libuuid.so.1", "lib/libncursesw.so.6" }));
            foreach (string library in bundled)
            {
                Assert.That(package.Entries, Does.Contain($"{pythonHome}/{library}"));
            }

            Assert.That(Version.Parse(Values("minimum-glibc").Single()), Is.GreaterThanOrEqualTo(new Version(2, 34)));
            Assert.That(Values("system-library").Select(value => value.Split(' ')[0]), Does.Contain("libreadline.so.8"));
            Assert.That(Values("system-library").Where(value => value.Split(' ')[1] == "required"), Is.Empty,
                "libpython needs nothing from the system but glibc");
        });
    }

    [Test]
    public void AFreshConsoleProgram_WithThePackages_RunsPythonAndSharesAMap_OnAMachineWithNoPython()
    {
        ConsoleProgram program = s_program.Value;
        CommandResult run = program.Run(OtherPythons());
        AssertRanOnTheBundledPython(run, program.OutputFolder, program.Executable);
    }

    [Test]
    public void APublishedProgram_CarriesItsPythonToo()
    {
        ConsoleProgram program = s_program.Value;
        string published = RunScratch.NewFolder("published");
        Command.Dotnet(["publish", program.Project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", published, "-nodeReuse:false"],
            program.Folder, program.Environment);
        string executable = Path.Combine(published, "Consumer");

        CommandResult run = HiddenPaths.Run(executable, [], OtherPythons(), program.Folder, program.Environment, TimeSpan.FromMinutes(3));
        AssertRanOnTheBundledPython(run, published, executable);
    }

    [Test]
    public void AMissingSystemLibrary_KeepsOnlyTheModulesThatNeedItFromImporting_AndIsNamed()
    {
        ConsoleProgram program = s_program.Value;
        List<string> hidden = OtherPythons().Concat(HiddenPaths.Existing("/usr/lib/x86_64-linux-gnu/libreadline.so.8*")).ToList();
        CommandResult run = program.Run(hidden, "import readline");

        Assert.That(run.ExitCode, Is.Zero, run.Describe());
        Assert.That(run.Stdout, Does.Contain("map: temperature=22"), run.Describe());
        Assert.That(run.Stdout, Does.Contain("python error: ImportError: libreadline.so.8: cannot open shared object file: No such file or directory"), run.Describe());
    }

    [Test]
    public void AMissingRequiredLibrary_IsNamedBeforePythonStarts()
    {
        ConsoleProgram program = s_program.Value;

        // The program's copy without the bundled expat, on a system without it either.
        string copy = RunScratch.NewFolder("without-expat");
        CopyFolder(program.OutputFolder, copy);
        File.Delete(Path.Combine(copy, PythonHome, "lib", "libexpat.so.1"));
        List<string> hidden = OtherPythons().Concat(HiddenPaths.Existing("/usr/lib/x86_64-linux-gnu/libexpat.so.1*")).ToList();
        CommandResult run = HiddenPaths.Run(Path.Combine(copy, "Consumer"), [], hidden, program.Folder, program.Environment, TimeSpan.FromMinutes(3));

        Assert.That(run.ExitCode, Is.EqualTo(ConsoleProgram.CannotLocateExitCode), run.Describe());
        Assert.That(run.Stderr, Does.Contain($"The bundled Python (Python 3.11.").And.Contain(
            "cannot be loaded: libexpat.so.1: cannot open shared object file: No such file or directory"), run.Describe());
        Assert.That(run.Stderr, Does.Not.Contain("Fatal Python error"), run.Describe());
    }

    private static void AssertRanOnTheBundledPython(CommandResult run, string outputFolder, string executable)
    {
        string home = Path.Combine(outputFolder, PythonHome);
        List<string> lines = run.Stdout.Split('\n').Where(line => line.Length > 0).ToList();
        string Value(string key) => lines.SingleOrDefault(line => line.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..] ?? "(not printed)";

        TestContext.Out.WriteLine(run.Stdout);
        Assert.That(run.ExitCode, Is.Zero, run.Describe());
        Assert.Multiple(() =>
        {
            Assert.That(Value("other pythons"), Is.EqualTo("[]"), "the process sees no other Python");
            Assert.That(Value("origin"), Is.EqualTo("bundled " + RuntimePackageId));
            Assert.That(Value("prefix"), Is.EqualTo(home), "sys.prefix");
            Assert.That(Value("executable"), Is.EqualTo(executable), "sys.executable is the program");
            Assert.That(Value("os"), Is.EqualTo(Path.Combine(home, "lib", "python3.11", "os.py")));
            Assert.That(Value("ssl"), Does.StartWith("OpenSSL 3."), "an extension module with a bundled library");
            Assert.That(Value("map"), Is.EqualTo("temperature=22"), "Python changed the map C# made");
            string[] mapped = Value("mapped python files").Split('|');
            Assert.That(mapped, Has.Some.EqualTo(Path.Combine(home, "lib", "libpython3.11.so.1.0")));
            Assert.That(mapped, Has.All.StartWith(outputFolder + "/"), "no Python file from elsewhere is loaded");
        });
    }

    // dotnet new console, dotnet add package (the repository's packages from local folders; pythonnet from this machine's
    // NuGet cache), a Program.cs that embeds Python, dotnet build.
    private static ConsoleProgram CreateConsoleProgram()
    {
        string folder = RunScratch.NewFolder("console");
        string project = Path.Combine(folder, "Consumer");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="host" value="{HostToolTests.Packages().Folder}" />
                <add key="runtime" value="{BundledPythonPackages.Folder}" />
                <add key="machine" value="{BundledPythonPackages.MachinePackageCache}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="host"><package pattern="MmapNet" /><package pattern="MmapNet.*" /></packageSource>
                <packageSource key="runtime"><package pattern="MmapNet.Python.Runtime.*" /></packageSource>
                <packageSource key="machine"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        // A private package cache: a package cached by an earlier run must not stand in for the one just packed.
        Dictionary<string, string?> environment = new()
        {
            ["NUGET_PACKAGES"] = RunScratch.NewFolder("console-nuget-cache"),
            ["HOME"] = RunScratch.NewFolder("console-home"),
            ["DOTNET_CLI_HOME"] = RunScratch.NewFolder("console-dotnet-home"),
            // pyenv where it is on this machine, hidden from the runs: the program's check below looks there.
            ["PYENV_ROOT"] = s_pyenvRoot,
            ["PYENV_VERSION"] = null,
        };
        Command.Dotnet(["new", "console", "--name", "Consumer", "--output", project, "--framework", "net10.0"], folder, environment);
        Command.Dotnet(["add", Path.Combine(project, "Consumer.csproj"), "package", "MmapNet.Host", "--version", RepositoryLayout.Version], folder, environment);
        Command.Dotnet(["add", Path.Combine(project, "Consumer.csproj"), "package", RuntimePackageId, "--version", RepositoryLayout.Version], folder, environment);
        File.WriteAllText(Path.Combine(project, "Program.cs"), ConsoleProgram.Source);
        Command.Dotnet(["build", Path.Combine(project, "Consumer.csproj"), "-c", "Release", "-nodeReuse:false"], folder, environment);

        string output = Path.Combine(project, "bin", "Release", "net10.0");
        return new ConsoleProgram(folder, Path.Combine(project, "Consumer.csproj"), output, Path.Combine(output, "Consumer"), environment);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
        }
    }

    private sealed record ConsoleProgram(
        string Folder, string Project, string OutputFolder, string Executable, IReadOnlyDictionary<string, string?> Environment)
    {
        public const int CannotLocateExitCode = 3;

        // What a user writes: find Python (no setting at all), start it, share a map. It also prints what the test checks:
        // where Python came from, and every mapped file with "python" in its path.
        public const string Source = """"
            using System.Text;
            using MmapNet;
            using MmapNet.Host;
            using Python.Runtime;

            LocatedPython python;
            try
            {
                python = new PythonLocator().Locate();
            }
            catch (PythonLocatorException error)
            {
                Console.Error.WriteLine(error.Message);
                return 3;
            }

            Console.WriteLine($"origin: {python.Origin}");
            using EmbeddedPython embedded = EmbeddedPython.Start(python);
            using MemoryMap map = MemoryMap.CreateAnonymous(64);
            map.WriteAt(0, "temperature=21"u8);
            using (Py.GIL())
            {
                using PyModule scope = Py.CreateScope();
                scope.Set("m", map);
                scope.Set("extra", args.Length > 0 ? args[0] : "");
                scope.Exec("""
                    import glob, os, re, ssl, sys
                    found = re.search(rb"temperature=(\d+)", m)
                    m[found.start(1):found.end(1)] = b"%d" % (int(found[1]) + 1)
                    print("prefix:", sys.prefix)
                    print("executable:", sys.executable)
                    print("os:", os.__file__)
                    print("ssl:", ssl.OPENSSL_VERSION)
                    places = ["/usr/bin/python3*", "/usr/local/bin/python3*", "/usr/lib/python3*/*", "/usr/lib/*/libpython3*",
                              "/usr/local/lib/python3*/*", os.path.join(os.environ.get("PYENV_ROOT", "~/.pyenv"), "versions", "*")]
                    print("other pythons:", sorted(path for place in places for path in glob.glob(place)))
                    with open("/proc/self/maps") as maps:
                        mapped = {fields[5].strip() for fields in (line.split(None, 5) for line in maps) if len(fields) == 6}
                    print("mapped python files:", "|".join(sorted(path for path in mapped if "python" in path.lower())))
                    if extra:
                        try:
                            exec(extra)
                        except Exception as error:
                            print("python error: %s: %s" % (type(error).__name__, error))
                    """);
            }

            byte[] text = new byte[14];
            map.ReadAt(0, text);
            Console.WriteLine($"map: {Encoding.ASCII.GetString(text)}");
            return 0;
            """";

        public CommandResult Run(IReadOnlyList<string> hidden, params string[] arguments) =>
            HiddenPaths.Run(Executable, arguments, hidden, Folder, Environment, TimeSpan.FromMinutes(3));
    }
}
