namespace MmapNet.Tests;

// The enums carry the values of CPython's mmap module constants (printed by CPython 3.13.0 here,
// Linux x86-64), so a value passed through the CPython face means the same thing on both sides.
public class ConstantsTests
{
    [TestCase(MapAccess.Default, 0)] // ACCESS_DEFAULT
    [TestCase(MapAccess.Read, 1)] // ACCESS_READ
    [TestCase(MapAccess.Write, 2)] // ACCESS_WRITE
    [TestCase(MapAccess.Copy, 3)] // ACCESS_COPY
    public void MapAccess_HasCPythonsValue(MapAccess access, int cpython) => Assert.That((int)access, Is.EqualTo(cpython));

    [TestCase(MapFlags.Shared, 1)] // MAP_SHARED
    [TestCase(MapFlags.Private, 2)] // MAP_PRIVATE
    [TestCase(MapFlags.Anonymous, 32)] // MAP_ANONYMOUS and MAP_ANON
    [TestCase(MapFlags.Map32Bit, 64)] // MAP_32BIT
    [TestCase(MapFlags.DenyWrite, 2048)] // MAP_DENYWRITE
    [TestCase(MapFlags.Executable, 4096)] // MAP_EXECUTABLE
    [TestCase(MapFlags.NoReserve, 16384)] // MAP_NORESERVE
    [TestCase(MapFlags.Populate, 32768)] // MAP_POPULATE
    [TestCase(MapFlags.Stack, 131072)] // MAP_STACK
    public void MapFlags_HasCPythonsValue(MapFlags flags, int cpython) => Assert.That((int)flags, Is.EqualTo(cpython));

    [TestCase(MapProtection.Read, 1)] // PROT_READ
    [TestCase(MapProtection.Write, 2)] // PROT_WRITE
    [TestCase(MapProtection.Execute, 4)] // PROT_EXEC
    [TestCase(MapProtection.ReadWrite, 3)] // PROT_READ | PROT_WRITE, mmap()'s default prot
    public void MapProtection_HasCPythonsValue(MapProtection protection, int cpython) => Assert.That((int)protection, Is.EqualTo(cpython));

    [TestCase(MemoryAdvice.Normal, 0)]
    [TestCase(MemoryAdvice.Random, 1)]
    [TestCase(MemoryAdvice.Sequential, 2)]
    [TestCase(MemoryAdvice.WillNeed, 3)]
    [TestCase(MemoryAdvice.DontNeed, 4)]
    [TestCase(MemoryAdvice.Free, 8)]
    [TestCase(MemoryAdvice.Remove, 9)]
    [TestCase(MemoryAdvice.DontFork, 10)]
    [TestCase(MemoryAdvice.DoFork, 11)]
    [TestCase(MemoryAdvice.Mergeable, 12)]
    [TestCase(MemoryAdvice.Unmergeable, 13)]
    [TestCase(MemoryAdvice.HugePage, 14)]
    [TestCase(MemoryAdvice.NoHugePage, 15)]
    [TestCase(MemoryAdvice.DontDump, 16)]
    [TestCase(MemoryAdvice.DoDump, 17)]
    [TestCase(MemoryAdvice.HardwarePoison, 100)]
    public void MemoryAdvice_HasCPythonsMadvValue(MemoryAdvice advice, int cpython) => Assert.That((int)advice, Is.EqualTo(cpython));
}
