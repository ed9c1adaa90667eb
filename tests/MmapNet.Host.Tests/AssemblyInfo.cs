using System.Runtime.Versioning;
using NUnit.Framework;

// The tests embed CPython and signal child processes: POSIX only, where the interpreters they look for live.
[assembly: SupportedOSPlatform("linux")]

// Each test starts one or two processes that embed CPython; the machine is shared, so a few at a time.
[assembly: Parallelizable(ParallelScope.Children)]
[assembly: LevelOfParallelism(2)]

// Fixtures keep per-test state (scratch folders): one instance per test, so parallel tests do not share it.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
