using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;
using static MmapNet.CPython.Native.PythonConstants;

namespace MmapNet.CPython;

/// <summary>
/// The <c>mmap.mmap</c> type, built with <c>PyType_FromSpec</c>: the same name, flags, size, slots
/// and methods as the stdlib's type, each slot an <c>[UnmanagedCallersOnly]</c> function that
/// delegates to the core <see cref="MemoryMap"/>. This file holds creation and the object's life:
/// construction, deallocation, GC traversal, repr and the <c>closed</c> attribute.
/// </summary>
/// <remarks>
/// Every slot and method is an <c>[UnmanagedCallersOnly]</c> entry point that only guards: it catches
/// any .NET exception, which must never cross into native code, and turns it into a Python one. The
/// work, and every C-API call, is in its <c>*Unguarded</c> twin, kept out of line
/// (<see cref="MethodImplOptions.NoInlining"/>) because the JIT inlines P/Invoke transitions only
/// outside try regions: inside one, each C-API call would go through a marshalling stub.
/// <para>
/// The hottest slots, whose result is one C-API call away (<c>len</c>, <c>tell</c>, <c>read_byte</c>, <c>closed</c>,
/// <c>sq_item</c>), have a second shape that saves the call to the twin: the work runs inside the try
/// region, and the result object is made after it, where that single C-API call is inlined. Calls made
/// inside the try region are only the ones on error paths.
/// </para>
/// </remarks>
internal static unsafe partial class MmapType
{
    private const int TpAllocSlot = 47;
    private const int TpFreeSlot = 74;
    private const int TypeNameOffset = 24;

    private static InterpreterProfile s_profile = null!;
    private static nint s_type;

    /// <summary>The type object (a strong reference kept for the life of the process).</summary>
    public static nint TypeObject => s_type;

    public static InterpreterProfile Profile => s_profile;

    /// <summary>Creates the type once; later calls return the same type. GIL held.</summary>
    public static nint GetOrCreate(InterpreterProfile profile)
    {
        if (s_type != 0)
        {
            return s_type;
        }

        s_profile = profile;
        PyTypeSpec* spec = NativeTables.Allocate<PyTypeSpec>(1);
        spec->Name = NativeTables.Utf8("mmap.mmap");
        spec->BasicSize = MmapObject.BasicSize;
        spec->Flags = TpFlagsBaseType | TpFlagsHaveGc | TpFlagsImmutableType;
        spec->Slots = BuildSlots(profile);
        s_type = PyType_FromSpec(spec);
        return s_type;
    }

    private static PyTypeSlot* BuildSlots(InterpreterProfile profile)
    {
        (int Slot, nint Function)[] slots =
        [
            (TpNew, (nint)(delegate* unmanaged<nint, nint, nint, nint>)&New),
            (TpDealloc, (nint)(delegate* unmanaged<nint, void>)&Dealloc),
            (TpTraverse, (nint)(delegate* unmanaged<nint, delegate* unmanaged<nint, void*, int>, void*, int>)&Traverse),
            (TpRepr, (nint)(delegate* unmanaged<nint, nint>)&Repr),
            (TpGetAttro, (nint)PyObject_GenericGetAttr),
            (TpDoc, (nint)NativeTables.Utf8(profile.TypeDoc)),
            (TpMethods, (nint)BuildMethods(profile)),
            (TpMembers, (nint)BuildMembers()),
            (TpGetSet, (nint)BuildGetSet()),
            (MpLength, (nint)(delegate* unmanaged<nint, nint>)&Length),
            (MpSubscript, (nint)(delegate* unmanaged<nint, nint, nint>)&Subscript),
            (MpAssSubscript, (nint)(delegate* unmanaged<nint, nint, nint, int>)&AssignSubscript),
            (SqLength, (nint)(delegate* unmanaged<nint, nint>)&Length),
            (SqItem, (nint)(delegate* unmanaged<nint, nint, nint>)&SequenceItem),
            (SqAssItem, (nint)(delegate* unmanaged<nint, nint, nint, int>)&AssignSequenceItem),
            (BfGetBuffer, (nint)(delegate* unmanaged<nint, PyBuffer*, int, int>)&GetBuffer),
            (BfReleaseBuffer, (nint)(delegate* unmanaged<nint, PyBuffer*, void>)&ReleaseBuffer),
        ];
        PyTypeSlot* table = NativeTables.Allocate<PyTypeSlot>(slots.Length + 1);
        for (int i = 0; i < slots.Length; i++)
        {
            table[i] = new PyTypeSlot { Slot = slots[i].Slot, Function = (void*)slots[i].Function };
        }

        return table;
    }

