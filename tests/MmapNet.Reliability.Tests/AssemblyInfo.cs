using System.Runtime.Versioning;
using NUnit.Framework;

// The tests run CPython interpreters and read /proc, which they do here on Linux.
[assembly: SupportedOSPlatform("linux")]

// Each test keeps a core busy (a fuzz worker, a stress child); two at a time is what the shared two-core machine affords.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
