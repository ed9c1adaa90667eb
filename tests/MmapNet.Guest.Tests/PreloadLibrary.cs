using System.IO;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>The small C libraries of Native/ that tests preload into a Python process, built with gcc (which .ci/setup installs).</summary>
internal static class PreloadLibrary
{
    /// <summary>Builds Native/<paramref name="name"/>.c into a shared library in a fresh folder; returns its path.</summary>
    public static string Build(string name)
    {
        string folder = Directory.CreateTempSubdirectory("mmapnet-preload-").FullName;
        string library = Path.Combine(folder, name + ".so");
        string source = RepositoryLayout.BesideTests(Path.Combine("Native", name + ".c"));
        ChildResult result = ChildProcess.RunAsync("gcc", ["-shared", "-fPIC", "-O2", "-o", library, source, "-ldl"]).GetAwaiter().GetResult();
        Assert.That(result.ExitCode, Is.Zero, $"gcc could not build {name}.so:\n" + result.Describe());
        return library;
    }
}
