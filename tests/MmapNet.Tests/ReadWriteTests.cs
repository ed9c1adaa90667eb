using System;
using System.IO;
using System.Linq;
using System.Text;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// read/read_byte/readline/write/write_byte and the position. Expected values measured with CPython 3.13.0.
public class ReadWriteTests : MapFixture
{
    private const string Text = "abcabcab\nxyz\nabc";

    private MemoryMap CreateTextMap() => MapContent(Encoding.ASCII.GetBytes(Text));

    [Test]
    public void Read_CountsAndClampsLikeCPython()
    {
        // CPython: read(3) == b'abc', then read(-5) is the rest and tell() == 16, read(1) at the end is b''.
        MemoryMap map = CreateTextMap();
        Assert.That(map.Read(3), Is.EqualTo("abc"u8.ToArray()));
        Assert.That(map.Read(-5), Is.EqualTo(Encoding.ASCII.GetBytes(Text[3..])));
        Assert.That(map.Position, Is.EqualTo(16));
        Assert.That(map.Read(1), Is.Empty);
        Assert.That(map.Read(), Is.Empty);
        Assert.That(map.Position, Is.EqualTo(16));
    }

    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    [TestCase(-1L)]
    [TestCase(17L)]
    public void Read_HugeOrNegativeCount_ReadsToTheEnd(long count)
    {
        // CPython: read(sys.maxsize) and read(-sys.maxsize-1) both return all 16 bytes.
        MemoryMap map = CreateTextMap();
        Assert.That(map.Read(count), Is.EqualTo(Encoding.ASCII.GetBytes(Text)));
        Assert.That(map.Position, Is.EqualTo(16));
    }

    [Test]
    public void Read_Zero_ReadsNothingAndKeepsThePosition()
    {
        MemoryMap map = CreateTextMap();
        Assert.That(map.Read(0), Is.Empty);
        Assert.That(map.Position, Is.Zero);
    }

    [Test]
    public void ReadIntoSpan_ReadsUpToTheSpanOrTheEnd()
    {
        MemoryMap map = CreateTextMap();
        byte[] buffer = new byte[10];
        Assert.That(map.Read(buffer.AsSpan()), Is.EqualTo(10));
        Assert.That(buffer, Is.EqualTo(Encoding.ASCII.GetBytes(Text[..10])));
        Assert.That(map.Read(buffer.AsSpan()), Is.EqualTo(6));
        Assert.That(buffer[..6], Is.EqualTo(Encoding.ASCII.GetBytes(Text[10..])));
        Assert.That(map.Read(buffer.AsSpan()), Is.Zero);
        Assert.That(map.Position, Is.EqualTo(16));
    }

    [Test]
    public void ReadByte_ReturnsTheByteAndAdvances_ThenFailsAtTheEnd()
    {
        // CPython: read_byte() returns an int (97 for 'a'); at the end ValueError("read byte out of range").
        MemoryMap map = CreateTextMap();
        Assert.That(map.ReadByte(), Is.EqualTo(97));
        Assert.That(map.Position, Is.EqualTo(1));
        map.Seek(0, SeekOrigin.End);
        Expect.Error(MmapError.ReadByteOutOfRange, () => map.ReadByte());
        Assert.That(map.Position, Is.EqualTo(16));
    }

    [Test]
    public void ReadLine_ReturnsLinesWithTheirNewline_ThenTheRest_ThenNothing()
    {
        // CPython: b'abcabcab\n', b'xyz\n', b'abc', b'' and tell() == 16.
        MemoryMap map = CreateTextMap();
        Assert.That(map.ReadLine(), Is.EqualTo("abcabcab\n"u8.ToArray()));
        Assert.That(map.ReadLine(), Is.EqualTo("xyz\n"u8.ToArray()));
        Assert.That(map.ReadLine(), Is.EqualTo("abc"u8.ToArray()));
        Assert.That(map.ReadLine(), Is.Empty);
        Assert.That(map.Position, Is.EqualTo(16));
    }

