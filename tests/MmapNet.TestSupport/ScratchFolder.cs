using System;
using System.IO;

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
