using System.Runtime.Versioning;
using NUnit.Framework;

// The tests run CPython interpreters, which run here on Linux.
[assembly: SupportedOSPlatform("linux")]

// Each test starts Python processes; two at a time is what the shared two-core machine affords.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
