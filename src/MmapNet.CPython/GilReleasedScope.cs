using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// <c>Py_BEGIN_ALLOW_THREADS</c> / <c>Py_END_ALLOW_THREADS</c> around the core's long system calls, where the stdlib's
/// mmap has them: the <c>munmap()</c> of close() and of deallocation, and (3.12 on) the constructor's <c>mmap()</c>.
/// Other Python threads run meanwhile; the core does nothing in the scope but the system calls.
/// </summary>
/// <remarks>
/// <para>
/// During finalization the GIL is kept: a thread that gives it up then is not let back (CPython ends it with
/// pthread_exit, which would unwind through .NET frames).
/// </para>
/// <para>
/// The scope is the core's <see cref="BlockingCallHooks"/> over the two functions here, not a type of this assembly:
/// the core's scoped code is generic over the scope's type, and only over a type of its own assembly is that code
/// precompiled (see <see cref="BlockingCallHooks"/>).
/// </para>
/// </remarks>
internal static unsafe class GilReleasedScope
{
    /// <summary>A scope for one scoped call of the core; it keeps the thread state between its two ends.</summary>
    public static BlockingCallHooks Create() => new(&Release, &Reacquire);

    private static nint Release() => FastPy_IsFinalizing() != 0 ? 0 : PyEval_SaveThread();

    private static void Reacquire(nint threadState)
    {
        if (threadState != 0)
        {
            PyEval_RestoreThread(threadState);
        }
    }
}
