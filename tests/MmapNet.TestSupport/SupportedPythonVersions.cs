using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace MmapNet.TestSupport;

/// <summary>The supported CPython range as Directory.Build.props writes it, the one place it is written.</summary>
public static class SupportedPythonVersions
{
    private static readonly Lazy<XDocument> s_properties = new(() => XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Build.props")));

    public static string Oldest => Property("OldestSupportedPython");

    public static string Newest => Property("NewestSupportedPython");

    public static string OldestEmbeddable => Property("OldestEmbeddablePython");

    /// <summary>The range as mmapnet's messages and docs write it: "OLDEST to NEWEST".</summary>
    public static string Range => $"{Oldest} to {Newest}";

    private static string Property(string name) =>
        s_properties.Value.Descendants(name).SingleOrDefault()?.Value.Trim()
        ?? throw new InvalidOperationException($"Directory.Build.props has no {name}");
}
