using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MmapNet.TestSupport;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// Runs a command as on a machine without some of this machine's files: in a mount namespace of its own (<c>unshare</c>),
/// where each hidden folder is covered by an empty tmpfs and each hidden file is removed from an overlay of its folder.
/// Nothing outside that one process tree sees a change. As root it needs only a mount namespace; otherwise a user namespace
/// too (an overlay there needs Linux 5.11).
/// </summary>
internal static class HiddenPaths
{
    /// <summary>The paths that exist among <paramref name="patterns"/>: each a path, or a folder and a file name pattern (<c>/usr/bin/python3*</c>).</summary>
    public static IReadOnlyList<string> Existing(params string[] patterns) =>
        patterns.SelectMany(pattern =>
        {
            string folder = Path.GetDirectoryName(pattern)!;
            string name = Path.GetFileName(pattern);
            return Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder, name) : [];
        }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs <paramref name="program"/> with <paramref name="hidden"/> (folders and files) absent.</summary>
    public static CommandResult Run(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyList<string> hidden,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        bool root = Environment.UserName == "root";
        string layers = RunScratch.NewFolder("hidden-layers");
        StringBuilder script = new("set -e\n");
        foreach (string folder in hidden.Where(IsRealFolder))
        {
            script.Append($"mount -t tmpfs -o mode=755 tmpfs {Quote(folder)}\n");
        }

        List<IGrouping<string, string>> files = hidden.Where(path => !IsRealFolder(path)).GroupBy(path => Path.GetDirectoryName(path)!).ToList();
        for (int i = 0; i < files.Count; i++)
        {
            string upper = Path.Combine(layers, $"upper{i}"), work = Path.Combine(layers, $"work{i}");
            Directory.CreateDirectory(upper);
            Directory.CreateDirectory(work);
            string options = $"lowerdir={files[i].Key},upperdir={upper},workdir={work}" + (root ? "" : ",userxattr");
            script.Append($"mount -t overlay overlay -o {Quote(options)} {Quote(files[i].Key)}\n");
            script.Append($"rm -f {string.Join(' ', files[i].Select(Quote))}\n");
        }

        script.Append("exec \"$@\"\n");
        string[] unshare = root ? ["--mount", "--propagation", "private"] : ["--user", "--map-root-user", "--mount", "--propagation", "private"];
        return Command.Run("unshare", [.. unshare, "sh", "-c", script.ToString(), "hidden-paths", program, .. arguments], workingDirectory, environment, timeout);
    }

    private static bool IsRealFolder(string path) => Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null;

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
