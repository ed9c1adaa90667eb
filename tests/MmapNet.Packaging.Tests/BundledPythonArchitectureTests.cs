using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Threading;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The bundled CPython of each runtime identifier: every ELF file of a RID's package is code for that RID's machine; a
/// program that references both packages carries both interpreters, and one published for a RID only its own; and the
/// linux-arm64 interpreter, taken out of its package, runs under qemu-aarch64 with nothing from the system but glibc.
/// </summary>
[TestFixture]
public sealed class BundledPythonArchitectureTests
{
    // e_machine of the ELF header: EM_X86_64 and EM_AARCH64.
    private const ushort MachineX8664 = 62;
    private const ushort MachineAarch64 = 183;

    private static readonly Lazy<TwoRidProgram> s_lazyTwoRidProgram = new(CreateTwoRidProgram, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_arm64Home = new(ExtractArm64Home, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_arm64Launcher = new(BuildArm64Launcher, LazyThreadSafetyMode.ExecutionAndPublication);

    [TestCase("linux-x64", MachineX8664)]
    [TestCase("linux-arm64", MachineAarch64)]
    public void EveryElfFileOfAPackage_IsCodeForItsRuntimeIdentifier(string rid, int machine)
    {
        using PackageFile package = new(BundledPythonPackages.PathOf(rid));
        using ZipArchive archive = ZipFile.OpenRead(package.Path);
        Dictionary<string, ushort> machines = new(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            if (ReadElfMachine(entry) is { } found)
            {
                machines[entry.FullName] = found;
            }
        }

        string[] wrong = machines.Where(pair => pair.Value != machine).Select(pair => $"{pair.Key} (machine {pair.Value})").ToArray();
        Assert.Multiple(() =>
        {
            // libpython, the twelve bundled libraries and the extension modules of lib-dynload.
            Assert.That(machines.Keys, Has.Count.GreaterThan(50));
            Assert.That(machines.Keys, Does.Contain($"runtimes/{rid}/python/lib/libpython3.11.so.1.0"));
            Assert.That(machines.Keys, Does.Contain($"runtimes/{rid}/python/lib/libssl.so.3"));
            Assert.That(wrong, Is.Empty, $"ELF files of {rid} that are not for machine {machine}");
        });
    }

    [Test]
    public void AProgramReferencingBothPackages_CarriesBothInterpretersWhenPortable()
    {
        TwoRidProgram program = s_lazyTwoRidProgram.Value;
        string output = Path.Combine(program.ProjectFolder, "bin", "Release", "net10.0");

        Assert.Multiple(() =>
        {
            Assert.That(Path.Combine(output, "runtimes", "linux-x64", "python", "lib", "libpython3.11.so.1.0"), Does.Exist);
            Assert.That(Path.Combine(output, "runtimes", "linux-arm64", "python", "lib", "libpython3.11.so.1.0"), Does.Exist);
            Assert.That(Path.Combine(output, "runtimes", "linux-arm64", "python", "lib", "python3.11", "os.py"), Does.Exist);
        });
    }

    // A program published for one RID cannot run the other's interpreter: it is left out, as NuGet leaves out the native
    // assets of other RIDs.
    [TestCase("linux-arm64", "linux-x64")]
    [TestCase("linux-x64", "linux-arm64")]
    public void AProgramPublishedForOneRuntimeIdentifier_CarriesOnlyItsInterpreter(string rid, string otherRid)
    {
        TwoRidProgram program = s_lazyTwoRidProgram.Value;
        string published = RunScratch.NewFolder("published-" + rid);
        // No apphost: its pack for the other architecture is not in this machine's package cache, and the test is about the
        // interpreter beside the program, not the program's launcher.
        Command.Dotnet(["publish", program.Project, "-c", "Release", "-r", rid, "--self-contained", "false", "-p:UseAppHost=false",
            "-o", published, "-nodeReuse:false"], program.Folder, program.Environment);

        Assert.Multiple(() =>
        {
            Assert.That(Path.Combine(published, "runtimes", rid, "python", "lib", "libpython3.11.so.1.0"), Does.Exist);
            Assert.That(Path.Combine(published, "runtimes", rid, "python", "python-runtime.cfg"), Does.Exist);
            Assert.That(Path.Combine(published, "runtimes", otherRid), Does.Not.Exist);
        });
    }

    // The arm64 libpython from the package, loaded by a one-function aarch64 program (Scripts/libpython_main.c) under
    // qemu-aarch64, with Debian's arm64 glibc from artifacts/arm64/root (.ci/setup) and nothing else of the system's: that
    // root has no OpenSSL, SQLite, ncurses or libuuid at all, so their modules import only through the bundle's RUNPATHs.
    // At the machine's page size and at 64 KiB pages, which patchelf's added segment must be aligned for.
    [TestCase(0)]
    [TestCase(65536)]
    public void TheArm64Interpreter_RunsUnderEmulation_WithOnlyGlibcFromTheSystem(int pageSize)
    {
        string sysroot = Path.Combine(RepositoryLayout.Root, "artifacts", "arm64", "root");
        if (!File.Exists(Path.Combine(sysroot, "lib", "aarch64-linux-gnu", "libc.so.6")))
        {
            Assert.Fail($"No arm64 glibc in {sysroot}: run .ci/setup (as root) to unpack it (docs/arm64.md).");
        }

        string home = s_arm64Home.Value;
        string launcher = s_arm64Launcher.Value;
        Dictionary<string, string?> environment = new()
        {
            ["PYTHONHOME"] = home,
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["QEMU_PAGESIZE"] = pageSize == 0 ? null : pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        const string Code = """
            import bz2, ctypes, curses, decimal, hashlib, json, lzma, mmap, platform, pyexpat, sqlite3, ssl, sys, uuid, zlib
            with open("/proc/self/maps") as maps:
                mapped = sorted({fields[5].strip() for fields in (line.split(None, 5) for line in maps) if len(fields) == 6 and ".so" in fields[5]})
            print(json.dumps({
                "prefix": sys.prefix, "machine": platform.machine(), "pagesize": mmap.PAGESIZE, "ssl": ssl.OPENSSL_VERSION,
                "sqlite": sqlite3.sqlite_version, "sha256": hashlib.sha256(b"arm64").hexdigest()[:8],
                "decimal": str(decimal.Decimal(1) / decimal.Decimal(7))[:6], "lzma": lzma.decompress(lzma.compress(b"x")).decode(),
                "ctypes": ctypes.CDLL(None).getpid() > 0, "mapped": mapped}))
            """;
        // -s: no user site-packages. Not -I or -E, which would ignore PYTHONHOME.
        CommandResult run = Command.Run("qemu-aarch64", ["-L", sysroot, launcher, Path.Combine(home, "lib", "libpython3.11.so.1.0"), "-s", "-c", Code],
            RunScratch.NewFolder("cwd"), environment, TimeSpan.FromMinutes(3));
        Assert.That(run.ExitCode, Is.Zero, run.Describe());

        using JsonDocument report = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]);
        JsonElement root = report.RootElement;
        string[] mapped = root.GetProperty("mapped").EnumerateArray().Select(element => element.GetString()!).ToArray();
        string[] glibc = ["ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6"];
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("prefix").GetString(), Is.EqualTo(home), "sys.prefix");
            Assert.That(root.GetProperty("machine").GetString(), Is.EqualTo("aarch64"));
            Assert.That(root.GetProperty("pagesize").GetInt32(), pageSize == 0 ? Is.GreaterThanOrEqualTo(4096) : Is.EqualTo(pageSize));
            Assert.That(root.GetProperty("ssl").GetString(), Does.StartWith("OpenSSL 3."));
            Assert.That(root.GetProperty("sqlite").GetString(), Does.StartWith("3."));
            Assert.That(root.GetProperty("sha256").GetString(), Is.EqualTo("f6916295"));
            Assert.That(root.GetProperty("decimal").GetString(), Is.EqualTo("0.1428"));
            Assert.That(root.GetProperty("lzma").GetString(), Is.EqualTo("x"));
            Assert.That(root.GetProperty("ctypes").GetBoolean(), Is.True);
            Assert.That(mapped, Does.Contain(Path.Combine(home, "lib", "libpython3.11.so.1.0")), "the bundle's libpython is the one running");
            foreach (string library in new[] { "libssl.so.3", "libcrypto.so.3", "libsqlite3.so.0", "libncursesw.so.6", "libuuid.so.1", "libffi.so.8", "liblzma.so.5", "libbz2.so.1.0" })
            {
                Assert.That(mapped, Does.Contain(Path.Combine(home, "lib", library)), library + " from the bundle");
            }

            Assert.That(mapped.Where(path => !path.StartsWith(home + "/", StringComparison.Ordinal) && !glibc.Contains(Path.GetFileName(path))),
                Is.Empty, "nothing but glibc from outside the bundle");
        });
    }

    // runtimes/linux-arm64/python of the package, as NuGet would unpack it.
    private static string ExtractArm64Home()
    {
        const string Prefix = "runtimes/linux-arm64/python/";
        string target = RunScratch.NewFolder("arm64-package");
        using ZipArchive archive = ZipFile.OpenRead(BundledPythonPackages.PathOf("linux-arm64"));
        foreach (ZipArchiveEntry entry in archive.Entries.Where(e => e.FullName.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            string file = Path.Combine(target, entry.FullName[Prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            entry.ExtractToFile(file);
        }

        return target;
    }

    private static string BuildArm64Launcher()
    {
        string launcher = Path.Combine(RunScratch.NewFolder("arm64-launcher"), "libpython_main");
        Command.RunChecked("aarch64-linux-gnu-gcc", ["-O2", "-o", launcher, RepositoryLayout.Script("libpython_main.c"), "-ldl"]);
        return launcher;
    }

    // The machine of a 64-bit little-endian ELF file, or null for any other file.
    private static ushort? ReadElfMachine(ZipArchiveEntry entry)
    {
        if (entry.Length < 20)
        {
            return null;
        }

        using Stream stream = entry.Open();
        byte[] header = new byte[20];
        stream.ReadExactly(header);
        if (header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            return null;
        }

        // ELFCLASS64 and ELFDATA2LSB: anything else is a wrong file for either RID, reported as machine 0.
        return header[4] == 2 && header[5] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18, 2)) : (ushort)0;
    }

    // A console project that references both packages from the folder the script packed them into.
    private static TwoRidProgram CreateTwoRidProgram()
    {
        string folder = RunScratch.NewFolder("two-rids");
        string project = Path.Combine(folder, "TwoRids", "TwoRids.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="runtime" value="{BundledPythonPackages.Folder}" />
                <add key="machine" value="{BundledPythonPackages.MachinePackageCache}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="runtime"><package pattern="MmapNet.Python.Runtime.*" /></packageSource>
                <packageSource key="machine"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{BundledPythonPackages.PackageIdPrefix}linux-x64" Version="{RepositoryLayout.Version}" />
                <PackageReference Include="{BundledPythonPackages.PackageIdPrefix}linux-arm64" Version="{RepositoryLayout.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "TwoRids", "Program.cs"), "System.Console.WriteLine(\"two rids\");\n");

        // A private package cache: a package cached by an earlier run must not stand in for the one just packed.
        Dictionary<string, string?> environment = new()
        {
            ["NUGET_PACKAGES"] = RunScratch.NewFolder("two-rids-nuget-cache"),
            ["DOTNET_CLI_HOME"] = RunScratch.NewFolder("two-rids-dotnet-home"),
        };
        Command.Dotnet(["build", project, "-c", "Release", "-nodeReuse:false"], folder, environment);
        return new TwoRidProgram(folder, project, Path.GetDirectoryName(project)!, environment);
    }

    private sealed record TwoRidProgram(string Folder, string Project, string ProjectFolder, IReadOnlyDictionary<string, string?> Environment);
}

/// <summary>
/// The MmapNet.Python.Runtime.&lt;rid&gt; packages, packed once per test run by the repository's script with no --rid
/// (every RID it knows), into one folder.
/// </summary>
internal static class BundledPythonPackages
{
    /// <summary>
    /// This machine's NuGet package folder, a source for a scratch program's other packages (its own cache stays
    /// empty, so that the packages under test come from their folders).
    /// </summary>
    public static string MachinePackageCache => Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public const string PackageIdPrefix = "MmapNet.Python.Runtime.";

    private static readonly Lazy<string> s_lazyFolder = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => s_lazyFolder.Value;

    /// <summary>The package of one RID; a failed test when the script did not make it.</summary>
    public static string PathOf(string rid)
    {
        string path = Path.Combine(Folder, $"{PackageIdPrefix}{rid}.{RepositoryLayout.Version}.nupkg");
        Assert.That(path, Does.Exist, "build-python-runtime.sh pack made the package of " + rid);
        return path;
    }

    private static string Pack()
    {
        string folder = RunScratch.NewFolder("runtime-packages");
        Command.RunChecked(
            Path.Combine(RepositoryLayout.Root, "src", "MmapNet.Python.Runtime", "build-python-runtime.sh"), ["pack", "--output", folder],
            RepositoryLayout.Root, timeout: TimeSpan.FromMinutes(15));
        return folder;
    }
}
