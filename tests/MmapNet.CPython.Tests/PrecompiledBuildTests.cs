using System.IO;
using System.Reflection.PortableExecutable;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// The CoreCLR route's assemblies in the build output are ReadyToRun images (src/ReadyToRun.targets): with tiered
/// compilation off, IL there would be compiled fully optimized at each first call, in every short script. These tests
/// run after the test project's own build has built MmapNet.CPython again, the incremental build that once copied the
/// IL back over the images.
/// </summary>
[TestFixture]
public sealed class PrecompiledBuildTests
{
    [TestCase("MmapNet.dll")]
    [TestCase("MmapNet.CPython.dll")]
    public void TheBuildOutputsAssembly_IsAReadyToRunImage(string fileName)
    {
        string path = Path.Combine(RepositoryLayout.AssemblyFolder, fileName);
        using FileStream stream = File.OpenRead(path);
        using PEReader reader = new(stream);
        CorHeader? header = reader.PEHeaders.CorHeader;
        Assert.That(header, Is.Not.Null, $"{path} is not a .NET assembly");
        // A ReadyToRun image points at its native header from the CLI header; an IL-only assembly has none.
        Assert.That(header!.ManagedNativeHeaderDirectory.Size, Is.GreaterThan(0), $"{path} is IL only, not precompiled");
    }
}
