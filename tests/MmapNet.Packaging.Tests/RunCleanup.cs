using System.IO;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>Removes the run's scratch folder (venvs, wheels, packages) when every test has run.</summary>
[SetUpFixture]
public sealed class RunCleanup
{
    [OneTimeTearDown]
    public void RemoveScratch()
    {
        if (Scratch.Created && Directory.Exists(Scratch.Root))
        {
            Directory.Delete(Scratch.Root, recursive: true);
        }
    }
}
