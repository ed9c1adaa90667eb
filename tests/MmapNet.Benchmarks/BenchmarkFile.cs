using System;
using System.IO;
using System.Text;

namespace MmapNet.Benchmarks;

/// <summary>
/// The file every benchmark maps: <see cref="Length"/> bytes of text lines made from a fixed seed, with
/// <see cref="ForwardNeedle"/> once near the end and <see cref="ReverseNeedle"/> once near the start,
/// so that a forward search for the first and a backward search for the second each scan almost all of it.
/// </summary>
internal sealed class BenchmarkFile : IDisposable
{
    public const int Length = 64 << 20;
    public const int Seed = 20240607;

    private BenchmarkFile(string path) => Path = path;

    public static ReadOnlySpan<byte> ForwardNeedle => "needle-7f3a9c"u8;

    public static ReadOnlySpan<byte> ReverseNeedle => "eldeen-c9a3f7"u8;

    /// <summary>Where <see cref="ForwardNeedle"/> starts.</summary>
    public static long ForwardNeedleOffset => Length - 4096;

    /// <summary>Where <see cref="ReverseNeedle"/> starts.</summary>
    public static long ReverseNeedleOffset => 4096;

    public string Path { get; }

    public static BenchmarkFile Create()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mmapnet-benchmark-{Environment.ProcessId}.txt");
        byte[] content = MakeContent();
        File.WriteAllBytes(path, content);
        return new BenchmarkFile(path);
    }

    public void Dispose() => File.Delete(Path);

    // Lines of words from a small vocabulary: text-like data, where a search meets many partial
    // candidates (as in a log file), and neither needle occurs except where it is put.
    private static byte[] MakeContent()
    {
        string[] words = ["alpha", "beta", "gamma", "delta", "info", "debug", "map", "page", "offset", "length", "value", "error", "request", "user", "time", "2024-06-07"];
        Random random = new(Seed);
        StringBuilder text = new(Length + 128);
        while (text.Length < Length)
        {
            int count = random.Next(3, 12);
            for (int i = 0; i < count; i++)
            {
                text.Append(words[random.Next(words.Length)]).Append(i + 1 < count ? ' ' : '\n');
            }
        }

        byte[] content = Encoding.ASCII.GetBytes(text.ToString(0, Length));
        ForwardNeedle.CopyTo(content.AsSpan((int)ForwardNeedleOffset));
        ReverseNeedle.CopyTo(content.AsSpan((int)ReverseNeedleOffset));
        return content;
    }
}
