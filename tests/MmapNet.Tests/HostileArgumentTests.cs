using System;
using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// long.MaxValue / long.MinValue where the other test classes do not already put them: each call gives
// CPython's error (measured with CPython 3.13.0 where CPython has the operation) or a .NET argument
// error for the .NET-only views, and never reads or writes outside the map.
public class HostileArgumentTests : MapFixture
{
    private static readonly byte[] s_hex = "0123456789abcdef"u8.ToArray();

    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void PositionSetter_Extremes_AreSeekOutOfRange(long position)
    {
        MemoryMap map = MapContent(s_hex);
        Expect.Error(MmapError.SeekOutOfRange, () => map.Position = position, "value");
        Assert.That(map.Position, Is.Zero);
    }

    [Test]
    public void SetSlice_ExtremeBounds_ClampLikeGetSlice()
    {
        // CPython: m[-sys.maxsize-1:sys.maxsize] is the whole map, m[sys.maxsize:-sys.maxsize-1:-1] all
        // of it backwards; assigning them takes exactly len(m) bytes.
        MemoryMap map = MapContent(s_hex);
        map.SetSlice(long.MinValue, long.MaxValue, 1, "ABCDEFGHIJKLMNOP"u8);
        Assert.That(map.GetSlice(0, 16), Is.EqualTo("ABCDEFGHIJKLMNOP"u8.ToArray()));
        map.SetSlice(long.MaxValue, long.MinValue, -1, "ABCDEFGHIJKLMNOP"u8);
        Assert.That(map.GetSlice(0, 16), Is.EqualTo("PONMLKJIHGFEDCBA"u8.ToArray()));
        map.SetSlice(long.MaxValue, long.MinValue, long.MinValue, "z"u8);
        Assert.That(map[15], Is.EqualTo((byte)'z'));
        map.SetSlice(0, long.MaxValue, long.MaxValue, "y"u8);
        Assert.That(map[0], Is.EqualTo((byte)'y'));
        Expect.Error(MmapError.SliceAssignmentWrongSize, () => map.SetSlice(long.MinValue, long.MaxValue, 1, "short"u8));
        Expect.Error(MmapError.SliceAssignmentWrongSize, () => map.SetSlice(long.MaxValue, long.MinValue, long.MinValue, "zz"u8));
    }

    [Test]
    public void Find_ExtremeStartOnly_Clamps()
    {
        // CPython: find(b"abc", -sys.maxsize-1) == 0 and find(b"abc", sys.maxsize) == -1 on b"abcabcab\nxyz\nabc".
        MemoryMap map = MapContent("abcabcab\nxyz\nabc"u8);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Find("abc"u8, long.MinValue), Is.Zero);
            Assert.That(map.Find("abc"u8, long.MaxValue), Is.EqualTo(-1));
            Assert.That(map.ReverseFind("abc"u8, long.MinValue), Is.EqualTo(13));
            Assert.That(map.ReverseFind("abc"u8, long.MaxValue), Is.EqualTo(-1));
        }
    }

    [Test]
    public void Stream_ExtremePositions_ReadNothingAndRefuseWrites()
    {
        MemoryMap map = MapContent(s_hex);
        using Stream stream = map.AsStream();
        Assert.That(stream.Seek(long.MaxValue, SeekOrigin.Begin), Is.EqualTo(long.MaxValue));
        Assert.That(stream.ReadByte(), Is.EqualTo(-1));
        Assert.That(stream.Read(new byte[4], 0, 4), Is.Zero);
        Assert.Throws<NotSupportedException>(() => stream.WriteByte(1), "a fixed-capacity stream does not grow");
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Seek(1, SeekOrigin.Current), "the position would wrap");
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Seek(long.MaxValue, SeekOrigin.End), "the position would wrap");
        Assert.Throws<IOException>(() => stream.Seek(long.MinValue, SeekOrigin.End), "before the start");
        Assert.That(stream.Position, Is.EqualTo(long.MaxValue));
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(s_hex));
    }

    [Test]
    public void Stream_BufferArgumentsOutsideTheArray_Throw()
    {
        MemoryMap map = MapContent(s_hex);
        using Stream stream = map.AsStream();
        byte[] buffer = new byte[4];
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = stream.Read(buffer, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Write(buffer, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Write(buffer, 0, int.MaxValue));
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(s_hex));
    }

    [Test]
    public void ReadAt_FromTheEnd_ReadsNothing_AndPastIt_IsAnArgumentError()
    {
        MemoryMap map = MapContent(s_hex);
        Assert.That(map.ReadAt(16, new byte[int.MaxValue / 1024]), Is.Zero);
        ArgumentOutOfRangeException? past = Assert.Throws<ArgumentOutOfRangeException>(() => map.ReadAt(long.MaxValue - 1, new byte[16]));
        Assert.That(past!.ParamName, Is.EqualTo("offset"));
    }

    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void Create_ExtremeLengthOrOffsetOnAnonymousMemory_GivesCPythonsErrors(long value)
    {
        // CPython: mmap(-1, sys.maxsize) ENOMEM, mmap(-1, -sys.maxsize-1) the length OverflowError,
        // mmap(-1, 4096, offset=sys.maxsize) EINVAL, offset=-sys.maxsize-1 the offset OverflowError.
        if (value > 0)
        {
            Expect.OSError(Expect.ENOMEM, () => Own(MemoryMap.Create(-1, value)));
            Expect.OSError(Expect.EINVAL, () => Own(MemoryMap.Create(-1, 4096, offset: value)));
        }
        else
        {
            Expect.Error(MmapError.LengthNegative, () => Own(MemoryMap.Create(-1, value)));
            Expect.Error(MmapError.OffsetNegative, () => Own(MemoryMap.Create(-1, 4096, offset: value)));
        }
    }
}
