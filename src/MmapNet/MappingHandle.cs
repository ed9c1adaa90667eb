using System;
using System.Runtime.InteropServices;
using System.Threading;
using MmapNet.Interop;

namespace MmapNet;

/// <summary>
/// Owns one mapping, <c>[Address, Address + Length)</c>: the only place that unmaps it, exactly once,
/// from <see cref="SafeHandle.Dispose()"/> or from the finalizer of a map nobody closed.
/// </summary>
/// <remarks>
/// Threads that read or write the memory hold a <em>lease</em>; closing only marks the handle and the
/// last lease to go unmaps, so a map closed under a running operation is never used after
/// <c>munmap</c>. Moving the mapping (<c>mremap</c>) needs the handle <em>exclusively</em>: no lease
/// but the caller's own. One state word holds the lease count and the two flags, so every transition
/// is a single interlocked operation.
/// </remarks>
internal sealed class MappingHandle : SafeHandle
{
    private const int ClosingFlag = 1 << 30;
    private const int ExclusiveFlag = 1 << 29;
    private const int LeaseMask = ExclusiveFlag - 1;

    private nuint _length;
    private int _state;

    public MappingHandle(nint address, nuint length)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        SetHandle(address);
        _length = length;
    }

    public override bool IsInvalid => handle == 0 || handle == Libc.MapFailed;

    public unsafe byte* Address => (byte*)handle;

    public nuint Length => _length;

    /// <summary>Takes a lease, waiting out a resize in progress; false once the handle is closing.</summary>
    public bool TryAcquireLease()
    {
        SpinWait spin = default;
        while (true)
        {
            int state = Interlocked.Increment(ref _state);
            if ((state & (ClosingFlag | ExclusiveFlag)) == 0)
            {
                return true;
            }

            ReleaseLease();
            if ((state & ClosingFlag) != 0)
            {
                return false;
            }

            spin.SpinOnce();
        }
    }

    public void ReleaseLease()
    {
        if (Interlocked.Decrement(ref _state) == ClosingFlag)
        {
            // The last lease of a closing handle: unmap now (Dispose is idempotent).
            Dispose();
        }
    }

    /// <summary>
    /// Takes the handle exclusively when exactly <paramref name="ownLeases"/> leases (the caller's) are
    /// held; new leases wait until <see cref="EndExclusive"/>.
    /// </summary>
    public bool TryBeginExclusive(int ownLeases) =>
        Interlocked.CompareExchange(ref _state, ownLeases | ExclusiveFlag, ownLeases) == ownLeases;

    public void EndExclusive() => Interlocked.Add(ref _state, -ExclusiveFlag);

    /// <summary>Moves the handle to a new mapping; only while held exclusively.</summary>
    public void Replace(nint address, nuint length)
    {
        SetHandle(address);
        _length = length;
    }

    /// <summary>Marks the handle closing; unmaps now if no lease is held, else when the last one goes.</summary>
    public void BeginClose()
    {
        int before = Interlocked.Or(ref _state, ClosingFlag);
        if ((before & LeaseMask) == 0)
        {
            Dispose();
        }
    }

    protected override bool ReleaseHandle() => Libc.Munmap(handle, _length) == 0;
}
