using System;
using System.IO;
using System.Threading;

namespace MmapNet.TestSupport;

/// <summary>
/// The test run's scratch folder (venvs, wheels, interpreter entries), one per test assembly, named after it; the
/// assembly's [SetUpFixture] calls <see cref="Remove"/> when every test has run.
/// </summary>
public static class RunScratch
{
    private static readonly Lazy<string> s_root = new(
        () => Directory.CreateTempSubdirectory(RepositoryLayout.TestProject.Replace('.', '-').ToLowerInvariant() + "-").FullName);

    private static int s_counter;

    public static string Root => s_root.Value;

    /// <summary>A new, empty folder under the scratch folder, named after what it holds.</summary>
    public static string NewFolder(string name)
    {
        string path = Path.Combine(Root, $"{name}-{Interlocked.Increment(ref s_counter)}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the scratch folder, if the run made one.</summary>
    public static void Remove()
    {
        if (s_root.IsValueCreated && Directory.Exists(s_root.Value))
        {
            Directory.Delete(s_root.Value, recursive: true);
        }
    }
}
