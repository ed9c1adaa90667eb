using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// Python's side of a map shared between .NET and Python: how .NET-side <see cref="MemoryMap.Close"/> and
/// <see cref="MemoryMap.Resize"/> treat a map that a Python object holds.
/// </summary>
/// <remarks>
/// <para>Python code touches a map's memory under the GIL, without per-operation leases (that is what keeps
/// <c>m[i]</c> as fast as the stdlib's); its object holds one long lease instead, so memory it may touch
/// stays mapped. With the GIL held, no Python code is between its closed-check and its memory access, so
/// that lease is not a user of the memory at that moment. .NET-side close and resize therefore take the
/// GIL and then do what Python's own <c>close()</c> and <c>resize()</c> do:</para>
/// <list type="bullet">
/// <item>close marks the map closed for both sides and returns the Python object's lease, so the memory is
/// unmapped now (or when the last .NET operation in flight ends), never twice, and never while Python or
/// .NET can still reach it;</item>
/// <item>resize counts the Python object's lease as the caller's own, so it succeeds exactly when it would
/// from Python: it fails with BufferError while exports (memoryviews, pins, pinned memory) exist on either
/// side, or while another .NET thread is inside an operation on the map.</item>
/// </list>
/// <para>The GIL is always taken before the map's transition lock, the order Python's own close and resize
/// use. Once the interpreter is finalizing or gone, no Python code can run, and the map falls back to .NET
/// rules (the object's lease is then held until the object is deallocated, if ever).</para>
/// </remarks>
internal sealed unsafe class PythonMapSharing : IMapSharingRuntime
{
    public static PythonMapSharing Instance { get; } = new();

    private PythonMapSharing()
    {
    }

    public MmapStatus Close(MemoryMap map)
    {
        if (!TryAcquireInterpreter(out int state))
        {
            return map.CloseCore();
        }

        try
        {
            MmapStatus status = map.CloseCore();
            if (status.IsOk && MmapObjectRegistry.TryGet(map, out nint self))
            {
                MmapType.ReleaseLease((MmapObject*)self, map);
            }

            return status;
        }
        finally
        {
            PyGILState_Release(state);
        }
    }

    public MmapStatus Resize(MemoryMap map, long newLength)
    {
        if (!TryAcquireInterpreter(out int state))
        {
            return map.ResizeCore(newLength, ownLeases: 0, checkOpenFirst: true);
        }

        try
        {
            int pythonLeases = MmapObjectRegistry.TryGet(map, out nint self) && MmapType.HoldsLease((MmapObject*)self) ? 1 : 0;
            return map.ResizeCore(newLength, pythonLeases, checkOpenFirst: true);
        }
        finally
        {
            PyGILState_Release(state);
        }
    }

    // PyGILState_Ensure on a finalized interpreter hangs or kills the thread: check first. (A finalization that
    // starts between the check and the call is the embedding application's race, as for any pythonnet call.)
    private static bool TryAcquireInterpreter(out int state)
    {
        state = 0;
        if (Py_IsInitialized() == 0 || Py_IsFinalizing() != 0)
        {
            return false;
        }

        state = PyGILState_Ensure();
        return true;
    }
}
