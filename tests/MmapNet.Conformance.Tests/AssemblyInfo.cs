using System.Runtime.Versioning;

// The tests run CPython interpreters and POSIX signals: they run where those are.
[assembly: SupportedOSPlatform("linux")]
[assembly: SupportedOSPlatform("macos")]
