using System.Collections.Generic;
using MmapNet.Conformance.Stdlib;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>Reading unittest's verbose output.</summary>
[TestFixture]
public sealed class UnittestReportTests
{
    private const string Python312Failed = """
        test_find (test.test_mmap.MmapTests.test_find) ... ok
        test_read_byte (test.test_mmap.MmapTests.test_read_byte)
        Reads one byte. ... FAIL
        test_repr (test.test_mmap.MmapTests.test_repr) ... ERROR
        test_tagname (test.test_mmap.MmapTests.test_tagname) ... skipped 'requires Windows'
        test_odd (test.test_mmap.MmapTests.test_odd) ... expected failure

        ======================================================================
        FAIL: test_read_byte (test.test_mmap.MmapTests.test_read_byte)
        ----------------------------------------------------------------------
        AssertionError: b'A' != 65

        ----------------------------------------------------------------------
        Ran 5 tests in 0.012s

        FAILED (failures=1, errors=1, skipped=1, expected failures=1)
        """;

    [Test]
    public void ReadsTheClosingCountsAndCountsPassesFromTheVerboseLines()
    {
        UnittestReport? report = UnittestReport.Parse(Python312Failed);

        Assert.That(report, Is.EqualTo(new UnittestReport(5, 2, 1, 1, 1, 1, 0)));
    }

    [Test]
    public void ReadsEachTestsResultWhateverTheVersionsNaming()
    {
        const string Python310 = """
            test_find (test.test_mmap.MmapTests) ... ok
            test_large (test.test_mmap.LargeMmapTests) ... skipped 'no resource'
            ----------------------------------------------------------------------
            Ran 2 tests in 0.001s

            OK (skipped=1)
            """;

        Assert.Multiple(() =>
        {
            Assert.That(UnittestReport.ParseTestResults(Python310), Is.EqualTo(new Dictionary<string, string>
            {
                ["LargeMmapTests.test_large"] = "skipped",
                ["MmapTests.test_find"] = "ok",
            }));
            Assert.That(UnittestReport.ParseTestResults(Python312Failed), Is.EqualTo(new Dictionary<string, string>
            {
                ["MmapTests.test_find"] = "ok",
                ["MmapTests.test_odd"] = "expected failure",
                ["MmapTests.test_read_byte"] = "FAIL",
                ["MmapTests.test_repr"] = "ERROR",
                ["MmapTests.test_tagname"] = "skipped",
            }));
        });
    }

    [Test]
    public void OutputCutShortHasNoCountsAndNamesTheTestItStoppedIn()
    {
        const string Crashed = """
            test_find (test.test_mmap.MmapTests.test_find) ... ok
            test_resize (test.test_mmap.MmapTests.test_resize) ... Fatal Python error: Segmentation fault

            Current thread 0x00007f (most recent call first):
              File "/x/wrongmmap.py", line 60 in resize
            """;

        Assert.Multiple(() =>
        {
            Assert.That(UnittestReport.Parse(Crashed), Is.Null);
            Assert.That(UnittestReport.ParseTestResults(Crashed), Is.EqualTo(new Dictionary<string, string>
            {
                ["MmapTests.test_find"] = "ok",
                ["MmapTests.test_resize"] = UnittestReport.Unfinished,
            }));
        });
    }
}
