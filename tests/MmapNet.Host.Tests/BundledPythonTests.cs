using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>
/// The CPython of MmapNet.Python.Runtime that mmapnet-host carries: where the locator puts it among the other Pythons, its
/// start-up checks (each failure a message naming what is missing, before libpython runs), and the host running it.
/// The locator tests run in this process with the host's folder as the program's folder; the copies they break are made
/// of links to the real files.
/// </summary>
[TestFixture]
public sealed class BundledPythonTests
{
    private static readonly string s_hostFolder = RepositoryLayout.BuildFolder("MmapNet.Host.Tool");
    private static readonly string s_bundledHome = Path.Combine(s_hostFolder, "runtimes", "linux-x64", "python");
    private static readonly string s_bundledLibrary = Path.Combine(s_bundledHome, "lib", "libpython3.11.so.1.0");
    private const string BundledOrigin = "bundled MmapNet.Python.Runtime.linux-x64";

    private string _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("mmapnet-bundled-").FullName;

    [TearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void TheHostsFolderHasTheBundledPython()
    {
        BundledPython? bundled = BundledPython.Find(s_hostFolder);
        Assert.That(bundled, Is.Not.Null, $"no {BundledPython.ManifestFileName} in {s_bundledHome}");
        Assert.That(bundled!.Home, Is.EqualTo(s_bundledHome));
        Assert.That(bundled.LibraryPath, Is.EqualTo(s_bundledLibrary));
        Assert.That(bundled.Version.ToString(2), Is.EqualTo("3.11"));
        Assert.That(bundled.PackageId, Is.EqualTo("MmapNet.Python.Runtime.linux-x64"));
        Assert.That(bundled.MinimumGlibcVersion, Is.GreaterThanOrEqualTo(new Version(2, 34)));
        Assert.That(bundled.SystemLibraries.Select(library => library.Name), Does.Contain("libreadline.so.8"), "GNU readline is left to the system");
        Assert.That(bundled.SystemLibraries.Where(library => library.Required), Is.Empty, "libpython needs nothing but glibc from the system");
    }

    [Test]
    public void WithNothingAskedForTheBundledPythonIsUsedWithItsHome()
    {
        string root = PyenvWithGlobalVersion();
        File.WriteAllText(Path.Combine(_scratch, ".python-version"), "3.12.1\n");
        LocatedPython located = Locator(s_hostFolder, ("PYENV_ROOT", root)).Locate();
        Assert.That(located.Origin, Is.EqualTo(BundledOrigin), "before pyenv's own choice and the system's libpython");
        Assert.That(located.LibraryPath, Is.EqualTo(s_bundledLibrary));
        Assert.That(located.Home, Is.EqualTo(s_bundledHome));
        Assert.That(located.ExecutablePath, Is.Null, "no python executable is bundled");
    }

    [Test]
    public void WhatIsAskedForComesBeforeTheBundledPython()
    {
        PythonInterpreter pyenv = TestInterpreters.Embeddable.Last(IsPyenv);
        PythonInterpreter other = TestInterpreters.Embeddable.First(IsPyenv);
        string root = PyenvWithGlobalVersion();

        LocatedPython requested = Locator(s_hostFolder, ("PYTHONNET_PYDLL", other.LibPythonPath)).Locate(pyenv.LibPythonPath);
        LocatedPython variable = Locator(s_hostFolder, ("PYTHONNET_PYDLL", pyenv.LibPythonPath)).Locate();
        LocatedPython pyenvVersion = Locator(s_hostFolder, ("PYENV_ROOT", root), ("PYENV_VERSION", pyenv.Version.ToString(3))).Locate();

        Assert.That(requested.LibraryPath, Is.EqualTo(pyenv.LibPythonPath));
        Assert.That(variable.LibraryPath, Is.EqualTo(pyenv.LibPythonPath));
        Assert.That(pyenvVersion.Origin, Is.EqualTo($"pyenv {pyenv.Version.ToString(3)} (PYENV_VERSION)"));
        Assert.That(new[] { requested, variable, pyenvVersion }.Select(located => located.Home), Is.All.Null, "an installed Python finds its own home");
    }

    [Test]
    public void WithoutABundledPythonTheSearchGoesOnAndSaysWhereItLooked()
    {
        string root = PyenvWithGlobalVersion();
        LocatedPython located = Locator(_scratch, ("PYENV_ROOT", root)).Locate();
        Assert.That(located.Origin, Does.StartWith("pyenv "));

        PythonLocator nothingElse = new(name => name == "HOME" ? _scratch : null, _scratch, [], _scratch);
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => nothingElse.Locate())!;
        Assert.That(error.PlacesTried, Does.Contain(
            $"bundled: no {Path.Combine(_scratch, "runtimes", "linux-x64", "python", BundledPython.ManifestFileName)} " +
            "(reference the MmapNet.Python.Runtime.linux-x64 package to have one)"));
    }

    [Test]
    public void NamingTheBundledLibraryGivesItsHomeToo()
    {
        LocatedPython located = Locator(_scratch).Locate(s_bundledLibrary);
        Assert.That(located.Origin, Is.EqualTo("--python"));
        Assert.That(located.Home, Is.EqualTo(s_bundledHome));
    }

