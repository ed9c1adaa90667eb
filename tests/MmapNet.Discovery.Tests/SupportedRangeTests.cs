using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Discovery.Tests;

/// <summary>
/// The supported CPython range is written once, in Directory.Build.props: what the code says of it is derived from there, and
/// no source file writes the range again (where it would go stale when the range moves).
/// </summary>
[TestFixture]
public sealed class SupportedRangeTests
{
    // Source and build files, where a written range would be code, a message or a docstring. Prose (Markdown) is left
    // out: the tests of each README check what it says against the range.
    private static readonly string[] s_scannedExtensions = [".cs", ".py", ".pyi", ".toml", ".props", ".targets", ".csproj", ".cfg"];

    private static readonly string[] s_skippedFolders = ["artifacts", "bin", "obj", ".git", "__pycache__", "node_modules"];

    // Where the range is written (the one place), and this file, whose examples of a written range are its own test cases.
    private static readonly string[] s_exemptFiles = ["Directory.Build.props", Path.Combine("tests", "MmapNet.Discovery.Tests", "SupportedRangeTests.cs")];

    private static readonly Lazy<string> s_root = new(FindRoot);

    private static string Property(string name) =>
        XDocument.Load(Path.Combine(s_root.Value, "Directory.Build.props")).Descendants(name).Single().Value.Trim();

