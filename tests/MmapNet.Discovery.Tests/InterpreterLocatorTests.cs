using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Discovery.Tests;

/// <summary>The locator against the interpreters really installed on this machine.</summary>
[TestFixture]
public sealed class InterpreterLocatorTests
{
    private IReadOnlyList<PythonInterpreter> _interpreters = null!;

    [OneTimeSetUp]
    public void SearchOnce()
    {
        _interpreters = AutomaticLocator().FindAll();
    }

    [Test]
    public void FindsAtLeastOneInterpreter()
    {
        foreach (PythonInterpreter interpreter in _interpreters)
        {
            TestContext.Out.WriteLine(
                $"{interpreter.Label}: {interpreter.ExecutablePath} lib={interpreter.LibPythonPath} test_mmap={interpreter.HasStdlibMmapTests}");
        }

        Assert.That(_interpreters, Is.Not.Empty, $"no supported CPython ({PythonVersions.SupportedRange}) under pyenv or at /usr/bin/python3");
    }

    [Test]
    public void KeepsOnlySupportedVersions()
    {
        Assert.That(_interpreters.Select(i => i.Version), Has.All.Matches<Version>(
            v => v.Major == 3 && v.Minor >= 10 && v.Minor <= 13));
    }

    [Test]
    public void LabelsAreUniqueAndStartWithTheVersion()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_interpreters.Select(i => i.Label), Is.Unique);
            foreach (PythonInterpreter interpreter in _interpreters)
            {
                Assert.That(interpreter.Label, Does.StartWith(interpreter.Version.ToString(3) + "-"));
            }
        });
    }

    [Test]
    public void OrdersByVersionThenLabel()
    {
        List<PythonInterpreter> expected = _interpreters.OrderBy(i => i.Version).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        Assert.That(_interpreters, Is.EqualTo(expected));
    }

    [Test]
    public void ExecutablesExistAndRealPathsAreDistinct()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_interpreters.Select(i => i.ExecutablePath), Has.All.Matches<string>(File.Exists));
            Assert.That(_interpreters.Select(i => i.RealPath), Is.Unique);
        });
    }

    [Test]
    public void FindsEverySupportedPyenvVersionOnDisk()
    {
        InterpreterLocator locator = AutomaticLocator();
        string versions = Path.Combine(locator.PyenvRoot, "versions");
        List<string> onDisk = Directory.Exists(versions)
            ? Directory.EnumerateDirectories(versions)
                .Where(d => File.Exists(Path.Combine(d, "bin", "python3")))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => Version.TryParse(name, out Version? v) && InterpreterLocator.IsSupported(v))
                .ToList()
            : new List<string>();

        Assert.That(_interpreters.Select(i => i.Label), Is.SupersetOf(onDisk.Select(name => name + "-pyenv")));
    }

    [Test]
    public void FindsTheSystemPythonWhenItIsSupported()
    {
        if (!File.Exists(InterpreterLocator.SystemPython))
        {
            Assert.That(_interpreters.Select(i => i.Label), Has.None.EndsWith("-system"));
            return;
        }

        PythonInterpreter system = AutomaticLocator().Inspect(InterpreterLocator.SystemPython);
        Assert.That(
            _interpreters.Any(i => i.RealPath == system.RealPath),
            Is.EqualTo(InterpreterLocator.IsSupported(system.Version)));
    }

    [Test]
    public void LibPythonIsFoundWhereTheInterpreterHasOne()
    {
        Assert.Multiple(() =>
        {
            foreach (PythonInterpreter interpreter in _interpreters)
            {
                // The pyenv layout: bin/python3 next to lib/libpython3.X.so*.
                string libFolder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(interpreter.ExecutablePath)!)!, "lib");
                bool besideIt = Directory.Exists(libFolder) &&
                    Directory.EnumerateFiles(libFolder, $"libpython{interpreter.MinorVersion}.so*").Any();
                if (besideIt)
                {
                    Assert.That(interpreter.LibPythonPath, Is.Not.Null, interpreter.Label);
                }

                if (interpreter.LibPythonPath is { } lib)
                {
                    Assert.That(File.Exists(lib), Is.True, $"{interpreter.Label}: {lib}");
                    Assert.That(Path.GetFileName(lib), Does.StartWith($"libpython{interpreter.MinorVersion}.so"), interpreter.Label);
                }
            }
        });
    }

    [Test]
    public void ReportsWhetherTheStdlibMmapTestsArePresent()
    {
        Assert.Multiple(() =>
        {
            foreach (PythonInterpreter? interpreter in _interpreters.Where(i => i.Label.EndsWith("-pyenv", StringComparison.Ordinal)))
            {
                string prefix = Path.GetDirectoryName(Path.GetDirectoryName(interpreter.ExecutablePath)!)!;
                string testFile = Path.Combine(prefix, "lib", $"python{interpreter.MinorVersion}", "test", "test_mmap.py");
                Assert.That(interpreter.HasStdlibMmapTests, Is.EqualTo(File.Exists(testFile)), interpreter.Label);
            }
        });
    }

    [Test]
    public void OverrideVariableReplacesTheSearch()
    {
        PythonInterpreter chosen = _interpreters[^1];
        InterpreterLocator locator = new(Environment(InterpreterLocator.OverrideVariable, chosen.ExecutablePath));

        InterpreterSearchResult result = locator.Search();

        Assert.Multiple(() =>
        {
            Assert.That(result.FromOverride, Is.True);
            Assert.That(result.Interpreters.Select(i => i.RealPath), Is.EqualTo(new[] { chosen.RealPath }));
            Assert.That(result.Interpreters[0].Version, Is.EqualTo(chosen.Version));
        });
    }

    [Test]
    public void OverrideNamingOneInterpreterTwiceYieldsItOnce()
    {
        PythonInterpreter chosen = _interpreters[0];
        using ScratchFolder folder = new("discovery");
        string alias = Path.Combine(folder.Path, "python-alias");
        File.CreateSymbolicLink(alias, chosen.ExecutablePath);
        string value = string.Join(Path.PathSeparator, chosen.ExecutablePath, alias);

        IReadOnlyList<PythonInterpreter> found = new InterpreterLocator(Environment(InterpreterLocator.OverrideVariable, value)).FindAll();

        Assert.That(found.Select(i => i.RealPath), Is.EqualTo(new[] { chosen.RealPath }));
    }

    [Test]
    public void OverrideWithAMissingPathFailsNamingIt()
    {
        const string BogusPath = "/nonexistent/mmapnet/bin/python3";
        InterpreterLocator locator = new(Environment(InterpreterLocator.OverrideVariable, BogusPath));

        InterpreterDiscoveryException? exception = Assert.Throws<InterpreterDiscoveryException>(() => locator.FindAll());

        Assert.That(exception!.Message, Is.EqualTo($"MMAPNET_PYTHONS names '{BogusPath}', which does not exist."));
    }

    [Test]
    public void OverrideWithSomethingThatIsNotPythonFailsClearly()
    {
        using ScratchFolder folder = new("discovery");
        string fake = folder.WriteScript("not-python", "echo 'this is not python' >&2\nexit 3\n");

        InterpreterDiscoveryException? exception = Assert.Throws<InterpreterDiscoveryException>(
            () => new InterpreterLocator(Environment(InterpreterLocator.OverrideVariable, fake)).FindAll());

        Assert.That(exception!.Message, Is.EqualTo(
            $"MMAPNET_PYTHONS names '{fake}', which failed the version query (exit code 3): this is not python"));
    }

    [Test]
    public void OverrideWithAnUnsupportedVersionFailsClearly()
    {
        using ScratchFolder folder = new("discovery");
        string fake = folder.WriteScript("python3.9", FakeAnswer("[3, 9, 18]", "cpython"));

        InterpreterDiscoveryException? exception = Assert.Throws<InterpreterDiscoveryException>(
            () => new InterpreterLocator(Environment(InterpreterLocator.OverrideVariable, fake)).FindAll());

        Assert.That(exception!.Message, Is.EqualTo(
            $"MMAPNET_PYTHONS names '{fake}', which is Python 3.9.18; supported versions are {PythonVersions.SupportedRange}."));
    }

    [Test]
    public void OverrideWithAnotherImplementationFailsClearly()
    {
        using ScratchFolder folder = new("discovery");
        string fake = folder.WriteScript("pypy3", FakeAnswer("[3, 10, 14]", "pypy"));

        InterpreterDiscoveryException? exception = Assert.Throws<InterpreterDiscoveryException>(
            () => new InterpreterLocator(Environment(InterpreterLocator.OverrideVariable, fake)).FindAll());

        Assert.That(exception!.Message, Does.EndWith("which is pypy 3.10.14, not CPython."));
    }

    [Test]
    public void AnInterpreterThatHangsIsReportedAfterTheTimeLimit()
    {
        using ScratchFolder folder = new("discovery");
        string fake = folder.WriteScript("hangs", "exec sleep 60\n");
        InterpreterLocator locator = new(
            Environment(InterpreterLocator.OverrideVariable, fake), TimeSpan.FromMilliseconds(500));

        InterpreterDiscoveryException? exception = Assert.Throws<InterpreterDiscoveryException>(() => locator.FindAll());

        Assert.That(exception!.Message, Does.Contain("did not answer the version query within"));
    }

    [Test]
    public void EmptyOverrideIsAnError()
    {
        InterpreterLocator locator = new(Environment(InterpreterLocator.OverrideVariable, " "));

        Assert.That(() => locator.FindAll(), Throws.TypeOf<InterpreterDiscoveryException>()
            .With.Message.Contains("names no interpreter"));
    }

    [Test]
    public void AutomaticSearchDeduplicatesPyenvVersionsByRealPath()
    {
        PythonInterpreter real = _interpreters[0];
        using ScratchFolder root = new("discovery");
        foreach (string? name in new[] { "first", "second" })
        {
            string bin = Directory.CreateDirectory(Path.Combine(root.Path, "versions", name, "bin")).FullName;
            File.CreateSymbolicLink(Path.Combine(bin, "python3"), real.RealPath);
        }

        InterpreterLocator locator = new(Environment("PYENV_ROOT", root.Path));
        List<PythonInterpreter> pyenvOnes = locator.FindAll().Where(i => i.Label.EndsWith("-pyenv", StringComparison.Ordinal)).ToList();

        Assert.That(pyenvOnes.Select(i => (i.Label, i.RealPath)), Is.EqualTo(new[]
        {
            (real.Version.ToString(3) + "-pyenv", real.RealPath),
        }));
    }

    [Test]
    public void AutomaticSearchListsUnsupportedCandidatesAsSkipped()
    {
        using ScratchFolder root = new("discovery");
        string bin = Directory.CreateDirectory(Path.Combine(root.Path, "versions", "3.9.18", "bin")).FullName;
        string fake = Path.Combine(bin, "python3");
        File.WriteAllText(fake, "#!/bin/sh\n" + FakeAnswer("[3, 9, 18]", "cpython"));
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        InterpreterSearchResult result = new InterpreterLocator(Environment("PYENV_ROOT", root.Path)).Search();

        Assert.Multiple(() =>
        {
            Assert.That(result.Interpreters.Select(i => i.RealPath), Has.None.EqualTo(fake));
            Assert.That(result.Skipped.Select(s => s.ExecutablePath), Does.Contain(fake));
            Assert.That(result.Skipped.Single(s => s.ExecutablePath == fake).Reason, Does.Contain("Python 3.9.18"));
        });
    }

    [Test]
    public void InspectReturnsTheVersionTheInterpreterReports()
    {
        PythonInterpreter interpreter = _interpreters[0];
        PythonInterpreter inspected = AutomaticLocator().Inspect(interpreter.ExecutablePath);

        Assert.That(inspected with { Label = interpreter.Label }, Is.EqualTo(interpreter));
    }

    // The automatic search, whatever MMAPNET_PYTHONS the developer running the tests has set.
    private static InterpreterLocator AutomaticLocator() =>
        new(name => name == InterpreterLocator.OverrideVariable ? null : System.Environment.GetEnvironmentVariable(name));

    // The process environment with one variable replaced, and MMAPNET_PYTHONS hidden unless it is the one replaced.
    private static Func<string, string?> Environment(string name, string value) =>
        requested => requested == name ? value
            : requested == InterpreterLocator.OverrideVariable ? null
            : System.Environment.GetEnvironmentVariable(requested);

    private static string FakeAnswer(string version, string implementation) =>
        $$"""
        echo '{"version": {{version}}, "implementation": "{{implementation}}", "libdir": null, "ldlibrary": null, "instsoname": null, "enable_shared": 0, "test_mmap": false}'
        """ + "\n";
}
