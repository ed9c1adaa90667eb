using System;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Discovery.Tests;

/// <summary>Reading the query's JSON answer.</summary>
[TestFixture]
public sealed class InterpreterQueryTests
{
    [Test]
    public void ReadsVersionImplementationAndTestPresence()
    {
        InterpreterFacts facts = InterpreterQuery.Parse("""
            {"version": [3, 12, 1], "implementation": "cpython", "libdir": "/nonexistent", "ldlibrary": "libpython3.12.so",
             "instsoname": "libpython3.12.so.1.0", "enable_shared": 1, "test_mmap": true}
            """);

        Assert.That(facts, Is.EqualTo(new InterpreterFacts(new Version(3, 12, 1), "cpython", null, true)));
    }

    [Test]
    public void IgnoresAStaticLibraryAndFindsTheSharedOne()
    {
        using ScratchFolder folder = new("discovery");
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder.Path, "libpython3.11.a"), string.Empty);
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder.Path, "libpython3.11.so.1.0"), string.Empty);
        string json = $$"""
            {"version": [3, 11, 2], "implementation": "cpython", "libdir": "{{folder.Path}}", "ldlibrary": "libpython3.11.a",
             "instsoname": "libpython3.11.so.1.0", "enable_shared": 0, "test_mmap": false}
            """;

        Assert.That(InterpreterQuery.Parse(json).LibPythonPath, Is.EqualTo(System.IO.Path.Combine(folder.Path, "libpython3.11.so.1.0")));
    }

    [Test]
    public void AStaticBuildWithoutASharedLibraryHasNone()
    {
        using ScratchFolder folder = new("discovery");
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder.Path, "libpython3.11.a"), string.Empty);
        string json = $$"""
            {"version": [3, 11, 2], "implementation": "cpython", "libdir": "{{folder.Path}}", "ldlibrary": "libpython3.11.a",
             "instsoname": "libpython3.11.a", "enable_shared": 0, "test_mmap": false}
            """;

        Assert.That(InterpreterQuery.Parse(json).LibPythonPath, Is.Null);
    }

    [Test]
    public void AnUnreadableAnswerIsReportedWithTheAnswer()
    {
        Assert.That(() => InterpreterQuery.Parse("hello"), Throws.TypeOf<InterpreterQueryException>()
            .With.Message.EqualTo("gave an answer to the version query that could not be read: hello"));
    }
}
