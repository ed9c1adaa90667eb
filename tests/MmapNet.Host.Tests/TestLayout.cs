namespace MmapNet.Host.Tests;

/// <summary>What the host tests add to <see cref="TestSupport.RepositoryLayout"/>.</summary>
internal static class TestLayout
{
    /// <summary>This assembly, which holds <see cref="MapProbe"/> for the scripts' <c>clr.AddReference</c>.</summary>
    public static string TestAssembly => typeof(MapProbe).Assembly.Location;
}
