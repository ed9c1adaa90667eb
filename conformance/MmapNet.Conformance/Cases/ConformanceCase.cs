namespace MmapNet.Conformance.Cases;

/// <summary>One conformance case: a Python script at <c>&lt;cases root&gt;/&lt;area&gt;/&lt;name&gt;.py</c>.</summary>
/// <param name="Area">The folder the case is in, for example <c>find</c>.</param>
/// <param name="Name">The file name without <c>.py</c>, for example <c>find_default_start_is_position</c>.</param>
/// <param name="FilePath">The full path of the script.</param>
/// <param name="CasesRoot">The cases root folder the case was found under (on the case's sys.path, for shared helpers).</param>
public sealed record ConformanceCase(string Area, string Name, string FilePath, string CasesRoot)
{
    /// <summary><c>area/name</c>: what <c>-k</c> matches against and what reports show.</summary>
    public string Id => $"{Area}/{Name}";

    /// <summary>Returns <see cref="Id"/>.</summary>
    public override string ToString() => Id;
}
