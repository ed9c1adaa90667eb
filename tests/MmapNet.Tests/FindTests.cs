using System.Text;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// find/rfind over the 16 bytes "abcabcab\nxyz\nabc". Every expected index was measured with CPython
// 3.13.0 (m.find(*args) and m.rfind(*args) on a map with that content, position 0 unless stated).
public class FindTests : MapFixture
{
    private const string Text = "abcabcab\nxyz\nabc";

    private MemoryMap CreateTextMap() => MapContent(Encoding.ASCII.GetBytes(Text));

    [TestCase("abc", 0L)]
    [TestCase("\n", 8L)]
    [TestCase("", 0L)]
    [TestCase("abcabcab\nxyz\nabcX", -1L)] // longer than the map
    [TestCase("zzz", -1L)]
    public void Find_WithoutBounds_SearchesFromThePosition(string needle, long expected)
    {
        MemoryMap map = CreateTextMap();
        Assert.That(map.Find(Encoding.ASCII.GetBytes(needle)), Is.EqualTo(expected));
    }

    [TestCase("abc", 13L)]
    [TestCase("\n", 12L)]
    [TestCase("", 16L)]
    [TestCase("abcabcab\nxyz\nabcX", -1L)]
    public void ReverseFind_WithoutBounds_SearchesFromThePosition(string needle, long expected)
    {
        MemoryMap map = CreateTextMap();
        Assert.That(map.ReverseFind(Encoding.ASCII.GetBytes(needle)), Is.EqualTo(expected));
    }

    [TestCase("abc", 1L, null, 3L, 13L)]
    [TestCase("abc", -3L, null, 13L, 13L)]
    [TestCase("abc", -100L, null, 0L, 13L)]
    [TestCase("abc", 100L, null, -1L, -1L)]
    [TestCase("abc", 0L, 3L, 0L, 0L)]
    [TestCase("abc", 0L, 2L, -1L, -1L)]
    [TestCase("abc", 0L, -1L, 0L, 3L)]
    [TestCase("abc", 0L, -13L, 0L, 0L)]
    [TestCase("abc", 13L, null, 13L, 13L)] // the needle at the very end
    [TestCase("abc", 13L, 16L, 13L, 13L)]
    [TestCase("abc", 14L, null, -1L, -1L)] // the range is shorter than the needle
    [TestCase("c", 2L, 3L, 2L, 2L)]
    [TestCase("c", 2L, 2L, -1L, -1L)]
    [TestCase("", 5L, null, 5L, 16L)]
    [TestCase("", 5L, 3L, -1L, -1L)] // empty needle, end before start (3.12+)
    [TestCase("", 20L, null, 16L, 16L)]
    [TestCase("", -1L, null, 15L, 16L)]
    [TestCase("", 100L, -100L, -1L, -1L)]
    [TestCase("abc", long.MinValue, long.MaxValue, 0L, 13L)]
    [TestCase("abc", long.MaxValue, long.MinValue, -1L, -1L)]
    [TestCase("b", 0L, long.MinValue, -1L, -1L)]
    public void FindAndReverseFind_WithBounds_ClampLikeCPython(string needle, long start, long? end, long expectedFind, long expectedReverse)
    {
        MemoryMap map = CreateTextMap();
        byte[] bytes = Encoding.ASCII.GetBytes(needle);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Find(bytes, start, end), Is.EqualTo(expectedFind), "find");
            Assert.That(map.ReverseFind(bytes, start, end), Is.EqualTo(expectedReverse), "rfind");
            Assert.That(map.Position, Is.Zero, "find does not move the position");
        }
    }

    [Test]
    public void Find_DefaultStartIsThePosition()
    {
        // CPython: after seek(4), find(b"abc") == 13, rfind(b"abc") == 13, find(b"") == 4, rfind(b"") == 16.
        MemoryMap map = CreateTextMap();
        map.Seek(4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Find("abc"u8), Is.EqualTo(13));
            Assert.That(map.ReverseFind("abc"u8), Is.EqualTo(13));
            Assert.That(map.Find(""u8), Is.EqualTo(4));
            Assert.That(map.ReverseFind(""u8), Is.EqualTo(16));
            Assert.That(map.Position, Is.EqualTo(4));
        }
    }

    [Test]
    public void Find_AtTheEnd_FindsOnlyTheEmptyNeedle()
    {
        // CPython: after seek(16), find(b"abc") == rfind(b"abc") == -1 and find(b"") == 16.
        MemoryMap map = CreateTextMap();
        map.Seek(16);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Find("abc"u8), Is.EqualTo(-1));
            Assert.That(map.ReverseFind("abc"u8), Is.EqualTo(-1));
            Assert.That(map.Find(""u8), Is.EqualTo(16));
        }
    }

    [Test]
    public void Find_OverlappingOccurrences_FindsFirstAndLast()
    {
        MemoryMap map = MapContent("aaaa"u8);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Find("aa"u8), Is.EqualTo(0));
            Assert.That(map.ReverseFind("aa"u8), Is.EqualTo(2));
            Assert.That(map.ReverseFind("aa"u8, 0, 3), Is.EqualTo(1));
        }
    }
}