    [Test]
    public void ReadLine_FromTheMiddleOfALine()
    {
        // CPython on b"hello\nworld\n" after seek(3): b'lo\n', b'world\n', b'', tell() == 12.
        MemoryMap map = MapContent("hello\nworld\n"u8);
        map.Seek(3);
        Assert.That(map.ReadLine(), Is.EqualTo("lo\n"u8.ToArray()));
        Assert.That(map.ReadLine(), Is.EqualTo("world\n"u8.ToArray()));
        Assert.That(map.ReadLine(), Is.Empty);
        Assert.That(map.Position, Is.EqualTo(12));
    }

    [Test]
    public void ReadLine_LinesOfTensOfKilobytes()
    {
        // The line ends are found by vectorised search over many blocks. CPython on
        // b"a" * 65535 + b"\n" + b"b" * 70000 + b"\n" + b"c" * 64464: lengths 65536, 70001, 64464, 0; tell() == 200001.
        byte[] content = [.. Enumerable.Repeat((byte)'a', 65535), (byte)'\n', .. Enumerable.Repeat((byte)'b', 70000), (byte)'\n',
            .. Enumerable.Repeat((byte)'c', 64464)];
        MemoryMap map = MapContent(content);
        Assert.That(map.ReadLine(), Is.EqualTo(content[..65536]));
        Assert.That(map.ReadLine(), Is.EqualTo(content[65536..135537]));
        Assert.That(map.ReadLine(), Is.EqualTo(content[135537..]));
        Assert.That(map.ReadLine(), Is.Empty);
        Assert.That(map.Position, Is.EqualTo(200001));
    }

    [Test]
    public void Write_ReturnsTheCountAndAdvances()
    {
        // CPython: write(b"AB") at 0 returns 2; write(b"") at the end returns 0.
        MemoryMap map = CreateTextMap();
        Assert.That(map.Write("AB"u8), Is.EqualTo(2));
        Assert.That(map.Position, Is.EqualTo(2));
        map.Seek(16);
        Assert.That(map.Write([]), Is.Zero);
        Assert.That(map.GetSlice(0, 3), Is.EqualTo("ABc"u8.ToArray()));
    }

