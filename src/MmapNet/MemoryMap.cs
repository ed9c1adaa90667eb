using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;
using MmapNet.Interop;

namespace MmapNet;

/// <summary>
/// A memory map with exactly the semantics of CPython's <c>mmap.mmap</c> on Linux (as of CPython 3.13):
/// the same arguments, the same results, the same failures with the same messages and errno.
/// </summary>
/// <remarks>
/// <para>Failures follow .NET's conventions (the table is in <see cref="MmapErrors"/>): an argument
/// exception for a bad argument, <see cref="ObjectDisposedException"/> once the map is closed (checked
/// first, by every member that needs the mapping), <see cref="NotSupportedException"/> for what the access
/// mode rules out, and <see cref="MemoryMapException"/> for a failed system call and for what the map's
/// state refuses. The messages are CPython's; <see cref="MmapErrors.TryGetError"/> says which of CPython's
/// failures an exception stands for. When a call breaks several of CPython's rules, the one reported is the
/// first in CPython's order.</para>
/// <para>The map is safe to share between threads in the sense that matters for memory: closing or
/// resizing it while other threads use it never touches unmapped memory (operations hold a lease on
/// the mapping; the last one unmaps). Like <see cref="System.IO.FileStream"/>, operations that move
/// the position are not ordered between threads.</para>
/// </remarks>
public sealed unsafe partial class MemoryMap : IDisposable
{
    private readonly MappingHandle _mapping;
    private readonly FileDescriptorHandle? _file;

    // Serializes the transitions that change the mapping itself: close and resize.
    private readonly Lock _transitionLock = new();

    private long _position;
    private int _exports;
    private volatile bool _closed;

    // The runtime this map is shared with (the CPython face), set once; see IMapSharingRuntime.
    private IMapSharingRuntime? _sharedWith;

    /// <summary>
    /// The object that stands for this map in the runtime it is shared with (the CPython face: its Python object), or
    /// zero. Read and written by that runtime only, under its own lock (CPython's GIL).
    /// </summary>
    internal nint SharedObject { get; set; }

    private MemoryMap(MappingHandle mapping, FileDescriptorHandle? file, MapAccess access, long offset, bool tracksFileDescriptor)
    {
        _mapping = mapping;
        _file = file;
        Access = access;
        Offset = offset;
        TracksFileDescriptor = tracksFileDescriptor;
    }

    /// <summary>The size of a page, CPython's <c>mmap.PAGESIZE</c>.</summary>
    public static int PageSize { get; } = checked((int)Libc.Sysconf(Libc.ScPageSize));

    /// <summary>
    /// The granularity of mapping offsets, CPython's <c>mmap.ALLOCATIONGRANULARITY</c> (the page size on Linux).
    /// </summary>
    public static int AllocationGranularity => PageSize;

    /// <summary>The access mode, resolved from the flags and protection when created with <see cref="MapAccess.Default"/>.</summary>
    public MapAccess Access { get; }

    /// <summary>The offset in the file at which the map starts.</summary>
    public long Offset { get; }

    /// <summary>Whether the map keeps its own descriptor of the file (CPython 3.13's <c>trackfd</c>).</summary>
    public bool TracksFileDescriptor { get; }

    /// <summary>Whether the map has been closed.</summary>
    public bool IsClosed => _closed;

    /// <summary>The length of the map in bytes (Python's <c>len(m)</c>).</summary>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public long Length
    {
        get
        {
            ThrowIfClosed();
            return (long)_mapping.Length;
        }
    }

    /// <summary>The current position (Python's <c>tell()</c>); may lie past the end after a shrinking resize.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Setting a position before the start or past the end.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public long Position
    {
        get
        {
            ThrowIfClosed();
            return _position;
        }

        set => Seek(value, System.IO.SeekOrigin.Begin, nameof(value));
    }

    /// <summary>The map's own file descriptor, or -1 for anonymous maps and maps that do not track it.</summary>
    public int FileDescriptor => _file is { IsClosed: false } file ? file.Descriptor : -1;

    /// <summary>The number of live exports: Python buffers, pins and pinned memory.</summary>
    public int ExportCount => Volatile.Read(ref _exports);

    // The mapping as seen by a caller that holds a lease or otherwise excludes close and resize.
    internal byte* Address => _mapping.Address;

    internal long MappedLength => (long)_mapping.Length;

    internal long CurrentPosition
    {
        get => _position;
        set => _position = value;
    }

