using System.Runtime.Versioning;

// The tests run CPython interpreters, which mmapnet supports on Linux.
[assembly: SupportedOSPlatform("linux")]
