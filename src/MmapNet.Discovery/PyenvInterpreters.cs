using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MmapNet.Discovery;

/// <summary>
/// The interpreter of every installed pyenv version that has one (<c>versions/*/bin/python3</c>), in ordinal order of the
/// versions: the first source of <see cref="InterpreterLocator"/>'s automatic search.
/// </summary>
public sealed class PyenvInterpreters : IPythonSource
{
    private readonly Pyenv _pyenv;

    /// <summary>Creates the source of <paramref name="pyenv"/>'s interpreters.</summary>
    /// <param name="pyenv">The pyenv searched.</param>
    public PyenvInterpreters(Pyenv pyenv)
    {
        ArgumentNullException.ThrowIfNull(pyenv);
        _pyenv = pyenv;
    }

    /// <inheritdoc/>
    public IEnumerable<PythonCandidate> Candidates() =>
        _pyenv.Versions()
            .Select(name => Path.Combine(_pyenv.VersionFolder(name), "bin", "python3"))
            .Where(File.Exists)
            .Select(executable => PythonCandidate.At("pyenv", executable));
}
