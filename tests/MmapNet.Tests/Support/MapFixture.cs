using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace MmapNet.Tests.Support;

/// <summary>
/// The one place that makes what tests need: a fresh temporary folder per test, files with known
/// content in it, descriptors of them, and maps; everything a test creates through it is disposed
/// (maps closed, descriptors closed, the folder deleted) after the test.
/// </summary>
public abstract class MapFixture
{
    private readonly List<IDisposable> _owned = [];
    private string? _folder;
    private int _files;

    /// <summary>The test's own temporary folder (under the system's temporary folder, like CPython's tempfile).</summary>
    protected string Folder => _folder ?? throw new InvalidOperationException("No test is running.");

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("mmapnet-tests-").FullName;
        _files = 0;
    }

    [TearDown]
    public void DisposeOwned()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            try
            {
                _owned[i].Dispose();
            }
            catch (MemoryMapException)
            {
                // A test that left an export open already failed or meant to; the map's finalizer unmaps it.
            }
        }

        _owned.Clear();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
            _folder = null;
        }
    }

    /// <summary>Deterministic, non-constant content: byte i is i mod 251.</summary>
    public static byte[] Pattern(int size)
    {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return bytes;
    }

    /// <summary>Disposes <paramref name="item"/> after the test (in reverse order of creation).</summary>
    protected T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    /// <summary>A new file in the test's folder holding <paramref name="content"/>.</summary>
    protected string CreateFile(ReadOnlySpan<byte> content)
    {
        string path = Path.Combine(Folder, $"file{_files++}.bin");
        using (FileStream stream = File.Create(path))
        {
            stream.Write(content);
        }

        return path;
    }

    /// <summary>A new file of <paramref name="size"/> bytes of <see cref="Pattern"/>.</summary>
    protected string CreateFile(int size) => CreateFile(Pattern(size));

    /// <summary>Opens <paramref name="path"/>; the handle is closed after the test.</summary>
    protected SafeFileHandle OpenHandle(string path, FileAccess access = FileAccess.ReadWrite) =>
        Own(File.OpenHandle(path, FileMode.Open, access, FileShare.ReadWrite | FileShare.Delete));

    /// <summary>Opens <paramref name="path"/> and returns the raw descriptor (closed after the test).</summary>
    protected int OpenDescriptor(string path, FileAccess access = FileAccess.ReadWrite) =>
        (int)OpenHandle(path, access).DangerousGetHandle();

    /// <summary>Maps <paramref name="path"/> through a read-write descriptor; the map is closed after the test.</summary>
    protected MemoryMap Map(
        string path,
        long length = 0,
        MapFlags flags = MapFlags.Shared,
        MapProtection protection = MapProtection.ReadWrite,
        MapAccess access = MapAccess.Default,
        long offset = 0,
        bool trackFileDescriptor = true,
        FileAccess fileAccess = FileAccess.ReadWrite) =>
        Own(MemoryMap.Create(OpenDescriptor(path, fileAccess), length, flags, protection, access, offset, trackFileDescriptor));

    /// <summary>A new file holding <paramref name="content"/>, mapped whole with <paramref name="access"/>.</summary>
    protected MemoryMap MapContent(ReadOnlySpan<byte> content, MapAccess access = MapAccess.Default) =>
        Map(CreateFile(content), access: access);

    /// <summary>Anonymous memory, closed after the test.</summary>
    protected MemoryMap MapAnonymous(long length, MapFlags flags = MapFlags.Shared, MapProtection protection = MapProtection.ReadWrite, MapAccess access = MapAccess.Default) =>
        Own(MemoryMap.CreateAnonymous(length, flags, protection, access));

    /// <summary>Size on disk of <paramref name="path"/>, read afresh.</summary>
    protected static long FileSize(string path) => new FileInfo(path).Length;
}
