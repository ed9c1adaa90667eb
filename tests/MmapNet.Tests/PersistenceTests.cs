using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// What reaches the file: shared maps write through, private/copy maps never do; two maps of one file
// share its pages. (CPython 3.13: a[10] = 7 is seen as b[10] == 7 by a second shared map; an
// ACCESS_COPY map's c[0] = 9 leaves a[0] and the file at 0.)
public class PersistenceTests : MapFixture
{
    [TestCase(MapAccess.Write)]
    [TestCase(MapAccess.Default)]
    public void SharedMap_WritesReachTheFile(MapAccess access)
    {
        string path = CreateFile(new byte[8192]);
        MemoryMap map = Map(path, access: access);
        map.Seek(100);
        map.Write("persisted"u8);
        map[8191] = 0xEE;
        map.Flush();
        map.Close();
        byte[] file = File.ReadAllBytes(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file[100..109], Is.EqualTo("persisted"u8.ToArray()));
            Assert.That(file[8191], Is.EqualTo(0xEE));
        }

        MemoryMap reopened = Map(path, access: MapAccess.Read);
        Assert.That(reopened.GetSlice(100, 109), Is.EqualTo("persisted"u8.ToArray()));
    }

    [Test]
    public void SharedFlagsWithDefaultAccess_WritesReachTheFileWithoutFlush()
    {
        string path = CreateFile(new byte[100]);
        MemoryMap map = Map(path, flags: MapFlags.Shared);
        map[0] = 1;
        map.Close();
        Assert.That(File.ReadAllBytes(path)[0], Is.EqualTo(1));
    }

    [Test]
    public void CopyMap_NeverChangesTheFile()
    {
        string path = CreateFile(Pattern(8192));
        MemoryMap map = Map(path, access: MapAccess.Copy);
        map.Write("private"u8);
        map[8191] = 0;
        map.Flush();
        Assert.That(map.GetSlice(0, 7), Is.EqualTo("private"u8.ToArray()));
        map.Close();
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Pattern(8192)));
    }

    [Test]
    public void PrivateFlag_NeverChangesTheFile()
    {
        string path = CreateFile(Pattern(100));
        MemoryMap map = Map(path, flags: MapFlags.Private);
        map.SetSlice(0, 100, 1, new byte[100]);
        map.Flush();
        map.Close();
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Pattern(100)));
    }

    [Test]
    public void TwoSharedMapsOfOneFile_SeeEachOthersWrites()
    {
        string path = CreateFile(new byte[4096]);
        MemoryMap a = Map(path);
        MemoryMap b = Map(path);
        a[10] = 7;
        b[20] = 8;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(b[10], Is.EqualTo(7));
            Assert.That(a[20], Is.EqualTo(8));
        }
    }

    [Test]
    public void CopyMap_WriteIsNotSeenBySharedMapOrFile()
    {
        string path = CreateFile(new byte[4096]);
        MemoryMap shared = Map(path);
        MemoryMap copy = Map(path, access: MapAccess.Copy);
        copy[0] = 9;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shared[0], Is.Zero);
            Assert.That(File.ReadAllBytes(path)[0], Is.Zero);
        }
    }

    [Test]
    public void WritesToTheFile_AreSeenByASharedMap()
    {
        string path = CreateFile(new byte[100]);
        MemoryMap map = Map(path, access: MapAccess.Read);
        using (FileStream stream = new(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Position = 50;
            stream.Write("seen"u8);
        }

        Assert.That(map.GetSlice(50, 54), Is.EqualTo("seen"u8.ToArray()));
    }

    [Test]
    public void MapWithAnOffset_WritesLandAtTheOffsetInTheFile()
    {
        string path = CreateFile(new byte[3 * 4096]);
        MemoryMap map = Map(path, length: 10, offset: 2 * MemoryMap.AllocationGranularity);
        map.Write("at offset"u8);
        map.Close();
        byte[] file = File.ReadAllBytes(path);
        Assert.That(file[(2 * MemoryMap.AllocationGranularity)..((2 * MemoryMap.AllocationGranularity) + 9)], Is.EqualTo("at offset"u8.ToArray()));
    }
}
