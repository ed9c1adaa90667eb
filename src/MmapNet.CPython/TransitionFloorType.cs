using System.Runtime.CompilerServices;
using MmapNet.CPython.Abi;
using MmapNet.CPython.Declaration;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

// mmapnet._mmapnet._TransitionFloor: a type whose slots and methods are of the kinds the mmap type has, generated the
// same way, with nothing behind them. What a call through each costs is the floor any operation of that kind pays for
// calling .NET from CPython; `python -m mmapnet bench` times it beside the operations (docs/performance.md).
[PythonType("mmapnet._TransitionFloor")]
[Slot(SlotKind.New, nameof(New), Compiled = Compilation.Ahead)]
[Slot(SlotKind.MappingLength, nameof(Length), Returns = ResultKind.Length, Compiled = Compilation.Ahead)]
[Slot(SlotKind.MappingSubscript, nameof(Subscript), Compiled = Compilation.Ahead)]
[Slot(SlotKind.SequenceItem, nameof(Item), Returns = ResultKind.SingleByte, Compiled = Compilation.Ahead)]
[Slot(SlotKind.GetBuffer, nameof(GetBuffer), Compiled = Compilation.Ahead)]
[Slot(SlotKind.ReleaseBuffer, nameof(ReleaseBuffer), Compiled = Compilation.Ahead)]
[Method("nothing", MethodConvention.NoArgs, nameof(Nothing), Compiled = Compilation.Ahead)]
[Method("small_int", MethodConvention.NoArgs, nameof(SmallInt), Returns = ResultKind.Int, Compiled = Compilation.Ahead)]
[Method("nothing_with_arguments", MethodConvention.VarArgs, nameof(NothingWithArguments), Compiled = Compilation.Ahead)]
internal static unsafe partial class TransitionFloorType
{
    // sq_item answers for indices below this, so that iteration ends, as it does over the benchmark's 16 KiB map.
    private const int ItemCount = 16 * 1024;

    // What len() answers: the size of the benchmark's maps, so that CPython makes the same int of it (not a cached
    // small one) as it does for len(m), and the floor differs from the operation by mmapnet's work alone.
    private const int Length4MiB = 4 * 1024 * 1024;

    // What the buffer slot exports: as long as the benchmark's slice of a memoryview needs ([4096:4160]). Writable, as
    // the benchmark's map is; nothing reads what is written to it.
    private const int BufferLength = 8 * 1024;

    private static nint s_type;
    private static byte* s_buffer;

    /// <summary>The type, created once (GIL held); NULL with an exception set if it cannot be.</summary>
    public static nint GetOrCreate()
    {
        if (s_type != 0)
        {
            return s_type;
        }

        s_buffer = NativeTables.AllocateBytes(BufferLength);
        (int Slot, nint Function)[] declared = DeclaredSlots();
        PyTypeSlot* slots = NativeTables.Allocate<PyTypeSlot>(declared.Length + 2);
        int count = 0;
        foreach ((int slot, nint function) in declared)
        {
            slots[count++] = new PyTypeSlot { Slot = slot, Function = (void*)function };
        }

        slots[count] = new PyTypeSlot { Slot = TypeSlotIds.Methods, Function = DeclaredMethods(MmapType.Profile) };
        PyTypeSpec* spec = NativeTables.Allocate<PyTypeSpec>(1);
        spec->Name = NativeTables.Utf8("mmapnet._TransitionFloor");
        spec->BasicSize = RunningInterpreter.InstanceOffset + sizeof(nint); // room for the pointer every instance has
        spec->Flags = AbiFlags.TypeImmutable;
        spec->Slots = slots;
        s_type = PyType_FromSpec(spec);
        return s_type;
    }

    /// <summary>tp_new: CPython's generic one, and the instance's pointer, as the mmap type's instances have it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint New(nint type, nint arguments, nint keywords)
    {
        nint self = ((delegate* unmanaged<nint, nint, nint, nint>)PyType_GenericNew)(type, arguments, keywords);
        if (self != 0)
        {
            RunningInterpreter.Attach(self);
        }

        return self;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus Length(nint self, out nint length)
    {
        length = Length4MiB;
        return MmapStatus.Ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Subscript(nint self, nint key) => RunningInterpreter.Of(self)->FastPyLong_FromSsize_t(0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus Item(nint self, nint index, out byte value)
    {
        value = 0;
        return (ulong)index < ItemCount ? MmapStatus.Ok : MmapError.IndexOutOfRange;
    }

    /// <summary>bf_getbuffer: the least a buffer slot does, which is to fill the view, as the map's does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GetBuffer(nint self, PyBuffer* view, int flags) =>
        RunningInterpreter.Of(self)->FillBufferInfo(view, self, s_buffer, BufferLength, readOnly: 0, flags);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReleaseBuffer(nint self, PyBuffer* view)
    {
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Nothing(nint self) => RunningInterpreter.Of(self)->NewNone();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus SmallInt(nint self, out nint value)
    {
        value = 0;
        return MmapStatus.Ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint NothingWithArguments(nint self, nint arguments) => RunningInterpreter.Of(self)->NewNone();
}
