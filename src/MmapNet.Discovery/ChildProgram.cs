using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace MmapNet.Discovery;

/// <summary>What a program run by <see cref="ChildProgram"/> wrote and how it ended.</summary>
/// <param name="ExitCode">Its exit status, or 128 + the signal that ended it (as a shell reports it).</param>
/// <param name="Stdout">What it wrote to its standard output, read as UTF-8.</param>
/// <param name="Stderr">What it wrote to its standard error, read as UTF-8.</param>
internal sealed record ChildProgramResult(int ExitCode, string Stdout, string Stderr);

/// <summary>A program could not be started, read from or waited for; the message says why, as strerror does.</summary>
internal sealed class ChildProgramException : Exception
{
    public ChildProgramException()
    {
    }

    public ChildProgramException(string message)
        : base(message)
    {
    }

    public ChildProgramException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Runs a program to its end and collects its output, with posix_spawn and poll on the calling thread: nothing of .NET's
/// own machinery for child processes, which a pythonnet host must not have. System.Diagnostics.Process reads redirected
/// output through the thread pool and the sockets engine and handles SIGCHLD with managed code on a signal thread: after
/// one query, a host held five runtime threads more than python's route (a SIGCHLD thread, the sockets engine's, two
/// pool workers and the pool's gate), each of which runs managed code now and then: when the Python program the host
/// embeds forks, a thread caught inside the runtime leaves the child hung on a lock it held.
/// </summary>
internal static partial class ChildProgram
{
    // glibc by its soname: the dynamic linker hands over the library already loaded, where "libc" made the runtime try
    // libc.so, liblibc.so, ... in each folder it probes first.
    private const string CLibrary = "libc.so.6";
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int StandardError = 2;
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int ReadOnly = 0;
    private const short PollIn = 0x1;
    private const int Interrupted = 4; // EINTR
    private const int NoHang = 1; // WNOHANG
    private const int Kill = 9; // SIGKILL
    private const int FileActionsSize = 256; // posix_spawn_file_actions_t is 80 bytes in glibc: room to spare
    private static readonly TimeSpan s_exitPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan s_exitGrace = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="file"/> (searched in PATH when it has no slash, as a shell does) with
    /// <paramref name="arguments"/>, stdin from /dev/null, and returns its output; kills it (SIGKILL) and returns null
    /// when it has not ended within <paramref name="timeout"/> (a negative one, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// say, waits for as long as it takes). The child inherits the calling thread's signal mask and ignored signals, and
    /// a bare name is searched in the PATH of the C library's environment.
    /// </summary>
    public static ChildProgramResult? Run(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        int[] output = OpenPipe();
        int[] error;
        try
        {
            error = OpenPipe();
        }
        catch
        {
            CloseAll(output);
            throw;
        }

        int processId;
        try
        {
            processId = Spawn(file, arguments, output[1], error[1]);
        }
        catch
        {
            CloseAll(output);
            CloseAll(error);
            throw;
        }

        // The child has its copies of the write ends; the parent's must go, or the pipes never reach end of file.
        Close(output[1]);
        Close(error[1]);
        Stopwatch clock = Stopwatch.StartNew();
        string stdout, stderr;
        int? status;
        try
        {
            try
            {
                status = ReadBoth(output[0], error[0], timeout, clock, out stdout, out stderr) ? WaitForExit(processId, timeout, clock) : null;
            }
            finally
            {
                Close(output[0]);
                Close(error[0]);
            }
        }
        catch
        {
            KillAndReap(processId); // no child left running, no zombie
            throw;
        }

        if (status is not int ended)
        {
            KillAndReap(processId);
            return null;
        }

        // WIFEXITED: the low 7 bits are 0 and the status is in the next 8; otherwise they are the signal.
        int exitCode = (ended & 0x7f) == 0 ? (ended >> 8) & 0xff : 128 + (ended & 0x7f);
        return new ChildProgramResult(exitCode, stdout, stderr);
    }

    // The child's wait status once it has ended, or null if it has not ended by the timeout (plus a grace: a dying
    // process closes its pipes a moment before it can be waited for).
    private static int? WaitForExit(int processId, TimeSpan timeout, Stopwatch clock)
    {
        while (true)
        {
            int waited = WaitPid(processId, out int status, NoHang);
            if (waited == processId)
            {
                return status;
            }

            if (waited < 0)
            {
                int waitError = Marshal.GetLastPInvokeError();
                if (waitError == Interrupted)
                {
                    continue;
                }

                // ECHILD: something else reaped it (SIGCHLD ignored, say), and its exit status is gone.
                throw new ChildProgramException($"could not be waited for: {ErrorText(waitError)}");
            }

            if (!IsInfinite(timeout) && clock.Elapsed >= timeout + s_exitGrace)
            {
                return null; // it closed its output and went on
            }

            System.Threading.Thread.Sleep(s_exitPoll);
        }
    }

    private static bool IsInfinite(TimeSpan timeout) => timeout < TimeSpan.Zero;

    private static void KillAndReap(int processId)
    {
        _ = SendSignal(processId, Kill);
        while (WaitPid(processId, out _, 0) < 0 && Marshal.GetLastPInvokeError() == Interrupted)
        {
        }
    }

