using System;
using System.IO;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// Construction from a descriptor: CPython's mmap.mmap(fileno, length, ..., offset). Every expected
// outcome below was measured with CPython 3.13.0 here on the same arguments.
public class ConstructionTests : MapFixture
{
    private static readonly int s_page = MemoryMap.PageSize;

    [Test]
    public void PageSize_IsThePageSizeCPythonReports()
    {
        // mmap.PAGESIZE and mmap.ALLOCATIONGRANULARITY are both 4096 here (CPython 3.13.0).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MemoryMap.PageSize, Is.EqualTo(Environment.SystemPageSize));
            Assert.That(MemoryMap.AllocationGranularity, Is.EqualTo(MemoryMap.PageSize));
        }
    }

    [Test]
    public void Create_LengthZero_MapsTheWholeFile()
    {
        byte[] content = Pattern(3 * s_page + 100);
        MemoryMap map = Map(CreateFile(content));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(content.Length));
            Assert.That(map.Read(), Is.EqualTo(content));
            Assert.That(map.Offset, Is.Zero);
            Assert.That(map.Access, Is.EqualTo(MapAccess.Default));
            Assert.That(map.IsClosed, Is.False);
        }
    }

    [Test]
    public void Create_ExplicitLength_MapsThatManyBytesFromTheStart()
    {
        byte[] content = Pattern(2 * s_page);
        MemoryMap map = Map(CreateFile(content), length: 100);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(100));
            Assert.That(map.Read(), Is.EqualTo(content[..100]));
            Assert.That(map.GetFileSize(), Is.EqualTo(2 * s_page), "size() is the file's size, not the map's");
        }
    }

    [Test]
    public void Create_OffsetOfOneGranule_MapsTheRestOfTheFile()
    {
        // CPython: mmap(fd, 0, offset=8192) of a 10000-byte file has len 1808.
        byte[] content = Pattern(10000);
        MemoryMap map = Map(CreateFile(content), offset: 2 * MemoryMap.AllocationGranularity);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(10000 - (2 * s_page)));
            Assert.That(map.Offset, Is.EqualTo(2 * s_page));
            Assert.That(map.Read(), Is.EqualTo(content[(2 * s_page)..]));
            Assert.That(map[0], Is.EqualTo(content[2 * s_page]));
        }
    }

    [Test]
    public void Create_OffsetAndLengthReachingExactlyTheEnd_Succeeds()
    {
        // CPython: mmap(fd, 10000 - 4096, offset=4096) of a 10000-byte file has len 5904.
        byte[] content = Pattern(10000);
        MemoryMap map = Map(CreateFile(content), length: 10000 - s_page, offset: s_page);
        Assert.That(map.Read(), Is.EqualTo(content[s_page..]));
    }

    [TestCase(1)]
    [TestCase(100)]
    [TestCase(4095)]
    public void Create_OffsetNotAMultipleOfTheGranularity_FailsWithEinvalFromMmap(long offset)
    {
        // CPython: mmap(fd, 10, offset=1) and mmap(fd, 0, offset=100) raise OSError(EINVAL).
        string path = CreateFile(3 * s_page);
        Expect.OSError(Expect.EINVAL, () => Map(path, length: 10, offset: offset));
        Expect.OSError(Expect.EINVAL, () => Map(path, offset: offset));
    }

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    public void Create_NegativeLength_IsOverflowError(long length)
    {
        string path = CreateFile(100);
        Expect.Error(MmapError.LengthNegative, () => Map(path, length: length));
    }

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    public void Create_NegativeOffset_IsOverflowError(long offset)
    {
        string path = CreateFile(100);
        Expect.Error(MmapError.OffsetNegative, () => Map(path, offset: offset));
    }

    [Test]
    public void Create_ChecksLengthBeforeOffsetBeforeAccess()
    {
        // CPython 3.13: mmap(fd, -1, offset=-1) names the length; mmap(fd, 0, offset=-1,
        // flags=MAP_PRIVATE, access=ACCESS_READ) and mmap(fd, 0, offset=-1, access=9) name the offset.
        string path = CreateFile(100);
        Expect.Error(MmapError.LengthNegative, () => Map(path, length: -1, offset: -1));
        Expect.Error(MmapError.LengthNegative, () => Map(path, length: -1, flags: MapFlags.Private, access: MapAccess.Read));
        Expect.Error(MmapError.OffsetNegative, () => Map(path, offset: -1, flags: MapFlags.Private, access: MapAccess.Read));
        Expect.Error(MmapError.OffsetNegative, () => Map(path, offset: -1, access: (MapAccess)9));
    }

    [Test]
    public void Create_EmptyFileWithLengthZero_CannotMapAnEmptyFile()
    {
        string path = CreateFile([]);
        Expect.Error(MmapError.EmptyFile, () => Map(path));
    }

    [Test]
    public void Create_EmptyFileWithALength_LengthIsGreaterThanFileSize()
    {
        string path = CreateFile([]);
        Expect.Error(MmapError.LengthBeyondFileSize, () => Map(path, length: 1));
    }

    [Test]
    public void Create_InvalidAccessOnEmptyFile_ReportsTheAccessFirst()
    {
        // CPython: mmap(empty_fd, 0, access=9) raises "mmap invalid access parameter.", not the empty-file error.
        string path = CreateFile([]);
        Expect.Error(MmapError.InvalidAccess, () => Map(path, access: (MapAccess)9));
    }

    [TestCase(2 * 4096L)]
    [TestCase(3 * 4096L)]
    [TestCase(long.MaxValue)]
    public void Create_WholeFileFromAnOffsetAtOrPastTheEnd_OffsetIsGreaterThanFileSize(long offset)
    {
        // CPython: mmap(fd, 0, offset=8192) of an 8192-byte file, and offset=sys.maxsize.
        string path = CreateFile(2 * s_page);
        Expect.Error(MmapError.OffsetBeyondFileSize, () => Map(path, offset: offset));
    }

    [TestCase(2 * 4096 + 1L, 0L)]
    [TestCase(4097L, 4096L)]
    [TestCase(1L, 3 * 4096L)]
    [TestCase(1L, long.MaxValue)]
    [TestCase(long.MaxValue, 0L)]
    [TestCase(long.MaxValue, long.MaxValue)]
    [TestCase(long.MaxValue, 4096L)]
    public void Create_RangePastTheEndOfTheFile_LengthIsGreaterThanFileSize(long length, long offset)
    {
        // CPython: mmap(fd, 8193), mmap(fd, 4097, offset=4096), mmap(fd, 1, offset=sys.maxsize),
        // mmap(fd, sys.maxsize), mmap(fd, sys.maxsize, offset=sys.maxsize) on an 8192-byte file.
        string path = CreateFile(2 * s_page);
        Expect.Error(MmapError.LengthBeyondFileSize, () => Map(path, length: length, offset: offset));
    }

    [TestCase(100000)]
    [TestCase(int.MaxValue)]
    public void Create_DescriptorThatIsNotOpen_IsEbadf(int fd)
    {
        // CPython: mmap(999, 10), mmap(999, 0) and mmap(999, 10, trackfd=False) all raise OSError(EBADF).
        Expect.OSError(Expect.EBADF, () => Own(MemoryMap.Create(fd, 10)));
        Expect.OSError(Expect.EBADF, () => Own(MemoryMap.Create(fd, 0)));
        Expect.OSError(Expect.EBADF, () => Own(MemoryMap.Create(fd, 10, trackFileDescriptor: false)));
    }

    [Test]
    public void Create_ReadOnlyDescriptor_WritableSharedMapIsEaccesButReadAndCopyWork()
    {
        // CPython on an O_RDONLY descriptor: ACCESS_WRITE and the default raise PermissionError
        // (EACCES); ACCESS_COPY and ACCESS_READ map the whole file.
        string path = CreateFile(Pattern(100));
        Expect.OSError(Expect.EACCES, () => Map(path, access: MapAccess.Write, fileAccess: FileAccess.Read));
        Expect.OSError(Expect.EACCES, () => Map(path, fileAccess: FileAccess.Read));
        MemoryMap copy = Map(path, access: MapAccess.Copy, fileAccess: FileAccess.Read);
        MemoryMap read = Map(path, access: MapAccess.Read, fileAccess: FileAccess.Read);
        copy[0] = 200;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy.Length, Is.EqualTo(100));
            Assert.That(read.Length, Is.EqualTo(100));
            Assert.That(read[0], Is.Zero);
            Assert.That(copy[0], Is.EqualTo(200));
        }
    }

    [Test]
    public void Create_DevNull_IsEinval()
    {
        // CPython: mmap(os.open("/dev/null", O_RDWR), 0) raises OSError(EINVAL): not a regular file, so no size checks.
        Expect.OSError(Expect.EINVAL, () => Map("/dev/null"));
    }

    [Test]
    public void Create_DevZeroWithALength_MapsZeros()
    {
        // CPython: len(mmap(os.open("/dev/zero", O_RDWR), 4096)) == 4096.
        MemoryMap map = Map("/dev/zero", length: s_page);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(s_page));
            Assert.That(map.Read(), Is.All.Zero);
        }
    }

    [Test]
    public void Create_Directory_IsEacces()
    {
        // CPython: mmap(os.open(dir, O_RDONLY), 10) raises PermissionError (EACCES).
        using RawDescriptor dir = RawDescriptor.OpenDirectory(Folder);
        Expect.OSError(Expect.EACCES, () => Own(MemoryMap.Create(dir.Descriptor, 10)));
    }

    [Test]
    public void Create_Pipe_IsEacces()
    {
        // CPython: mmap(r, 10) on the read end of os.pipe() raises PermissionError (EACCES).
        using AnonymousPipeServerStream server = new(PipeDirection.In);
        int fd = (int)server.SafePipeHandle.DangerousGetHandle();
        Expect.OSError(Expect.EACCES, () => Own(MemoryMap.Create(fd, 10)));
    }

    [Test]
    public void Create_NoSharingFlag_IsEinval()
    {
        // CPython: mmap(fd, 0, flags=0) raises OSError(EINVAL).
        string path = CreateFile(100);
        Expect.OSError(Expect.EINVAL, () => Map(path, flags: MapFlags.None));
    }

    [Test]
    public void Create_CallerClosesTheirDescriptor_MapKeepsWorking()
    {
        string path = CreateFile(Pattern(5000));
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        MemoryMap map = Own(MemoryMap.Create((int)handle.DangerousGetHandle(), 0));
        handle.Dispose();
        map.Resize(6000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.GetFileSize(), Is.EqualTo(6000));
            Assert.That(FileSize(path), Is.EqualTo(6000));
            Assert.That(map[4999], Is.EqualTo(Pattern(5000)[4999]));
        }
    }

    [Test]
    public void CreateFromSafeFileHandle_MapsAndKeepsItsOwnDescriptor()
    {
        string path = CreateFile(Pattern(300));
        MemoryMap map;
        using (SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite))
        {
            map = Own(MemoryMap.Create(handle, length: 200));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Read(), Is.EqualTo(Pattern(300)[..200]));
            Assert.That(map.GetFileSize(), Is.EqualTo(300));
        }
    }

    [Test]
    public void CreateFromSafeFileHandle_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => MemoryMap.Create(null!, 0));
    }

    [Test]
    public void OpenFile_ReadAccess_OpensReadOnlyAndMapsReadOnly()
    {
        string path = CreateFile(Pattern(100));
        MemoryMap map = Own(MemoryMap.OpenFile(path, MapAccess.Read));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Access, Is.EqualTo(MapAccess.Read));
            Assert.That(map.Read(), Is.EqualTo(Pattern(100)));
        }

        Expect.Error(MmapError.ReadOnly, () => map.WriteByte(1));
    }

    [Test]
    public void OpenFile_WithOffsetAndLength_MapsThatWindow()
    {
        string path = CreateFile(Pattern(3 * s_page));
        MemoryMap map = Own(MemoryMap.OpenFile(path, MapAccess.Write, length: 10, offset: s_page));
        map[0] = 77;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(10));
            Assert.That(File.ReadAllBytes(path)[s_page], Is.EqualTo(77));
        }
    }

    [Test]
    public void OpenFile_EmptyFile_CannotMapAnEmptyFile()
    {
        string path = CreateFile([]);
        Expect.Error(MmapError.EmptyFile, () => Own(MemoryMap.OpenFile(path)));
    }
}
