using System.Collections.Generic;
using System.IO;

namespace MmapNet.Discovery;

/// <summary>The system's interpreter, <see cref="ExecutablePath"/>, when it exists: the last source of <see cref="InterpreterLocator"/>'s automatic search.</summary>
public sealed class SystemInterpreter : IPythonSource
{
    /// <summary>Where the system's interpreter is on Debian, Fedora and most other Linux systems.</summary>
    public const string ExecutablePath = "/usr/bin/python3";

    /// <inheritdoc/>
    public IEnumerable<PythonCandidate> Candidates() =>
        File.Exists(ExecutablePath) ? [PythonCandidate.At("system", ExecutablePath)] : [];
}
