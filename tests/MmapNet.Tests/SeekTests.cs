using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// seek(pos, whence) on a 16-byte map. Expected values measured with CPython 3.13.0, where seek
// returns the new absolute position.
public class SeekTests : MapFixture
{
    [Test]
    public void Seek_EachOrigin_ReturnsAndSetsTheNewPosition()
    {
        // CPython: seek(16) == 16, seek(-1, 1) == 15, seek(-16, 2) == 0, seek(0, 2) == 16.
        MemoryMap map = MapAnonymous(16);
        Assert.That(map.Seek(16), Is.EqualTo(16));
        Assert.That(map.Seek(-1, SeekOrigin.Current), Is.EqualTo(15));
        Assert.That(map.Position, Is.EqualTo(15));
        Assert.That(map.Seek(-16, SeekOrigin.End), Is.EqualTo(0));
        Assert.That(map.Seek(0, SeekOrigin.End), Is.EqualTo(16));
        Assert.That(map.Seek(5, SeekOrigin.Begin), Is.EqualTo(5));
        Assert.That(map.Seek(3, SeekOrigin.Current), Is.EqualTo(8));
    }

    [TestCase(17L, SeekOrigin.Begin)]
    [TestCase(-1L, SeekOrigin.Begin)]
    [TestCase(long.MinValue, SeekOrigin.Begin)]
    [TestCase(long.MaxValue, SeekOrigin.Begin)]
    [TestCase(-17L, SeekOrigin.End)]
    [TestCase(1L, SeekOrigin.End)]
    [TestCase(long.MaxValue, SeekOrigin.End)]
    [TestCase(long.MinValue, SeekOrigin.End)]
    [TestCase(long.MaxValue, SeekOrigin.Current)]
    [TestCase(long.MinValue, SeekOrigin.Current)]
    [TestCase(-6L, SeekOrigin.Current)]
    [TestCase(12L, SeekOrigin.Current)]
    public void Seek_OutOfRange_IsValueErrorAndKeepsThePosition(long offset, SeekOrigin origin)
    {
        // CPython: seek(8193), seek(-1), seek(-17, 2), seek(1, 2), seek(sys.maxsize, 1),
        // seek(sys.maxsize, 2), seek(-sys.maxsize-1, 1|2|0) raise ValueError("seek out of range").
        MemoryMap map = MapAnonymous(16);
        map.Seek(5);
        Expect.Error(MmapError.SeekOutOfRange, () => map.Seek(offset, origin));
        Assert.That(map.Position, Is.EqualTo(5));
    }

    [TestCase(3)]
    [TestCase(-1)]
    [TestCase(int.MaxValue)]
    public void Seek_UnknownWhence_IsValueError(int whence)
    {
        // CPython: seek(0, 3) and seek(0, -1) raise ValueError("unknown seek type").
        MemoryMap map = MapAnonymous(16);
        Expect.Error(MmapError.UnknownSeekType, () => map.Seek(0, (SeekOrigin)whence));
    }

    [Test]
    public void Position_Setter_SeeksFromTheStart()
    {
        MemoryMap map = MapAnonymous(16);
        map.Position = 16;
        Assert.That(map.Position, Is.EqualTo(16));
        Expect.Error(MmapError.SeekOutOfRange, () => map.Position = 17, "value");
        Expect.Error(MmapError.SeekOutOfRange, () => map.Position = -1, "value");
        Assert.That(map.Position, Is.EqualTo(16));
    }
}
