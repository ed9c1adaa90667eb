using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using MmapNet.Host.Native;

namespace MmapNet.Host;

/// <summary>
/// Starts a program's .NET runtime the way a fork() child can live with, so that the Python program it embeds may fork
/// and use maps (and any .NET code) in the child, as it may under python itself: W^X off, and no diagnostics threads.
/// Call <see cref="RestartIfNeeded"/> first thing in Main, before anything else runs: <c>mmapnet-host</c> does. (Its
/// runtimeconfig also turns tiered compilation off, whose background compiles a fork can catch holding the JIT's
/// locks; a program of yours that forks should do the same.)
/// </summary>
/// <remarks>
/// W^X, on by default, writes JIT-compiled code through a second, shared mapping of the code heap; a fork() child shares
/// it with its parent, and the code the child compiles (its first call of any method not yet compiled, here the host's
/// and mmapnet's) overwrites the parent's, which then dies with SIGSEGV. The runtime reads the setting once, when it
/// starts, from the environment only: so a program started without it executes itself again (same process, same
/// arguments, read from /proc/self/cmdline) with DOTNET_EnableWriteXorExecute=0, which costs one runtime start-up. The
/// runtime's debugger and diagnostic-server threads (DOTNET_EnableDiagnostics) are left out the same way. Values the
/// user set are kept; with W^X set, there is no restart. The variables set here are taken out of the environment before
/// Python starts, so its child processes do not inherit them.
/// </remarks>
public static partial class ForkSafeRuntime
{
    private const string Variable = "DOTNET_EnableWriteXorExecute";
    private const string DiagnosticsVariable = "DOTNET_EnableDiagnostics";
    private const string RestartedMarker = "MMAPNET_HOST_RESTARTED";

    /// <summary>
    /// Restarts the process with W^X off if it started with it on; returns when no restart was needed (or none could be
    /// made, in which case the program goes on as it started).
    /// </summary>
    public static void RestartIfNeeded()
    {
        if (Environment.GetEnvironmentVariable(RestartedMarker) is { } setHere)
        {
            // Started by the restart below: hide what it set from what the program starts.
            Unsetenv(RestartedMarker);
            Unsetenv(Variable);
            if (setHere == "2")
            {
                Unsetenv(DiagnosticsVariable);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return;
        }

        string[] arguments = ReadOwnArguments();
        bool setDiagnostics = Environment.GetEnvironmentVariable(DiagnosticsVariable) is null;
        if (arguments.Length == 0 || Setenv(Variable, "0", 1) != 0 || Setenv(RestartedMarker, setDiagnostics ? "2" : "1", 1) != 0
            || (setDiagnostics && Setenv(DiagnosticsVariable, "0", 1) != 0))
        {
            return;
        }

        // execv replaces the process image, keeping its pid, descriptors and signal state. On failure, go on as is.
        nint[] argv = new nint[arguments.Length + 1];
        try
        {
            for (int i = 0; i < arguments.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            Execv("/proc/self/exe", argv);
        }
        finally
        {
            foreach (nint argument in argv)
            {
                Marshal.FreeCoTaskMem(argument);
            }
        }

        Unsetenv(Variable);
        Unsetenv(RestartedMarker);
        if (setDiagnostics)
        {
            Unsetenv(DiagnosticsVariable);
        }
    }

    // The process's own argv, exactly as it was started (the apphost, or dotnet with the tool's dll), from /proc.
    private static string[] ReadOwnArguments()
    {
        byte[] commandLine;
        try
        {
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }

        List<string> arguments = new();
        int start = 0;
        for (int i = 0; i < commandLine.Length; i++)
        {
            if (commandLine[i] == 0)
            {
                arguments.Add(Encoding.UTF8.GetString(commandLine, start, i - start));
                start = i + 1;
            }
        }

        return [.. arguments];
    }

    [LibraryImport(DynamicLinker.CLibrary, EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, nint[] argv);

    [LibraryImport(DynamicLinker.CLibrary, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Setenv(string name, string value, int overwrite);

    [LibraryImport(DynamicLinker.CLibrary, EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unsetenv(string name);
}
