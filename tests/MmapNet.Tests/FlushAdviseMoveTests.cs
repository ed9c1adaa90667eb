using System.Text;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// flush(offset, size), madvise(option, start, length) and move(dest, src, count). Expected outcomes
// measured with CPython 3.13.0 (a 16-byte anonymous map unless stated).
public class FlushAdviseMoveTests : MapFixture
{
    [Test]
    public void Flush_WholeMapAndEmptyRangeAtZero_Succeed()
    {
        // CPython: flush() and flush(0, 0) return None, on anonymous and file maps alike.
        MemoryMap anonymous = MapAnonymous(16);
        MemoryMap file = Map(CreateFile(3 * MemoryMap.PageSize));
        Assert.DoesNotThrow(() => anonymous.Flush());
        Assert.DoesNotThrow(() => anonymous.Flush(0, 0));
        Assert.DoesNotThrow(() => file.Flush());
        Assert.DoesNotThrow(() => file.Flush(MemoryMap.PageSize, MemoryMap.PageSize));
    }

    [Test]
    public void Flush_OffsetWithoutSize_TheSizeIsTheWholeMapNotTheRest()
    {
        // CPython: on an 8192-byte map, flush(4096) raises ValueError("flush values out of range"):
        // the default size is len(m), whatever the offset.
        MemoryMap map = Map(CreateFile(2 * MemoryMap.PageSize));
        Expect.Error(MmapError.FlushOutOfRange, () => map.Flush(MemoryMap.PageSize));
    }

    [TestCase(1L, 1L)]
    [TestCase(16L, 0L)]
    public void Flush_UnalignedOffset_IsEinvalFromMsync(long offset, long size)
    {
        // CPython: flush(1, 1) and flush(16, 0) raise OSError(EINVAL).
        MemoryMap map = MapAnonymous(16);
        Expect.OSError(Expect.EINVAL, () => map.Flush(offset, size));
    }

    [TestCase(17L, 0L, "offset")]
    [TestCase(0L, 17L, "size")]
    [TestCase(-1L, 1L, "offset")]
    [TestCase(0L, -1L, "size")]
    [TestCase(0L, long.MaxValue, "size")]
    [TestCase(long.MaxValue, 0L, "offset")]
    [TestCase(long.MaxValue, long.MaxValue, "offset")]
    [TestCase(long.MinValue, 0L, "offset")]
    [TestCase(0L, long.MinValue, "size")]
    [TestCase(4096L, 0L, "offset")]
    public void Flush_OutOfRange_IsValueError(long offset, long size, string argument)
    {
        // CPython: flush(17, 0), flush(0, sys.maxsize), flush(-sys.maxsize-1, 0), flush(4096, 0),
        // flush(-1, 1), flush(0, -1) raise ValueError("flush values out of range"). .NET: the argument
        // exception names the offset when it is outside the map, else the size.
        MemoryMap map = MapAnonymous(16);
        Expect.Error(MmapError.FlushOutOfRange, () => map.Flush(offset, size), argument);
    }

    [TestCase(MapAccess.Read)]
    [TestCase(MapAccess.Copy)]
    public void Flush_ReadOnlyOrCopyMap_DoesNothingButStillChecksTheRange(MapAccess access)
    {
        // CPython on ACCESS_READ: flush() and flush(1, 1) return None; flush(0, 99999) raises the range error.
        MemoryMap map = Map(CreateFile(100), access: access);
        Assert.DoesNotThrow(() => map.Flush());
        Assert.DoesNotThrow(() => map.Flush(1, 1));
        Expect.Error(MmapError.FlushOutOfRange, () => map.Flush(0, 99999));
    }

    [TestCase(MemoryAdvice.Normal)]
    [TestCase(MemoryAdvice.Random)]
    [TestCase(MemoryAdvice.Sequential)]
    [TestCase(MemoryAdvice.WillNeed)]
    public void Advise_WholeMap_Succeeds(MemoryAdvice advice)
    {
        MemoryMap map = Map(CreateFile(2 * MemoryMap.PageSize));
        Assert.DoesNotThrow(() => map.Advise(advice));
        Assert.DoesNotThrow(() => map.Advise(advice, MemoryMap.PageSize));
        Assert.DoesNotThrow(() => map.Advise(advice, 0, 0));
    }

    [Test]
    public void Advise_LengthPastTheEnd_IsClippedToTheMap()
    {
        // CPython: madvise(MADV_NORMAL, 0, sys.maxsize) returns None.
        MemoryMap map = MapAnonymous(16);
        Assert.DoesNotThrow(() => map.Advise(MemoryAdvice.Normal, 0, long.MaxValue));
    }

    [Test]
    public void Advise_DontNeedOnSharedAnonymousMemory_KeepsTheContent()
    {
        // CPython: after madvise(MADV_DONTNEED) a shared anonymous map still reads what was written.
        MemoryMap map = MapAnonymous(16);
        map.Write("2345"u8);
        map.Advise(MemoryAdvice.DontNeed);
        Assert.That(map.GetSlice(0, 4), Is.EqualTo("2345"u8.ToArray()));
    }

