using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// Closing or resizing a map while other threads use it must never touch unmapped memory: each
// operation either succeeds or fails with the error the map's state explains. A crash here is the
// whole test host dying, which fails the run.
public class ConcurrencyTests : MapFixture
{
    private const int Size = 64 * 1024;

    [Test]
    public void Close_WhileOtherThreadsRead_EveryReadSucceedsOrFailsAsClosed()
    {
        ConcurrentQueue<Exception> unexpected = new();
        Random random = new(1234);
        int closedSeen = 0;
        for (int iteration = 0; iteration < 300; iteration++)
        {
            MemoryMap map = MemoryMap.CreateAnonymous(Size);
            map[Size - 1] = 1;
            using Barrier start = new(3);
            Thread[] readers = new Thread[2];
            for (int r = 0; r < readers.Length; r++)
            {
                int seed = iteration * 2 + r;
                readers[r] = new Thread(() =>
                {
                    start.SignalAndWait();
                    if (ReadUntilClosed(map, seed, unexpected))
                    {
                        Interlocked.Increment(ref closedSeen);
                    }
                });
                readers[r].Start();
            }

            start.SignalAndWait();
            Thread.SpinWait(random.Next(0, 20000));
            map.Close();
            foreach (Thread reader in readers)
            {
                reader.Join();
            }
        }

        Assert.That(unexpected, Is.Empty);
        Assert.That(closedSeen, Is.EqualTo(600), "every reader ended by seeing the map closed");
    }

    [Test]
    public void Resize_WhileOtherThreadsRead_NeverReadsOutsideTheMapping()
    {
        // A private anonymous map: growing a shared one leaves pages the kernel cannot back (SIGBUS, in CPython too).
        MemoryMap map = MapAnonymous(Size, MapFlags.Private);
        ConcurrentQueue<Exception> unexpected = new();
        using ManualResetEventSlim stop = new();
        int resizes = 0;
        int reads = 0;
        Thread[] readers = new Thread[2];
        for (int r = 0; r < readers.Length; r++)
        {
            int seed = r;
            readers[r] = new Thread(() =>
            {
                Random random = new(seed);
                byte[] buffer = new byte[256];
                while (!stop.IsSet)
                {
                    try
                    {
                        long index = random.Next(0, Size);
                        _ = map[index];
                        map.ReadAt(index, buffer);
                        _ = map.GetSlice(index, index + 300);
                        _ = map.Find("\u0001"u8, index);
                        if (map.Length == Size)
                        {
                            _ = map[Size - 1]; // may still fail: the check and the read are two leases
                        }

                        Interlocked.Increment(ref reads);
                        Thread.SpinWait(random.Next(0, 2000)); // gaps in which a resize can get through
                    }
                    catch (ArgumentOutOfRangeException ex) when (ex.ParamName is "index" or "offset")
                    {
                        // The map was shrunk under the thread: m[i] or ReadAt past the new end.
                    }
                    catch (Exception ex)
                    {
                        unexpected.Enqueue(ex);
                        return;
                    }
                }
            });
            readers[r].Start();
        }

        DateTime end = DateTime.UtcNow.AddMilliseconds(700);
        bool small = false;
        while (DateTime.UtcNow < end && unexpected.IsEmpty)
        {
            try
            {
                map.Resize(small ? Size : 4096);
                small = !small;
                resizes++;
            }
            catch (MemoryMapException ex) when (ex.Error == MmapError.ResizeWithExports)
            {
                // Documented: a resize while another thread holds the mapping fails with BufferError.
            }
        }

        stop.Set();
        foreach (Thread reader in readers)
        {
            reader.Join();
        }

        Assert.That(unexpected, Is.Empty);
        Assert.That(resizes, Is.GreaterThan(0), "some resizes got through");
        Assert.That(reads, Is.GreaterThan(0));
    }

