using System;
using System.Collections.Generic;
using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// The .NET API's error convention, public method by public method: a bad argument is an argument exception
// naming it, what the access mode rules out is NotSupportedException, what the map's state refuses and a failed
// system call are MemoryMapException; each carries CPython's text and says which failure it stands for. (A closed
// map, ObjectDisposedException, is CloseTests' subject: every operation, on file and anonymous maps.) Each row
// is the smallest call that breaks one rule, on a 16-byte map of the kind named.
public class ErrorConventionTests : MapFixture
{
    public enum Kind
    {
        File,
        ReadOnlyFile,
        CopyFile,
        Anonymous,
        Untracked,
        Exported,
    }

    // Failures of CPython's rules: the exception type and argument are the convention's (Expect.Convention).
    public static IEnumerable<TestCaseData> CPythonFailures()
    {
        yield return Row("Create length -1", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), -1)), MmapError.LengthNegative);
        yield return Row("Create offset -1", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), 0, offset: -1)), MmapError.OffsetNegative);
        yield return Row("Create access 9", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), 0, access: (MapAccess)9)), MmapError.InvalidAccess);
        yield return Row("Create access with flags", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), 0, MapFlags.Private, access: MapAccess.Read)), MmapError.AccessWithFlagsOrProtection);
        yield return Row("Create of an empty file", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.OpenDescriptor(f.CreateFile([])), 0)), MmapError.EmptyFile);
        yield return Row("Create offset at the file's end", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), 0, offset: 16)), MmapError.OffsetBeyondFileSize);
        yield return Row("Create length past the file's end", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), 17)), MmapError.LengthBeyondFileSize);
        yield return Row("CreateAnonymous length -1", Kind.Anonymous, (f, _) => f.Own(MemoryMap.CreateAnonymous(-1)), MmapError.LengthNegative);
        yield return Row("CreateAnonymous access 9", Kind.Anonymous, (f, _) => f.Own(MemoryMap.CreateAnonymous(16, access: (MapAccess)9)), MmapError.InvalidAccess);
        yield return Row("Create(handle) length past the end", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.OpenHandle(f.CreateFile(16)), 17)), MmapError.LengthBeyondFileSize);
        yield return Row("OpenFile of an empty file", Kind.File, (f, _) => f.Own(MemoryMap.OpenFile(f.CreateFile([]))), MmapError.EmptyFile);
        yield return Row("OpenFile offset -1", Kind.File, (f, _) => f.Own(MemoryMap.OpenFile(f.CreateFile(16), offset: -1)), MmapError.OffsetNegative);

        yield return Row("Close with an export", Kind.Exported, (_, m) => m.Close(), MmapError.CloseWithExports);
        yield return Row("Dispose with an export", Kind.Exported, (_, m) => m.Dispose(), MmapError.CloseWithExports);
        yield return Row("Resize -1", Kind.File, (_, m) => m.Resize(-1), MmapError.NewSizeOutOfRange);
        yield return Row("Resize read-only", Kind.ReadOnlyFile, (_, m) => m.Resize(32), MmapError.NotResizable);
        yield return Row("Resize copy-on-write", Kind.CopyFile, (_, m) => m.Resize(32), MmapError.NotResizable);
        yield return Row("Resize without trackfd", Kind.Untracked, (_, m) => m.Resize(32), MmapError.ResizeWithoutTrackedDescriptor);
        yield return Row("Resize with an export", Kind.Exported, (_, m) => m.Resize(32), MmapError.ResizeWithExports);

        yield return Row("Position = 17", Kind.File, (_, m) => m.Position = 17, MmapError.SeekOutOfRange, "value");
        yield return Row("Position = -1", Kind.File, (_, m) => m.Position = -1, MmapError.SeekOutOfRange, "value");
        yield return Row("Seek 17", Kind.File, (_, m) => m.Seek(17), MmapError.SeekOutOfRange);
        yield return Row("Seek origin 3", Kind.File, (_, m) => m.Seek(0, (SeekOrigin)3), MmapError.UnknownSeekType);
        yield return Row("ReadByte at the end", Kind.File, (_, m) => ReadByteAtTheEnd(m), MmapError.ReadByteOutOfRange);
        yield return Row("Write past the end", Kind.File, (_, m) => m.Write(new byte[17]), MmapError.DataOutOfRange);
        yield return Row("Write read-only", Kind.ReadOnlyFile, (_, m) => m.Write("a"u8), MmapError.ReadOnly);
        yield return Row("WriteByte at the end", Kind.File, (_, m) => WriteByteAtTheEnd(m), MmapError.WriteByteOutOfRange);
        yield return Row("WriteByte read-only", Kind.ReadOnlyFile, (_, m) => m.WriteByte(1), MmapError.ReadOnly);
        yield return Row("Flush size 17", Kind.File, (_, m) => m.Flush(0, 17), MmapError.FlushOutOfRange);
        yield return Row("Flush offset -1", Kind.File, (_, m) => m.Flush(-1, 0), MmapError.FlushOutOfRange, "offset");
        yield return Row("Advise start 16", Kind.File, (_, m) => m.Advise(MemoryAdvice.Normal, 16), MmapError.AdviseStartOutOfBounds);
        yield return Row("Advise length -1", Kind.File, (_, m) => m.Advise(MemoryAdvice.Normal, 0, -1), MmapError.AdviseLengthInvalid);
        yield return Row("Advise length overflowing", Kind.File, (_, m) => m.Advise(MemoryAdvice.Normal, 1, long.MaxValue), MmapError.AdviseLengthTooLarge);
        yield return Row("Move count 17", Kind.File, (_, m) => m.Move(0, 0, 17), MmapError.MoveOutOfRange);
        yield return Row("Move destination -1", Kind.File, (_, m) => m.Move(-1, 0, 0), MmapError.MoveOutOfRange, "destination");
        yield return Row("Move source 17", Kind.File, (_, m) => m.Move(0, 17, 0), MmapError.MoveOutOfRange, "source");
        yield return Row("Move read-only", Kind.ReadOnlyFile, (_, m) => m.Move(0, 1, 1), MmapError.ReadOnly);
        yield return Row("this[16]", Kind.File, (_, m) => ByteAt(m, 16), MmapError.IndexOutOfRange);
        yield return Row("this[-17]", Kind.File, (_, m) => ByteAt(m, -17), MmapError.IndexOutOfRange);
        yield return Row("this[16] = 0", Kind.File, (_, m) => m[16] = 0, MmapError.IndexOutOfRange);
        yield return Row("this[0] = 0 read-only", Kind.ReadOnlyFile, (_, m) => m[0] = 0, MmapError.ReadOnly);
        yield return Row("GetSlice step 0", Kind.File, (_, m) => m.GetSlice(0, 16, 0), MmapError.SliceStepZero);
        yield return Row("SetSlice step 0", Kind.File, (_, m) => m.SetSlice(0, 16, 0, []), MmapError.SliceStepZero);
        yield return Row("SetSlice of the wrong size", Kind.File, (_, m) => m.SetSlice(0, 2, 1, "a"u8), MmapError.SliceAssignmentWrongSize);
        yield return Row("SetSlice read-only", Kind.ReadOnlyFile, (_, m) => m.SetSlice(0, 1, 1, "a"u8), MmapError.ReadOnly);
        yield return Row("WriteAt read-only", Kind.ReadOnlyFile, (_, m) => m.WriteAt(0, "a"u8), MmapError.ReadOnly);
        yield return Row("CreateMemory read-only", Kind.ReadOnlyFile, (_, m) => m.CreateMemory(), MmapError.ReadOnly);
        yield return Row("Pin(...).Span read-only", Kind.ReadOnlyFile, (f, m) => _ = f.Own(m.Pin()).Span, MmapError.ReadOnly);
    }

    // Failures of .NET's own rules (arguments CPython has no counterpart of): the exception type and argument.
    public static IEnumerable<TestCaseData> DotNetArgumentFailures()
    {
        yield return Argument("Create(handle) null", Kind.File, (_, _) => MemoryMap.Create(null!), typeof(ArgumentNullException), "file");
        yield return Argument("OpenFile null", Kind.File, (_, _) => MemoryMap.OpenFile(null!), typeof(ArgumentNullException), "path");
        yield return Argument("ReadAt -1", Kind.File, (_, m) => m.ReadAt(-1, new byte[1]), typeof(ArgumentOutOfRangeException), "offset");
        yield return Argument("ReadAt 17", Kind.File, (_, m) => m.ReadAt(17, new byte[1]), typeof(ArgumentOutOfRangeException), "offset");
        yield return Argument("WriteAt -1", Kind.File, (_, m) => m.WriteAt(-1, "a"u8), typeof(ArgumentOutOfRangeException), "offset");
        yield return Argument("WriteAt 17", Kind.File, (_, m) => m.WriteAt(17, []), typeof(ArgumentOutOfRangeException), "offset");
        yield return Argument("WriteAt past the end", Kind.File, (_, m) => m.WriteAt(15, "ab"u8), typeof(ArgumentException), "source");
        yield return Argument("Pin offset 17", Kind.File, (_, m) => m.Pin(17), typeof(ArgumentOutOfRangeException), "offset");
        yield return Argument("Pin length 17", Kind.File, (_, m) => m.Pin(0, 17), typeof(ArgumentOutOfRangeException), "length");
        yield return Argument("Pin length -1", Kind.File, (_, m) => m.Pin(0, -1), typeof(ArgumentOutOfRangeException), "length");
        yield return Argument("CreateMemory offset -1", Kind.File, (_, m) => m.CreateMemory(-1), typeof(ArgumentOutOfRangeException), "offset");
        yield return Argument("CreateReadOnlyMemory length 17", Kind.File, (_, m) => m.CreateReadOnlyMemory(0, 17), typeof(ArgumentOutOfRangeException), "length");
    }

    // Failed system calls: MemoryMapException with the errno and CPython's OSError text.
    public static IEnumerable<TestCaseData> SystemCallFailures()
    {
        yield return SystemCall("Create of a bad descriptor", Kind.File, (f, _) => f.Own(MemoryMap.Create(987654, 16)), Expect.EBADF);
        yield return SystemCall("Create offset not page-aligned", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.NewDescriptor(), 1, offset: 1)), Expect.EINVAL);
        yield return SystemCall("CreateAnonymous length 0", Kind.Anonymous, (f, _) => f.Own(MemoryMap.CreateAnonymous(0)), Expect.EINVAL);
        yield return SystemCall("Create(handle) read-only, for writing", Kind.File, (f, _) => f.Own(MemoryMap.Create(f.OpenHandle(f.CreateFile(16), FileAccess.Read), access: MapAccess.Write)), Expect.EACCES);
        yield return SystemCall("OpenFile offset not page-aligned", Kind.File, (f, _) => f.Own(MemoryMap.OpenFile(f.CreateFile(16), length: 1, offset: 1)), Expect.EINVAL);
        yield return SystemCall("Resize 0", Kind.File, (_, m) => m.Resize(0), Expect.EINVAL);
        yield return SystemCall("GetFileSize of anonymous memory", Kind.Anonymous, (_, m) => m.GetFileSize(), Expect.EBADF);
        yield return SystemCall("Flush offset not page-aligned", Kind.File, (_, m) => m.Flush(1, 1), Expect.EINVAL);
        yield return SystemCall("Advise unknown advice", Kind.File, (_, m) => m.Advise((MemoryAdvice)12345), Expect.EINVAL);
    }

    [TestCaseSource(nameof(CPythonFailures))]
    public void CPythonFailure_IsTheConventionsException(Kind kind, Action<ErrorConventionTests, MemoryMap> call, MmapError error, string? parameter)
    {
        ArgumentNullException.ThrowIfNull(call);
        MemoryMap map = Make(kind);
        Expect.Error(error, () => call(this, map), parameter);
    }

    [TestCaseSource(nameof(DotNetArgumentFailures))]
    public void DotNetArgumentFailure_IsAnArgumentExceptionNamingIt(Kind kind, Action<ErrorConventionTests, MemoryMap> call, Type type, string parameter)
    {
        ArgumentNullException.ThrowIfNull(call);
        MemoryMap map = Make(kind);
        ArgumentException exception = (ArgumentException)Assert.Throws(type, () => call(this, map))!;
        Assert.That(exception.ParamName, Is.EqualTo(parameter));
    }

    [TestCaseSource(nameof(SystemCallFailures))]
    public void SystemCallFailure_IsAMemoryMapExceptionWithTheErrno(Kind kind, Action<ErrorConventionTests, MemoryMap> call, int errno)
    {
        ArgumentNullException.ThrowIfNull(call);
        MemoryMap map = Make(kind);
        MemoryMapException exception = Expect.OSError(errno, () => call(this, map));
        Assert.That(exception, Is.InstanceOf<IOException>());
    }

    [Test]
    public void OpenFile_OfAMissingFile_IsDotNetsFileNotFound()
    {
        // Opening the file is .NET's own File.OpenHandle, with .NET's own exception: an IOException, as the map's are.
        Assert.Throws<FileNotFoundException>(() => Own(MemoryMap.OpenFile(Path.Combine(Folder, "missing.bin"))));
    }

    [Test]
    public void ClosedMap_IsReportedBeforeABadArgument()
    {
        // Every member that needs the mapping checks that the map is open first.
        MemoryMap map = Make(Kind.File);
        map.Close();
        using (Assert.EnterMultipleScope())
        {
            Expect.Closed(() => map.ReadAt(-1, new byte[1]));
            Expect.Closed(() => map.WriteAt(-1, "a"u8));
            Expect.Closed(() => map.Seek(17));
            Expect.Closed(() => map.Flush(-1, 0));
            Expect.Closed(() => map.Pin(17));
            Expect.Closed(() => map.Resize(-1));
        }
    }

    [Test]
    public void ReadOnlyMap_IsReportedBeforeABadArgument_AsCPythonChecksIt()
    {
        MemoryMap map = Make(Kind.ReadOnlyFile);
        using (Assert.EnterMultipleScope())
        {
            Expect.Error(MmapError.ReadOnly, () => map[99] = 0);
            Expect.Error(MmapError.ReadOnly, () => map.Move(-1, 0, 0));
            Expect.Error(MmapError.ReadOnly, () => map.WriteAt(-1, "a"u8));
            Expect.Error(MmapError.NotResizable, () => map.Resize(-1));
        }
    }

    [Test]
    public void AFailedCall_ChangesNothing()
    {
        MemoryMap map = Make(Kind.File);
        map.Seek(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Seek(17));
        Assert.Throws<MemoryMapException>(() => map.Write(new byte[14]));
        Assert.Throws<ArgumentException>(() => map.WriteAt(15, "ab"u8));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Position, Is.EqualTo(3));
            Assert.That(map.GetSlice(0, 16), Is.EqualTo("0123456789abcdef"u8.ToArray()));
        }
    }

    private int NewDescriptor() => OpenDescriptor(CreateFile("0123456789abcdef"u8));

    private MemoryMap Make(Kind kind)
    {
        string path = CreateFile("0123456789abcdef"u8);
        switch (kind)
        {
            case Kind.ReadOnlyFile:
                return Map(path, access: MapAccess.Read, fileAccess: FileAccess.Read);
            case Kind.CopyFile:
                return Map(path, access: MapAccess.Copy);
            case Kind.Anonymous:
                return MapAnonymous(16);
            case Kind.Untracked:
                return Map(path, trackFileDescriptor: false);
            case Kind.Exported:
                MemoryMap exported = Map(path);
                Own(exported.Pin());
                return exported;
            default:
                return Map(path);
        }
    }

    private static byte ByteAt(MemoryMap map, long index) => map[index];

    private static void ReadByteAtTheEnd(MemoryMap map)
    {
        map.Seek(0, SeekOrigin.End);
        map.ReadByte();
    }

    private static void WriteByteAtTheEnd(MemoryMap map)
    {
        map.Seek(0, SeekOrigin.End);
        map.WriteByte(1);
    }

    private static TestCaseData Row(string name, Kind kind, Action<ErrorConventionTests, MemoryMap> call, MmapError error, string? parameter = null) =>
        new TestCaseData(kind, call, error, parameter).SetArgDisplayNames(name);

    private static TestCaseData Argument(string name, Kind kind, Action<ErrorConventionTests, MemoryMap> call, Type type, string parameter) =>
        new TestCaseData(kind, call, type, parameter).SetArgDisplayNames(name);

    private static TestCaseData SystemCall(string name, Kind kind, Action<ErrorConventionTests, MemoryMap> call, int errno) =>
        new TestCaseData(kind, call, errno).SetArgDisplayNames(name);
}
