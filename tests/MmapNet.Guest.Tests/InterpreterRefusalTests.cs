using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// An interpreter whose objects mmapnet would misread, or whose version it does not know, gets an ImportError that
/// names it and says what is supported, before anything of mmapnet's exists: never undefined behaviour. A version is
/// faked here by preloading Native/fake_python_version.c (a free-threaded or Py_TRACE_REFS build is judged in
/// MmapNet.CPython.Tests' AbiSelfCheckTests, from its facts).
/// </summary>
[TestFixture]
public sealed class InterpreterRefusalTests
{
    private static readonly Lazy<string> s_fakeVersion = new(() => PreloadLibrary.Build("fake_python_version"), LazyThreadSafetyMode.ExecutionAndPublication);

    public static IEnumerable<TestCaseData> Cases()
    {
        // What Py_GetVersion says, and the version mmapnet reads from it (major.minor.micro).
        foreach ((string? reported, string? read) in new[] { ("3.14.0", "3.14.0"), ("3.9.18", "3.9.18"), ("4.0.0a1", "4.0.0") })
        {
            foreach (MmapnetRoute route in new[] { MmapnetRoute.CoreClr, MmapnetRoute.NativeAot })
            {
                yield return new TestCaseData(reported, read, route).SetArgDisplayNames(reported, route.ToString());
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task AnUnsupportedVersion_IsRefusedWithAnImportErrorNamingIt(string reported, string read, MmapnetRoute route)
    {
        // A pyenv interpreter: its libpython is a shared library, whose Py_GetVersion the preloaded one comes before.
        PythonInterpreter interpreter = TestInterpreters.All.First(i => i.Label.EndsWith("-pyenv", StringComparison.Ordinal));
        ChildResult result = await ImportAsVersionAsync(interpreter, route, reported);
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        Assert.That(
            result.Stdout.Trim(),
            Is.EqualTo($"ImportError: mmapnet supports CPython {SupportedPythonVersions.Range} as built by default (with the GIL); this is a CPython {read}"));
    }
    public static IEnumerable<TestCaseData> IntLayoutCases()
    {
        // 3.12 changed how an int's header word says its size and sign; a version on the other side of that change
        // makes mmapnet read ints with the wrong layout, which the self-check must see (and nothing else refuses).
        foreach ((string actual, string faked) in new[] { ("3.11", "3.12.1"), ("3.12", "3.11.7") })
        {
            foreach (MmapnetRoute route in new[] { MmapnetRoute.CoreClr, MmapnetRoute.NativeAot })
            {
                yield return new TestCaseData(actual, faked, route).SetArgDisplayNames(actual + " as " + faked, route.ToString());
            }
        }
    }

    [TestCaseSource(nameof(IntLayoutCases))]
    public async Task AnIntLayoutOtherThanTheVersionSays_IsRefusedNamingIt(string actual, string faked, MmapnetRoute route)
    {
        PythonInterpreter interpreter = TestInterpreters.All.First(i => i.MinorVersion == actual && i.Label.EndsWith("-pyenv", StringComparison.Ordinal));
        ChildResult result = await ImportAsVersionAsync(interpreter, route, faked);
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        Assert.That(
            result.Stdout.Trim(),
            Is.EqualTo($"ImportError: mmapnet supports CPython {SupportedPythonVersions.Range} as built by default (with the GIL); " +
                       $"this is a CPython {faked}, whose objects are not laid out as mmapnet reads them (PyLongObject)"));
    }

    // `import mmapnet` in an interpreter whose Py_GetVersion says `version`: prints "imported" or the ImportError.
    private static Task<ChildResult> ImportAsVersionAsync(PythonInterpreter interpreter, MmapnetRoute route, string version)
    {
        ChildStart start = new()
        {
            Environment = new Dictionary<string, string?>
            {
                ["LD_PRELOAD"] = s_fakeVersion.Value,
                ["MMAPNET_TEST_PYTHON_VERSION"] = version + " (main, faked)",
            },
        };
        return PythonRoutes.RunScriptAsync(interpreter, route, "-c", ["""
            try:
                import mmapnet
                print("imported")
            except ImportError as error:
                print("ImportError:", error)
            """], start);
    }
}
