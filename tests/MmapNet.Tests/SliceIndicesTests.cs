namespace MmapNet.Tests;

// SliceIndices.Adjust against CPython's own PySlice_AdjustIndices: each row was produced by calling
// it through ctypes.pythonapi in CPython 3.13.0 (length, start, stop, step -> start', stop', count).
// PySlice_Unpack never passes a step below -sys.maxsize, so the rows with -long.MaxValue stand for
// Python's step=-sys.maxsize-1 too (see StepMinValue_BehavesAsMinusMaxValue).
public class SliceIndicesTests
{
    [TestCase(10L, 0L, 10L, 1L, 0L, 10L, 10L)]
    [TestCase(10L, 2L, 5L, 1L, 2L, 5L, 3L)]
    [TestCase(10L, 0L, 10L, 2L, 0L, 10L, 5L)]
    [TestCase(10L, 0L, 10L, 3L, 0L, 10L, 4L)]
    [TestCase(10L, 9L, -11L, -1L, 9L, -1L, 10L)]
    [TestCase(10L, long.MaxValue, long.MinValue, -1L, 9L, -1L, 10L)]
    [TestCase(10L, long.MinValue, long.MaxValue, 1L, 0L, 10L, 10L)]
    [TestCase(10L, -3L, long.MaxValue, 1L, 7L, 10L, 3L)]
    [TestCase(10L, -100L, 100L, 1L, 0L, 10L, 10L)]
    [TestCase(10L, 100L, -100L, -1L, 9L, -1L, 10L)]
    [TestCase(10L, 5L, 2L, 1L, 5L, 2L, 0L)]
    [TestCase(10L, 2L, 5L, -1L, 2L, 5L, 0L)]
    [TestCase(10L, 0L, 10L, long.MaxValue, 0L, 10L, 1L)]
    [TestCase(10L, 9L, long.MinValue, -long.MaxValue, 9L, -1L, 1L)]
    [TestCase(10L, long.MaxValue, long.MinValue, -long.MaxValue, 9L, -1L, 1L)]
    [TestCase(10L, long.MinValue, long.MaxValue, -1L, -1L, 9L, 0L)]
    [TestCase(10L, 3L, 100L, 5L, 3L, 10L, 2L)]
    [TestCase(10L, 9L, -11L, -5L, 9L, -1L, 2L)]
    [TestCase(10L, 10L, 10L, 1L, 10L, 10L, 0L)]
    [TestCase(10L, -1L, -1L, -1L, 9L, 9L, 0L)]
    [TestCase(0L, 0L, 0L, 1L, 0L, 0L, 0L)]
    [TestCase(0L, long.MaxValue, long.MinValue, -1L, -1L, -1L, 0L)]
    [TestCase(0L, -1L, 1L, 1L, 0L, 0L, 0L)]
    [TestCase(1L, 0L, 1L, 1L, 0L, 1L, 1L)]
    [TestCase(1L, long.MaxValue, long.MinValue, -1L, 0L, -1L, 1L)]
    [TestCase(16L, 10L, 2L, -2L, 10L, 2L, 4L)]
    [TestCase(16L, 15L, -17L, -5L, 15L, -1L, 4L)]
    [TestCase(long.MaxValue, 0L, long.MaxValue, 1L, 0L, long.MaxValue, long.MaxValue)]
    [TestCase(long.MaxValue, long.MinValue, long.MaxValue, 2L, 0L, long.MaxValue, 4611686018427387904L)]
    [TestCase(long.MaxValue, long.MaxValue, long.MinValue, -1L, 9223372036854775806L, -1L, long.MaxValue)]
    [TestCase(long.MaxValue, long.MaxValue, long.MinValue, -long.MaxValue, 9223372036854775806L, -1L, 1L)]
    [TestCase(long.MaxValue, -1L, long.MinValue, -1L, 9223372036854775806L, -1L, long.MaxValue)]
    [TestCase(long.MaxValue, 0L, long.MaxValue, long.MaxValue, 0L, long.MaxValue, 1L)]
    [TestCase(10L, 5L, 5L, -1L, 5L, 5L, 0L)]
    [TestCase(10L, 11L, 0L, -1L, 9L, 0L, 9L)]
    [TestCase(10L, -11L, 9L, 1L, 0L, 9L, 9L)]
    public void Adjust_MatchesPySliceAdjustIndices(long length, long start, long stop, long step, long expectedStart, long expectedStop, long expectedCount)
    {
        long count = SliceIndices.Adjust(length, ref start, ref stop, step);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(start, Is.EqualTo(expectedStart), "start");
            Assert.That(stop, Is.EqualTo(expectedStop), "stop");
            Assert.That(count, Is.EqualTo(expectedCount), "count");
        }
    }

    [TestCase(10L, 9L, long.MinValue)]
    [TestCase(long.MaxValue, long.MaxValue, long.MinValue)]
    [TestCase(10L, long.MinValue, long.MaxValue)]
    public void StepMinValue_BehavesAsMinusMaxValue(long length, long start, long stop)
    {
        // CPython clamps a step of -sys.maxsize-1 to -sys.maxsize before adjusting (m[15:0:-2**63] == b'f').
        long startA = start, stopA = stop, startB = start, stopB = stop;
        long countMin = SliceIndices.Adjust(length, ref startA, ref stopA, long.MinValue);
        long countMax = SliceIndices.Adjust(length, ref startB, ref stopB, -long.MaxValue);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(countMin, Is.EqualTo(countMax));
            Assert.That(startA, Is.EqualTo(startB));
            Assert.That(stopA, Is.EqualTo(stopB));
        }
    }
}
