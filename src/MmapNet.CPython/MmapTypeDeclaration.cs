using MmapNet.CPython.Declaration;

namespace MmapNet.CPython;

// The mmap type as CPython's Modules/mmapmodule.c defines it, each slot, method and attribute once: in the stdlib's
// order (which is the order of the type's __dict__), with its calling convention, the function that implements it and
// the versions that have it. MmapNet.CPython.Generators makes the native entry points and the type's tables from it.
// A method that a new CPython brings is one row here, its function, and a conformance case.
[PythonType("mmap.mmap")]
[Slot(SlotKind.New, nameof(New), Compiled = Compilation.Ahead)]
[Slot(SlotKind.Dealloc, nameof(Dealloc), Compiled = Compilation.Ahead)]
[Slot(SlotKind.Traverse, nameof(Traverse))]
[Slot(SlotKind.Repr, nameof(Repr), Compiled = Compilation.Ahead)]
[Slot(SlotKind.MappingLength, nameof(Length), Returns = ResultKind.Length)]
[Slot(SlotKind.MappingSubscript, nameof(Subscript))]
[Slot(SlotKind.MappingAssignSubscript, nameof(AssignSubscript))]
[Slot(SlotKind.SequenceLength, nameof(Length), Returns = ResultKind.Length)]
[Slot(SlotKind.SequenceItem, nameof(SequenceItem), Returns = ResultKind.SingleByte)]
[Slot(SlotKind.SequenceAssignItem, nameof(AssignSequenceItem))]
[Slot(SlotKind.GetBuffer, nameof(GetBuffer))]
[Slot(SlotKind.ReleaseBuffer, nameof(ReleaseBuffer))]
[Method("close", MethodConvention.NoArgs, nameof(Close), Compiled = Compilation.Ahead)]
[Method("find", MethodConvention.VarArgs, nameof(Find))]
[Method("rfind", MethodConvention.VarArgs, nameof(ReverseFind))]
[Method("flush", MethodConvention.VarArgs, nameof(Flush), Compiled = Compilation.Ahead)]
[Method("madvise", MethodConvention.VarArgs, nameof(Advise), Compiled = Compilation.Ahead)]
[Method("move", MethodConvention.VarArgs, nameof(Move))]
[Method("read", MethodConvention.VarArgs, nameof(Read))]
[Method("read_byte", MethodConvention.NoArgs, nameof(ReadByte), Returns = ResultKind.Int)]
[Method("readline", MethodConvention.NoArgs, nameof(ReadLine))]
[Method("resize", MethodConvention.VarArgs, nameof(Resize), Compiled = Compilation.Ahead)]
[Method("seek", MethodConvention.VarArgs, nameof(Seek))]
[Method("seekable", MethodConvention.NoArgs, nameof(Seekable), Returns = ResultKind.Bool, Since = "3.13")]
[Method("size", MethodConvention.NoArgs, nameof(Size), Compiled = Compilation.Ahead)]
[Method("tell", MethodConvention.NoArgs, nameof(Tell), Returns = ResultKind.Int)]
[Method("write", MethodConvention.VarArgs, nameof(Write))]
[Method("write_byte", MethodConvention.VarArgs, nameof(WriteByte))]
[Method("__enter__", MethodConvention.NoArgs, nameof(Enter), Compiled = Compilation.Ahead)]
[Method("__exit__", MethodConvention.VarArgs, nameof(Exit), Compiled = Compilation.Ahead)]
[Getter("closed", nameof(GetClosed), Returns = ResultKind.Bool)]
internal static partial class MmapType;
