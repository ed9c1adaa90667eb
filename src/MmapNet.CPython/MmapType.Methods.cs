using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MmapNet.CPython.Abi;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

// The methods, with the stdlib's calling conventions (METH_NOARGS or METH_VARARGS), because the
// interpreter's own errors depend on them: a METH_VARARGS method called with **kwargs says
// "write() takes no keyword arguments", a METH_FASTCALL one "mmap.write() ...". Each method checks
// that the map is open first and then parses, as CPython does: exact ints and bytes are read
// directly from the argument tuple, anything else goes through CPython's own PyArg_ParseTuple.
internal static unsafe partial class MmapType
{
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Close(nint self) => CloseObject(self);

    /// <summary><c>__exit__(*args)</c>: closes, whatever the arguments (on 3.10 through <c>self.close()</c>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Exit(nint self, nint arguments)
    {
        if (!s_profile.ExitCallsCloseMethod)
        {
            return CloseObject(self);
        }

        nint close;
        fixed (byte* name = "close\0"u8)
        {
            close = PyObject_GetAttrString(self, name);
        }

        if (close == 0)
        {
            return 0;
        }

        nint result = PyObject_CallObject(close, 0);
        Py_DecRef(close);
        return result;
    }

    private static nint CloseObject(nint self)
    {
        // The object's lease goes back with the close, inside the GIL-released scope where the munmap then happens.
        MmapObject* obj = (MmapObject*)self;
        BlockingCallHooks scope = GilReleasedScope.Create();
        MmapStatus status = MmapObject.MapOf(self).CloseCore(HoldsLease(obj) ? 1 : 0, ref scope);
        if (!status.IsOk)
        {
            return PythonErrors.Raise(status);
        }

        obj->Flags &= ~MmapObjectFlags.HoldsLease;
        return NewNone();
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Enter(nint self)
    {
        if (MmapObject.MapOf(self).IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        FastPy_IncRef(self);
        return self;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Find(nint self, nint arguments) => Search(self, arguments, reverse: false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint ReverseFind(nint self, nint arguments) => Search(self, arguments, reverse: true);

    /// <summary><c>find(sub[, start[, end]])</c> / <c>rfind</c>: "y*|nn".</summary>
    private static nint Search(nint self, nint arguments, bool reverse)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint start = (nint)map.CurrentPosition;
        nint end = (nint)map.MappedLength;
        if (nargs is >= 1 and <= 3
            && ArgumentParser.TryExactBytes(interpreter, args[0], out byte* needle, out nint needleLength)
            && (nargs < 2 || ArgumentParser.TryExactSsize(interpreter, args[1], out start))
            && (nargs < 3 || ArgumentParser.TryExactSsize(interpreter, args[2], out end)))
        {
            return FoundIndex(interpreter, map, needle, needleLength, start, end, reverse);
        }

        start = (nint)map.CurrentPosition;
        end = (nint)map.MappedLength;
        PyBuffer buffer;
        if (!ArgumentParser.ParseWithCPython(arguments, reverse ? "y*|nn:rfind\0"u8 : "y*|nn:find\0"u8, &buffer, &start, &end))
        {
            return 0;
        }

        nint result = FoundIndex(interpreter, map, buffer.Buf, buffer.Len, start, end, reverse);
        OutOfLineApi.PyBuffer_Release(&buffer);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint FoundIndex(RunningInterpreter* interpreter, MemoryMap map, byte* needle, nint needleLength, nint start, nint end, bool reverse)
    {
        MmapStatus status = map.FindCore(needle, needleLength, start, end, reverse, interpreter->InvertedRangeMatchesEmptyNeedle, out long index);
        return status.IsOk ? interpreter->FastPyLong_FromSsize_t((nint)index) : PythonErrors.Raise(status);
    }

    /// <summary><c>flush([offset[, size]])</c>: "|nn".</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Flush(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint offset = 0;
        nint size = (nint)map.MappedLength;
        if (!(nargs <= 2
            && (nargs < 1 || ArgumentParser.TryExactSsize(interpreter, args[0], out offset))
            && (nargs < 2 || ArgumentParser.TryExactSsize(interpreter, args[1], out size))))
        {
            offset = 0;
            size = (nint)map.MappedLength;
            if (!ArgumentParser.ParseWithCPython(arguments, "|nn:flush\0"u8, &offset, &size))
            {
                return 0;
            }
        }

        MmapStatus status = map.FlushCore(offset, size);
        return status.IsOk ? interpreter->NewNone() : PythonErrors.Raise(status);
    }

    /// <summary><c>madvise(option[, start[, length]])</c>: "i|nn".</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Advise(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        int option = 0;
        nint start = 0;
        nint length = (nint)map.MappedLength;
        if (!(nargs is >= 1 and <= 3
            && ArgumentParser.TryExactInt(interpreter, args[0], out option)
            && (nargs < 2 || ArgumentParser.TryExactSsize(interpreter, args[1], out start))
            && (nargs < 3 || ArgumentParser.TryExactSsize(interpreter, args[2], out length))))
        {
            start = 0;
            length = (nint)map.MappedLength;
            if (!ArgumentParser.ParseWithCPython(arguments, "i|nn:madvise\0"u8, &option, &start, &length))
            {
                return 0;
            }
        }

        MmapStatus status = map.AdviseCore(option, start, length);
        return status.IsOk ? interpreter->NewNone() : PythonErrors.Raise(status);
    }

    /// <summary><c>move(dest, src, count)</c>: "nnn".</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Move(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint destination = 0, source = 0, count = 0;
        if (!(nargs == 3
            && ArgumentParser.TryExactSsize(interpreter, args[0], out destination)
            && ArgumentParser.TryExactSsize(interpreter, args[1], out source)
            && ArgumentParser.TryExactSsize(interpreter, args[2], out count))
            && !ArgumentParser.ParseWithCPython(arguments, "nnn:move\0"u8, &destination, &source, &count))
        {
            return 0;
        }

        MmapStatus status = map.MoveCore(destination, source, count);
        return status.IsOk ? interpreter->NewNone() : PythonErrors.Raise(status);
    }

    /// <summary><c>read([n])</c>: "|O&amp;" with CPython's own None-or-index converter.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Read(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint requested = nint.MaxValue;
        if (!(nargs == 0 || (nargs == 1 && (args[0] == interpreter->Py_None || ArgumentParser.TryExactSsize(interpreter, args[0], out requested)))))
        {
            requested = nint.MaxValue;
            if (!ArgumentParser.ParseWithCPython(arguments, "|O&:read\0"u8, _Py_convert_optional_to_ssize_t, &requested))
            {
                return 0;
            }
        }

        MmapStatus status = map.ReadCore(requested, out byte* source, out long length);
        if (!status.IsOk)
        {
            return PythonErrors.Raise(status);
        }

        return length <= ShortCopy
            ? interpreter->FastPyBytes_FromStringAndSize(source, (nint)length)
            : OutOfLineApi.PyBytes_FromStringAndSize(source, (nint)length);
    }

