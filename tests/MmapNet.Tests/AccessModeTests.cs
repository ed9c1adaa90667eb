using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// flags/prot/access: CPython's rule that an access mode conflicts only with non-default flags or
// prot, and that ACCESS_DEFAULT takes its access from prot. Outcomes measured with CPython 3.13.0.
public class AccessModeTests : MapFixture
{
    [TestCase(MapFlags.Private, MapProtection.ReadWrite, MapAccess.Read)]
    [TestCase(MapFlags.Shared, MapProtection.Read, MapAccess.Read)]
    [TestCase(MapFlags.Shared | MapFlags.Populate, MapProtection.ReadWrite, MapAccess.Write)]
    [TestCase(MapFlags.Shared, MapProtection.ReadWrite | MapProtection.Execute, MapAccess.Copy)]
    [TestCase(MapFlags.Private, MapProtection.Read, (MapAccess)9)]
    public void Create_AccessWithNonDefaultFlagsOrProtection_IsValueError(MapFlags flags, MapProtection protection, MapAccess access)
    {
        // CPython: mmap(fd, 0, flags=MAP_PRIVATE, access=ACCESS_READ), mmap(fd, 0, prot=PROT_READ,
        // access=ACCESS_READ) and mmap(fd, 0, flags=MAP_PRIVATE, access=7) all raise
        // "mmap can't specify both access and flags, prot.".
        string path = CreateFile(100);
        Expect.Error(MmapError.AccessWithFlagsOrProtection, () => Map(path, flags: flags, protection: protection, access: access));
    }

    [TestCase(MapAccess.Read)]
    [TestCase(MapAccess.Write)]
    [TestCase(MapAccess.Copy)]
    public void Create_AccessWithTheDefaultFlagsAndProtectionSpelledOut_IsAccepted(MapAccess access)
    {
        // CPython: mmap(fd, 0, flags=MAP_SHARED, prot=PROT_READ|PROT_WRITE, access=ACCESS_READ) works.
        MemoryMap map = Map(CreateFile(100), flags: MapFlags.Shared, protection: MapProtection.ReadWrite, access: access);
        Assert.That(map.Access, Is.EqualTo(access));
    }

    [TestCase(4)]
    [TestCase(7)]
    [TestCase(-1)]
    public void Create_UnknownAccess_IsInvalidAccessParameter(int access)
    {
        // CPython: mmap(fd, 0, access=7) and access=-1 raise "mmap invalid access parameter.".
        string path = CreateFile(100);
        Expect.Error(MmapError.InvalidAccess, () => Map(path, access: (MapAccess)access));
    }

    [TestCase(MapProtection.Read, MapAccess.Read)]
    [TestCase(MapProtection.Read | MapProtection.Execute, MapAccess.Read)]
    [TestCase(MapProtection.None, MapAccess.Read)]
    [TestCase(MapProtection.Write, MapAccess.Write)]
    [TestCase(MapProtection.ReadWrite, MapAccess.Default)]
    public void Create_DefaultAccess_IsResolvedFromProtection(MapProtection protection, MapAccess expected)
    {
        // CPython 3.13 (measured through behaviour): prot=PROT_READ, PROT_READ|PROT_EXEC and 0 give a
        // map whose write() raises the read-only TypeError and whose resize() raises "can't resize a
        // readonly or copy-on-write"; prot=PROT_WRITE and PROT_READ|PROT_WRITE maps can be written and resized.
        MemoryMap map = Map(CreateFile(100), protection: protection);
        Assert.That(map.Access, Is.EqualTo(expected));
    }

    [Test]
    public void ProtectionRead_RefusesWriteAndResize_AndFlushDoesNothing()
    {
        MemoryMap map = Map(CreateFile(100), protection: MapProtection.Read);
        Expect.Error(MmapError.ReadOnly, () => map.Write("y"u8));
        Expect.Error(MmapError.NotResizable, () => map.Resize(200));
        Assert.DoesNotThrow(() => map.Flush(1, 1), "CPython: flush(1, 1) of a PROT_READ map returns None");
    }

