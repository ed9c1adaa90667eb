using System;
using System.Collections.Generic;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// The error table (MmapErrors) against CPython: each row's type and text were obtained by provoking
// the error in CPython 3.13.0 here (3.10.13, 3.11.7 and 3.12.1 give the same text for every row they
// have; trackfd is 3.13's). The provoking expression is given with each row.
public class ErrorTableTests
{
    public static IEnumerable<TestCaseData> CPythonErrors()
    {
        yield return Row(MmapError.ClosedOrInvalid, MmapErrorKind.ValueError, "mmap closed or invalid", "m.close(); m.read()");
        yield return Row(MmapError.LengthNegative, MmapErrorKind.OverflowError, "memory mapped length must be positive", "mmap(fd, -1)");
        yield return Row(MmapError.OffsetNegative, MmapErrorKind.OverflowError, "memory mapped offset must be positive", "mmap(fd, 0, offset=-1)");
        yield return Row(MmapError.AccessWithFlagsOrProtection, MmapErrorKind.ValueError, "mmap can't specify both access and flags, prot.", "mmap(fd, 0, flags=MAP_PRIVATE, access=ACCESS_READ)");
        yield return Row(MmapError.InvalidAccess, MmapErrorKind.ValueError, "mmap invalid access parameter.", "mmap(fd, 0, access=7)");
        yield return Row(MmapError.EmptyFile, MmapErrorKind.ValueError, "cannot mmap an empty file", "mmap(empty_fd, 0)");
        yield return Row(MmapError.OffsetBeyondFileSize, MmapErrorKind.ValueError, "mmap offset is greater than file size", "mmap(fd, 0, offset=8192) of 8192 bytes");
        yield return Row(MmapError.LengthBeyondFileSize, MmapErrorKind.ValueError, "mmap length is greater than file size", "mmap(fd, 8193) of 8192 bytes");
        yield return Row(MmapError.ReadByteOutOfRange, MmapErrorKind.ValueError, "read byte out of range", "m.seek(0, 2); m.read_byte()");
        yield return Row(MmapError.WriteByteOutOfRange, MmapErrorKind.ValueError, "write byte out of range", "m.seek(0, 2); m.write_byte(1)");
        yield return Row(MmapError.DataOutOfRange, MmapErrorKind.ValueError, "data out of range", "m.seek(8190); m.write(b'abc')");
        yield return Row(MmapError.ReadOnly, MmapErrorKind.TypeError, "mmap can't modify a readonly memory map.", "ACCESS_READ map: write(b'a')");
        yield return Row(MmapError.NotResizable, MmapErrorKind.TypeError, "mmap can't resize a readonly or copy-on-write memory map.", "ACCESS_READ map: resize(10)");
        yield return Row(MmapError.ResizeWithExports, MmapErrorKind.BufferError, "mmap can't resize with extant buffers exported.", "mv = memoryview(m); m.resize(100)");
        yield return Row(MmapError.ResizeWithoutTrackedDescriptor, MmapErrorKind.ValueError, "mmap can't resize with trackfd=False.", "mmap(fd, 0, trackfd=False).resize(10)");
        yield return Row(MmapError.NewSizeOutOfRange, MmapErrorKind.ValueError, "new size out of range", "m.resize(-1)");
        yield return Row(MmapError.CloseWithExports, MmapErrorKind.BufferError, "cannot close exported pointers exist", "mv = memoryview(m); m.close()");
        yield return Row(MmapError.FlushOutOfRange, MmapErrorKind.ValueError, "flush values out of range", "m.flush(0, len(m) + 1)");
        yield return Row(MmapError.SeekOutOfRange, MmapErrorKind.ValueError, "seek out of range", "m.seek(len(m) + 1)");
        yield return Row(MmapError.UnknownSeekType, MmapErrorKind.ValueError, "unknown seek type", "m.seek(0, 3)");
        yield return Row(MmapError.MoveOutOfRange, MmapErrorKind.ValueError, "source, destination, or count out of range", "m.move(0, 1, len(m))");
        yield return Row(MmapError.AdviseStartOutOfBounds, MmapErrorKind.ValueError, "madvise start out of bounds", "m.madvise(MADV_NORMAL, len(m))");
        yield return Row(MmapError.AdviseLengthInvalid, MmapErrorKind.ValueError, "madvise length invalid", "m.madvise(MADV_NORMAL, 0, -1)");
        yield return Row(MmapError.AdviseLengthTooLarge, MmapErrorKind.OverflowError, "madvise length too large", "m.madvise(MADV_NORMAL, 4096, sys.maxsize)");
        yield return Row(MmapError.IndexOutOfRange, MmapErrorKind.IndexError, "mmap index out of range", "m[len(m)]");
        yield return Row(MmapError.SliceAssignmentWrongSize, MmapErrorKind.IndexError, "mmap slice assignment is wrong size", "m[0:2] = b'a'");
        yield return Row(MmapError.SliceStepZero, MmapErrorKind.ValueError, "slice step cannot be zero", "m[::0]");
    }

