using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// <c>Py_BEGIN_ALLOW_THREADS</c> / <c>Py_END_ALLOW_THREADS</c> around the core's long system calls, where the stdlib's
/// mmap has them: the <c>munmap()</c> of close() and of deallocation, and (3.12 on) the constructor's <c>mmap()</c>.
/// Other Python threads run meanwhile; the core does nothing in the scope but the system calls.
/// </summary>
/// <remarks>
/// During finalization the GIL is kept: a thread that gives it up then is not let back (CPython ends it with
/// pthread_exit, which would unwind through .NET frames).
/// </remarks>
internal unsafe struct GilReleasedScope : IBlockingCallScope
{
    private nint _threadState;

    public void Enter() => _threadState = FastPy_IsFinalizing() != 0 ? 0 : PyEval_SaveThread();

    public readonly void Exit()
    {
        if (_threadState != 0)
        {
            PyEval_RestoreThread(_threadState);
        }
    }
}