    [Test]
    public void BundledByNameIsTheBundledPythonOrAnError()
    {
        LocatedPython located = Locator(s_hostFolder, ("PYTHONNET_PYDLL", TestInterpreters.Embeddable[0].LibPythonPath)).Locate(PythonLocator.BundledName);
        Assert.That(located.Home, Is.EqualTo(s_bundledHome));

        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator(_scratch).Locate(PythonLocator.BundledName))!;
        Assert.That(error.Message, Does.StartWith("--python asks for the bundled Python, and there is none: no "));
    }

    [TestCase("glibc", "needs glibc 99.0 or newer; this system has glibc 2.")]
    [TestCase("standard library", "is incomplete: {home}/lib/python3.11/encodings/__init__.py is missing. Build or publish the program again")]
    [TestCase("required library", "needs libmmapnet-test-missing.so.1 from the system, which cannot be loaded: libmmapnet-test-missing.so.1: cannot open shared object file")]
    public void AnUnusableBundledPythonIsAnErrorThatNamesWhatIsMissing(string broken, string message)
    {
        string home = BrokenCopy(broken);
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator(_scratch).Locate())!;
        Assert.That(error.Message, Does.StartWith($"The bundled Python (Python 3.11."));
        Assert.That(error.Message, Does.Contain(message.Replace("{home}", home, StringComparison.Ordinal)));
    }

    [Test]
    public void TheHostRunsTheBundledPythonWhenNothingIsAskedFor()
    {
        ChildResult result = ChildProcess.Run(
            RepositoryLayout.HostTool,
            ["-c", "import mmap, os, sys; print(sys.prefix); print(sys.executable); print(os.__file__); print(mmap.__name__)"],
            new Dictionary<string, string?> { ["PYENV_VERSION"] = null });
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout.Split('\n'), Is.EqualTo(new[]
        {
            s_bundledHome,
            RepositoryLayout.HostTool,
            Path.Combine(s_bundledHome, "lib", "python3.11", "os.py"),
            "mmapnet",
            string.Empty,
        }), result.ToString());
    }

    [Test]
    public void APythonHomeSetForAnotherPythonDoesNotMisleadTheBundledOne()
    {
        ChildResult result = ChildProcess.Run(
            RepositoryLayout.HostTool,
            ["--python", PythonLocator.BundledName, "-c", "import os, sys; print(sys.prefix); print(os.__file__)"],
            new Dictionary<string, string?> { ["PYTHONHOME"] = "/usr" });
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Is.EqualTo($"{s_bundledHome}\n{Path.Combine(s_bundledHome, "lib", "python3.11", "os.py")}\n"), result.ToString());
    }

    [Test]
    public void LocateWithNoSettingAtAllFindsTheBundledPython()
    {
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--locate"], new Dictionary<string, string?> { ["PYENV_VERSION"] = null });
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.StartWith($"Python 3.11.").And.Contain($"({s_bundledLibrary}, from {BundledOrigin})\n"), result.ToString());
    }

    // A program folder whose bundled Python is the host's, links to its files, with one thing broken.
    private string BrokenCopy(string broken)
    {
        string home = Directory.CreateDirectory(Path.Combine(_scratch, "runtimes", "linux-x64", "python")).FullName;
        string stdlib = Directory.CreateDirectory(Path.Combine(home, "lib", "python3.11")).FullName;
        File.CreateSymbolicLink(Path.Combine(home, "lib", "libpython3.11.so.1.0"), s_bundledLibrary);
        foreach (string entry in Directory.EnumerateFileSystemEntries(Path.Combine(s_bundledHome, "lib", "python3.11")))
        {
            string name = Path.GetFileName(entry);
            if (!(broken == "standard library" && name == "encodings"))
            {
                File.CreateSymbolicLink(Path.Combine(stdlib, name), entry);
            }
        }

        List<string> manifest = File.ReadAllLines(Path.Combine(s_bundledHome, BundledPython.ManifestFileName)).ToList();
        if (broken == "glibc")
        {
            manifest = manifest.Select(line => line.StartsWith("minimum-glibc =", StringComparison.Ordinal) ? "minimum-glibc = 99.0" : line).ToList();
        }
        else if (broken == "required library")
        {
            manifest.Add("system-library = libmmapnet-test-missing.so.1 required lib/libpython3.11.so.1.0");
        }

        File.WriteAllLines(Path.Combine(home, BundledPython.ManifestFileName), manifest);
        return home;
    }

    // A pyenv root with the pyenv versions here, the global version file naming the oldest.
    private string PyenvWithGlobalVersion()
    {
        string root = Path.Combine(_scratch, "pyenv");
        string versions = Directory.CreateDirectory(Path.Combine(root, "versions")).FullName;
        PythonInterpreter[] pyenv = TestInterpreters.Embeddable.Where(IsPyenv).ToArray();
        foreach (PythonInterpreter interpreter in pyenv)
        {
            Directory.CreateSymbolicLink(Path.Combine(versions, interpreter.Version.ToString(3)), Path.GetDirectoryName(Path.GetDirectoryName(interpreter.LibPythonPath!)!)!);
        }

        File.WriteAllText(Path.Combine(root, "version"), pyenv[0].Version.ToString(3) + "\n");
        return root;
    }

    // Only the variables given, and the system's libpython in reach: the bundled Python must come before it.
    private PythonLocator Locator(string applicationFolder, params (string Name, string? Value)[] variables)
    {
        Dictionary<string, string?> values = variables.ToDictionary(v => v.Name, v => v.Value);
        values.TryAdd("HOME", _scratch);
        values.TryAdd("PYENV_ROOT", Path.Combine(_scratch, "no-pyenv"));
        return new PythonLocator(name => values.GetValueOrDefault(name), _scratch, PythonLocator.DefaultSystemLibraryFolders, applicationFolder);
    }

    private static bool IsPyenv(PythonInterpreter interpreter) => interpreter.Label.EndsWith("-pyenv", StringComparison.Ordinal);
}
