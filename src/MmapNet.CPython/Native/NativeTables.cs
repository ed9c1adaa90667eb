using System;
using System.Runtime.InteropServices;
using System.Text;

using MmapNet.CPython.Abi;

namespace MmapNet.CPython.Native;

/// <summary>
/// Native memory for the structures CPython keeps pointers into for the life of the process: the type
/// spec, slot, method, member and getset tables, the module definition, names, docstrings and
/// keyword lists. They are allocated once and deliberately never freed, as a C extension's statics.
/// </summary>
internal static unsafe class NativeTables
{
    private static byte** s_keywordsWithTrackFd;
    private static byte** s_keywords;

    /// <summary>Zeroed room for <paramref name="count"/> structures of this assembly (a zeroed entry ends each table).</summary>
    /// <remarks>
    /// Only over this assembly's structures: ReadyToRun leaves an instantiation over the framework's types alone (of
    /// <c>byte</c>, of <c>nint</c>), and the JIT then compiled it at run time, one of them at the first constructor
    /// call. <see cref="AllocateBytes"/> and <see cref="AllocatePointers"/> are for those.
    /// </remarks>
    public static T* Allocate<T>(int count)
        where T : unmanaged =>
        (T*)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(T));

    /// <summary>Zeroed room for <paramref name="count"/> bytes.</summary>
    public static byte* AllocateBytes(int count) => (byte*)NativeMemory.AllocZeroed((nuint)count, 1);

    /// <summary>Zeroed room for <paramref name="count"/> pointers (a NULL ends each table).</summary>
    public static byte** AllocatePointers(int count) => (byte**)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(nint));

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/>.</summary>
    public static byte* Utf8(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        byte* copy = AllocateBytes(length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(copy, length));
        return copy;
    }

    /// <summary>The constructor's keyword names, NULL-terminated, with trackfd when the interpreter has it.</summary>
    public static byte** ConstructorKeywords(InterpreterProfile profile)
    {
        if (s_keywords == null)
        {
            string[] names = ["fileno", "length", "flags", "prot", "access", "offset", "trackfd"];
            byte** withTrackFd = AllocatePointers(names.Length + 1);
            for (int i = 0; i < names.Length; i++)
            {
                withTrackFd[i] = Utf8(names[i]);
            }

            byte** without = AllocatePointers(names.Length);
            for (int i = 0; i < names.Length - 1; i++)
            {
                without[i] = withTrackFd[i];
            }

            s_keywordsWithTrackFd = withTrackFd;
            s_keywords = without;
        }

        return profile.HasTrackFd ? s_keywordsWithTrackFd : s_keywords;
    }
}
