using System.Threading;
using MmapNet.Interop;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// MappingHandle's lease counting: the last lease of a closing handle unmaps; exclusive use (for
// mremap) needs every lease but the caller's gone, and new leases wait it out.
public class MappingHandleTests : MapFixture
{
    private const int Protection = (int)MapProtection.ReadWrite;
    private const int Flags = (int)(MapFlags.Private | MapFlags.Anonymous);

    [Test]
    public void BeginClose_WithoutLeases_UnmapsAtOnce()
    {
        MappingHandle handle = NewHandle();
        handle.BeginClose();
        Assert.That(handle.IsClosed, Is.True);
        Assert.That(handle.TryAcquireLease(), Is.False);
    }

    [Test]
    public void BeginClose_WithLeases_UnmapsWhenTheLastLeaseGoes()
    {
        MappingHandle handle = NewHandle();
        Assert.That(handle.TryAcquireLease(), Is.True);
        Assert.That(handle.TryAcquireLease(), Is.True);
        handle.BeginClose();
        Assert.That(handle.IsClosed, Is.False, "leases hold the mapping");
        Assert.That(handle.TryAcquireLease(), Is.False, "no new lease once closing");
        Assert.That(handle.IsClosed, Is.False, "a refused lease does not unmap");
        handle.ReleaseLease();
        Assert.That(handle.IsClosed, Is.False);
        handle.ReleaseLease();
        Assert.That(handle.IsClosed, Is.True);
    }

    [Test]
    public void BeginExclusive_SucceedsOnlyWithExactlyTheCallersLeases()
    {
        MappingHandle handle = Own(NewHandle());
        Assert.That(handle.TryBeginExclusive(0), Is.True);
        handle.EndExclusive();
        Assert.That(handle.TryAcquireLease(), Is.True);
        Assert.That(handle.TryBeginExclusive(0), Is.False, "another lease is held");
        Assert.That(handle.TryBeginExclusive(1), Is.True, "the caller's own lease");
        handle.EndExclusive();
        handle.ReleaseLease();
        handle.BeginClose();
        Assert.That(handle.TryBeginExclusive(0), Is.False, "closing");
    }

    [Test]
    public void Lease_WaitsWhileHeldExclusively()
    {
        MappingHandle handle = Own(NewHandle());
        Assert.That(handle.TryBeginExclusive(0), Is.True);
        bool acquired = false;
        Thread taker = new(() => acquired = handle.TryAcquireLease());
        taker.Start();
        Assert.That(taker.Join(200), Is.False, "the lease waits for the exclusive holder");
        handle.EndExclusive();
        Assert.That(taker.Join(5000), Is.True);
        Assert.That(acquired, Is.True);
        handle.ReleaseLease();
    }

    [Test]
    public unsafe void Replace_MovesTheHandleToTheNewMapping()
    {
        MappingHandle handle = Own(NewHandle());
        Assert.That(handle.TryBeginExclusive(0), Is.True);
        nint moved = Libc.Mremap((nint)handle.Address, handle.Length, 8192, Libc.MremapMayMove);
        Assert.That(moved, Is.Not.EqualTo((nint)Libc.MapFailed));
        handle.Replace(moved, 8192);
        handle.EndExclusive();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((nint)handle.Address, Is.EqualTo(moved));
            Assert.That(handle.Length, Is.EqualTo((nuint)8192));
        }

        handle.Address[8191] = 1;
    }

    private static MappingHandle NewHandle()
    {
        nint address = Libc.Mmap(0, 4096, Protection, Flags, -1, 0);
        Assert.That(address, Is.Not.EqualTo((nint)Libc.MapFailed));
        return new MappingHandle(address, 4096);
    }
}
