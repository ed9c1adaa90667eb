using System.Runtime.Versioning;
using NUnit.Framework;

// The tests build and install a Linux wheel and run CPython interpreters.
[assembly: SupportedOSPlatform("linux")]

// Only the NativeAOT conformance flavour runs in parallel; each of its tests mostly waits on interpreter processes,
// so more of them than there are cores (as in tests/MmapNet.Conformance.Tests).
[assembly: LevelOfParallelism(3)]
