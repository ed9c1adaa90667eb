using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>Whether the implementation module can be installed as <c>mmap</c> on an interpreter (the bootstrap's probe).</summary>
/// <param name="Interpreter">The interpreter.</param>
/// <param name="Module">The implementation module.</param>
/// <param name="ServedBy">The module that served <c>mmap</c> and its file, when it could be installed.</param>
/// <param name="MmapType">The qualified name of the module's <c>mmap</c> type.</param>
/// <param name="Error">Why it could not be installed, or <see langword="null"/>.</param>
public sealed record ImplementationCheck(
    PythonInterpreter Interpreter, string Module, string? ServedBy, string? MmapType, string? Error)
{
    /// <summary>Whether the module could be installed.</summary>
    public bool Succeeded => Error is null;
}