    /// <summary>
    /// Maps <paramref name="length"/> bytes of the file open as <paramref name="fileDescriptor"/> from
    /// <paramref name="offset"/> (length 0: to the end of the file), or anonymous memory when
    /// <paramref name="fileDescriptor"/> is -1: CPython's <c>mmap.mmap(fileno, length, flags, prot,
    /// access, offset, trackfd)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> or <paramref name="offset"/> is negative, or reaches past the end of the file;
    /// <paramref name="access"/> is not a <see cref="MapAccess"/>.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="access"/> is given with non-default flags or protection, or <paramref name="length"/> is 0
    /// (the whole file) for an empty file.
    /// </exception>
    /// <exception cref="MemoryMapException">A system call failed (<c>mmap</c>, <c>fcntl</c>): what CPython raises as OSError.</exception>
    public static MemoryMap Create(
        int fileDescriptor,
        long length,
        MapFlags flags = MapFlags.Shared,
        MapProtection protection = MapProtection.ReadWrite,
        MapAccess access = MapAccess.Default,
        long offset = 0,
        bool trackFileDescriptor = true)
    {
        MapRequest request = new(fileDescriptor, length, (int)flags, (int)protection, (int)access, offset, trackFileDescriptor);
        Resolve(ref request).ThrowIfFailed();
        Open(request, out MemoryMap? map).ThrowIfFailed();
        return map!;
    }

    /// <summary>Maps <paramref name="length"/> bytes of anonymous memory, CPython's <c>mmap.mmap(-1, length, ...)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative; <paramref name="access"/> is not a <see cref="MapAccess"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="access"/> is given with non-default flags or protection.</exception>
    /// <exception cref="MemoryMapException"><c>mmap</c> failed (a length of 0: EINVAL; too much: ENOMEM).</exception>
    public static MemoryMap CreateAnonymous(
        long length,
        MapFlags flags = MapFlags.Shared,
        MapProtection protection = MapProtection.ReadWrite,
        MapAccess access = MapAccess.Default) =>
        Create(-1, length, flags, protection, access);