    /// <summary><c>read_byte()</c>: a hot method in the guarded-work, boxed-after shape (see the remarks on <see cref="MmapType"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus ReadByte(nint self, out nint value)
    {
        MmapStatus status = MmapObject.MapOf(self).ReadByteCore(out byte read);
        value = read;
        return status;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint ReadLine(nint self)
    {
        MmapStatus status = MmapObject.MapOf(self).ReadLineCore(out byte* source, out long length);
        if (!status.IsOk)
        {
            return PythonErrors.Raise(status);
        }

        return length <= ShortCopy
            ? RunningInterpreter.Of(self)->FastPyBytes_FromStringAndSize(source, (nint)length)
            : OutOfLineApi.PyBytes_FromStringAndSize(source, (nint)length);
    }

    /// <summary><c>resize(newsize)</c>: "n". The object's own lease does not count against the resize.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Resize(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint newSize = 0;
        if (!(nargs == 1 && ArgumentParser.TryExactSsize(interpreter, args[0], out newSize))
            && !ArgumentParser.ParseWithCPython(arguments, "n:resize\0"u8, &newSize))
        {
            return 0;
        }

        int ownLeases = HoldsLease((MmapObject*)self) ? 1 : 0;
        MmapStatus status = map.ResizeCore(newSize, ownLeases, checkOpenFirst: false);
        return status.IsOk ? interpreter->NewNone() : PythonErrors.Raise(status);
    }

