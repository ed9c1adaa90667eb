using System.Runtime.Versioning;
using NUnit.Framework;

// The tests run Linux programs: qemu-aarch64, the cross toolchain, Debian's arm64 CPython.
[assembly: SupportedOSPlatform("linux")]

// Each emulated run is one qemu process using a core; two at a time on this two-core machine.
[assembly: LevelOfParallelism(2)]
