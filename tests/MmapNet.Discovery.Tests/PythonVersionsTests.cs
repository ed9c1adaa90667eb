using System;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Discovery.Tests;

/// <summary>
/// The one reader of a CPython version text (src/Shared/PythonVersionText.cs, which MmapNet.CPython compiles in too, for
/// the running interpreter's <c>Py_GetVersion</c>), on each kind of text it is given.
/// </summary>
[TestFixture]
public sealed class PythonVersionsTests
{
    [TestCase("3.12.1 (main, Jan  1 2024, 00:00:00) [GCC 12.2.0]", "3.12.1")] // Py_GetVersion of a release
    [TestCase("3.13.0rc1+ (heads/3.13:0123abc, Sep 1 2024) [Clang 17.0.0]", "3.13.0")] // a pre-release built from a branch
    [TestCase("3.11.7", "3.11.7")] // a pyenv version folder
    [TestCase("3.12.so.1.0", "3.12.0")] // the tail of libpython3.12.so.1.0
    [TestCase("3.12", "3.12.0")]
    public void ReadsTheLeadingVersion(string text, string expected) =>
        Assert.That(PythonVersions.Parse(text), Is.EqualTo(Version.Parse(expected)));

    [TestCase("system")] // pyenv's name for the system's Python
    [TestCase("3")]
    [TestCase("")]
    public void AnyOtherTextIsNoVersion(string text) =>
        Assert.That(PythonVersions.Parse(text), Is.Null);
}
