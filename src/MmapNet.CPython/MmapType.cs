using System;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MmapNet.CPython.Abi;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// The <c>mmap.mmap</c> type, built with <c>PyType_FromSpec</c>: the same name, flags, size, slots and methods as the
/// stdlib's type (declared once, in MmapTypeDeclaration.cs), each implemented by delegating to the core
/// <see cref="MemoryMap"/>. This file holds creation and the object's life: construction, deallocation, GC traversal,
/// repr and the <c>closed</c> attribute.
/// </summary>
/// <remarks>
/// The generated entry points guard their implementation: a .NET exception must never cross into native code. An
/// implementation that returns the C result itself makes C-API calls and is kept out of line, because the JIT inlines
/// P/Invoke transitions only outside try regions. The hottest slots (<c>len</c>, <c>tell</c>, <c>read_byte</c>,
/// <c>sq_item</c>, <c>closed</c>) instead return a status and a value, computed without any C-API call, and the entry
/// point makes the Python object after its try region.
/// </remarks>
internal static unsafe partial class MmapType
{
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
        spec->Flags = AbiFlags.TypeBaseType | AbiFlags.TypeHaveGc | AbiFlags.TypeImmutable;
        spec->Slots = BuildSlots(profile);
        s_type = PyType_FromSpec(spec);
        return s_type;
    }

    private static PyTypeSlot* BuildSlots(InterpreterProfile profile)
    {
        (int Slot, nint Function)[] declared = DeclaredSlots();
        (int Slot, nint Function)[] data =
        [
            (TypeSlotIds.GetAttro, (nint)PyObject_GenericGetAttr),
            (TypeSlotIds.Doc, (nint)NativeTables.Utf8(profile.TypeDoc)),
            (TypeSlotIds.Methods, (nint)DeclaredMethods(profile)),
            (TypeSlotIds.Members, (nint)BuildMembers()),
            (TypeSlotIds.GetSet, (nint)DeclaredGetters()),
        ];
        PyTypeSlot* table = NativeTables.Allocate<PyTypeSlot>(declared.Length + data.Length + 1);
        int count = 0;
        foreach ((int slot, nint function) in declared)
        {
            table[count++] = new PyTypeSlot { Slot = slot, Function = (void*)function };
        }

        foreach ((int slot, nint function) in data)
        {
            table[count++] = new PyTypeSlot { Slot = slot, Function = (void*)function };
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
            Type = AbiFlags.MemberSsizeT,
            Offset = MmapObject.WeakRefListOffset,
            Flags = AbiFlags.MemberReadOnly,
        };
        return members;
    }

    /// <summary>
    /// <c>mmap.mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT,
    /// offset=0, *, trackfd=True)</c>: CPython's parser and order of checks, then the audit event.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint New(nint type, nint args, nint kwargs)
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

        MapRequest request = new(fd, length, flags, protection, access, offset, trackFd != 0);
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
            BlockingCallHooks scope = GilReleasedScope.Create();
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
        delegate* unmanaged<nint, nint, nint> allocate = (delegate* unmanaged<nint, nint, nint>)PyType_GetSlot(type, TypeSlotIds.Alloc);
        nint self = allocate(type, 0);
        if (self == 0)
        {
            return 0;
        }

        RunningInterpreter.Attach(self);
        MmapObject* obj = (MmapObject*)self;
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
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static void Dealloc(nint self)
    {
        nint type = TypeOf(self);
        PyObject_GC_UnTrack(self);
        MmapObject* obj = (MmapObject*)self;
        Detach(obj, close: (obj->Flags & MmapObjectFlags.OwnsMap) != 0);
        if (obj->Map != 0)
        {
            GCHandle<MemoryMap>.FromIntPtr(obj->Map).Dispose();
            obj->Map = 0;
        }

        if (obj->WeakRefList != 0)
        {
            PyObject_ClearWeakRefs(self);
        }

        delegate* unmanaged<nint, void> free = (delegate* unmanaged<nint, void>)PyType_GetSlot(type, TypeSlotIds.Free);
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
        BlockingCallHooks scope = GilReleasedScope.Create();
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

    /// <summary>tp_traverse: a heap type's instances hold a reference to their type, and nothing else Python can see.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Traverse(nint self, delegate* unmanaged<nint, void*, int> visit, void* arg) => visit(TypeOf(self), arg);

    /// <summary>
    /// The stdlib's repr (<c>PyUnicode_FromFormat</c> with the type's <c>tp_name</c>, decoded from UTF-8 with the
    /// "replace" handler as <c>%s</c> is), written as UTF-8 into a buffer on the stack: nothing is allocated on the .NET
    /// heap. A heap allocation here cost the first calls of a process a new page of the GC's heap every few dozen
    /// calls (the early calls of <c>repr</c> took nine times their warm time).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled ahead: MmapTypeDeclaration.cs
    private static nint Repr(nint self)
    {
        MemoryMap map = MmapObject.MapOf(self);
        ReadOnlySpan<byte> typeName = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(*(byte**)(TypeOf(self) + ObjectLayout.TypeName));
        const int RoomBesideTheName = 160; // the longest text around it (122 bytes): three 20-digit numbers, the access name
        const int LongestOnTheStack = 1024;
        Span<byte> buffer = typeName.Length <= LongestOnTheStack - RoomBesideTheName
            ? stackalloc byte[typeName.Length + RoomBesideTheName]
            : new byte[(long)typeName.Length + RoomBesideTheName]; // a name of about 2 GiB fails here: a Python exception, no crash
        Utf8Text text = new(buffer);
        text.Append("<"u8);
        text.Append(typeName);
        if (map.IsClosed)
        {
            text.Append(" closed=True>"u8);
        }
        else
        {
            text.Append(" closed=False, access="u8);
            text.Append(AccessName(map.Access));
            text.Append(", length="u8);
            text.Append(map.MappedLength);
            text.Append(", pos="u8);
            text.Append(map.CurrentPosition);
            text.Append(", offset="u8);
            text.Append(map.Offset);
            text.Append(">"u8);
        }

        fixed (byte* data = buffer, replace = "replace\0"u8)
        {
            return PyUnicode_DecodeUTF8(data, text.Length, replace);
        }
    }

    private static ReadOnlySpan<byte> AccessName(MapAccess access) => access switch
    {
        MapAccess.Read => "ACCESS_READ"u8,
        MapAccess.Write => "ACCESS_WRITE"u8,
        MapAccess.Copy => "ACCESS_COPY"u8,
        _ => "ACCESS_DEFAULT"u8,
    };

    /// <summary>UTF-8 text written into a buffer the caller sized for it.</summary>
    private ref struct Utf8Text(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public void Append(scoped ReadOnlySpan<byte> text)
        {
            text.CopyTo(_buffer[Length..]);
            Length += text.Length;
        }

        /// <summary>A number in decimal, as <c>%zd</c> and <c>%lld</c> write it (the caller sized the buffer for it).</summary>
        public void Append(long value)
        {
            Utf8Formatter.TryFormat(value, _buffer[Length..], out int written);
            Length += written;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus GetClosed(nint self, out bool closed)
    {
        closed = MmapObject.MapOf(self).IsClosed;
        return MmapStatus.Ok;
    }
}
