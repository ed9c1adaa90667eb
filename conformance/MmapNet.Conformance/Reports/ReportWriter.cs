using System;
using System.IO;
using System.Text;
using MmapNet.Conformance.Running;

namespace MmapNet.Conformance.Reports;

/// <summary>Writes the three report files into a folder.</summary>
public static class ReportWriter
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFile = "report.json";

    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Writes <c>report.md</c>, <c>report.json</c> and <c>report.html</c> into <paramref name="folder"/> (created if needed).</summary>
    /// <param name="suite">The suite result.</param>
    /// <param name="folder">The report folder.</param>
    public static void Write(SuiteResult suite, string folder)
    {
        ArgumentNullException.ThrowIfNull(suite);
        Directory.CreateDirectory(folder);
        UTF8Encoding utf8 = new(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), MarkdownReport.Render(suite), utf8);
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonReport.Serialize(suite), utf8);
        File.WriteAllText(Path.Combine(folder, HtmlFile), HtmlReport.Render(suite), utf8);
    }
}
