using System.IO;
using System.Reflection.PortableExecutable;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// A checkout's CoreCLR route loads ReadyToRun images from <c>precompiled/</c> beside the build output
/// (src/ReadyToRun.targets): with tiered compilation off, IL would be compiled fully optimized at each first call, in
/// every short script. The build output itself stays IL: NuGet packs it and other projects copy it, for every
/// architecture, and a runtime refuses an image made for another.
/// </summary>
[TestFixture]
public sealed class PrecompiledBuildTests
{
    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void BesideTheBuildOutput_TheAssemblyIsAReadyToRunImage(string fileName)
    {
        Assert.That(IsReadyToRunImage(Path.Combine(RepositoryLayout.AssemblyFolder, "precompiled", fileName)), Is.True);
    }

    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void TheBuildOutputItself_IsIlOnly(string fileName)
    {
        Assert.That(IsReadyToRunImage(Path.Combine(RepositoryLayout.AssemblyFolder, fileName)), Is.False);
    }

    // A ReadyToRun image points at its native header from the CLI header; an IL-only assembly has none.
    private static bool IsReadyToRunImage(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using PEReader reader = new(stream);
        CorHeader? header = reader.PEHeaders.CorHeader;
        Assert.That(header, Is.Not.Null, $"{path} is not a .NET assembly");
        return header!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
