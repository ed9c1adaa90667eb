using System.Text;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// m[i], m[i] = v, m[i:j:k] and m[i:j:k] = b over "0123456789abcdef"; every expected value was
// measured with CPython 3.13.0 on a 16-byte map with that content.
public class IndexerAndSliceTests : MapFixture
{
    private const string Hex = "0123456789abcdef";

    [TestCase(0L, (byte)'0')]
    [TestCase(15L, (byte)'f')]
    [TestCase(-1L, (byte)'f')]
    [TestCase(-16L, (byte)'0')]
    public void Indexer_GetsTheByteAsANumber_NegativeCountsFromTheEnd(long index, byte expected)
    {
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Assert.That(map[index], Is.EqualTo(expected));
    }

    [TestCase(16L)]
    [TestCase(-17L)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void Indexer_OutsideTheMap_IsIndexError(long index)
    {
        // CPython: m[16], m[-17], m[sys.maxsize], m[-sys.maxsize-1] raise IndexError("mmap index out of range").
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Expect.Error(MmapError.IndexOutOfRange, () => _ = map[index]);
        Expect.Error(MmapError.IndexOutOfRange, () => map[index] = 1);
        Assert.That(map.GetSlice(0, 16), Is.EqualTo(Encoding.ASCII.GetBytes(Hex)), "nothing was written");
    }

    [Test]
    public void IndexerSet_NegativeIndex_CountsFromTheEnd()
    {
        // CPython: m[-1] = 0x5a; m[15] == 90.
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        map[-1] = 0x5a;
        map[-16] = 0x41;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map[15], Is.EqualTo(90));
            Assert.That(map[0], Is.EqualTo(0x41));
        }
    }

    [Test]
    public void Indexer_DoesNotMoveThePosition()
    {
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        map.Seek(3);
        _ = map[10];
        map[11] = 1;
        Assert.That(map.Position, Is.EqualTo(3));
    }

    [TestCase(0L, 16L, 1L, "0123456789abcdef")]
    [TestCase(2L, 5L, 1L, "234")]
    [TestCase(0L, 16L, 2L, "02468ace")]
    [TestCase(long.MaxValue, long.MinValue, -1L, "fedcba9876543210")] // m[::-1]
    [TestCase(long.MaxValue, long.MinValue, -3L, "fc9630")] // m[::-3]
    [TestCase(10L, 2L, -2L, "a864")]
    [TestCase(-3L, long.MaxValue, 1L, "def")]
    [TestCase(-100L, 100L, 1L, "0123456789abcdef")]
    [TestCase(100L, -100L, -1L, "fedcba9876543210")]
    [TestCase(5L, 2L, 1L, "")]
    [TestCase(2L, 5L, -1L, "")]
    [TestCase(long.MinValue, long.MaxValue, 1L, "0123456789abcdef")]
    [TestCase(0L, 16L, long.MaxValue, "0")]
    [TestCase(15L, 0L, long.MinValue, "f")]
    [TestCase(15L, long.MinValue, long.MinValue, "f")]
    [TestCase(long.MaxValue, long.MinValue, long.MinValue, "f")]
    [TestCase(long.MinValue, long.MaxValue, -1L, "")]
    [TestCase(3L, 100L, 5L, "38d")]
    [TestCase(15L, -17L, -5L, "fa50")]
    public void GetSlice_FollowsPythonSliceRules(long start, long stop, long step, string expected)
    {
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(start, stop, step)), Is.EqualTo(expected));
    }

    [Test]
    public void GetSlice_StepZero_IsValueError()
    {
        // CPython: m[::0] raises ValueError("slice step cannot be zero") (after the closed check).
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Expect.Error(MmapError.SliceStepZero, () => map.GetSlice(0, 16, 0));
    }

    [Test]
    public void SetSlice_StepZero_IsValueError()
    {
        // CPython: m[0:2:0] = b"a" raises ValueError("slice step cannot be zero") on a writable map.
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Expect.Error(MmapError.SliceStepZero, () => map.SetSlice(0, 2, 0, "a"u8));
    }

    [Test]
    public void SetSlice_NegativeStep_WritesBackwards()
    {
        // CPython: m[::-2] = b"ABCDEFGH" gives b'0H2G4F6E8DaCcBeA'.
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        map.SetSlice(long.MaxValue, long.MinValue, -2, "ABCDEFGH"u8);
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo("0H2G4F6E8DaCcBeA"));
    }

    [Test]
    public void SetSlice_StepThree_WritesEveryThirdByte()
    {
        // CPython: m[1::3] = b"XXXXX" gives b'0X23X56X89XbcXef'.
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        map.SetSlice(1, long.MaxValue, 3, "XXXXX"u8);
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo("0X23X56X89XbcXef"));
    }

    [Test]
    public void SetSlice_ContiguousRange_Writes()
    {
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        map.SetSlice(-4, long.MaxValue, 1, "WXYZ"u8);
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo("0123456789abWXYZ"));
    }

    [TestCase(1L, long.MaxValue, 3L, "XXXX")]
    [TestCase(0L, 2L, 1L, "a")]
    [TestCase(0L, 2L, 1L, "abc")]
    [TestCase(5L, 2L, 1L, "a")]
    public void SetSlice_ValueOfTheWrongLength_IsIndexErrorAndWritesNothing(long start, long stop, long step, string value)
    {
        // CPython: m[1::3] = b"XXXX" and m[0:2] = b"a" raise IndexError("mmap slice assignment is wrong size").
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Expect.Error(MmapError.SliceAssignmentWrongSize, () => map.SetSlice(start, stop, step, Encoding.ASCII.GetBytes(value)));
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo(Hex));
    }

    [Test]
    public void SetSlice_EmptySliceWithEmptyValue_DoesNothing()
    {
        // CPython: m[5:2] = b"" is fine.
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        Assert.DoesNotThrow(() => map.SetSlice(5, 2, 1, []));
        Assert.That(Encoding.ASCII.GetString(map.GetSlice(0, 16)), Is.EqualTo(Hex));
    }

    [Test]
    public void SequenceProtocolItem_NegativeIndexIsOutOfRange()
    {
        // CPython's sq_item (mmap_item) gets an index that PySequence_GetItem already moved by len(m),
        // so a negative one is out of range there, while m[-1] (mp_subscript) counts from the end.
        MemoryMap map = MapContent(Encoding.ASCII.GetBytes(Hex));
        using MemoryMap.Lease lease = map.AcquireLease();
        Assert.That(map.GetByteCore(-1, fromEnd: false, out _).Error, Is.EqualTo(MmapError.IndexOutOfRange));
        Assert.That(map.GetByteCore(16, fromEnd: false, out _).Error, Is.EqualTo(MmapError.IndexOutOfRange));
        Assert.That(map.GetByteCore(15, fromEnd: false, out byte last).IsOk, Is.True);
        Assert.That(last, Is.EqualTo((byte)'f'));
        Assert.That(map.GetByteCore(-1, fromEnd: true, out byte fromEnd).IsOk, Is.True);
        Assert.That(fromEnd, Is.EqualTo((byte)'f'));
    }
}
