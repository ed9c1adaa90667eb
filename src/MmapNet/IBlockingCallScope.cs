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
