using System;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// <see cref="MmapObject.MapOf"/> reads the map out of the GC handle's slot itself (precompiled code would call
/// <see cref="GCHandle{T}.Target"/>, a generic member of the framework, at every operation): it must give what
/// <c>Target</c> gives, however often the GC has moved the map. (On the NativeAOT route every operation depends on it.)
/// </summary>
[TestFixture]
public sealed class MmapObjectTests
{
    [Test]
    public void MapOf_ReadsTheMapTheHandleHolds_AsTargetDoes()
    {
        nint instance = Marshal.AllocHGlobal(MmapObject.BasicSize);
        try
        {
            for (int i = 0; i < 3; i++)
            {
                using MemoryMap map = MemoryMap.CreateAnonymous(4096);
                GCHandle<MemoryMap> handle = new(map);
                Marshal.WriteIntPtr(instance, (int)Marshal.OffsetOf<MmapObject>(nameof(MmapObject.Map)), GCHandle<MemoryMap>.ToIntPtr(handle));

                // Collections move what survives them: the slot follows the map, and so must what MapOf reads.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                Assert.That(MmapObject.MapOf(instance), Is.SameAs(handle.Target).And.SameAs(map));
                handle.Dispose();
            }
        }
        finally
        {
            Marshal.FreeHGlobal(instance);
        }
    }
}
