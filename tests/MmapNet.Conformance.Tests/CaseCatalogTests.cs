using System.Collections.Generic;
using System.Linq;
using MmapNet.Conformance.Cases;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>Finding cases and selecting them with -k.</summary>
[TestFixture]
public sealed class CaseCatalogTests
{
    [Test]
    public void FindsAreaScriptsAndLeavesOutHelpers()
    {
        using ScratchFolder folder = new("conformance-tests");
        folder.Write("casekit.py", "# support module");
        folder.Write("find/find_basic.py", "print(1)");
        folder.Write("find/_helpers.py", "# helper");
        folder.Write("find/notes.txt", "not a case");
        folder.Write("find/__pycache__/find_basic.py", "# cache");
        folder.Write("_drafts/idea.py", "# draft area");
        folder.Write("close/close_twice.py", "print(2)");

        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Id), Is.EqualTo(new[] { "close/close_twice", "find/find_basic" }));
            Assert.That(cases[1].Area, Is.EqualTo("find"));
            Assert.That(cases[1].Name, Is.EqualTo("find_basic"));
            Assert.That(cases[1].CasesRoot, Is.EqualTo(folder.Path));
        });
    }

    [Test]
    public void AMissingFolderHasNoCases()
    {
        Assert.That(CaseCatalog.Discover("/nonexistent/cases"), Is.Empty);
    }

    [TestCase(new string[0], new[] { "find/find_basic", "find/find_end", "read/read_byte", "seek/seek_end" })]
    [TestCase(new[] { "find" }, new[] { "find/find_basic", "find/find_end" })]
    [TestCase(new[] { "FIND" }, new[] { "find/find_basic", "find/find_end" })]
    [TestCase(new[] { "basic or read" }, new[] { "find/find_basic", "read/read_byte" })]
    [TestCase(new[] { "not find" }, new[] { "read/read_byte", "seek/seek_end" })]
    [TestCase(new[] { "end and not seek" }, new[] { "find/find_end" })]
    [TestCase(new[] { "find", "end" }, new[] { "find/find_end" })]
    [TestCase(new[] { "read/read_byte" }, new[] { "read/read_byte" })]
    public void SelectsBySubstringOfAreaSlashName(string[] expressions, string[] expected)
    {
        IEnumerable<ConformanceCase> cases = new[] { "find/find_basic", "find/find_end", "read/read_byte", "seek/seek_end" }
            .Select(id => new ConformanceCase(id.Split('/')[0], id.Split('/')[1], "/c/" + id + ".py", "/c"));

        IReadOnlyList<ConformanceCase> selected = CaseSelector.Parse(expressions).Select(cases);

        Assert.That(selected.Select(c => c.Id), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("find or")]
    [TestCase("not")]
    [TestCase("find seek")]
    public void RejectsMalformedExpressions(string expression)
    {
        Assert.That(() => CaseSelector.Parse(new[] { expression }), Throws.TypeOf<System.FormatException>());
    }
}
