namespace System.Runtime.CompilerServices;

/// <summary>What init accessors and records compile against; netstandard2.0, which the compiler loads, lacks it.</summary>
internal static class IsExternalInit
{
}