    // The failures only Python code can meet (the CPython face's protocols), measured the same way.
    public static IEnumerable<TestCaseData> PythonOnlyErrors()
    {
        yield return PythonOnlyRow(PythonOnlyError.ItemValueOutOfRange, MmapErrorKind.ValueError, "mmap item value must be in range(0, 256)", "m[0] = 256");
        yield return PythonOnlyRow(PythonOnlyError.IndicesMustBeIntegers, MmapErrorKind.TypeError, "mmap indices must be integers", "m['a']");
        yield return PythonOnlyRow(PythonOnlyError.AssignmentIndicesMustBeInteger, MmapErrorKind.TypeError, "mmap indices must be integer", "m['a'] = 1");
        yield return PythonOnlyRow(PythonOnlyError.ItemValueMustBeInt, MmapErrorKind.TypeError, "mmap item value must be an int", "m[0] = b'a'");
        yield return PythonOnlyRow(PythonOnlyError.ItemAssignmentMustBeOneByte, MmapErrorKind.IndexError, "mmap assignment must be length-1 bytes()", "PySequence_SetItem(m, 0, b'ab') via ctypes");
        yield return PythonOnlyRow(PythonOnlyError.ItemDeletion, MmapErrorKind.TypeError, "mmap doesn't support item deletion", "del m[0]");
        yield return PythonOnlyRow(PythonOnlyError.SequenceItemDeletion, MmapErrorKind.TypeError, "mmap object doesn't support item deletion", "PySequence_DelItem(m, 0) via ctypes");
        yield return PythonOnlyRow(PythonOnlyError.SliceDeletion, MmapErrorKind.TypeError, "mmap object doesn't support slice deletion", "del m[0:1]");
    }