    [Test]
    public void Write_PastTheEnd_IsDataOutOfRangeAndWritesNothing()
    {
        // CPython: seek(14); write(b"abc") on 16 bytes raises ValueError("data out of range").
        MemoryMap map = CreateTextMap();
        map.Seek(14);
        Expect.Error(MmapError.DataOutOfRange, () => map.Write("XYZ"u8));
        Assert.That(map.Position, Is.EqualTo(14));
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(Encoding.ASCII.GetBytes(Text)));
    }

    [Test]
    public void Write_ExactlyToTheEnd_Succeeds()
    {
        MemoryMap map = CreateTextMap();
        map.Seek(13);
        Assert.That(map.Write("XYZ"u8), Is.EqualTo(3));
        Assert.That(map.Position, Is.EqualTo(16));
        Assert.That(map.GetSlice(13, 16), Is.EqualTo("XYZ"u8.ToArray()));
    }

    [Test]
    public void WriteByte_WritesAndAdvances_ThenFailsAtTheEnd()
    {
        // CPython: write_byte(0x41) at 0 moves tell() to 1; at the end ValueError("write byte out of range").
        MemoryMap map = CreateTextMap();
        map.WriteByte(0x41);
        Assert.That(map.Position, Is.EqualTo(1));
        Assert.That(map[0], Is.EqualTo(0x41));
        map.Seek(0, SeekOrigin.End);
        Expect.Error(MmapError.WriteByteOutOfRange, () => map.WriteByte(1));
    }

    [Test]
    public void ReadAtAndWriteAt_DoNotMoveThePosition()
    {
        MemoryMap map = CreateTextMap();
        map.Seek(5);
        byte[] buffer = new byte[4];
        Assert.That(map.ReadAt(13, buffer), Is.EqualTo(3));
        Assert.That(buffer[..3], Is.EqualTo("abc"u8.ToArray()));
        Assert.That(map.ReadAt(16, buffer), Is.Zero);
        map.WriteAt(0, "XY"u8);
        Assert.That(map.Position, Is.EqualTo(5));
        Assert.That(map.GetSlice(0, 2), Is.EqualTo("XY"u8.ToArray()));
    }

    [Test]
    public void WriteAt_OfTheMapsOwnBytes_StoresThemBack()
    {
        // Every copy into the map is libc's memmove, as CPython's: storing a private map's own bytes over
        // themselves writes the page, which makes it the map's own copy, so a later write to the file
        // through another map no longer shows in it. (A copy that skips source == destination would leave
        // the page shared with the file.)
        string path = CreateFile(new byte[10]);
        MemoryMap privateMap = Map(path, flags: MapFlags.Private);
        MemoryMap sharedMap = Map(path);
        using (MemoryMapPin pin = privateMap.Pin())
        {
            privateMap.WriteAt(3, pin.ReadOnlySpan[3..10]);
        }

        sharedMap.WriteAt(0, "dcgh"u8);
        Assert.That(privateMap.GetSlice(0, 4), Is.EqualTo(new byte[4]));
    }

    [Test]
    public void StreamWrite_OfTheMapsOwnBytes_StoresThemBack()
    {
        // The stream's writes take the same one path into the map as WriteAt (above).
        string path = CreateFile(new byte[10]);
        MemoryMap privateMap = Map(path, flags: MapFlags.Private);
        MemoryMap sharedMap = Map(path);
        using (MemoryMapPin pin = privateMap.Pin())
        using (Stream stream = privateMap.AsStream())
        {
            stream.Position = 3;
            stream.Write(pin.ReadOnlySpan[3..10]);
        }

        sharedMap.WriteAt(0, "dcgh"u8);
        Assert.That(privateMap.GetSlice(0, 4), Is.EqualTo(new byte[4]));
    }

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    [TestCase(17L)]
    [TestCase(long.MaxValue)]
    public void ReadAt_OffsetOutsideTheMap_IsArgumentOutOfRange(long offset)
    {
        MemoryMap map = CreateTextMap();
        ArgumentOutOfRangeException? exception = Assert.Throws<ArgumentOutOfRangeException>(() => map.ReadAt(offset, new byte[1]));
        Assert.That(exception!.ParamName, Is.EqualTo("offset"));
    }

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    [TestCase(17L)]
    [TestCase(long.MaxValue)]
    public void WriteAt_OffsetOutsideTheMap_IsArgumentOutOfRange(long offset)
    {
        // The same failure as Python's write() past the end (data out of range), reported as the bad argument it is.
        MemoryMap map = CreateTextMap();
        ArgumentOutOfRangeException? exception = Assert.Throws<ArgumentOutOfRangeException>(() => map.WriteAt(offset, "ab"u8));
        Assert.That(exception!.ParamName, Is.EqualTo("offset"));
        Assert.That(MmapErrors.TryGetError(exception, out MmapError error) ? error : MmapError.None, Is.EqualTo(MmapError.DataOutOfRange));
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(Encoding.ASCII.GetBytes(Text)));
    }

    [TestCase(15L, 2)]
    [TestCase(16L, 1)]
    [TestCase(0L, 17)]
    public void WriteAt_SourceNotFittingBeforeTheEnd_IsArgumentException(long offset, int length)
    {
        MemoryMap map = CreateTextMap();
        ArgumentException? exception = Assert.Throws<ArgumentException>(() => map.WriteAt(offset, new byte[length]));
        Assert.That(exception!.ParamName, Is.EqualTo("source"));
        Assert.That(MmapErrors.TryGetError(exception, out MmapError error) ? error : MmapError.None, Is.EqualTo(MmapError.DataOutOfRange));
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(Encoding.ASCII.GetBytes(Text)));
    }

    [Test]
    public void WriteAt_OfNothingAtTheEnd_Succeeds()
    {
        MemoryMap map = CreateTextMap();
        map.WriteAt(16, []);
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(Encoding.ASCII.GetBytes(Text)));
    }
}
