namespace MmapNet;

/// <summary>
/// What the calling runtime does around the system calls that can take long: mapping with MAP_POPULATE, unmapping a
/// large populated map, closing a descriptor. CPython releases the GIL there, so that its other threads run meanwhile;
/// the CPython face passes a scope that does the same. Nothing in the scope may touch the runtime's objects.
/// </summary>
/// <remarks>A struct constraint on the callers' type parameter keeps the plain .NET path free of any call.</remarks>
internal interface IBlockingCallScope
{
    void Enter();

    void Exit();
}

/// <summary>No runtime to let run: the .NET API's own calls.</summary>
internal struct NoBlockingCallScope : IBlockingCallScope
{
    public readonly void Enter()
    {
    }

    public readonly void Exit()
    {
    }
}

/// <summary>
/// A scope whose two ends are functions of the calling runtime's face, handed in as function pointers: what the CPython
/// face passes (it releases and takes back the GIL).
/// </summary>
/// <remarks>
/// A type of this assembly, unlike the face's own, so that the generic code instantiated over it (the scoped
/// <c>Open</c>, <c>CloseCore</c> and <c>ReleaseLongLease</c> of <see cref="MemoryMap"/>, through their overloads for
/// it) is in this assembly's ReadyToRun image. Instantiated over a type of the face's assembly, that code is in neither
/// image (each holds only generic code whose method and type arguments are in its own version bubble), and with tiered
/// compilation off the JIT compiled it at the first constructor and the first close of a process: about 2 ms each here.
/// Those are system calls, on which a call through a pointer costs nothing measurable.
/// </remarks>
internal unsafe struct BlockingCallHooks : IBlockingCallScope
{
    private readonly delegate*<nint> _enter;
    private readonly delegate*<nint, void> _exit;
    private nint _state;

    /// <param name="enter">Called on entering; returns what <paramref name="exit"/> is given back.</param>
    /// <param name="exit">Called on leaving, with what <paramref name="enter"/> returned.</param>
    public BlockingCallHooks(delegate*<nint> enter, delegate*<nint, void> exit)
    {
        _enter = enter;
        _exit = exit;
    }

    public void Enter() => _state = _enter();

    public readonly void Exit() => _exit(_state);
}
