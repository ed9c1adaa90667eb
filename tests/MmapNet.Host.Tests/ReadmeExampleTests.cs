using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>The README's examples are the files in tests/examples/, shown as they are, and they do what the README says.</summary>
[TestFixture]
public sealed class ReadmeExampleTests
{
    private const string EmbeddingExample = "tests/examples/MmapNet.Examples.Embedding/Program.cs";
    private const string PythonExample = "tests/examples/python/call_dotnet.py";
    private const string LibraryExample = "tests/examples/MmapNet.Examples.Library/Checksum.cs";

    private static IEnumerable<TestCaseData> Interpreters() => TestInterpreters.Cases();

    private static IEnumerable<TestCaseData> FlavourCases() => TestInterpreters.FlavourCases();

    // The repository's README and the host package's (the NuGet readme) both show the examples.
    private static IEnumerable<TestCaseData> Shown() =>
        from readme in new[] { "README.md", "src/MmapNet.Host/README.md" }
        from example in new[] { (EmbeddingExample, "csharp"), (PythonExample, "python"), (LibraryExample, "csharp") }
        select new TestCaseData(readme, example.Item1, example.Item2);

    [TestCaseSource(nameof(Shown))]
    public void ReadmeShowsTheExampleAsItIs(string readme, string file, string language)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryLayout.Root, readme));
        string source = File.ReadAllText(Path.Combine(RepositoryLayout.Root, file));
        Assert.That(text, Does.Contain($"`{file}`"), "the README names the file");
        Assert.That(text, Does.Contain($"```{language}\n{source}```\n"), "the README shows the file's exact content");
    }

    [TestCaseSource(nameof(Interpreters))]
    public void DotnetCreatesAMapAndPythonChangesIt(PythonInterpreter interpreter)
    {
        string program = Path.Combine(RepositoryLayout.BuildFolder("MmapNet.Examples.Embedding"), "MmapNet.Examples.Embedding");
        ChildResult result = ChildProcess.Run(program, [interpreter.LibPythonPath!]);
        Assert.That(result.Stdout, Is.EqualTo("temperature=22;humidity=40\n"), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [TestCaseSource(nameof(FlavourCases))]
    public void PythonPassesItsMapToDotnet(PythonInterpreter interpreter, Flavour flavour)
    {
        string script = Path.Combine(RepositoryLayout.Root, PythonExample);
        string library = Path.Combine(RepositoryLayout.BuildFolder("MmapNet.Examples.Library"), "MmapNet.Examples.Library.dll");
        ChildResult result = flavour == Flavour.Host
            ? Runs.Host(interpreter, script, library)
            : Runs.StockPython(interpreter, script, library);
        Assert.That(Runs.Lines(result.Stdout), Is.EqualTo(new[]
        {
            // The byte sum of what the script wrote, worked out here rather than copied from a run.
            $"sum computed in C#: {"hello from python"u8.ToArray().Sum(b => (long)b)}",
            "read in Python: b'written by C#'",
        }), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
