using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using MmapNet.CPython.Abi;

namespace MmapNet.CPython.Native;

/// <summary>
/// What the operations' common paths need of the running interpreter: the C-API entries they call without a GC
/// transition (<see cref="PythonApi"/> says which may), the objects they compare types with, and the facts of its
/// version they branch on. One structure in native memory, resolved once by <see cref="PythonApi.Initialize"/>; every
/// instance of mmapnet's types points to it (<see cref="InstanceOffset"/>), and the operations reach it from
/// <c>self</c>.
/// </summary>
/// <remarks>
/// Why through the instance rather than statics: the CoreCLR route runs precompiled (ReadyToRun) code, which reaches a
/// class's statics through a call to a runtime stub that returns their address, once per method that reads them, at
/// every call. That call was most of what made precompiled <c>m[i]</c> 15-20% slower than the JIT's (which embeds
/// the address). Read through <c>self</c>, which the operation has just read its map from, they cost a load, the same
/// on every route. <see cref="PythonApi"/>'s members of the same names read this structure, for the code that has no
/// instance at hand (the constructor, the import's checks).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
[SuppressMessage("Naming", "CA1707", Justification = "The members are named exactly as the C API functions and objects they point to.")]
[SuppressMessage("Style", "IDE1006", Justification = "The members are named exactly as the C API functions and objects they point to.")]
internal unsafe struct RunningInterpreter
{
    /// <summary>
    /// Where an instance of any of mmapnet's types holds its pointer: after <see cref="MmapObject"/>'s own fields, in
    /// the room the stdlib's layout leaves before the weak reference list.
    /// </summary>
    public const int InstanceOffset = ObjectLayout.ObjectHeaderSize + 16;

    public delegate* unmanaged[SuppressGCTransition]<nint, nint> FastPyLong_FromSsize_t;
    public delegate* unmanaged[SuppressGCTransition]<nint, int*, long> FastPyLong_AsLongAndOverflow;
    public delegate* unmanaged[SuppressGCTransition]<byte*, nint, nint> FastPyBytes_FromStringAndSize;
    public delegate* unmanaged[SuppressGCTransition]<nint, void> FastPy_IncRef;
    public delegate* unmanaged[SuppressGCTransition]<nint, nint> FastPyBool_FromLong;

    public nint Py_None;
    public nint PyLong_Type;
    public nint PySlice_Type;
    public nint PyBytes_Type;
    public delegate* unmanaged[SuppressGCTransition]<PyBuffer*, nint, void*, nint, int, int, int> FastPyBuffer_FillInfo;

    /// <summary><see cref="InterpreterProfile.HasTaggedIntHeader"/> (<see cref="CompactInts"/>).</summary>
    public bool TaggedIntHeader;

    /// <summary><see cref="InterpreterProfile.SeekReturnsPosition"/>.</summary>
    public bool SeekReturnsPosition;

    /// <summary><see cref="InterpreterProfile.InvertedRangeMatchesEmptyNeedle"/>.</summary>
    public bool InvertedRangeMatchesEmptyNeedle;

    /// <summary>
    /// Zeroed room for the structure, for the life of the process (instances point to it), on a cache line's boundary:
    /// where a heap allocation would put it varies with what was allocated before, and with it which of the structure's
    /// members share a line, which moved the short operations' timings by a few percent between builds.
    /// </summary>
    public static RunningInterpreter* Allocate()
    {
        const int CacheLine = 64;
        RunningInterpreter* running = (RunningInterpreter*)NativeMemory.AlignedAlloc((nuint)sizeof(RunningInterpreter), CacheLine);
        NativeMemory.Clear(running, (nuint)sizeof(RunningInterpreter));
        return running;
    }

    /// <summary>The structure an instance of mmapnet's types points to (it must be one: see <see cref="InstanceOffset"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RunningInterpreter* Of(nint self) => *(RunningInterpreter**)(self + InstanceOffset);

    /// <summary>Gives a new instance its pointer, first thing after it is allocated.</summary>
    public static void Attach(nint self) => *(RunningInterpreter**)(self + InstanceOffset) = PythonApi.Running;

    /// <summary>The facts of the running version that the common paths branch on; before anything uses them.</summary>
    public void Adopt(InterpreterProfile profile)
    {
        TaggedIntHeader = profile.HasTaggedIntHeader;
        SeekReturnsPosition = profile.SeekReturnsPosition;
        InvertedRangeMatchesEmptyNeedle = profile.InvertedRangeMatchesEmptyNeedle;
    }

    /// <summary>
    /// <c>PyBuffer_FillInfo</c> for a buffer slot. It refuses a missing view, a <c>PyBUF_READ</c> or <c>PyBUF_WRITE</c>
    /// request and a writable request of a read-only buffer, raising BufferError or SystemError: that call keeps the GC
    /// transition. Any other only fills the view and takes a reference to the exporter, and goes without (see
    /// <see cref="PythonApi"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int FillBufferInfo(PyBuffer* view, nint exporter, void* buffer, nint length, int readOnly, int flags) =>
        view == null || (flags & AbiFlags.BufferReadOrWrite) != 0 || (readOnly != 0 && (flags & AbiFlags.BufferWritable) != 0)
            ? OutOfLineApi.PyBuffer_FillInfo(view, exporter, buffer, length, readOnly, flags)
            : FastPyBuffer_FillInfo(view, exporter, buffer, length, readOnly, flags);

    /// <summary><c>Py_RETURN_NONE</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly nint NewNone()
    {
        FastPy_IncRef(Py_None);
        return Py_None;
    }
}
