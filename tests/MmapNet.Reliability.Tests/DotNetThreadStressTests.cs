using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Reliability.Tests;

/// <summary>
/// .NET threads on one <see cref="MemoryMap"/>: readers, writers, pinners (spans and Memory&lt;byte&gt;) and seekers, while
/// another thread resizes it a few times and closes it, round after round. Every failure must stand for one the map's
/// state explains (closed, out of range, exported: <see cref="MmapErrors.TryGetError"/>); a use of
/// unmapped memory kills the test host (an AccessViolationException cannot be caught), which fails the run. Writers
/// only store their own byte values into a zeroed map, so any other byte a reader sees is corruption; after each round
/// the length and content are checked single-threaded.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DotNetThreadStressTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(8);
    private static readonly byte[] s_writerValues = [0x41, 0x42];
    private static readonly long[] s_sizes = [MemoryMap.PageSize, 3L * MemoryMap.PageSize, 5L * MemoryMap.PageSize + 7, 16L * MemoryMap.PageSize];

    // What the operations may meet while another thread resizes or closes the map: CPython's errors for the same states.
    private static readonly HashSet<MmapError> s_explained =
    [
        MmapError.ClosedOrInvalid,        // closed under the thread
        MmapError.IndexOutOfRange,        // shrunk under the thread
        MmapError.ReadByteOutOfRange,
        MmapError.WriteByteOutOfRange,
        MmapError.DataOutOfRange,
        MmapError.SeekOutOfRange,
        MmapError.MoveOutOfRange,
        MmapError.SliceAssignmentWrongSize,
        MmapError.ResizeWithExports,      // a pin or a lease of another thread
        MmapError.CloseWithExports,
    ];

    public enum MapKind
    {
        AnonymousPrivate,
        File,
    }

    [TestCase(MapKind.AnonymousPrivate)]
    [TestCase(MapKind.File)]
    public void ThreadsUsingAMapWhileItIsResizedAndClosed_OnlyExplainedErrorsAndNoCorruption(MapKind kind)
    {
        ConcurrentQueue<string> unexpected = new();
        ConcurrentDictionary<string, int> seen = new();
        Random random = new(20261126);
        long operations = 0;
        int rounds = 0;
        using ScratchFolder folder = new("reliability-tests");
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_duration && unexpected.IsEmpty)
        {
            string path = Path.Combine(folder.Path, $"round-{rounds}.bin");
            MemoryMap map;
            if (kind == MapKind.File)
            {
                File.WriteAllBytes(path, new byte[s_sizes[0]]);
                map = MemoryMap.OpenFile(path);
            }
            else
            {
                // Private: growing a shared anonymous map leaves pages the kernel cannot back (SIGBUS in CPython too).
                map = MemoryMap.CreateAnonymous(s_sizes[0], MapFlags.Private);
            }

            using ManualResetEventSlim stop = new();
            List<Thread> workers = new();
            for (int i = 0; i < 5; i++)
            {
                int role = i % 5;
                int seed = random.Next();
                Thread thread = new(() => Work(map, role, seed, stop, unexpected, seen, ref operations)) { IsBackground = true };
                workers.Add(thread);
                thread.Start();
            }

            // The controller: a few resizes, then a close, retried while a pin or a memory manager holds an export.
            long length = map.Length;
            for (int i = random.Next(0, 6); i > 0; i--)
            {
                Thread.Sleep(random.Next(0, 4));
                long size = s_sizes[random.Next(s_sizes.Length)];
                try
                {
                    map.Resize(size);
                    length = size;
                }
                catch (MemoryMapException ex) when (ex.Error == MmapError.ResizeWithExports)
                {
                    seen.AddOrUpdate("resize: " + ex.Error, 1, (_, n) => n + 1);
                }
            }

            Thread.Sleep(random.Next(0, 4));
            stop.Set(); // the workers stop starting operations; ones in flight still meet the close below
            long checkedLength = map.Length;
            byte[] content = map.GetSlice(0, checkedLength);
            while (true)
            {
                try
                {
                    map.Close();
                    break;
                }
                catch (MemoryMapException ex) when (ex.Error == MmapError.CloseWithExports)
                {
                    seen.AddOrUpdate("close: " + ex.Error, 1, (_, n) => n + 1);
                    Thread.Yield();
                }
            }

            foreach (Thread worker in workers)
            {
                Assert.That(worker.Join(TimeSpan.FromSeconds(30)), Is.True, "a worker did not finish");
            }

            if (checkedLength != length)
            {
                unexpected.Enqueue($"length {checkedLength} after resizing to {length}");
            }

            if (content.Any(b => b != 0 && !s_writerValues.Contains(b)))
            {
                unexpected.Enqueue("content holds bytes no writer stored");
            }

            Assert.That(map.IsClosed, Is.True);
            rounds++;
        }

        TestContext.Out.WriteLine($"{kind}: {rounds} rounds, {Interlocked.Read(ref operations)} operations; failures seen:");
        foreach ((string? what, int count) in seen.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  {what}: {count}");
        }

        Assert.That(unexpected, Is.Empty);
        Assert.That(rounds, Is.GreaterThanOrEqualTo(10));
        Assert.That(seen.Keys.Any(k => k.EndsWith(MmapError.ClosedOrInvalid.ToString(), StringComparison.Ordinal)), Is.True, "threads ran into the close");
    }

    private static void Work(MemoryMap map, int role, int seed, ManualResetEventSlim stop, ConcurrentQueue<string> unexpected,
                             ConcurrentDictionary<string, int> seen, ref long operations)
    {
        Random random = new(seed);
        byte[] buffer = new byte[512];
        int closedSeen = 0;
        // After the stop, a few more operations each, so that some meet the close (and fail as closed).
        while (closedSeen < 3 && unexpected.IsEmpty)
        {
            if (stop.IsSet)
            {
                closedSeen++;
            }

            string what = "length";
            try
            {
                long length = map.Length;
                long index = random.NextInt64(-10, length + 50);
                switch (role)
                {
                    case 0: // reader
                        what = "read";
                        byte[] read = random.Next(4) switch
                        {
                            0 => [map[index]],
                            1 => map.GetSlice(index, index + random.Next(0, 400), random.Next(1, 4)),
                            2 => ReadAt(map, index, buffer),
                            _ => map.Read(random.Next(0, 300)),
                        };
                        if (read.Any(b => b != 0 && !s_writerValues.Contains(b)))
                        {
                            unexpected.Enqueue($"read saw bytes no writer stored: {string.Join(",", read.Where(b => b != 0 && !s_writerValues.Contains(b)).Take(5))}");
                        }

                        _ = map.Find(s_writerValues.AsSpan(0, 1), Math.Max(0, index));
                        break;
                    case 1: // writer
                        what = "write";
                        byte value = s_writerValues[random.Next(s_writerValues.Length)];
                        switch (random.Next(4))
                        {
                            case 0:
                                map[index] = value;
                                break;
                            case 1:
                                map.WriteAt(Math.Max(0, index), Enumerable.Repeat(value, random.Next(0, 200)).ToArray());
                                break;
                            case 2:
                                map.Write(Enumerable.Repeat(value, random.Next(0, 100)).ToArray());
                                break;
                            default:
                                map.Move(random.NextInt64(0, length), random.NextInt64(0, length), random.Next(0, 300));
                                break;
                        }

                        break;
                    case 2: // pinner: a span held across a yield, then released
                    case 3:
                        what = "pin";
                        if (random.Next(2) == 0)
                        {
                            using MemoryMapPin pin = map.Pin();
                            Span<byte> span = pin.Span;
                            span[random.Next(span.Length)] = s_writerValues[0];
                            Thread.Yield();
                            if (span[0] != 0 && !s_writerValues.Contains(span[0]))
                            {
                                unexpected.Enqueue("a pinned span saw bytes no writer stored");
                            }
                        }
                        else
                        {
                            using IMemoryOwner<byte> owner = map.CreateMemory();
                            using MemoryHandle handle = owner.Memory.Pin();
                            Thread.Yield();
                            _ = owner.Memory.Span[^1];
                        }

                        break;
                    default: // seeker
                        what = "seek";
                        map.Seek(index, (SeekOrigin)random.Next(3));
                        _ = map.Position;
                        map.Flush();
                        break;
                }
            }
            catch (Exception ex) when (MmapErrors.TryGetError(ex, out MmapError error) && s_explained.Contains(error))
            {
                seen.AddOrUpdate($"{what}: {error}", 1, (_, n) => n + 1);
            }
            catch (ArgumentOutOfRangeException ex) when (what == "read" && ex.ParamName == "offset")
            {
                // ReadAt from an offset the map was shrunk below, under the thread.
                seen.AddOrUpdate($"{what}: ReadAt past the end", 1, (_, n) => n + 1);
            }
            catch (Exception ex)
            {
                unexpected.Enqueue($"{what}: {ex.GetType().Name}: {ex.Message}");
                return;
            }

            Interlocked.Increment(ref operations);
        }
    }

    private static byte[] ReadAt(MemoryMap map, long offset, byte[] buffer)
    {
        // An offset past the end is a bad argument: kept inside the length seen now, which another thread may shrink.
        int count = map.ReadAt(Math.Clamp(offset, 0, map.Length), buffer);
        return buffer[..count];
    }
}
