using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// The map's own descriptor (CPython's dup of fileno, close-on-exec) and trackfd=False.
public class DescriptorTests : MapFixture
{
    [Test]
    public void Create_DuplicatesTheDescriptorCloseOnExec()
    {
        // CPython 3.13 dups the descriptor with F_DUPFD_CLOEXEC: fcntl(F_GETFD) of the copy is 1 and
        // /proc/self/fdinfo shows flags 02100002 (measured here).
        string path = CreateFile(100);
        int callerFd = OpenDescriptor(path);
        MemoryMap map = Own(MemoryMap.Create(callerFd, 0));
        int own = map.FileDescriptor;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(own, Is.GreaterThanOrEqualTo(0).And.Not.EqualTo(callerFd));
            Assert.That(ProcSelf.DescriptorTarget(own), Is.EqualTo(path));
            Assert.That(ProcSelf.IsCloseOnExecByFcntl(own), Is.True);
            Assert.That(ProcSelf.IsCloseOnExecByFdinfo(own), Is.True);
            Assert.That(map.TracksFileDescriptor, Is.True);
        }
    }

    [Test]
    public void Close_ClosesTheMapsOwnDescriptor()
    {
        string path = CreateFile(100);
        int fd = OpenDescriptor(path);
        int before = ProcSelf.CountDescriptorsOf(path);
        MemoryMap map = Own(MemoryMap.Create(fd, 0));
        Assert.That(ProcSelf.CountDescriptorsOf(path), Is.EqualTo(before + 1));
        map.Close();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProcSelf.CountDescriptorsOf(path), Is.EqualTo(before));
            Assert.That(map.FileDescriptor, Is.EqualTo(-1));
        }
    }

    [Test]
    public void TrackFdFalse_KeepsNoDescriptor()
    {
        // CPython: mmap(fd, 0, trackfd=False) opens no new descriptor.
        string path = CreateFile(100);
        int fd = OpenDescriptor(path);
        int before = ProcSelf.CountDescriptorsOf(path);
        MemoryMap map = Own(MemoryMap.Create(fd, 0, trackFileDescriptor: false));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProcSelf.CountDescriptorsOf(path), Is.EqualTo(before));
            Assert.That(map.FileDescriptor, Is.EqualTo(-1));
            Assert.That(map.TracksFileDescriptor, Is.False);
        }
    }

    [Test]
    public void TrackFdFalse_SizeIsEbadf()
    {
        // CPython: mmap(fd, 0, trackfd=False).size() raises OSError(EBADF).
        MemoryMap map = Map(CreateFile(100), trackFileDescriptor: false);
        Expect.OSError(Expect.EBADF, () => map.GetFileSize());
    }

    [Test]
    public void TrackFdFalse_ResizeIsRefused_BeforeTheAccessAndSizeChecks()
    {
        // CPython: resize(10) with trackfd=False raises "mmap can't resize with trackfd=False.", also
        // for an ACCESS_READ map and for resize(-1).
        string path = CreateFile(100);
        MemoryMap map = Map(path, trackFileDescriptor: false);
        MemoryMap readOnly = Map(path, trackFileDescriptor: false, access: MapAccess.Read);
        Expect.Error(MmapError.ResizeWithoutTrackedDescriptor, () => map.Resize(10));
        Expect.Error(MmapError.ResizeWithoutTrackedDescriptor, () => readOnly.Resize(10));
        Expect.Error(MmapError.ResizeWithoutTrackedDescriptor, () => readOnly.Resize(-1));
        Assert.That(FileSize(path), Is.EqualTo(100));
    }

    [Test]
    public void TrackFdFalse_AnonymousMapIsNotResizableEither()
    {
        // CPython: mmap(-1, 100, trackfd=False).resize(10) raises the trackfd ValueError.
        MemoryMap map = Own(MemoryMap.Create(-1, 100, trackFileDescriptor: false));
        Expect.Error(MmapError.ResizeWithoutTrackedDescriptor, () => map.Resize(10));
        Expect.OSError(Expect.EBADF, () => map.GetFileSize());
    }

    [Test]
    public void TrackFdFalse_MapStillReadsAndWritesTheFile()
    {
        string path = CreateFile(100);
        MemoryMap map = Map(path, trackFileDescriptor: false);
        map[5] = 99;
        map.Flush();
        Assert.That(File.ReadAllBytes(path)[5], Is.EqualTo(99));
    }

    [Test]
    public void FailedCreate_LeavesNoDescriptorBehind()
    {
        // The descriptor is duplicated before mmap(2) runs; when mmap fails the copy must be closed.
        string path = CreateFile(3 * 4096);
        int fd = OpenDescriptor(path);
        int readOnlyFd = OpenDescriptor(path, FileAccess.Read);
        int before = ProcSelf.CountDescriptorsOf(path);
        Expect.OSError(Expect.EINVAL, () => Own(MemoryMap.Create(fd, 10, offset: 1)));
        Expect.OSError(Expect.EINVAL, () => Own(MemoryMap.Create(fd, 10, flags: MapFlags.None)));
        Expect.OSError(Expect.EACCES, () => Own(MemoryMap.Create(readOnlyFd, 0, access: MapAccess.Write)));
        Expect.Error(MmapError.LengthBeyondFileSize, () => Own(MemoryMap.Create(fd, 4 * 4096)));
        Assert.That(ProcSelf.CountDescriptorsOf(path), Is.EqualTo(before));
    }
}
