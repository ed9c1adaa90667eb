using System.Runtime.Versioning;
using NUnit.Framework;

// The tests run CPython interpreters, which run here on Linux.
[assembly: SupportedOSPlatform("linux")]

// Each test starts Python processes; two at a time is what the shared two-core machine affords. Tests that time
// another thread's progress or count forks run alone (NonParallelizable).
[assembly: Parallelizable(ParallelScope.Children)]
[assembly: LevelOfParallelism(2)]
