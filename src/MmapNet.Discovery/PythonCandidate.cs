namespace MmapNet.Discovery;

/// <summary>What an <see cref="IPythonSource"/> found in one place: a file to try, or why there is none.</summary>
/// <param name="Place">The place as messages name it: <c>pyenv 3.12.1 (PYENV_VERSION)</c>, <c>system</c>.</param>
/// <param name="Path">The interpreter executable or libpython there, or <see langword="null"/> when there is none.</param>
/// <param name="Reason">Why there is none, when <paramref name="Path"/> is <see langword="null"/>.</param>
public sealed record PythonCandidate(string Place, string? Path, string? Reason)
{
    /// <summary>A file to try.</summary>
    /// <param name="place">The place as messages name it.</param>
    /// <param name="path">The interpreter executable or libpython.</param>
    /// <returns>The candidate.</returns>
    public static PythonCandidate At(string place, string path) => new(place, path, Reason: null);

    /// <summary>A place with nothing to try.</summary>
    /// <param name="place">The place as messages name it.</param>
    /// <param name="reason">Why there is nothing, as in "no shared libpython in ...".</param>
    /// <returns>The candidate, without a path.</returns>
    public static PythonCandidate None(string place, string reason) => new(place, Path: null, reason);
}
