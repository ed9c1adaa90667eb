using System;
using System.Collections.Generic;
using System.IO;

namespace MmapNet.Conformance;

/// <summary>Where the runner finds what it needs in the repository: one place for every well-known path.</summary>
/// <param name="Root">The repository root (the folder holding <c>MmapNet.sln</c>).</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The real conformance suite: <c>conformance/cases/&lt;area&gt;/&lt;case&gt;.py</c>.</summary>
    public string CasesFolder => Path.Combine(Root, "conformance", "cases");

    /// <summary>The Python bootstrap every case runs through.</summary>
    public string BootstrapScript => Path.Combine(Root, "conformance", "harness", "bootstrap.py");

    /// <summary>The runner's own test doubles (<c>wrongmmap.py</c>, <c>fallbackmmap.py</c>) and fixture cases.</summary>
    public string FixturesFolder => Path.Combine(Root, "conformance", "fixtures");

    /// <summary>Cases that exercise the runner against <c>wrongmmap</c>; kept apart from the real suite.</summary>
    public string FixtureCasesFolder => Path.Combine(FixturesFolder, "cases");

    /// <summary>Cases that misbehave (hang, flood output, kill themselves) to test the runner's robustness.</summary>
    public string MisbehavingCasesFolder => Path.Combine(FixturesFolder, "misbehaving");

    /// <summary>The repository's Python packages (where <c>mmapnet</c> lives); always on the cases' PYTHONPATH.</summary>
    public string PythonFolder => Path.Combine(Root, "python");

    /// <summary>The pythonnet host (<c>mmapnet-host</c>) of the Release build, for <see cref="Running.ImplementationFlavour.Host"/>.</summary>
    public string HostExecutable => Path.Combine(Root, "artifacts", "bin", "MmapNet.Host.Tool", "release", "mmapnet-host");

    /// <summary>Where reports go unless <c>--report</c> says otherwise.</summary>
    public string DefaultReportFolder => Path.Combine(Root, "artifacts", "conformance-report");

    /// <summary>
    /// Finds the repository by walking up from <paramref name="startFolder"/>, or else from the current folder, or else from
    /// the folder this assembly was loaded from, to the first folder that holds <c>conformance/harness/bootstrap.py</c>.
    /// </summary>
    /// <param name="startFolder">Where to start looking, or <see langword="null"/> for the defaults.</param>
    /// <returns>The layout of the repository found.</returns>
    /// <exception cref="DirectoryNotFoundException">No such folder above any of the starting points.</exception>
    public static RepositoryLayout Locate(string? startFolder = null)
    {
        List<string> starts = startFolder is null
            ? new List<string> { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            : new List<string> { startFolder };
        foreach (string start in starts)
        {
            for (DirectoryInfo? folder = new(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "conformance", "harness", "bootstrap.py")))
                {
                    return new RepositoryLayout(folder.FullName);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No MmapNet repository (a folder with conformance/harness/bootstrap.py) above {string.Join(" or ", starts)}.");
    }
}
