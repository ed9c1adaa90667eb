using System.Runtime.Versioning;

// The tests make POSIX shell scripts and symbolic links: they run where the interpreters they look for live.
[assembly: SupportedOSPlatform("linux")]
[assembly: SupportedOSPlatform("macos")]
