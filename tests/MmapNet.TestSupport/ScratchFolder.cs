using System;
using System.IO;
using System.Runtime.Versioning;

namespace MmapNet.TestSupport;

/// <summary>A fresh folder under the system temporary folder, deleted with its contents on dispose.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string purpose = "test")
    {
        Path = Directory.CreateTempSubdirectory("mmapnet-" + purpose + "-").FullName;
    }

    public string Path { get; }

    /// <summary>A path inside the folder (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes an executable /bin/sh script and returns its path.</summary>
    [UnsupportedOSPlatform("windows")]
    public string WriteScript(string name, string body)
    {
        string path = Write(name, "#!/bin/sh\n" + body);
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Creates a subfolder and returns its full path.</summary>
    public string Folder(string relativePath) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child still writing there; the system cleans its temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
