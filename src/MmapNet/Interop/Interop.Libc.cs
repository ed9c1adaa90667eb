using System.Runtime.InteropServices;

namespace MmapNet.Interop;

/// <summary>
/// Every system call the map makes, through source-generated P/Invoke into glibc. Each one keeps errno
/// (<c>SetLastError</c>) so failures report exactly what the kernel said, as CPython does.
/// </summary>
internal static unsafe partial class Libc
{
    // glibc's soname, exactly: the dynamic linker gives the library already loaded, with no search. "libc" made the
    // runtime's loader try libc.so, liblibc.so, ... in each of glibc's search folders at every import (CoreCLR still
    // tries the exact name in its own folder and the assemblies' first). The NativeAOT module binds these calls when
    // it is linked instead (DirectPInvoke, NativeParts.targets).
    private const string Library = "libc.so.6";

    public const int MapFailed = -1;
    public const int MsSync = 4;
    public const int MremapMayMove = 1;
    public const int FDupFdCloexec = 1030;
    public const int ScPageSize = 30;
    public const int SIfmt = 0xF000;
    public const int SIfreg = 0x8000;

    // errno values (asm-generic/errno-base.h, shared by x86-64 and AArch64).
    public const int Efault = 14;
    public const int Einval = 22;
    public const int Enomem = 12;

    [LibraryImport(Library, EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport(Library, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport(Library, EntryPoint = "mremap", SetLastError = true)]
    public static partial nint Mremap(nint oldAddress, nuint oldLength, nuint newLength, int flags);

    // Every copy into the map (write, WriteAt and the stream's writes, move, slice assignment) goes through
    // MemoryMap.CopyIntoMap, which calls the C library's memmove, as CPython's mmap calls memmove/memcpy (the same
    // code in glibc on x86-64), rather than Buffer.MemoryCopy: the two differ in which pages they write, and on a
    // private map a written page becomes the map's own copy. With source == destination, Buffer.MemoryCopy writes
    // nothing, while memmove stores the bytes back; CPython's m.move(3, 3, 7) or m.write(memoryview(m)[:1]) at
    // position 0 on a MAP_PRIVATE file map thus detaches that page from later writes to the file (found by
    // conformance/fuzz: seed 2611 and seed 3611 on 3.10.13). memmove, not memcpy: the source may overlap the
    // destination (a memoryview of the map itself). Short copies skip the GC transition (they take nanoseconds);
    // long ones keep it, so that they never hold up a garbage collection.
    [LibraryImport(Library, EntryPoint = "memmove")]
    [SuppressGCTransition]
    public static partial nint MemmoveShort(byte* destination, byte* source, nuint count);

    [LibraryImport(Library, EntryPoint = "memmove")]
    public static partial nint Memmove(byte* destination, byte* source, nuint count);

    /// <summary>The largest copy <see cref="MemmoveShort"/> is used for.</summary>
    public const long ShortCopy = 64 * 1024;

    [LibraryImport(Library, EntryPoint = "msync", SetLastError = true)]
    public static partial int Msync(nint address, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "madvise", SetLastError = true)]
    public static partial int Madvise(nint address, nuint length, int advice);

    [LibraryImport(Library, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    [LibraryImport(Library, EntryPoint = "fstat", SetLastError = true)]
    public static partial int Fstat(int fd, byte* statBuffer);

    // fcntl is variadic; an int third argument is passed exactly like a fixed one on the SysV x86-64
    // and Linux AArch64 calling conventions, the only ones this library runs on.
    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "sysconf", SetLastError = true)]
    public static partial long Sysconf(int name);
}
