using System.Runtime.Versioning;
using NUnit.Framework;

// The tests run CPython interpreters and POSIX signals: they run where those are.
[assembly: SupportedOSPlatform("linux")]
[assembly: SupportedOSPlatform("macos")]

// Each test mostly waits for interpreter processes to start and exit: run more of them than there are cores.
[assembly: LevelOfParallelism(3)]
