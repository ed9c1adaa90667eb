using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>
/// The locator, in this process (it only loads libraries to read their versions): explicit requests, PYTHONNET_PYDLL, pyenv's
/// selection and the newest-first fallback, the system library, and the error that lists every place tried.
/// </summary>
[TestFixture]
public sealed class PythonLocatorTests
{
    private string _scratch = null!;

    private static IEnumerable<TestCaseData> Interpreters() => TestInterpreters.Cases();

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("mmapnet-locator-").FullName;

    [TearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void EveryVersionPythonnetSupportsIsHere()
    {
        // The per-interpreter tests are only as good as the interpreters they run on.
        IEnumerable<Version> minors = TestInterpreters.Embeddable.Select(i => new Version(i.Version.Major, i.Version.Minor)).Distinct();
        Assert.That(minors, Is.SupersetOf(PythonLocator.SupportedVersions));
    }

    [Test]
    public void SupportedVersionsAreTheEmbeddableOnesOfDirectoryBuildProps()
    {
        Assert.That(PythonLocator.SupportedVersions, Is.EqualTo(PythonVersions.Embeddable));
        Assert.That(
            PythonLocator.SupportedVersionsText,
            Is.EqualTo(string.Join(", ", PythonVersions.Embeddable.SkipLast(1).Select(v => v.ToString(2))) + " and " + PythonVersions.NewestSupported.ToString(2)));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void ExplicitLibraryIsUsedWithItsInterpreter(PythonInterpreter interpreter)
    {
        LocatedPython located = Locator().Locate(interpreter.LibPythonPath);
        Assert.That(located.LibraryPath, Is.EqualTo(interpreter.LibPythonPath));
        Assert.That(located.Version, Is.EqualTo(interpreter.Version));
        Assert.That(located.ExecutablePath, Is.EqualTo(interpreter.ExecutablePath), "sys.executable is the interpreter's");
        Assert.That(located.Origin, Is.EqualTo("--python"));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void ExplicitInterpreterIsUsedThroughItsLibrary(PythonInterpreter interpreter)
    {
        LocatedPython located = Locator().Locate(interpreter.ExecutablePath);
        Assert.That(located.LibraryPath, Is.EqualTo(interpreter.LibPythonPath));
        Assert.That(located.Version, Is.EqualTo(interpreter.Version));
        Assert.That(located.ExecutablePath, Is.EqualTo(interpreter.ExecutablePath));
    }

    [Test]
    public void VariableIsUsedWhenNothingIsRequested()
    {
        PythonInterpreter interpreter = TestInterpreters.Embeddable[^1];
        LocatedPython located = Locator(("PYTHONNET_PYDLL", interpreter.LibPythonPath)).Locate();
        Assert.That(located.LibraryPath, Is.EqualTo(interpreter.LibPythonPath));
        Assert.That(located.Origin, Is.EqualTo("PYTHONNET_PYDLL"));
    }

    [Test]
    public void RequestWinsOverVariable()
    {
        PythonInterpreter requested = TestInterpreters.Embeddable[0];
        PythonInterpreter variable = TestInterpreters.Embeddable[^1];
        LocatedPython located = Locator(("PYTHONNET_PYDLL", variable.LibPythonPath)).Locate(requested.LibPythonPath);
        Assert.That(located.LibraryPath, Is.EqualTo(requested.LibPythonPath));
    }

    [Test]
    public void MissingRequestIsAnErrorNamingIt()
    {
        string missing = Path.Combine(_scratch, "libpython3.12.so.1.0");
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator().Locate(missing))!;
        Assert.That(error.Message, Does.Contain(missing).And.Contain("does not exist").And.Contain("--python"));
    }

    [Test]
    public void UnusableVariableIsAnErrorNamingIt()
    {
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator(("PYTHONNET_PYDLL", "/nonexistent/libpython3.12.so")).Locate())!;
        Assert.That(error.Message, Does.Contain("PYTHONNET_PYDLL '/nonexistent/libpython3.12.so': does not exist"));
    }

    [Test]
    public void FileThatIsNotALibpythonIsRefused()
    {
        string notPython = Path.Combine(_scratch, "libpython3.12.so.1.0");
        File.WriteAllText(notPython, "not a library");
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator().Locate(notPython))!;
        Assert.That(error.Message, Does.Contain("cannot be loaded as a shared library"));
    }

