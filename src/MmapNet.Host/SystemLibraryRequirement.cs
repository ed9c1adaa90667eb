using System.Collections.Generic;

namespace MmapNet.Host;

/// <summary>A library that <see cref="BundledPython"/> does not carry and takes from the system when it is there.</summary>
/// <param name="Name">Its soname, as the dynamic linker looks for it: <c>libreadline.so.8</c>.</param>
/// <param name="Required">
/// Whether libpython itself (or a library it carries) needs it, so that the interpreter cannot start without it; otherwise
/// only the modules in <paramref name="NeededBy"/> need it, and they fail to import where it is missing.
/// </param>
/// <param name="NeededBy">What needs it: extension modules by name (<c>readline</c>), other files by their path in the home.</param>
public sealed record SystemLibraryRequirement(string Name, bool Required, IReadOnlyList<string> NeededBy);
