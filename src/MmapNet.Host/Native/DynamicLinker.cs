using System;
using System.Runtime.InteropServices;

namespace MmapNet.Host.Native;

/// <summary>
/// The C library's dynamic linker and version, called directly rather than through <see cref="NativeLibrary"/> for the
/// one thing it does not give: the linker's own message (<c>dlerror</c>), which names the library that is missing or the
/// symbol version that is too new. The bundled Python's start-up checks pass that message on as it is.
/// </summary>
/// <remarks>glibc only: <see cref="GlibcVersion"/> comes first; <c>dlopen</c> is in <c>libc.so.6</c> from glibc 2.34.</remarks>
internal static partial class DynamicLinker
{
    /// <summary>
    /// glibc by its soname, for every P/Invoke of MmapNet.Host: the dynamic linker hands over the library already
    /// loaded, where "libc" made the runtime try libc.so, liblibc.so, ... in each folder it probes first.
    /// </summary>
    internal const string CLibrary = "libc.so.6";
    private const int ResolveLazily = 0x1;   // RTLD_LAZY
    private const int ResolveNow = 0x2;      // RTLD_NOW

    /// <summary>The version of the running glibc (<c>gnu_get_libc_version</c>), or <see langword="null"/> for another C library.</summary>
    public static Version? GlibcVersion()
    {
        try
        {
            string text = Marshal.PtrToStringUTF8(GnuGetLibcVersion()) ?? "";
            return Version.TryParse(text, out Version? version) ? version : null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Loads <paramref name="path"/> and everything it needs, resolving every symbol now, and keeps it loaded for the life
    /// of the process (a libpython is never unloaded: its constructors and thread-local state are not made for it).
    /// </summary>
    /// <returns>Whether it loaded; if not, <paramref name="error"/> is the linker's message.</returns>
    public static bool TryLoadForGood(string path, out string? error) => TryOpen(path, ResolveNow, close: false, out error);

    /// <summary>Whether the library named <paramref name="name"/> (a soname such as <c>libreadline.so.8</c>) can be loaded here; it is unloaded again.</summary>
    public static bool CanLoad(string name, out string? error) => TryOpen(name, ResolveLazily, close: true, out error);

    private static bool TryOpen(string name, int mode, bool close, out string? error)
    {
        DlError(); // clears a message left by an earlier call on this thread
        nint handle = DlOpen(name, mode);
        if (handle == 0)
        {
            error = Marshal.PtrToStringUTF8(DlError()) ?? $"{name}: cannot be loaded";
            return false;
        }

        // A probe leaves nothing behind; dlclose fails only for a handle dlopen did not give.
        if (close && DlClose(handle) != 0)
        {
            throw new InvalidOperationException($"dlclose({name}) failed: {Marshal.PtrToStringUTF8(DlError())}");
        }

        error = null;
        return true;
    }

    [LibraryImport(CLibrary, EntryPoint = "gnu_get_libc_version")]
    private static partial nint GnuGetLibcVersion();

    [LibraryImport(CLibrary, EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string file, int mode);

    [LibraryImport(CLibrary, EntryPoint = "dlerror")]
    private static partial nint DlError();

    [LibraryImport(CLibrary, EntryPoint = "dlclose")]
    private static partial int DlClose(nint handle);
}
