using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// Anonymous maps: CPython's mmap.mmap(-1, length, ...). Outcomes measured with CPython 3.13.0.
public class AnonymousMapTests : MapFixture
{
    [Test]
    public void CreateAnonymous_IsZeroFilledReadWriteMemoryWithoutADescriptor()
    {
        MemoryMap map = MapAnonymous(10000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(10000));
            Assert.That(map.Read(), Is.All.Zero);
            Assert.That(map.FileDescriptor, Is.EqualTo(-1));
            Assert.That(map.Access, Is.EqualTo(MapAccess.Default));
            Assert.That(map.TracksFileDescriptor, Is.True);
        }

        map[9999] = 42;
        Assert.That(map[-1], Is.EqualTo(42));
    }

    [Test]
    public void CreateAnonymous_LengthZero_IsEinval()
    {
        // CPython: mmap(-1, 0) raises OSError(EINVAL).
        Expect.OSError(Expect.EINVAL, () => MapAnonymous(0));
    }

    [Test]
    public void CreateAnonymous_LengthMaxValue_IsEnomem()
    {
        // CPython: mmap(-1, sys.maxsize) raises OSError(ENOMEM).
        Expect.OSError(Expect.ENOMEM, () => MapAnonymous(long.MaxValue));
    }

    [Test]
    public void CreateAnonymous_NegativeLength_IsOverflowError()
    {
        Expect.Error(MmapError.LengthNegative, () => MapAnonymous(-1));
        Expect.Error(MmapError.LengthNegative, () => MapAnonymous(long.MinValue));
    }

    [Test]
    public void GetFileSize_OnAnonymousMap_IsEbadf()
    {
        // CPython: mmap(-1, 100).size() raises OSError(EBADF).
        MemoryMap map = MapAnonymous(100);
        Expect.OSError(Expect.EBADF, () => map.GetFileSize());
    }

    // In pages, not in 4096s: the kernel refuses an offset that is not a multiple of its page size, which is 16 or
    // 64 KiB on some ARM64 kernels (docs/arm64.md).
    private static long[] AlignedOffsets => [MemoryMap.PageSize, long.MaxValue & ~(MemoryMap.PageSize - 1L)];

    [TestCaseSource(nameof(AlignedOffsets))]
    public void Create_AnonymousWithAlignedOffset_IsAccepted(long offset)
    {
        // CPython (4 KiB pages): mmap(-1, 4096, offset=4096) and offset=sys.maxsize & ~4095 both map 4096 bytes.
        MemoryMap map = Own(MemoryMap.Create(-1, MemoryMap.PageSize, offset: offset));
        Assert.That(map.Length, Is.EqualTo(MemoryMap.PageSize));
    }

    [TestCase(1L)]
    [TestCase(long.MaxValue)]
    public void Create_AnonymousWithUnalignedOffset_IsEinval(long offset)
    {
        // CPython: mmap(-1, 4096, offset=1) and offset=sys.maxsize raise OSError(EINVAL).
        Expect.OSError(Expect.EINVAL, () => Own(MemoryMap.Create(-1, 4096, offset: offset)));
    }

    [Test]
    public void CreateAnonymous_Private_IsWritable()
    {
        MemoryMap map = MapAnonymous(100, MapFlags.Private);
        map.Write("hello"u8);
        Assert.That(map.GetSlice(0, 5), Is.EqualTo("hello"u8.ToArray()));
    }

    [Test]
    public void CreateAnonymous_ReadAccess_RefusesWrites()
    {
        MemoryMap map = MapAnonymous(100, access: MapAccess.Read);
        Assert.That(map.Access, Is.EqualTo(MapAccess.Read));
        Expect.Error(MmapError.ReadOnly, () => map.Write("x"u8));
        Assert.That(map[0], Is.Zero);
    }
}