    [TestCase(16L)]
    [TestCase(-1L)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void Advise_StartOutsideTheMap_IsValueError(long start)
    {
        // CPython: madvise(0, 16), madvise(0, -1), madvise(0, sys.maxsize), madvise(0, -sys.maxsize-1)
        // raise ValueError("madvise start out of bounds").
        MemoryMap map = MapAnonymous(16);
        Expect.Error(MmapError.AdviseStartOutOfBounds, () => map.Advise(MemoryAdvice.Normal, start));
    }

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    public void Advise_NegativeLength_IsValueError(long length)
    {
        MemoryMap map = MapAnonymous(16);
        Expect.Error(MmapError.AdviseLengthInvalid, () => map.Advise(MemoryAdvice.Normal, 0, length));
    }

    [Test]
    public void Advise_StartPlusLengthOverflows_IsOverflowError()
    {
        // CPython: madvise(MADV_NORMAL, 1, sys.maxsize) raises OverflowError("madvise length too large").
        MemoryMap map = MapAnonymous(16);
        Expect.Error(MmapError.AdviseLengthTooLarge, () => map.Advise(MemoryAdvice.Normal, 1, long.MaxValue));
    }

    [Test]
    public void Advise_UnalignedStart_IsEinvalFromMadvise()
    {
        // CPython: madvise(MADV_NORMAL, 1, 1) and madvise(MADV_NORMAL, 15, 1) raise OSError(EINVAL).
        MemoryMap map = MapAnonymous(16);
        Expect.OSError(Expect.EINVAL, () => map.Advise(MemoryAdvice.Normal, 1, 1));
        Expect.OSError(Expect.EINVAL, () => map.Advise(MemoryAdvice.Normal, 15, 1));
    }

    [Test]
    public void Advise_UnknownAdvice_IsEinvalFromMadvise()
    {
        // CPython: madvise(12345, 0) raises OSError(EINVAL).
        MemoryMap map = MapAnonymous(16);
        Expect.OSError(Expect.EINVAL, () => map.Advise((MemoryAdvice)12345));
    }

    [Test]
    public void Move_OverlappingForward_CopiesAsMemmove()
    {
        // CPython: move(2, 0, 8) on b"0123456789abcdef" gives b'0101234567abcdef'.
        MemoryMap map = MapContent("0123456789abcdef"u8);
        map.Move(2, 0, 8);
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo("0101234567abcdef"));
    }

    [Test]
    public void Move_OverlappingBackward_CopiesAsMemmove()
    {
        // CPython: move(0, 2, 8) on b"0123456789abcdef" gives b'2345678989abcdef'.
        MemoryMap map = MapContent("0123456789abcdef"u8);
        map.Move(0, 2, 8);
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo("2345678989abcdef"));
    }

    [Test]
    public void Move_ZeroBytesAtTheEnd_Succeeds_AndDoesNotMoveThePosition()
    {
        // CPython: move(16, 16, 0) returns None.
        MemoryMap map = MapContent("0123456789abcdef"u8);
        map.Seek(3);
        Assert.DoesNotThrow(() => map.Move(16, 16, 0));
        Assert.DoesNotThrow(() => map.Move(0, 8, 8));
        Assert.That(map.Position, Is.EqualTo(3));
    }

    [TestCase(17L, 0L, 0L, "destination")]
    [TestCase(0L, 17L, 0L, "source")]
    [TestCase(0L, 1L, 16L, "count")]
    [TestCase(1L, 0L, 16L, "count")]
    [TestCase(-1L, 0L, 1L, "destination")]
    [TestCase(0L, -1L, 1L, "source")]
    [TestCase(0L, 0L, -1L, "count")]
    [TestCase(long.MaxValue, 0L, 1L, "destination")]
    [TestCase(0L, long.MaxValue, 1L, "source")]
    [TestCase(0L, 0L, long.MaxValue, "count")]
    [TestCase(long.MinValue, 0L, 1L, "destination")]
    [TestCase(0L, long.MinValue, 1L, "source")]
    [TestCase(0L, 0L, long.MinValue, "count")]
    [TestCase(long.MaxValue, long.MaxValue, long.MaxValue, "destination")]
    public void Move_OutOfRange_IsValueErrorAndWritesNothing(long destination, long source, long count, string argument)
    {
        // CPython: move(0, 1, 16), move(-1, 0, 1), move(17, 0, 0), move(sys.maxsize, 0, 1),
        // move(0, sys.maxsize, 1), move(0, 0, sys.maxsize), move(0, 0, -sys.maxsize-1) raise
        // ValueError("source, destination, or count out of range"). .NET: the argument exception names
        // the destination or the source when it is outside the map, else the count.
        MemoryMap map = MapContent("0123456789abcdef"u8);
        Expect.Error(MmapError.MoveOutOfRange, () => map.Move(destination, source, count), argument);
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo("0123456789abcdef"));
    }
}
