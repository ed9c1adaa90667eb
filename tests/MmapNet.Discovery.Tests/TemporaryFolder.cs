using System;
using System.IO;

namespace MmapNet.Discovery.Tests;

/// <summary>A folder under the system temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("mmapnet-discovery-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes an executable /bin/sh script and returns its path.</summary>
    public string WriteScript(string name, string body)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
