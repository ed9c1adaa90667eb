using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>Removes the run's scratch folder (venvs, wheels, packages) when every test has run.</summary>
[SetUpFixture]
public sealed class RunCleanup
{
    [OneTimeTearDown]
    public void RemoveScratch() => RunScratch.Remove();
}