    [Test]
    public void Python310LibraryIsRefusedNamingTheSupportedVersions()
    {
        PythonInterpreter python310 = TestInterpreters.Python310;
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator().Locate(python310.LibPythonPath))!;
        Assert.That(error.Message, Does.Contain($"is Python {python310.Version.ToString(3)}, which pythonnet does not support (it supports Python {PythonLocator.SupportedVersionsText})"));
    }

    [Test]
    public void Python310InterpreterIsRefusedNamingTheSupportedVersions()
    {
        PythonInterpreter python310 = TestInterpreters.Python310;
        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => Locator().Locate(python310.ExecutablePath))!;
        Assert.That(error.Message, Does.Contain($"is Python {python310.Version.ToString(3)}").And.Contain(PythonLocator.SupportedVersionsText));
    }

    [Test]
    public void PyenvGlobalVersionIsTheDefault()
    {
        PythonInterpreter chosen = TestInterpreters.Embeddable.First(IsPyenv);
        string root = FakePyenv(TestInterpreters.Embeddable.Where(IsPyenv));
        File.WriteAllText(Path.Combine(root, "version"), $"{VersionFolder(chosen)}\n");
        LocatedPython located = Locator(("PYENV_ROOT", root)).Locate();
        Assert.That(located.LibraryPath, Is.EqualTo(Path.Combine(root, "versions", VersionFolder(chosen), "lib", Path.GetFileName(chosen.LibPythonPath!))));
        Assert.That(located.Origin, Is.EqualTo($"pyenv {VersionFolder(chosen)} ({Path.Combine(root, "version")})"));
    }

    [Test]
    public void PyenvVersionVariableWinsOverVersionFiles()
    {
        PythonInterpreter[] pyenv = TestInterpreters.Embeddable.Where(IsPyenv).ToArray();
        string root = FakePyenv(pyenv);
        File.WriteAllText(Path.Combine(root, "version"), VersionFolder(pyenv[0]));
        File.WriteAllText(Path.Combine(_scratch, ".python-version"), VersionFolder(pyenv[0]));
        LocatedPython located = Locator(("PYENV_ROOT", root), ("PYENV_VERSION", VersionFolder(pyenv[^1]))).Locate();
        Assert.That(located.Version, Is.EqualTo(pyenv[^1].Version));
        Assert.That(located.Origin, Is.EqualTo($"pyenv {VersionFolder(pyenv[^1])} (PYENV_VERSION)"));
    }

    [Test]
    public void LocalPythonVersionFileWinsOverGlobal()
    {
        PythonInterpreter[] pyenv = TestInterpreters.Embeddable.Where(IsPyenv).ToArray();
        string root = FakePyenv(pyenv);
        File.WriteAllText(Path.Combine(root, "version"), VersionFolder(pyenv[^1]));
        File.WriteAllText(Path.Combine(_scratch, ".python-version"), VersionFolder(pyenv[0]) + "\n");
        string nested = Directory.CreateDirectory(Path.Combine(_scratch, "project", "src")).FullName;
        LocatedPython located = new PythonLocator(Environment(("PYENV_ROOT", root)), nested, []).Locate();
        Assert.That(located.Version, Is.EqualTo(pyenv[0].Version));
    }

    [Test]
    public void WithoutASelectionTheNewestSupportedPyenvVersionIsUsed()
    {
        PythonInterpreter[] pyenv = TestInterpreters.Embeddable.Where(IsPyenv).ToArray();
        string root = FakePyenv([.. pyenv, TestInterpreters.Python310]);
        File.WriteAllText(Path.Combine(root, "version"), "3.99.0\n");
        LocatedPython located = Locator(("PYENV_ROOT", root)).Locate();
        Assert.That(located.Version, Is.EqualTo(pyenv.Max(i => i.Version)));
    }

    [Test]
    public void SystemLibraryIsTheLastResort()
    {
        PythonInterpreter system = TestInterpreters.Embeddable.FirstOrDefault(i => i.ExecutablePath == "/usr/bin/python3")
            ?? throw new InvalidOperationException("No embeddable /usr/bin/python3 (install its libpython3.X package).");
        string emptyPyenv = Directory.CreateDirectory(Path.Combine(_scratch, "pyenv", "versions")).Parent!.FullName;
        LocatedPython located = new PythonLocator(Environment(("PYENV_ROOT", emptyPyenv)), _scratch, [Path.GetDirectoryName(system.LibPythonPath)!]).Locate();
        Assert.That(located.Origin, Is.EqualTo("system"));
        Assert.That(located.LibraryPath, Is.EqualTo(system.LibPythonPath));
        Assert.That(located.ExecutablePath, Is.EqualTo("/usr/bin/python3"));
    }

    [Test]
    public void WithNothingUsableTheErrorListsEveryPlaceTried()
    {
        PythonInterpreter python310 = TestInterpreters.Python310;
        string root = FakePyenv([python310]);
        File.WriteAllText(Path.Combine(root, "version"), "3.8.99\n");
        Directory.CreateDirectory(Path.Combine(root, "versions", "3.12-no-shared-library", "lib"));
        string emptySystem = Directory.CreateDirectory(Path.Combine(_scratch, "system-lib")).FullName;
        PythonLocator locator = new(Environment(("PYENV_ROOT", root)), _scratch, [emptySystem]);

        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => locator.Locate())!;
        string versions = Path.Combine(root, "versions");
        Assert.That(error.PlacesTried, Is.EqualTo(new[]
        {
            "--python: not given",
            "PYTHONNET_PYDLL: not set",
            $"pyenv 3.8.99 ({Path.Combine(root, "version")}): no folder {Path.Combine(versions, "3.8.99")}",
            $"pyenv 3.12-no-shared-library ({versions}): no shared libpython in {Path.Combine(versions, "3.12-no-shared-library", "lib")} (built without --enable-shared)",
            $"pyenv {VersionFolder(python310)} ({versions}): {Path.Combine(versions, VersionFolder(python310), "lib", Path.GetFileName(python310.LibPythonPath!))} " +
                $"is Python {python310.Version.ToString(3)}, which pythonnet does not support (it supports Python {PythonLocator.SupportedVersionsText})",
            $"system: no libpython3*.so.1.0 in {emptySystem}",
        }));
        Assert.That(error.Message, Does.StartWith($"No usable Python found for pythonnet, which supports Python {PythonLocator.SupportedVersionsText}. Places tried:"));
        Assert.That(error.Message, Does.Contain("Name one with --python (a libpython or a python executable) or PYTHONNET_PYDLL."));
        foreach (string place in error.PlacesTried)
        {
            Assert.That(error.Message, Does.Contain(place));
        }
    }

    [Test]
    public void AVersionPyenvVersionNamesIsTriedOnce()
    {
        // PYENV_VERSION's versions are tried before the rest of pyenv's; when none is usable, the rest must not try them again.
        PythonInterpreter python310 = TestInterpreters.Python310;
        string root = FakePyenv([python310]);
        File.WriteAllText(Path.Combine(root, "version"), VersionFolder(python310) + "\n");
        string emptySystem = Directory.CreateDirectory(Path.Combine(_scratch, "system-lib")).FullName;
        PythonLocator locator = new(Environment(("PYENV_ROOT", root), ("PYENV_VERSION", $"3.8.99:{VersionFolder(python310)}")), _scratch, [emptySystem]);

        PythonLocatorException error = Assert.Throws<PythonLocatorException>(() => locator.Locate())!;
        string versions = Path.Combine(root, "versions");
        Assert.That(error.PlacesTried, Is.EqualTo(new[]
        {
            "--python: not given",
            "PYTHONNET_PYDLL: not set",
            $"pyenv 3.8.99 (PYENV_VERSION): no folder {Path.Combine(versions, "3.8.99")}",
            $"pyenv {VersionFolder(python310)} (PYENV_VERSION): {Path.Combine(versions, VersionFolder(python310), "lib", Path.GetFileName(python310.LibPythonPath!))} " +
                $"is Python {python310.Version.ToString(3)}, which pythonnet does not support (it supports Python {PythonLocator.SupportedVersionsText})",
            $"system: no libpython3*.so.1.0 in {emptySystem}",
        }));
    }

    [Test]
    public void WithNoSettingAtAllItWorksOnThisMachine()
    {
        LocatedPython located = new PythonLocator().Locate();
        Assert.That(PythonLocator.IsSupported(located.Version), located.ToString());
        Assert.That(File.Exists(located.LibraryPath));
    }

    private PythonLocator Locator(params (string Name, string? Value)[] variables) =>
        new(Environment(variables), _scratch, []);

    // Only the variables given: the test run's own PYENV_*, PYTHONNET_PYDLL and HOME must not matter.
    private Func<string, string?> Environment(params (string Name, string? Value)[] variables)
    {
        Dictionary<string, string?> values = variables.ToDictionary(v => v.Name, v => v.Value);
        values.TryAdd("HOME", _scratch);
        return name => values.GetValueOrDefault(name);
    }

    // A pyenv root whose versions/ links to real installations.
    private string FakePyenv(IEnumerable<PythonInterpreter> versions)
    {
        string root = Path.Combine(_scratch, "pyenv");
        string folder = Directory.CreateDirectory(Path.Combine(root, "versions")).FullName;
        foreach (PythonInterpreter interpreter in versions.DistinctBy(VersionFolder))
        {
            string link = Path.Combine(folder, VersionFolder(interpreter));
            Directory.CreateSymbolicLink(link, Path.GetDirectoryName(Path.GetDirectoryName(interpreter.LibPythonPath!)!)!);
        }

        return root;
    }

    private static bool IsPyenv(PythonInterpreter interpreter) => interpreter.Label.EndsWith("-pyenv", StringComparison.Ordinal);

    private static string VersionFolder(PythonInterpreter interpreter) => interpreter.Version.ToString(3);
}