    private static int[] OpenPipe()
    {
        int[] ends = new int[2];
        if (Pipe2(ends, CloseOnExec) != 0)
        {
            throw new ChildProgramException("could not be started: " + ErrorText(Marshal.GetLastPInvokeError()));
        }

        return ends;
    }

    private static int Spawn(string file, IReadOnlyList<string> arguments, int outputWrite, int errorWrite)
    {
        string?[] argv = new string?[arguments.Count + 2];
        argv[0] = file;
        for (int i = 0; i < arguments.Count; i++)
        {
            argv[i + 1] = arguments[i];
        }

        // The environment .NET holds (which Environment.SetEnvironmentVariable changes), as Process passes it.
        List<string?> environment = new();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{variable.Key}={variable.Value}");
        }

        environment.Add(null);
        nint actions = Marshal.AllocHGlobal(FileActionsSize);
        try
        {
            int result = FileActionsInit(actions);
            if (result != 0)
            {
                throw new ChildProgramException("could not be started: " + ErrorText(result));
            }

            try
            {
                // The pipes' own descriptors close at exec (O_CLOEXEC); their duplicates as 1 and 2 stay open.
                int processId = 0;
                result = AddOpen(actions, StandardInput, "/dev/null", ReadOnly, 0);
                result = result != 0 ? result : AddDup2(actions, outputWrite, StandardOutput);
                result = result != 0 ? result : AddDup2(actions, errorWrite, StandardError);
                result = result != 0 ? result : PosixSpawnp(out processId, file, actions, 0, argv, environment.ToArray());
                if (result != 0)
                {
                    throw new ChildProgramException("could not be started: " + ErrorText(result));
                }

                return processId;
            }
            finally
            {
                _ = FileActionsDestroy(actions);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(actions);
        }
    }

    // Reads both pipes to their end, whichever has data first (a child that fills one pipe while the parent waits on the
    // other would block forever); false when the time is up first.
    private static bool ReadBoth(int output, int error, TimeSpan timeout, Stopwatch clock, out string stdout, out string stderr)
    {
        MemoryStream[] collected = [new MemoryStream(), new MemoryStream()];
        PollDescriptor[] descriptors = [new(output), new(error)];
        byte[] buffer = new byte[16384];
        int open = 2;
        bool finished = true;
        while (open > 0)
        {
            long remaining = IsInfinite(timeout) ? -1 : (long)(timeout - clock.Elapsed).TotalMilliseconds;
            if (!IsInfinite(timeout) && remaining <= 0)
            {
                finished = false;
                break;
            }

            // A negative timeout makes poll wait for as long as it takes.
            int ready = Poll(descriptors, (nuint)descriptors.Length, (int)Math.Min(remaining, int.MaxValue));
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Interrupted)
                {
                    continue;
                }

                throw new ChildProgramException($"could not be read from: poll failed: {ErrorText(Marshal.GetLastPInvokeError())}");
            }

            for (int i = 0; i < descriptors.Length; i++)
            {
                if (descriptors[i].Descriptor < 0 || descriptors[i].ReturnedEvents == 0)
                {
                    continue;
                }

                nint count = Read(descriptors[i].Descriptor, buffer, buffer.Length);
                if (count > 0)
                {
                    collected[i].Write(buffer, 0, (int)count);
                }
                else if (count == 0 || Marshal.GetLastPInvokeError() != Interrupted)
                {
                    descriptors[i].Descriptor = -1; // end of file (or a broken pipe): poll skips a negative descriptor
                    open--;
                }
            }
        }

        stdout = Encoding.UTF8.GetString(collected[0].GetBuffer(), 0, (int)collected[0].Length);
        stderr = Encoding.UTF8.GetString(collected[1].GetBuffer(), 0, (int)collected[1].Length);
        return finished;
    }

    private static void CloseAll(int[] ends)
    {
        Close(ends[0]);
        Close(ends[1]);
    }

    private static void Close(int descriptor) => _ = CloseDescriptor(descriptor);

    private static string ErrorText(int error) => Marshal.GetPInvokeErrorMessage(error);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor(int descriptor)
    {
        public int Descriptor = descriptor;
        public short Events = PollIn;
        public short ReturnedEvents;
    }

    [LibraryImport(CLibrary, EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2([Out] int[] ends, int flags);

    [LibraryImport(CLibrary, EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(nint actions);

    [LibraryImport(CLibrary, EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(nint actions);

    [LibraryImport(CLibrary, EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AddOpen(nint actions, int descriptor, string path, int flags, int mode);

    [LibraryImport(CLibrary, EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int AddDup2(nint actions, int descriptor, int newDescriptor);

    [LibraryImport(CLibrary, EntryPoint = "posix_spawnp", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PosixSpawnp(out int processId, string file, nint actions, nint attributes, string?[] argv, string?[] environment);

    [LibraryImport(CLibrary, EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll([In, Out] PollDescriptor[] descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport(CLibrary, EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int descriptor, [Out] byte[] buffer, nint count);

    [LibraryImport(CLibrary, EntryPoint = "close")]
    private static partial int CloseDescriptor(int descriptor);

    [LibraryImport(CLibrary, EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int processId, out int status, int options);

    [LibraryImport(CLibrary, EntryPoint = "kill")]
    private static partial int SendSignal(int processId, int signal);
}
