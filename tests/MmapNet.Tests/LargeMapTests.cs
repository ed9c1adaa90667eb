using System;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// Maps longer than a .NET array can be (Array.MaxLength). CPython returns such reads as one bytes
// object; .NET cannot, so these must fail before changing anything: Read's count, and GetSlice's bounds,
// ask for more than an array holds (argument exceptions); ReadLine has no argument, and its line is too
// long (InvalidOperationException). The memory is private, anonymous
// and never touched beyond a page or two, so it costs address space only.
public class LargeMapTests : MapFixture
{
    private const long Large = (1L << 31) + (2 * 4096);

    private MemoryMap MapLarge() => MapAnonymous(Large, MapFlags.Private | MapFlags.NoReserve);

    [TestCase(-1L)]
    [TestCase(long.MaxValue)]
    [TestCase(int.MaxValue)]
    [TestCase(0x7FFFFFC8L)] // Array.MaxLength + 1
    public void Read_MoreThanAnArrayCanHold_FailsWithoutMovingThePosition(long count)
    {
        MemoryMap map = MapLarge();
        map.Seek(1);
        ArgumentOutOfRangeException? tooMuch = Assert.Throws<ArgumentOutOfRangeException>(() => map.Read(count));
        Assert.That(tooMuch!.ParamName, Is.EqualTo("count"));
        Assert.That(map.Position, Is.EqualTo(1), "no bytes were returned, so none were consumed");
        Assert.That(map.Read(3), Has.Length.EqualTo(3));
        Assert.That(map.Position, Is.EqualTo(4));
    }

    [Test]
    public void ReadLine_LongerThanAnArrayCanHold_FailsWithoutMovingThePosition()
    {
        // No newline in the 2 GiB of zeros after the position: the line is the rest of the map.
        MemoryMap map = MapLarge();
        map.Seek(1);
        Assert.Throws<InvalidOperationException>(() => map.ReadLine());
        Assert.That(map.Position, Is.EqualTo(1));
        map.WriteAt(3, "\n"u8);
        Assert.That(map.ReadLine(), Is.EqualTo("\0\0\n"u8.ToArray()));
    }

    [Test]
    public void Read_AsMuchAsAnArrayCanHold_CountIsKeptInRange()
    {
        // Reading at the very end of a large map works like any other read.
        MemoryMap map = MapLarge();
        map.Seek(Large - 5);
        map.WriteAt(Large - 1, "z"u8);
        Assert.That(map.Read(), Is.EqualTo("\0\0\0\0z"u8.ToArray()));
        Assert.That(map.Position, Is.EqualTo(Large));
    }

    [Test]
    public void GetSlice_MoreThanAnArrayCanHold_FailsWithoutTouchingTheMap()
    {
        MemoryMap map = MapLarge();
        Assert.Throws<ArgumentException>(() => map.GetSlice(0, long.MaxValue));
        Assert.Throws<ArgumentException>(() => map.GetSlice(long.MaxValue, long.MinValue, -1));
        Assert.Throws<ArgumentException>(() => map.GetSlice(0, 0x7FFFFFC8L)); // Array.MaxLength + 1
        Assert.That(map.GetSlice(Large - 2, long.MaxValue), Is.EqualTo(new byte[2]));
    }

    [Test]
    public void Length_AndSeek_WorkPastInt32()
    {
        MemoryMap map = MapLarge();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(Large));
            Assert.That(map.Seek(0, System.IO.SeekOrigin.End), Is.EqualTo(Large));
            Assert.That(map.Seek(-Large, System.IO.SeekOrigin.End), Is.Zero);
            Assert.That(map[Large - 1], Is.Zero);
            Assert.That(map[-Large], Is.Zero);
        }

        Expect.Error(MmapError.IndexOutOfRange, () => _ = map[Large]);
        Expect.Error(MmapError.IndexOutOfRange, () => _ = map[-Large - 1]);
    }
}