    private static PyMemberDef* BuildMembers()
    {
        // __weaklistoffset__ is consumed by PyType_FromSpec: it sets tp_weaklistoffset, as the stdlib does.
        PyMemberDef* members = NativeTables.Allocate<PyMemberDef>(2);
        members[0] = new PyMemberDef
        {
            Name = NativeTables.Utf8("__weaklistoffset__"),
            Type = MemberTypeSsizeT,
            Offset = MmapObject.WeakRefListOffset,
            Flags = MemberReadOnly,
        };
        return members;
    }

    private static PyGetSetDef* BuildGetSet()
    {
        PyGetSetDef* getset = NativeTables.Allocate<PyGetSetDef>(2);
        getset[0] = new PyGetSetDef { Name = NativeTables.Utf8("closed"), Get = (delegate* unmanaged<nint, void*, nint>)&GetClosed };
        return getset;
    }

    /// <summary>
    /// <c>mmap.mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT,
    /// offset=0, *, trackfd=True)</c>: CPython's parser and order of checks, then the audit event.
    /// </summary>
    [UnmanagedCallersOnly]
    private static nint New(nint type, nint args, nint kwargs)
    {
        try
        {
            return NewUnguarded(type, args, kwargs);
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpected(exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint NewUnguarded(nint type, nint args, nint kwargs)
    {
        int fd = 0;
        nint length = 0;
        int flags = (int)MapFlags.Shared;
        int protection = (int)MapProtection.ReadWrite;
        int access = (int)MapAccess.Default;
        long offset = 0;
        int trackFd = 1;
        fixed (byte* format = s_profile.ConstructorFormat)
        {
            if (PyArg_ParseTupleAndKeywords(args, kwargs, format, NativeTables.ConstructorKeywords(s_profile), &fd, &length, &flags, &protection, &access, &offset, &trackFd) == 0)
            {
                return 0;
            }
        }

        var request = new MapRequest(fd, length, flags, protection, access, offset, trackFd != 0);
        MmapStatus status = MemoryMap.Resolve(ref request);
        if (!status.IsOk)
        {
            return PythonErrors.Raise(status);
        }

        fixed (byte* eventName = "mmap.__new__\0"u8, eventFormat = "inil\0"u8)
        {
            if (PySys_Audit(eventName, eventFormat, fd, length, request.Access, offset) < 0)
            {
                return 0;
            }
        }

        MemoryMap? map;
        if (s_profile.ReleasesGilAroundMmap)
        {
            var scope = default(GilReleasedScope);
            status = MemoryMap.Open(request, out map, ref scope);
        }
        else
        {
            status = MemoryMap.Open(request, out map);
        }

        if (!status.IsOk)
        {
            return PythonErrors.Raise(status);
        }

        nint self = Wrap(type, map!, owns: true);
        if (self == 0)
        {
            map!.CloseCore();
        }

        return self;
    }

    /// <summary>
    /// A new Python object of <paramref name="type"/> over <paramref name="map"/>; it holds a lease on
    /// the mapping and, when <paramref name="owns"/>, closes the map when deallocated. It becomes the map's
    /// object in <see cref="MmapObjectRegistry"/>, and the map is marked shared with Python, so .NET-side
    /// close and resize go through <see cref="PythonMapSharing"/>. NULL with an exception set when the
    /// object cannot be allocated. A map that is already closed gives an object that is closed from the
    /// start (it holds no lease; every operation checks <c>closed</c> first).
    /// </summary>
    public static nint Wrap(nint type, MemoryMap map, bool owns)
    {
        var allocate = (delegate* unmanaged<nint, nint, nint>)PyType_GetSlot(type, TpAllocSlot);
        nint self = allocate(type, 0);
        if (self == 0)
        {
            return 0;
        }

        var obj = (MmapObject*)self;
        obj->Map = GCHandle<MemoryMap>.ToIntPtr(new GCHandle<MemoryMap>(map));
        obj->Flags = (map.TryAcquireLongLease() ? MmapObjectFlags.HoldsLease : MmapObjectFlags.None)
            | (owns ? MmapObjectFlags.OwnsMap : MmapObjectFlags.None);
        map.ShareWith(PythonMapSharing.Instance);
        MmapObjectRegistry.Register(map, self);
        return self;
    }

    /// <summary>
    /// tp_dealloc, in the stdlib's order: the map is closed and unmapped (the GIL released around it) before the
    /// weak references are cleared, so their callbacks and <c>weakref.finalize</c> see the memory and the descriptor
    /// already gone.
    /// </summary>
    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        nint type = TypeOf(self);
        PyObject_GC_UnTrack(self);
        var obj = (MmapObject*)self;
        try
        {
            Detach(obj, close: (obj->Flags & MmapObjectFlags.OwnsMap) != 0);
            if (obj->Map != 0)
            {
                GCHandle<MemoryMap>.FromIntPtr(obj->Map).Dispose();
                obj->Map = 0;
            }
        }
        catch (Exception exception)
        {
            // Deallocation cannot fail; a .NET failure here must still not cross into native code.
            Environment.FailFast("MmapNet: failure while deallocating an mmap object", exception);
        }

        if (obj->WeakRefList != 0)
        {
            PyObject_ClearWeakRefs(self);
        }

        var free = (delegate* unmanaged<nint, void>)PyType_GetSlot(type, TpFreeSlot);
        free(self);
        Py_DecRef(type);
    }

    /// <summary>
    /// Lets go of the map when the object dies: closes it if the object owns it, and returns the object's lease in
    /// any case, after which the memory may be unmapped at any time. The GIL is released around the unmapping, as
    /// the stdlib's dealloc does.
    /// </summary>
    private static void Detach(MmapObject* obj, bool close)
    {
        if (obj->Map == 0)
        {
            return;
        }

        MemoryMap map = MmapObject.MapOf((nint)obj);
        MmapObjectRegistry.Unregister(map, (nint)obj);
        var scope = default(GilReleasedScope);
        if (close && map.CloseCore(HoldsLease(obj) ? 1 : 0, ref scope).IsOk)
        {
            obj->Flags &= ~MmapObjectFlags.HoldsLease;
        }

        if (HoldsLease(obj))
        {
            obj->Flags &= ~MmapObjectFlags.HoldsLease;
            map.ReleaseLongLease(ref scope);
        }
    }

    /// <summary>Whether the object still holds its lease on the mapping (it does until closed or deallocated).</summary>
    public static bool HoldsLease(MmapObject* obj) => (obj->Flags & MmapObjectFlags.HoldsLease) != 0;

    /// <summary>
    /// Returns the object's lease on the mapping, once: after its map is closed, from Python or from .NET
    /// (<see cref="PythonMapSharing"/>), or when it is deallocated. GIL held.
    /// </summary>
    public static void ReleaseLease(MmapObject* obj, MemoryMap map)
    {
        if ((obj->Flags & MmapObjectFlags.HoldsLease) != 0)
        {
            obj->Flags &= ~MmapObjectFlags.HoldsLease;
            map.ReleaseLongLease();
        }
    }

    [UnmanagedCallersOnly]
    private static int Traverse(nint self, delegate* unmanaged<nint, void*, int> visit, void* arg) =>
        visit(TypeOf(self), arg);

    [UnmanagedCallersOnly]
    private static nint Repr(nint self)
    {
        try
        {
            return ReprUnguarded(self);
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpected(exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint ReprUnguarded(nint self)
    {
        MemoryMap map = MmapObject.MapOf(self);
        string typeName = Marshal.PtrToStringUTF8(*(nint*)(TypeOf(self) + TypeNameOffset)) ?? "";
        string text = map.IsClosed
            ? $"<{typeName} closed=True>"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"<{typeName} closed=False, access={AccessName(map.Access)}, length={map.MappedLength}, pos={map.CurrentPosition}, offset={map.Offset}>");
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        fixed (byte* data = utf8)
        {
            return PyUnicode_FromStringAndSize(data, utf8.Length);
        }
    }

    private static string AccessName(MapAccess access) => access switch
    {
        MapAccess.Read => "ACCESS_READ",
        MapAccess.Write => "ACCESS_WRITE",
        MapAccess.Copy => "ACCESS_COPY",
        _ => "ACCESS_DEFAULT",
    };

    [UnmanagedCallersOnly]
    private static nint GetClosed(nint self, void* closure)
    {
        bool closed;
        try
        {
            closed = MmapObject.MapOf(self).IsClosed;
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpected(exception);
        }

        return FastPyBool_FromLong(closed ? 1 : 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint NewInt(nint value) => FastPyLong_FromSsize_t(value);
}