    /// <summary><c>seek(pos[, whence])</c>: "n|i"; returns the position from 3.13 on, None before.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Seek(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint distance = 0;
        int whence = 0;
        if (!(nargs is 1 or 2
            && ArgumentParser.TryExactSsize(interpreter, args[0], out distance)
            && (nargs < 2 || ArgumentParser.TryExactInt(interpreter, args[1], out whence))))
        {
            whence = 0;
            if (!ArgumentParser.ParseWithCPython(arguments, "n|i:seek\0"u8, &distance, &whence))
            {
                return 0;
            }
        }

        MmapStatus status = map.SeekCore(distance, whence, out long position);
        if (!status.IsOk)
        {
            return PythonErrors.Raise(status);
        }

        return interpreter->SeekReturnsPosition ? interpreter->FastPyLong_FromSsize_t((nint)position) : interpreter->NewNone();
    }

    /// <summary><c>seekable()</c> (3.13): always True, even when closed, as in CPython.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus Seekable(nint self, out bool seekable)
    {
        seekable = true;
        return MmapStatus.Ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Size(nint self)
    {
        MmapStatus status = MmapObject.MapOf(self).SizeCore(out long size);
        return status.IsOk ? PyLong_FromSsize_t((nint)size) : PythonErrors.Raise(status);
    }

    /// <summary><c>tell()</c>: a hot method in the guarded-work, boxed-after shape (see the remarks on <see cref="MmapType"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus Tell(nint self, out nint position)
    {
        MemoryMap map = MmapObject.MapOf(self);
        position = (nint)map.CurrentPosition;
        return map.IsClosed ? MmapError.ClosedOrInvalid : MmapStatus.Ok;
    }

    /// <summary><c>write(bytes)</c>: "y*"; returns the number of bytes written.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Write(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        MmapStatus status;
        if (nargs == 1 && ArgumentParser.TryExactBytes(interpreter, args[0], out byte* data, out nint length))
        {
            status = map.WriteCore(data, length);
            return status.IsOk ? interpreter->FastPyLong_FromSsize_t(length) : PythonErrors.Raise(status);
        }

        PyBuffer buffer;
        if (!ArgumentParser.ParseWithCPython(arguments, "y*:write\0"u8, &buffer))
        {
            return 0;
        }

        status = map.WriteCore(buffer.Buf, buffer.Len);
        nint written = buffer.Len;
        OutOfLineApi.PyBuffer_Release(&buffer);
        return status.IsOk ? interpreter->FastPyLong_FromSsize_t(written) : PythonErrors.Raise(status);
    }

    /// <summary><c>write_byte(byte)</c>: "b", an int from 0 to 255.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint WriteByte(nint self, nint arguments)
    {
        MemoryMap map = MmapObject.MapOf(self);
        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        nint* args = ArgumentParser.TupleItems(arguments, out nint nargs);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        byte value;
        if (nargs == 1 && ArgumentParser.TryExactSsize(interpreter, args[0], out nint wide) && wide is >= 0 and <= 255)
        {
            value = (byte)wide;
        }
        else if (!ArgumentParser.ParseWithCPython(arguments, "b:write_byte\0"u8, &value))
        {
            return 0;
        }

        MmapStatus status = map.WriteByteCore(value);
        return status.IsOk ? interpreter->NewNone() : PythonErrors.Raise(status);
    }
}
