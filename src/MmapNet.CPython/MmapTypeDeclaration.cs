using MmapNet.CPython.Declaration;

namespace MmapNet.CPython;

// The mmap type as CPython's Modules/mmapmodule.c defines it, each slot, method and attribute once: in the stdlib's
// order (which is the order of the type's __dict__), with its calling convention, the function that implements it and
// the versions that have it. MmapNet.CPython.Generators makes the native entry points and the type's tables from it.
// A method that a new CPython brings is one row here, its function, and a conformance case.
[PythonType("mmap.mmap")]
[Slot(SlotKind.New, nameof(New), Compiled = Compilation.Ahead)]
[Slot(SlotKind.Dealloc, nameof(Dealloc), Compiled = Compilation.Ahead)]
[Slot(SlotKind.Traverse, nameof(Traverse), Compiled = Compilation.Ahead)]
[Slot(SlotKind.Repr, nameof(Repr), Compiled = Compilation.Ahead)]
[Slot(SlotKind.MappingLength, nameof(Length), Returns = ResultKind.Length, Compiled = Compilation.Ahead)]
[Slot(SlotKind.MappingSubscript, nameof(Subscript), Compiled = Compilation.Ahead)]
[Slot(SlotKind.MappingAssignSubscript, nameof(AssignSubscript), Compiled = Compilation.Ahead)]
[Slot(SlotKind.SequenceLength, nameof(Length), Returns = ResultKind.Length, Compiled = Compilation.Ahead)]
[Slot(SlotKind.SequenceItem, nameof(SequenceItem), Returns = ResultKind.SingleByte, Compiled = Compilation.Ahead)]
[Slot(SlotKind.SequenceAssignItem, nameof(AssignSequenceItem), Compiled = Compilation.Ahead)]
[Slot(SlotKind.GetBuffer, nameof(GetBuffer), Compiled = Compilation.Ahead)]
[Slot(SlotKind.ReleaseBuffer, nameof(ReleaseBuffer), Compiled = Compilation.Ahead)]
[Method("close", MethodConvention.NoArgs, nameof(Close), Compiled = Compilation.Ahead)]
[Method("find", MethodConvention.VarArgs, nameof(Find), Compiled = Compilation.Ahead)]
[Method("rfind", MethodConvention.VarArgs, nameof(ReverseFind), Compiled = Compilation.Ahead)]
[Method("flush", MethodConvention.VarArgs, nameof(Flush), Compiled = Compilation.Ahead)]
[Method("madvise", MethodConvention.VarArgs, nameof(Advise), Compiled = Compilation.Ahead)]
[Method("move", MethodConvention.VarArgs, nameof(Move), Compiled = Compilation.Ahead)]
[Method("read", MethodConvention.VarArgs, nameof(Read), Compiled = Compilation.Ahead)]
[Method("read_byte", MethodConvention.NoArgs, nameof(ReadByte), Returns = ResultKind.Int, Compiled = Compilation.Ahead)]
[Method("readline", MethodConvention.NoArgs, nameof(ReadLine), Compiled = Compilation.Ahead)]
[Method("resize", MethodConvention.VarArgs, nameof(Resize), Compiled = Compilation.Ahead)]
[Method("seek", MethodConvention.VarArgs, nameof(Seek), Compiled = Compilation.Ahead)]
[Method("seekable", MethodConvention.NoArgs, nameof(Seekable), Returns = ResultKind.Bool, Since = "3.13", Compiled = Compilation.Ahead)]
[Method("size", MethodConvention.NoArgs, nameof(Size), Compiled = Compilation.Ahead)]
[Method("tell", MethodConvention.NoArgs, nameof(Tell), Returns = ResultKind.Int, Compiled = Compilation.Ahead)]
[Method("write", MethodConvention.VarArgs, nameof(Write), Compiled = Compilation.Ahead)]
[Method("write_byte", MethodConvention.VarArgs, nameof(WriteByte), Compiled = Compilation.Ahead)]
[Method("__enter__", MethodConvention.NoArgs, nameof(Enter), Compiled = Compilation.Ahead)]
[Method("__exit__", MethodConvention.VarArgs, nameof(Exit), Compiled = Compilation.Ahead)]
[Getter("closed", nameof(GetClosed), Returns = ResultKind.Bool, Compiled = Compilation.Ahead)]
internal static partial class MmapType;
