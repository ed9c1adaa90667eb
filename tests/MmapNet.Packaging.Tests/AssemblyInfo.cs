using System.Runtime.Versioning;

// The tests build and install a Linux wheel and run CPython interpreters.
[assembly: SupportedOSPlatform("linux")]
