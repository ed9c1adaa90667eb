using System;

namespace MmapNet.CPython.Declaration;

// The vocabulary of a Python type's declaration (MmapTypeDeclaration.cs): one attribute per slot, method and getter,
// which MmapNet.CPython.Generators turns into the [UnmanagedCallersOnly] entry points and the type's slot, method and
// getset tables. The generator reads these attributes by name; they are not used at run time.

/// <summary>A type slot, by what it is for (each maps to its id in <c>TypeSlotIds</c>).</summary>
internal enum SlotKind
{
    /// <summary><c>tp_new(type, args, kwargs)</c>.</summary>
    New,

    /// <summary><c>tp_dealloc(self)</c>; may not fail.</summary>
    Dealloc,

    /// <summary><c>tp_traverse(self, visit, arg)</c>.</summary>
    Traverse,

    /// <summary><c>tp_repr(self)</c>.</summary>
    Repr,

    /// <summary><c>mp_length(self)</c>: a Py_ssize_t, -1 on error.</summary>
    MappingLength,

    /// <summary><c>mp_subscript(self, key)</c>.</summary>
    MappingSubscript,

    /// <summary><c>mp_ass_subscript(self, key, value)</c>; value NULL for <c>del</c>.</summary>
    MappingAssignSubscript,

    /// <summary><c>sq_length(self)</c>.</summary>
    SequenceLength,

    /// <summary><c>sq_item(self, index)</c>.</summary>
    SequenceItem,

    /// <summary><c>sq_ass_item(self, index, value)</c>.</summary>
    SequenceAssignItem,

    /// <summary><c>bf_getbuffer(self, view, flags)</c>.</summary>
    GetBuffer,

    /// <summary><c>bf_releasebuffer(self, view)</c>; may not fail.</summary>
    ReleaseBuffer,
}

/// <summary>A method's calling convention, as the stdlib's method uses it (the interpreter's own errors depend on it).</summary>
internal enum MethodConvention
{
    /// <summary><c>METH_NOARGS</c>: <c>(self, NULL)</c>.</summary>
    NoArgs,

    /// <summary><c>METH_VARARGS</c>: <c>(self, args)</c>, keywords refused by the interpreter.</summary>
    VarArgs,
}

/// <summary>
/// How the implementation gives its result. <see cref="Native"/>: it returns what the C signature returns (a new
/// reference or NULL with an exception set, 0 or -1, nothing), and makes its own C-API calls, so it must not be inlined
/// into the entry point's try region (the JIT inlines P/Invoke transitions only outside one). The others are for the
/// hottest slots: the implementation returns an <see cref="MmapStatus"/> and the value through an out parameter,
/// making no C-API call, and the entry point builds the Python result after its try region.
/// </summary>
internal enum ResultKind
{
    /// <summary>The C signature's own result.</summary>
    Native,

    /// <summary><c>out nint</c> to a Python int.</summary>
    Int,

    /// <summary><c>out byte</c> to a bytes object of that one byte.</summary>
    SingleByte,

    /// <summary><c>out bool</c> to True or False.</summary>
    Bool,

    /// <summary><c>out nint</c> returned as a Py_ssize_t (length slots).</summary>
    Length,
}

/// <summary>
/// When the CoreCLR route compiles an operation's entry point and implementation (the NativeAOT route compiles
/// everything ahead). Tiered compilation is off there (GuestRuntime.props), so what is compiled at run time is compiled
/// once, fully optimized, at its first call: about 0.2-0.4 ms per method here, milliseconds for an operation.
/// </summary>
internal enum Compilation
{
    /// <summary>
    /// By the JIT at the first call (<c>AggressiveOptimization</c>, which ReadyToRun leaves alone). No row of mmapnet's
    /// types is declared so since their precompiled code runs within a few percent of the JIT's (src/ReadyToRun.targets):
    /// kept for a type whose code reads statics or calls across the framework on its hot paths, which ReadyToRun code
    /// does through helper calls.
    /// </summary>
    AtFirstCall,

    /// <summary>
    /// ReadyToRun code from the precompiled image, in one version bubble with MmapNet.dll: the first call costs
    /// microseconds instead of milliseconds of compilation. The hot paths read the C API through the instance
    /// (<see cref="Native.RunningInterpreter"/>), not statics, so it runs within a few percent of the JIT's code
    /// (docs/performance.md).
    /// </summary>
    Ahead,
}

/// <summary>Marks the partial class a type's entry points and tables are generated into.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PythonTypeAttribute(string name) : Attribute
{
    /// <summary>The type's qualified name, as <c>PyType_Spec.name</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>A slot of the type, implemented by a static method of the class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class SlotAttribute(SlotKind slot, string implementation) : Attribute
{
    public SlotKind Slot { get; } = slot;

    public string Implementation { get; } = implementation;

    public ResultKind Returns { get; init; }

    /// <summary>When the CoreCLR route compiles it (see <see cref="Compilation"/>).</summary>
    public Compilation Compiled { get; init; }
}

/// <summary>A method of the type, in the order of the stdlib's method table (which is the order of the type's <c>__dict__</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class MethodAttribute(string name, MethodConvention convention, string implementation) : Attribute
{
    public string Name { get; } = name;

    public MethodConvention Convention { get; } = convention;

    public string Implementation { get; } = implementation;

    public ResultKind Returns { get; init; }

    /// <summary>When the CoreCLR route compiles it (see <see cref="Compilation"/>).</summary>
    public Compilation Compiled { get; init; }

    /// <summary>The first CPython version (major.minor) whose mmap has the method; empty for every supported one.</summary>
    public string Since { get; init; } = "";
}

/// <summary>A read-only attribute of the type (a <c>PyGetSetDef</c> getter).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class GetterAttribute(string name, string implementation) : Attribute
{
    public string Name { get; } = name;

    public string Implementation { get; } = implementation;

    public ResultKind Returns { get; init; }

    /// <summary>When the CoreCLR route compiles it (see <see cref="Compilation"/>).</summary>
    public Compilation Compiled { get; init; }
}