    [Test]
    public void Pin_WhileAnotherThreadResizes_NeverCoversMoreThanTheMap()
    {
        // While a pin lives the map cannot be resized, so its range must lie inside the map's length
        // as seen then; a pin whose range was checked against an older, larger mapping would expose
        // unmapped memory.
        MemoryMap map = MapAnonymous(Size, MapFlags.Private);
        using ManualResetEventSlim stop = new();
        int pins = 0;
        int stalePins = 0;
        Thread pinner = new(() =>
        {
            while (!stop.IsSet)
            {
                using MemoryMapPin pin = map.Pin();
                if (pin.Length > map.Length)
                {
                    Interlocked.Increment(ref stalePins);
                }

                using IMemoryOwner<byte> manager = map.CreateMemory();
                if (manager.Memory.Length > map.Length)
                {
                    Interlocked.Increment(ref stalePins);
                }

                pins++;
            }
        });
        pinner.Start();
        DateTime end = DateTime.UtcNow.AddMilliseconds(700);
        bool small = false;
        while (DateTime.UtcNow < end)
        {
            try
            {
                map.Resize(small ? Size : 4096);
                small = !small;
            }
            catch (MemoryMapException ex) when (ex.Error == MmapError.ResizeWithExports)
            {
            }
        }

        stop.Set();
        pinner.Join();
        Assert.That(pins, Is.GreaterThan(0));
        Assert.That(stalePins, Is.Zero);
    }

    [Test]
    public void Close_WhileAnotherThreadPins_ClosesOnceThePinsAreGone()
    {
        ConcurrentQueue<Exception> unexpected = new();
        for (int iteration = 0; iteration < 100; iteration++)
        {
            MemoryMap map = MemoryMap.CreateAnonymous(4096);
            Thread pinner = new(() =>
            {
                while (true)
                {
                    try
                    {
                        using MemoryMapPin pin = map.Pin();
                        _ = pin.ReadOnlySpan[4095];
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        unexpected.Enqueue(ex);
                        return;
                    }
                }
            });
            pinner.Start();
            Thread.SpinWait(iteration * 100);
            while (true)
            {
                try
                {
                    map.Close();
                    break;
                }
                catch (MemoryMapException ex) when (ex.Error == MmapError.CloseWithExports)
                {
                    Thread.Yield();
                }
            }

            pinner.Join();
            Assert.That(map.IsClosed, Is.True);
        }

        Assert.That(unexpected, Is.Empty);
    }

    [Test]
    public void GetFileSize_WhileAnotherThreadCloses_IsTheSizeOrClosed()
    {
        // CPython (under the GIL) gives size() either the file's size or "mmap closed or invalid";
        // never EBADF from a descriptor closed under it, nor the size of a file that reused its number.
        string path = CreateFile(12345);
        string other = CreateFile(999);
        ConcurrentQueue<string> wrong = new();
        for (int iteration = 0; iteration < 300 && wrong.IsEmpty; iteration++)
        {
            MemoryMap map = Map(path);
            using Barrier start = new(2);
            Thread sizer = new(() =>
            {
                start.SignalAndWait();
                while (true)
                {
                    try
                    {
                        long size = map.GetFileSize();
                        if (size != 12345)
                        {
                            wrong.Enqueue($"size {size}");
                        }
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (MemoryMapException ex)
                    {
                        wrong.Enqueue($"{ex.Kind} {ex.Errno} {ex.Message}");
                        return;
                    }
                }
            });
            sizer.Start();
            start.SignalAndWait();
            Thread.SpinWait(iteration * 50);
            map.Close();
            using (File.OpenHandle(other))
            {
                sizer.Join();
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    // Reads in a loop until the map is closed; true when it ended that way, false on anything else.
    private static bool ReadUntilClosed(MemoryMap map, int seed, ConcurrentQueue<Exception> unexpected)
    {
        Random random = new(seed);
        byte[] buffer = new byte[512];
        try
        {
            while (true)
            {
                long index = random.Next(0, Size);
                _ = map[index];
                _ = map[-1];
                map.ReadAt(index, buffer);
                _ = map.GetSlice(index, index + 100);
                _ = map.Find("\u0001"u8, index);
                _ = map.ReverseFind("\u0001"u8, 0, index);
                _ = map.Read(buffer.AsSpan());
                try
                {
                    _ = map.ReadByte();
                }
                catch (MemoryMapException ex) when (ex.Error == MmapError.ReadByteOutOfRange)
                {
                    map.Seek(0);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        catch (Exception ex)
        {
            unexpected.Enqueue(ex);
            return false;
        }
    }
}
