using System;
using System.Runtime.InteropServices;
using System.Threading;
using MmapNet.Host.Native;

namespace MmapNet.Host;

/// <summary>The signal calls python's own exit path makes, for a host that ends the way python ends.</summary>
internal static partial class ProcessSignals
{
    private const int Sigint = 2;
    private static readonly nint s_signalDefault = 0;
    private static readonly TimeSpan s_deliveryGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Ends the process by SIGINT, as python does after an uncaught KeyboardInterrupt (so a shell sees "killed by SIGINT"
    /// and stops a script that ran it). Returns only if that did not happen, with python's status for that case, 130.
    /// </summary>
    public static int TerminateBySigint()
    {
        Signal(Sigint, s_signalDefault);
        if (Kill(GetProcessId(), Sigint) == 0)
        {
            // The signal goes to whichever thread does not block it; give it the moment it takes to arrive.
            Thread.Sleep(s_deliveryGrace);
        }

        return 128 + Sigint;
    }

    [LibraryImport(DynamicLinker.CLibrary, EntryPoint = "signal")]
    private static partial nint Signal(int signalNumber, nint handler);

    [LibraryImport(DynamicLinker.CLibrary, EntryPoint = "kill")]
    private static partial int Kill(int processId, int signalNumber);

    [LibraryImport(DynamicLinker.CLibrary, EntryPoint = "getpid")]
    private static partial int GetProcessId();
}
