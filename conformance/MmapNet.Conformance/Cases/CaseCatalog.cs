using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MmapNet.Conformance.Cases;

/// <summary>Finds the cases under a cases root.</summary>
public static class CaseCatalog
{
    /// <summary>
    /// Lists <c>&lt;root&gt;/&lt;area&gt;/*.py</c>, ordered by id. Files and folders whose names start with <c>_</c> or <c>.</c>
    /// are left out (helpers such as <c>_shared.py</c>, <c>__pycache__</c>), and so is everything directly in the root
    /// (the support module <c>casekit.py</c> lives there).
    /// </summary>
    /// <param name="casesRoot">The cases root folder.</param>
    /// <returns>The cases; none if the folder does not exist.</returns>
    public static IReadOnlyList<ConformanceCase> Discover(string casesRoot)
    {
        string root = Path.GetFullPath(casesRoot);
        if (!Directory.Exists(root))
        {
            return Array.Empty<ConformanceCase>();
        }

        return Directory.EnumerateDirectories(root)
            .Where(area => !IsHidden(Path.GetFileName(area)))
            .SelectMany(area => Directory.EnumerateFiles(area, "*.py")
                .Where(file => !IsHidden(Path.GetFileName(file)))
                .Select(file => new ConformanceCase(
                    Path.GetFileName(area), Path.GetFileNameWithoutExtension(file), file, root)))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');
}