    [Test]
    public void TheCodeDerivesTheRangeFromDirectoryBuildProps()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PythonVersions.OldestSupported.ToString(2), Is.EqualTo(Property("OldestSupportedPython")));
            Assert.That(PythonVersions.NewestSupported.ToString(2), Is.EqualTo(Property("NewestSupportedPython")));
            Assert.That(PythonVersions.OldestEmbeddable.ToString(2), Is.EqualTo(Property("OldestEmbeddablePython")));
            Assert.That(InterpreterLocator.OldestSupported, Is.EqualTo(PythonVersions.OldestSupported));
            Assert.That(InterpreterLocator.NewestSupported, Is.EqualTo(PythonVersions.NewestSupported));
            Assert.That(PythonVersions.Embeddable[0], Is.EqualTo(PythonVersions.OldestEmbeddable));
            Assert.That(PythonVersions.Embeddable[^1], Is.EqualTo(PythonVersions.NewestSupported));
        });
    }

    [Test]
    public void NoSourceFileWritesTheRangeAgain()
    {
        string mentions = string.Join(Environment.NewLine, RangeMentions(SourceFiles(s_root.Value, s_scannedExtensions)));
        Assert.That(mentions, Is.Empty, "the supported range belongs in Directory.Build.props only; derive it from there");
    }

    [Test]
    public void EveryRangeTheDocsWriteIsTheSupportedOneOrThePythonnetOne()
    {
        // Prose keeps its numbers (a reader needs them), so it is checked instead: a range it writes is one of the two.
        string newest = Property("NewestSupportedPython");
        string[] allowed = [$"{Property("OldestSupportedPython")} to {newest}", $"{Property("OldestEmbeddablePython")} to {newest}"];
        Regex written = new(@"(?<![\d.])(3\.\d+)(?![\d.])(?:\.x)?\s*(?:to|through|-|–)\s*(3\.\d+)(?![\d])");
        List<string> wrong = new();
        foreach (string file in SourceFiles(s_root.Value, [".md"]))
        {
            string[] lines = File.ReadAllLines(file);
            for (int index = 0; index < lines.Length; index++)
            {
                foreach (Match match in written.Matches(lines[index]))
                {
                    if (!allowed.Contains($"{match.Groups[1].Value} to {match.Groups[2].Value}", StringComparer.Ordinal))
                    {
                        wrong.Add($"{Path.GetRelativePath(s_root.Value, file)}:{index + 1}: {match.Value}");
                    }
                }
            }
        }

        Assert.That(string.Join(Environment.NewLine, wrong), Is.Empty, $"the docs' ranges must be {string.Join(" or ", allowed)} (Directory.Build.props)");
    }

    [TestCase("// Holds for CPython 3.10 to 3.13.")]
    [TestCase("\"No CPython 3.11 to 3.13 found\"")]
    [TestCase("/// <returns>true for 3.10.x to 3.13.x.</returns>")]
    [TestCase("One binary serves CPython 3.10-3.13.")]
    [TestCase("public static readonly Version OldestSupported = new(3, 10);")]
    [TestCase("requires-python = \">=3.10\"")]
    [TestCase("SupportedVersions { get; } = [new(3, 11), new(3, 12), new(3, 13)];")]
    public void AWrittenRangeIsFound(string line)
    {
        // The scan above can only pass for a reason if it finds what it looks for.
        Assert.That(RangePatterns().Any(pattern => pattern.IsMatch(line)), line);
    }

    [TestCase("if sys.version_info >= (3, 11):")]
    [TestCase("public bool HasTrackFd => Version >= new Version(3, 13);")]
    [TestCase("3.10 and 3.11.0-3.11.3 unmap the memory")]
    public void AVersionThatIsNoRangeIsNotFound(string line) =>
        Assert.That(RangePatterns().Any(pattern => pattern.IsMatch(line)), Is.False, line);

    // The ways the range gets written: "OLDEST to NEWEST" (also with .x, a dash or "through"), the oldest supported version
    // constructed in code (nothing can be gated on it, so it only ever starts a range), a lower bound of requires-python,
    // and a list of constructed versions that ends with the newest.
    private static IEnumerable<Regex> RangePatterns()
    {
        string newest = Regex.Escape(Property("NewestSupportedPython"));
        string[] starts = [Property("OldestSupportedPython"), Property("OldestEmbeddablePython")];
        foreach (string oldest in starts.Distinct())
        {
            yield return new Regex($@"(?<![\d.]){Regex.Escape(oldest)}(?:\.x)?\s*(?:to|through|-|–|\.\.)\s*{newest}(?![\d])");
        }

        string[] oldestParts = Property("OldestSupportedPython").Split('.');
        string[] newestParts = Property("NewestSupportedPython").Split('.');
        yield return new Regex($@"\(\s*{oldestParts[0]}\s*,\s*{oldestParts[1]}\s*\)");
        yield return new Regex($@">=\s*{Regex.Escape(Property("OldestSupportedPython"))}(?![\d])");
        yield return new Regex($@"new\(\s*{newestParts[0]}\s*,\s*{newestParts[1]}\s*\)\s*\]");
    }

    private static IEnumerable<string> RangeMentions(IEnumerable<string> files)
    {
        List<Regex> patterns = RangePatterns().ToList();
        foreach (string file in files)
        {
            string[] lines = File.ReadAllLines(file);
            for (int index = 0; index < lines.Length; index++)
            {
                if (patterns.Any(pattern => pattern.IsMatch(lines[index])))
                {
                    yield return $"{Path.GetRelativePath(s_root.Value, file)}:{index + 1}: {lines[index].Trim()}";
                }
            }
        }
    }

    private static IEnumerable<string> SourceFiles(string root, string[] extensions)
    {
        Stack<string> folders = new([root]);
        while (folders.Count > 0)
        {
            string folder = folders.Pop();
            foreach (string child in Directory.EnumerateDirectories(folder))
            {
                if (!s_skippedFolders.Contains(Path.GetFileName(child), StringComparer.Ordinal))
                {
                    folders.Push(child);
                }
            }

            foreach (string file in Directory.EnumerateFiles(folder))
            {
                if (extensions.Contains(Path.GetExtension(file), StringComparer.Ordinal) &&
                    !s_exemptFiles.Contains(Path.GetRelativePath(root, file), StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MmapNet.sln")) && File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MmapNet repository above {AppContext.BaseDirectory}.");
    }
}
