using System.IO;

namespace MmapNet.Discovery;

/// <summary>
/// Resolves symbolic links in every component of a path, like Python's <c>os.path.realpath</c>: two paths name the same file
/// when their real paths are equal, whether the link is the file itself or a folder above it (a pyenv version linked to
/// another, <c>/usr/lib</c> linked into <c>/lib</c>).
/// </summary>
public static class RealPaths
{
    // More links than this in one resolution means a loop; the path is then returned as far as it was resolved.
    private const int MaximumLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (made absolute first); a part that does not exist is kept as written.</summary>
    /// <param name="path">A path.</param>
    /// <returns>The path with every symbolic link resolved, as far as a loop allows.</returns>
    public static string Resolve(string path)
    {
        int remaining = MaximumLinks;
        return Resolve(Path.GetFullPath(path), ref remaining);
    }

    private static string Resolve(string fullPath, ref int remainingLinks)
    {
        string? parent = Path.GetDirectoryName(fullPath);
        if (parent is null)
        {
            return fullPath; // the root
        }

        string resolved = Path.Combine(Resolve(parent, ref remainingLinks), Path.GetFileName(fullPath));
        while (remainingLinks-- > 0)
        {
            FileSystemInfo info = new FileInfo(resolved);
            if (info.LinkTarget is not { } target)
            {
                return resolved;
            }

            // A relative link target is relative to the link's own folder, which is already resolved.
            string targetPath = Path.IsPathRooted(target)
                ? target
                : Path.Combine(Path.GetDirectoryName(resolved) ?? "/", target);
            resolved = Resolve(Path.GetFullPath(targetPath), ref remainingLinks);
        }

        return resolved;
    }
}