    [Test]
    public void ProtectionWriteOnly_IsAWritableResizableMap()
    {
        // CPython: prot=PROT_WRITE: write(b"y") returns 1, resize(200) makes the file 200 bytes,
        // flush(1, 1) raises OSError(EINVAL) from msync.
        string path = CreateFile(100);
        MemoryMap map = Map(path, protection: MapProtection.Write);
        Assert.That(map.Write("y"u8), Is.EqualTo(1));
        map.Resize(200);
        Assert.That(FileSize(path), Is.EqualTo(200));
        Expect.OSError(Expect.EINVAL, () => map.Flush(1, 1));
    }

    [Test]
    public void PrivateFlagWithDefaultAccess_WritesStayPrivateButResizeAndFlushWork()
    {
        // CPython: mmap(fd, 0, flags=MAP_PRIVATE): write returns 2, flush() is None, flush(1, 1) is
        // OSError(EINVAL), the file keeps b'xxx', resize(200) gives len 200 and a 200-byte file, and
        // the map keeps b'yyx'.
        string path = CreateFile("xxxxxxxxxx"u8);
        MemoryMap map = Map(path, flags: MapFlags.Private);
        Assert.That(map.Write("yy"u8), Is.EqualTo(2));
        map.Flush();
        Expect.OSError(Expect.EINVAL, () => map.Flush(1, 1));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo("xxxxxxxxxx"u8.ToArray()));
        map.Resize(200);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(200));
            Assert.That(FileSize(path), Is.EqualTo(200));
            Assert.That(map.GetSlice(0, 3), Is.EqualTo("yyx"u8.ToArray()));
        }
    }

    [Test]
    public void ReadAccess_RefusesEveryWrite()
    {
        MemoryMap map = Map(CreateFile(100), access: MapAccess.Read);
        Expect.Error(MmapError.ReadOnly, () => map.Write("a"u8));
        Expect.Error(MmapError.ReadOnly, () => map.WriteByte(1));
        Expect.Error(MmapError.ReadOnly, () => map[0] = 1);
        Expect.Error(MmapError.ReadOnly, () => map.SetSlice(0, 1, 1, "a"u8));
        Expect.Error(MmapError.ReadOnly, () => map.Move(0, 1, 1));
        Expect.Error(MmapError.ReadOnly, () => map.WriteAt(0, "a"u8));
        Expect.Error(MmapError.NotResizable, () => map.Resize(10));
        Assert.That(map.Read(), Is.EqualTo(Pattern(100)), "nothing was written");
    }

    [Test]
    public void ReadAccess_ReadOnlyCheckComesBeforeEveryRangeCheck()
    {
        // CPython on an ACCESS_READ map: move(-1, 0, 0), m[99999] = 1, m[0] = 300, write(b"") ,
        // write past the end, write_byte at the end and m[0:2:0] = b"" all raise the read-only TypeError.
        MemoryMap map = Map(CreateFile(100), access: MapAccess.Read);
        Expect.Error(MmapError.ReadOnly, () => map.Move(-1, 0, 0));
        Expect.Error(MmapError.ReadOnly, () => map.Move(0, 0, 99999));
        Expect.Error(MmapError.ReadOnly, () => map[99999] = 1);
        Expect.Error(MmapError.ReadOnly, () => map[long.MinValue] = 1);
        Expect.Error(MmapError.ReadOnly, () => map.Write([]));
        Expect.Error(MmapError.ReadOnly, () => map.SetSlice(0, 2, 1, "a"u8));
        Expect.Error(MmapError.ReadOnly, () => map.SetSlice(0, 2, 0, []));
        map.Seek(100);
        Expect.Error(MmapError.ReadOnly, () => map.Write("abc"u8));
        Expect.Error(MmapError.ReadOnly, () => map.WriteByte(1));
    }

    [Test]
    public void CopyAccess_IsWritableButNotResizable()
    {
        // CPython: ACCESS_COPY resize raises "mmap can't resize a readonly or copy-on-write memory map."
        // (also for resize(-1): the access is checked before the size).
        MemoryMap map = Map(CreateFile(100), access: MapAccess.Copy);
        map[0] = 1;
        Assert.That(map[0], Is.EqualTo(1));
        Expect.Error(MmapError.NotResizable, () => map.Resize(10));
        Expect.Error(MmapError.NotResizable, () => map.Resize(-1));
    }
}
