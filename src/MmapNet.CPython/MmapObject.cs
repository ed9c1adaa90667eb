using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MmapNet.CPython.Abi;
using MmapNet.CPython.Native;

namespace MmapNet.CPython;

/// <summary>
/// The C layout of an <c>mmap.mmap</c> instance after CPython's object header. It has the stdlib's size (80 bytes) and
/// weak reference list offset (64), so <c>__basicsize__</c>, <c>__weakrefoffset__</c> and
/// <c>sys.getsizeof</c> read as they do for CPython's own type. The map itself is a .NET object,
/// reached through a GC handle, so C# code sharing it sees the very same mapping.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = BasicSize)]
internal struct MmapObject
{
    public const int BasicSize = 80;
    public const int WeakRefListOffset = 64;

    /// <summary>A <see cref="GCHandle{T}"/> to the <see cref="MemoryMap"/>, or 0 before it is set.</summary>
    [FieldOffset(ObjectLayout.ObjectHeaderSize)]
    public nint Map;

    [FieldOffset(ObjectLayout.ObjectHeaderSize + 8)]
    public MmapObjectFlags Flags;

    /// <summary>What the operations' common paths need of the interpreter: see <see cref="RunningInterpreter"/>.</summary>
    [FieldOffset(RunningInterpreter.InstanceOffset)]
    public unsafe RunningInterpreter* Interpreter;

    [FieldOffset(WeakRefListOffset)]
    public nint WeakRefList;

    /// <summary>The map behind a Python object (which must be one of ours).</summary>
    /// <remarks>
    /// The handle's slot is read here rather than through <see cref="GCHandle{T}.Target"/>, a generic member of the
    /// framework that precompiled (ReadyToRun) code calls and never inlines, at every operation. A
    /// <see cref="GCHandle{T}"/> is the address of a slot that holds the object (so is every GC handle, the runtime's
    /// <c>OBJECTHANDLE</c>), on CoreCLR and NativeAOT alike (MmapObjectTests compares it with <c>Target</c>). The handle
    /// is allocated before the field is set, and freed and the field cleared together (Dealloc), so the slot holds the
    /// map whenever an operation can run.
    /// </remarks>
    public static unsafe MemoryMap MapOf(nint self) => Unsafe.As<MemoryMap>(Unsafe.AsRef<object>((void*)((MmapObject*)self)->Map));
}

/// <summary>What an <see cref="MmapObject"/> owns.</summary>
[Flags]
internal enum MmapObjectFlags
{
    None = 0,

    /// <summary>The object created the map: deallocating the object closes it.</summary>
    OwnsMap = 1,

    /// <summary>The object holds a lease that keeps the memory mapped while Python may touch it.</summary>
    HoldsLease = 2,
}
