using System;
using System.Runtime.InteropServices;
using MmapNet.CPython.Native;

namespace MmapNet.CPython;

/// <summary>
/// What the stdlib mmap of the running interpreter does differently from the other supported versions:
/// every version-dependent behaviour of the module is decided here, from the version the interpreter
/// reports, and nowhere else.
/// </summary>
internal sealed class InterpreterProfile
{
    // Decided once: building a Version at every call cost an allocation and about 60 instructions. The hot paths (seek,
    // find, ints read straight from memory) read the copies RunningInterpreter.Adopt makes of theirs.
    private InterpreterProfile(Version version)
    {
        Version = version;
        HasTrackFd = version >= new Version(3, 13);
        SeekReturnsPosition = version >= new Version(3, 13);
        ExitCallsCloseMethod = version < new Version(3, 11);
        ReleasesGilAroundMmap = version >= new Version(3, 12);
        HasMultipleInterpretersSlot = version >= new Version(3, 12);
        InvertedRangeMatchesEmptyNeedle = version >= new Version(3, 11) && version < new Version(3, 11, 5);
        HasTaggedIntHeader = version >= new Version(3, 12);
    }

    /// <summary>The running interpreter's version (major.minor.micro).</summary>
    public Version Version { get; }

    /// <summary>3.13: the constructor takes a keyword-only <c>trackfd</c>.</summary>
    public bool HasTrackFd { get; }

    /// <summary>3.13: <c>seek()</c> returns the new position instead of None.</summary>
    public bool SeekReturnsPosition { get; }

    /// <summary>
    /// 3.10: <c>__exit__</c> calls <c>self.close()</c>, so a subclass's override runs; 3.11 on close
    /// the map directly.
    /// </summary>
    public bool ExitCallsCloseMethod { get; }

    /// <summary>
    /// 3.12: the constructor releases the GIL around its <c>mmap()</c> call (close() and deallocation release it around
    /// <c>munmap()</c> in every supported version).
    /// </summary>
    public bool ReleasesGilAroundMmap { get; }

    /// <summary>3.12: module definitions may say whether they support subinterpreters (<c>Py_mod_multiple_interpreters</c>).</summary>
    public bool HasMultipleInterpretersSlot { get; }

    /// <summary>
    /// 3.11.0 to 3.11.4: find/rfind of an empty needle in a range whose end lies before its start
    /// matched (at start, at end) instead of returning -1; 3.11.5 fixed it (gh-105235).
    /// </summary>
    public bool InvertedRangeMatchesEmptyNeedle { get; }

    /// <summary>3.12: an int's header is <c>lv_tag</c> (digit count and sign), no longer <c>ob_size</c> (<see cref="Abi.CompactInts"/>).</summary>
    public bool HasTaggedIntHeader { get; }

    /// <summary>The constructor's argument format, as the stdlib passes it to PyArg_ParseTupleAndKeywords.</summary>
    public ReadOnlySpan<byte> ConstructorFormat => HasTrackFd ? "in|iiil$p\0"u8 : "in|iiil\0"u8;

    /// <summary>The type's docstring (3.13 adds trackfd to the Unix signature line).</summary>
    public string TypeDoc => TypeDocTemplate.Replace(
        "{0}",
        HasTrackFd ? "mmap(fileno, length[, flags[, prot[, access[, offset[, trackfd]]]]])" : "mmap(fileno, length[, flags[, prot[, access[, offset]]]])",
        StringComparison.Ordinal);

    private const string TypeDocTemplate =
        "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n" +
        "Maps length bytes from the file specified by the file handle fileno,\n" +
        "and returns a mmap object.  If length is larger than the current size\n" +
        "of the file, the file is extended to contain length bytes.  If length\n" +
        "is 0, the maximum length of the map is the current size of the file,\n" +
        "except that if the file is empty Windows raises an exception (you cannot\n" +
        "create an empty mapping on Windows).\n\n" +
        "Unix: {0}\n\n" +
        "Maps length bytes from the file specified by the file descriptor fileno,\n" +
        "and returns a mmap object.  If length is 0, the maximum length of the map\n" +
        "will be the current size of the file when mmap is called.\n" +
        "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n" +
        "private copy-on-write mapping, so changes to the contents of the mmap\n" +
        "object will be private to this process, and MAP_SHARED creates a mapping\n" +
        "that's shared with all other processes mapping the same areas of the file.\n" +
        "The default value is MAP_SHARED.\n\n" +
        "To map anonymous memory, pass -1 as the fileno (both versions).";

    /// <summary>The profile of the interpreter this process runs (reads <c>Py_GetVersion()</c>).</summary>
    public static unsafe InterpreterProfile ForRunningInterpreter()
    {
        string text = Marshal.PtrToStringUTF8((nint)PythonApi.Py_GetVersion()) ?? "";

        // CPython's version text always starts with one; were it unreadable, 0.0.0 is a version AbiSelfCheck refuses.
        return new InterpreterProfile(PythonVersionText.Parse(text) ?? new Version(0, 0, 0));
    }

    /// <summary>The profile for an explicit version (for tests).</summary>
    public static InterpreterProfile For(Version version) => new(version);
}