    [TestCaseSource(nameof(CPythonErrors))]
    public void Error_HasCPythonsTypeAndMessage(MmapError error, MmapErrorKind kind, string message)
    {
        MemoryMapException exception = new(error);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MmapErrors.KindOf(error), Is.EqualTo(kind));
            Assert.That(MmapErrors.MessageOf(error), Is.EqualTo(message));
            Assert.That(exception.Kind, Is.EqualTo(kind));
            Assert.That(exception.Message, Is.EqualTo(message));
            Assert.That(exception.Error, Is.EqualTo(error));
            Assert.That(exception.Errno, Is.Zero);
        }
    }

    [TestCaseSource(nameof(CPythonErrors))]
    public void Error_IsThrownByTheDotNetApiAsTheConventionSays(MmapError error, MmapErrorKind kind, string message)
    {
        Exception exception = MmapErrors.ToException(error);
        (Type type, string? parameter) = Expect.Convention(error);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.GetType(), Is.EqualTo(type));
            Assert.That(MmapErrors.TryGetError(exception, out MmapError actual), Is.True);
            Assert.That(actual, Is.EqualTo(error));
            Assert.That(exception.Message, Does.StartWith(message));
            Assert.That((exception as ArgumentException)?.ParamName, Is.EqualTo(parameter));
            Assert.That(MmapErrors.KindOf(error), Is.EqualTo(kind));
        }
    }

    [Test]
    public void SystemCall_IsThrownAsAMemoryMapExceptionWithTheErrno()
    {
        Exception exception = MmapErrors.ToException(MmapError.SystemCall, Expect.EACCES);
        Assert.That(exception, Is.TypeOf<MemoryMapException>());
        MemoryMapException failure = (MemoryMapException)exception;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Errno, Is.EqualTo(Expect.EACCES));
            Assert.That(failure.Message, Is.EqualTo(Expect.CPythonStrerror(Expect.EACCES)));
            Assert.That(MmapErrors.TryGetError(failure, out MmapError error), Is.True);
            Assert.That(error, Is.EqualTo(MmapError.SystemCall));
        }
    }

    [Test]
    public void MemoryMapException_IsAnIOException()
    {
        // As .NET's own I/O failures are (a caller catching IOException gets the map's OS failures too).
        Assert.That(new MemoryMapException(MmapError.SystemCall, Expect.EIO), Is.InstanceOf<System.IO.IOException>());
    }

    [Test]
    public void TryGetError_OfAnyOtherException_IsFalse()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MmapErrors.TryGetError(null, out _), Is.False);
            Assert.That(MmapErrors.TryGetError(new ArgumentOutOfRangeException("offset"), out _), Is.False);
            Assert.That(MmapErrors.TryGetError(new ObjectDisposedException("MmapNet.MemoryMap"), out _), Is.False);
            Assert.That(MmapErrors.TryGetError(new System.IO.IOException("x"), out MmapError error), Is.False);
            Assert.That(error, Is.EqualTo(MmapError.None));
        }
    }

    [TestCaseSource(nameof(PythonOnlyErrors))]
    public void PythonOnlyError_HasCPythonsTypeAndMessage(object row, MmapErrorKind kind, string message)
    {
        // (The enum is internal, so the row comes boxed: a public test method cannot name it.)
        PythonOnlyError error = (PythonOnlyError)row;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MmapErrors.KindOf(error), Is.EqualTo(kind));
            Assert.That(MmapErrors.MessageOf(error), Is.EqualTo(message));
        }
    }

    [Test]
    public void EveryError_IsInTheMeasuredTable()
    {
        // None and SystemCall are not table rows (SystemCall's text is strerror, checked below).
        HashSet<MmapError> measured = new();
        foreach (TestCaseData row in CPythonErrors())
        {
            measured.Add((MmapError)row.Arguments[0]!);
        }

        foreach (MmapError error in Enum.GetValues<MmapError>())
        {
            if (error is not (MmapError.None or MmapError.SystemCall))
            {
                Assert.That(measured, Does.Contain(error), $"{error} has no CPython-measured row");
            }
        }
    }

    [Test]
    public void EveryPythonOnlyError_IsInTheMeasuredTable()
    {
        HashSet<PythonOnlyError> measured = new();
        foreach (TestCaseData row in PythonOnlyErrors())
        {
            measured.Add((PythonOnlyError)row.Arguments[0]!);
        }

        Assert.That(measured, Is.EquivalentTo(Enum.GetValues<PythonOnlyError>()));
    }

    [Test]
    public void APythonOnlyMessage_IsNotAlsoAPublicError()
    {
        // One place per message: a failure is either the core's (public) or the CPython face's only.
        HashSet<string> publicMessages = new();
        foreach (MmapError error in Enum.GetValues<MmapError>())
        {
            publicMessages.Add(MmapErrors.MessageOf(error));
        }

        foreach (PythonOnlyError error in Enum.GetValues<PythonOnlyError>())
        {
            Assert.That(publicMessages, Does.Not.Contain(MmapErrors.MessageOf(error)), $"{error}");
        }
    }

    [Test]
    public void EveryError_HasAPythonKindAndANonEmptyMessage()
    {
        foreach (MmapError error in Enum.GetValues<MmapError>())
        {
            if (error == MmapError.None)
            {
                continue;
            }

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Enum.IsDefined(MmapErrors.KindOf(error)), Is.True, $"{error}");
                Assert.That(MmapErrors.KindOf(error), Is.Not.EqualTo(MmapErrorKind.SystemError), $"{error} fell through to the unknown-error row");
                Assert.That(MmapErrors.MessageOf(error, Expect.EINVAL), Is.Not.Empty, $"{error}");
            }
        }
    }

    [TestCase(Expect.EBADF)]
    [TestCase(Expect.ENOMEM)]
    [TestCase(Expect.EACCES)]
    [TestCase(Expect.EINVAL)]
    [TestCase(Expect.EFBIG)]
    public void SystemCall_IsOSErrorWithStrerrorAndTheErrno(int errno)
    {
        // CPython: OSError(errno, strerror(errno)); the texts were measured (e.g. mmap(-1, 0) gives
        // [Errno 22] Invalid argument, resize(sys.maxsize) [Errno 27] File too large).
        MemoryMapException exception = new(MmapError.SystemCall, errno);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MmapErrors.KindOf(MmapError.SystemCall), Is.EqualTo(MmapErrorKind.OSError));
            Assert.That(MmapErrors.MessageOf(MmapError.SystemCall, errno), Is.EqualTo(Expect.CPythonStrerror(errno)));
            Assert.That(exception.Message, Is.EqualTo(Expect.CPythonStrerror(errno)));
            Assert.That(exception.Errno, Is.EqualTo(errno));
            Assert.That(exception.HResult, Is.EqualTo(errno));
            Assert.That(exception.Kind, Is.EqualTo(MmapErrorKind.OSError));
        }
    }

    [Test]
    public void None_IsNotAnError()
    {
        Assert.That(MmapStatus.Ok.IsOk, Is.True);
        Assert.That(MmapStatus.Ok.Error, Is.EqualTo(MmapError.None));
        Assert.That(((MmapStatus)MmapError.ReadOnly).IsOk, Is.False);
        Assert.DoesNotThrow(() => MmapStatus.Ok.ThrowIfFailed());
    }

    private static TestCaseData PythonOnlyRow(PythonOnlyError error, MmapErrorKind kind, string message, string provokedBy) =>
        new TestCaseData(error, kind, message).SetArgDisplayNames(error.ToString(), provokedBy);

    private static TestCaseData Row(MmapError error, MmapErrorKind kind, string message, string provokedBy) =>
        new TestCaseData(error, kind, message).SetArgDisplayNames(error.ToString(), provokedBy);
}