    /// <summary>
    /// Maps the file open as <paramref name="file"/>; the map keeps its own descriptor, so the
    /// caller may close theirs.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Create(int, long, MapFlags, MapProtection, MapAccess, long, bool)"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Create(int, long, MapFlags, MapProtection, MapAccess, long, bool)"/>.</exception>
    /// <exception cref="MemoryMapException">A system call failed: what CPython raises as OSError.</exception>
    public static MemoryMap Create(SafeFileHandle file, long length = 0, MapAccess access = MapAccess.Default, long offset = 0)
    {
        ArgumentNullException.ThrowIfNull(file);
        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return Create((int)file.DangerousGetHandle(), length, access: access, offset: offset);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Opens the file at <paramref name="path"/> (for reading with <see cref="MapAccess.Read"/> and
    /// <see cref="MapAccess.Copy"/>, else for reading and writing) and maps it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Create(int, long, MapFlags, MapProtection, MapAccess, long, bool)"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Create(int, long, MapFlags, MapProtection, MapAccess, long, bool)"/>.</exception>
    /// <exception cref="MemoryMapException">A system call of the map failed: what CPython raises as OSError.</exception>
    /// <exception cref="System.IO.IOException">Opening the file failed, as <see cref="System.IO.File.OpenHandle"/> reports it.</exception>
    public static MemoryMap OpenFile(string path, MapAccess access = MapAccess.Default, long length = 0, long offset = 0)
    {
        // A copy-on-write map never writes the file, and may not resize it: reading is all it needs.
        FileAccess mode = access is MapAccess.Read or MapAccess.Copy ? System.IO.FileAccess.Read : System.IO.FileAccess.ReadWrite;
        using SafeFileHandle file = System.IO.File.OpenHandle(path, System.IO.FileMode.Open, mode, System.IO.FileShare.ReadWrite | System.IO.FileShare.Delete);
        return Create(file, length, access, offset);
    }

    /// <summary>
    /// CPython's argument checks, in CPython's order, and the access mode implied by flags and
    /// protection. The request is updated in place.
    /// </summary>
    internal static MmapStatus Resolve(ref MapRequest request)
    {
        const int ReadWrite = (int)MapProtection.ReadWrite;
        if (request.Length < 0)
        {
            return MmapError.LengthNegative;
        }

        if (request.Offset < 0)
        {
            return MmapError.OffsetNegative;
        }

        if (request.Access != (int)MapAccess.Default &&
            (request.Flags != (int)MapFlags.Shared || request.Protection != ReadWrite))
        {
            return MmapError.AccessWithFlagsOrProtection;
        }

        switch ((MapAccess)request.Access)
        {
            case MapAccess.Read:
                request.Flags = (int)MapFlags.Shared;
                request.Protection = (int)MapProtection.Read;
                break;
            case MapAccess.Write:
                request.Flags = (int)MapFlags.Shared;
                request.Protection = ReadWrite;
                break;
            case MapAccess.Copy:
                request.Flags = (int)MapFlags.Private;
                request.Protection = ReadWrite;
                break;
            case MapAccess.Default:
                if ((request.Protection & ReadWrite) != ReadWrite)
                {
                    request.Access = (request.Protection & (int)MapProtection.Write) != 0 ? (int)MapAccess.Write : (int)MapAccess.Read;
                }

                break;
            default:
                return MmapError.InvalidAccess;
        }

        return MmapStatus.Ok;
    }

    /// <summary>Maps a request that <see cref="Resolve"/> accepted, checking it against the file first.</summary>
    internal static MmapStatus Open(in MapRequest request, out MemoryMap? map)
    {
        NoBlockingCallScope none = default;
        return Open(request, out map, ref none);
    }

    /// <summary>The scoped <c>Open</c> over <see cref="BlockingCallHooks"/>, compiled ahead in this assembly (see there).</summary>
    internal static MmapStatus Open(in MapRequest request, out MemoryMap? map, ref BlockingCallHooks scope) =>
        Open<BlockingCallHooks>(request, out map, ref scope);

    /// <summary>As <see cref="Open(in MapRequest, out MemoryMap?)"/>, with the <c>mmap</c> call itself inside <paramref name="scope"/>.</summary>
    internal static MmapStatus Open<TScope>(in MapRequest request, out MemoryMap? map, ref TScope scope)
        where TScope : struct, IBlockingCallScope
    {
        map = null;
        long length = request.Length;
        int fd = request.FileDescriptor;
        if (fd != -1 && FileStatus.Query(fd, out FileStatus status) == 0 && status.IsRegularFile)
        {
            if (length == 0)
            {
                if (status.Size == 0)
                {
                    return MmapError.EmptyFile;
                }

                if (request.Offset >= status.Size)
                {
                    return MmapError.OffsetBeyondFileSize;
                }

                length = status.Size - request.Offset;
            }
            else if (request.Offset > status.Size || status.Size - request.Offset < length)
            {
                return MmapError.LengthBeyondFileSize;
            }
        }

        int flags = request.Flags;
        FileDescriptorHandle? file = null;
        if (fd == -1)
        {
            flags |= (int)MapFlags.Anonymous;
        }
        else if (request.TrackFileDescriptor)
        {
            int duplicateErrno = FileDescriptorHandle.Duplicate(fd, out file);
            if (duplicateErrno != 0)
            {
                return MmapStatus.FromErrno(duplicateErrno);
            }
        }

        nint address;
        int errno;
        scope.Enter();
        try
        {
            address = Libc.Mmap(0, (nuint)length, request.Protection, flags, fd, request.Offset);
            errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        }
        finally
        {
            scope.Exit();
        }

        if (address == Libc.MapFailed)
        {
            file?.Dispose();
            return MmapStatus.FromErrno(errno);
        }

        map = new MemoryMap(new MappingHandle(address, (nuint)length), file, (MapAccess)request.Access, request.Offset, request.TrackFileDescriptor);
        return MmapStatus.Ok;
    }

    /// <summary>
    /// Closes the map: unmaps the memory (once no other thread is using it) and closes the map's
    /// descriptor. Closing a closed map does nothing. A map shared with Python code is closed for
    /// Python too: its <c>mmap</c> object reports <c>closed</c> and raises ValueError from then on.
    /// </summary>
    /// <exception cref="MemoryMapException">Exports (buffers, pins, pinned memory) are live (<see cref="MmapError.CloseWithExports"/>).</exception>
    public void Close() => (_sharedWith is { } runtime ? runtime.Close(this) : CloseCore()).ThrowIfFailed();

    /// <summary>Closes the map, as <see cref="Close"/> does, failing in the same way while exports are live.</summary>
    public void Dispose() => Close();

    internal MmapStatus CloseCore()
    {
        NoBlockingCallScope none = default;
        return CloseCore(leasesToReturn: 0, ref none);
    }

    /// <summary>The scoped <c>CloseCore</c> over <see cref="BlockingCallHooks"/>, compiled ahead in this assembly (see there).</summary>
    internal MmapStatus CloseCore(int leasesToReturn, ref BlockingCallHooks scope) => CloseCore<BlockingCallHooks>(leasesToReturn, ref scope);

    /// <summary>
    /// Closes: marks the map closed (under the transition lock, so that every later check sees it), then, inside
    /// <paramref name="scope"/>, closes the descriptor and lets the mapping go, returning <paramref name="leasesToReturn"/>
    /// long leases of the caller's with it, so that the <c>munmap</c>, when it falls to this call, happens in the scope.
    /// The leases are returned only by the call that closes the map: on a map closed already, or one with exports,
    /// the caller keeps them.
    /// </summary>
    internal MmapStatus CloseCore<TScope>(int leasesToReturn, ref TScope scope)
        where TScope : struct, IBlockingCallScope
    {
        lock (_transitionLock)
        {
            if (Volatile.Read(ref _exports) > 0)
            {
                return MmapError.CloseWithExports;
            }

            if (_closed)
            {
                return MmapStatus.Ok;
            }

            _closed = true;
        }

        // Outside the lock: the scope may let other threads of the caller's runtime run, and one of them may be waiting
        // for this lock while holding what the scope's end waits for (CPython's GIL).
        scope.Enter();
        try
        {
            _file?.Dispose();
            _mapping.BeginClose();
            for (int i = 0; i < leasesToReturn; i++)
            {
                _mapping.ReleaseLease();
            }
        }
        finally
        {
            scope.Exit();
        }

        return MmapStatus.Ok;
    }

    /// <summary>The scoped <c>ReleaseLongLease</c> over <see cref="BlockingCallHooks"/>, compiled ahead in this assembly (see there).</summary>
    internal void ReleaseLongLease(ref BlockingCallHooks scope) => ReleaseLongLease<BlockingCallHooks>(ref scope);

    /// <summary>Returns a long lease inside <paramref name="scope"/>: the unmapping of a closed map may fall to it.</summary>
    internal void ReleaseLongLease<TScope>(ref TScope scope)
        where TScope : struct, IBlockingCallScope
    {
        scope.Enter();
        try
        {
            _mapping.ReleaseLease();
        }
        finally
        {
            scope.Exit();
        }
    }

    /// <summary>
    /// Changes the length of the map and, for a file map, of the file (to <see cref="Offset"/> plus
    /// <paramref name="newLength"/>), as CPython's <c>resize()</c> does with <c>ftruncate</c> and <c>mremap</c>.
    /// </summary>
    /// <remarks>A map shared with Python code is resized under the GIL, as Python's own <c>resize()</c> would do it.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="newLength"/> is negative, or too large with the offset.</exception>
    /// <exception cref="NotSupportedException">The map is read-only or copy-on-write, or does not track its descriptor.</exception>
    /// <exception cref="MemoryMapException">
    /// Exports are live, or another thread is using the map (<see cref="MmapError.ResizeWithExports"/>); or
    /// <c>ftruncate</c> or <c>mremap</c> failed.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void Resize(long newLength) =>
        (_sharedWith is { } runtime ? runtime.Resize(this, newLength) : ResizeCore(newLength, ownLeases: 0, checkOpenFirst: true)).ThrowIfFailed();

    /// <summary>
    /// Marks the map as shared with <paramref name="runtime"/>: from now on .NET-side close and resize go
    /// through it. A map is shared with one runtime at most; later calls change nothing.
    /// </summary>
    internal void ShareWith(IMapSharingRuntime runtime) => Interlocked.CompareExchange(ref _sharedWith, runtime, null);

    /// <summary>
    /// Resizes; <paramref name="ownLeases"/> are the leases the caller itself holds. With
    /// <paramref name="checkOpenFirst"/> false the caller has checked that the map was open before
    /// converting its argument, as CPython does, and a map closed since gets CPython's later errors.
    /// </summary>
    internal MmapStatus ResizeCore(long newLength, int ownLeases, bool checkOpenFirst)
    {
        lock (_transitionLock)
        {
            if (checkOpenFirst && _closed)
            {
                return MmapError.ClosedOrInvalid;
            }

            if (Volatile.Read(ref _exports) > 0)
            {
                return MmapError.ResizeWithExports;
            }

            if (!TracksFileDescriptor)
            {
                return MmapError.ResizeWithoutTrackedDescriptor;
            }

            if (Access is not (MapAccess.Write or MapAccess.Default))
            {
                return MmapError.NotResizable;
            }

            if (newLength < 0 || long.MaxValue - newLength < Offset)
            {
                return MmapError.NewSizeOutOfRange;
            }

            if (_closed)
            {
                return UnmappedRemapStatus(newLength);
            }

            if (!_mapping.TryBeginExclusive(ownLeases))
            {
                return MmapError.ResizeWithExports;
            }

            try
            {
                return Remap(newLength);
            }
            finally
            {
                _mapping.EndExclusive();
            }
        }
    }

    /// <summary>
    /// What CPython's resize() gets on a map closed while its argument was converted: it does not check
    /// again, skips ftruncate (the closed map's descriptor is -1) and calls <c>mremap(NULL, size,
    /// newsize, MREMAP_MAYMOVE)</c>. The kernel's answer with nothing mapped at the old address is
    /// computed rather than asked for, so no system call ever names address 0: EINVAL for a new size
    /// of 0, EFAULT otherwise (mremap(2), mm/mremap.c).
    /// </summary>
    private static MmapStatus UnmappedRemapStatus(long newLength) =>
        MmapStatus.FromErrno(newLength == 0 ? Libc.Einval : Libc.Efault);

    private MmapStatus Remap(long newLength)
    {
        if (_file is not null && Libc.Ftruncate(_file.Descriptor, Offset + newLength) != 0)
        {
            return MmapStatus.FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        }

        nint moved = Libc.Mremap((nint)_mapping.Address, _mapping.Length, (nuint)newLength, Libc.MremapMayMove);
        if (moved == Libc.MapFailed)
        {
            return MmapStatus.FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        }

        _mapping.Replace(moved, (nuint)newLength);
        return MmapStatus.Ok;
    }

    /// <summary>The size of the file from <c>fstat</c> (Python's <c>size()</c>), not the length of the map.</summary>
    /// <exception cref="MemoryMapException"><c>fstat</c> failed: EBADF for anonymous maps and maps that do not track their descriptor, as in CPython.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public long GetFileSize()
    {
        using Lease lease = AcquireLease();
        SizeCore(out long size).ThrowIfFailed();
        return size;
    }

    internal MmapStatus SizeCore(out long size)
    {
        size = 0;
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        FileDescriptorHandle? file = _file;
        if (file is null)
        {
            // No descriptor of its own (anonymous, or trackfd=False): fstat(-1) fails with EBADF, as in CPython.
            return QuerySize(-1, out size);
        }

        // Hold the descriptor open for the fstat: a concurrent close must not let it be closed, and its
        // number reused by another file, in between.
        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            return MmapError.ClosedOrInvalid;
        }

        try
        {
            return QuerySize(file.Descriptor, out size);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    private static MmapStatus QuerySize(int fd, out long size)
    {
        int errno = FileStatus.Query(fd, out FileStatus status);
        size = errno == 0 ? status.Size : 0;
        return errno == 0 ? MmapStatus.Ok : MmapStatus.FromErrno(errno);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus CheckValid() => _closed ? MmapError.ClosedOrInvalid : MmapStatus.Ok;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus CheckWritable() =>
        _closed ? MmapError.ClosedOrInvalid : Access == MapAccess.Read ? MmapError.ReadOnly : MmapStatus.Ok;

    private void ThrowIfClosed() => CheckValid().ThrowIfFailed();

    /// <summary>Holds the mapping for one operation so that a concurrent close cannot unmap it.</summary>
    internal Lease AcquireLease()
    {
        if (!_mapping.TryAcquireLease())
        {
            MmapStatus closed = MmapError.ClosedOrInvalid;
            closed.ThrowIfFailed();
        }

        return new Lease(_mapping);
    }

    /// <summary>Takes a lease that outlives one call (the CPython face's object holds one); false when closed.</summary>
    internal bool TryAcquireLongLease() => _mapping.TryAcquireLease();

    internal void ReleaseLongLease() => _mapping.ReleaseLease();

    /// <summary>Counts a new export (a buffer, pin or pinned memory); fails on a closed map.</summary>
    internal MmapStatus AddExport()
    {
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        Interlocked.Increment(ref _exports);
        return MmapStatus.Ok;
    }

    internal void RemoveExport() => Interlocked.Decrement(ref _exports);

    internal readonly ref struct Lease
    {
        private readonly MappingHandle _mapping;

        public Lease(MappingHandle mapping) => _mapping = mapping;

        public void Dispose() => _mapping.ReleaseLease();
    }
}
