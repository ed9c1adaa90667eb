using System.IO;

namespace MmapNet.Discovery;

/// <summary>Resolves symbolic links in every component of a path, like Python's <c>os.path.realpath</c>.</summary>
internal static class RealPaths
{
    // More links than this in one resolution means a loop; the path is then returned as far as it was resolved.
    private const int MaximumLinks = 40;

    public static string Resolve(string path)
    {
        var remaining = MaximumLinks;
        return Resolve(Path.GetFullPath(path), ref remaining);
    }

    private static string Resolve(string fullPath, ref int remainingLinks)
    {
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null)
        {
            return fullPath; // the root
        }

        var resolved = Path.Combine(Resolve(parent, ref remainingLinks), Path.GetFileName(fullPath));
        while (remainingLinks-- > 0)
        {
            FileSystemInfo info = new FileInfo(resolved);
            if (info.LinkTarget is not { } target)
            {
                return resolved;
            }

            // A relative link target is relative to the link's own folder, which is already resolved.
            var targetPath = Path.IsPathRooted(target)
                ? target
                : Path.Combine(Path.GetDirectoryName(resolved) ?? "/", target);
            resolved = Resolve(Path.GetFullPath(targetPath), ref remainingLinks);
        }

        return resolved;
    }
}
