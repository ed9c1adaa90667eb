using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MmapNet.Discovery;

/// <summary>
/// The shared libpythons of pyenv's versions, what a pythonnet host loads, as two sources a host puts apart in its order:
/// <see cref="NamedByVersionVariable"/>, the versions <see cref="Pyenv.VersionVariable"/> names (as explicit as naming a
/// library), and <see cref="EveryOtherVersion"/>, pyenv's other choices (<c>.python-version</c>, its global version) then
/// every version, newest first, which are only the machine's defaults. Each version is a candidate once, in the first of them.
/// </summary>
public sealed class PyenvLibraries : IPythonSource
{
    private readonly Pyenv _pyenv;
    private readonly string _currentDirectory;
    private readonly bool _onlyVersionVariable;

    private PyenvLibraries(Pyenv pyenv, string currentDirectory, bool onlyVersionVariable)
    {
        ArgumentNullException.ThrowIfNull(pyenv);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        _pyenv = pyenv;
        _currentDirectory = currentDirectory;
        _onlyVersionVariable = onlyVersionVariable;
    }

    /// <summary>The libraries of the versions <see cref="Pyenv.VersionVariable"/> names, in its order; none when it is not set.</summary>
    /// <param name="pyenv">The pyenv searched.</param>
    /// <param name="currentDirectory">Where pyenv's search for a <c>.python-version</c> file would start.</param>
    /// <returns>The source.</returns>
    public static PyenvLibraries NamedByVersionVariable(Pyenv pyenv, string currentDirectory) => new(pyenv, currentDirectory, onlyVersionVariable: true);

    /// <summary>
    /// The libraries of the versions pyenv selects (<see cref="Pyenv.Selection"/>), then of every version, newest first,
    /// leaving out those <see cref="NamedByVersionVariable"/> gives.
    /// </summary>
    /// <param name="pyenv">The pyenv searched.</param>
    /// <param name="currentDirectory">Where the search for a <c>.python-version</c> file starts.</param>
    /// <returns>The source.</returns>
    public static PyenvLibraries EveryOtherVersion(Pyenv pyenv, string currentDirectory) => new(pyenv, currentDirectory, onlyVersionVariable: false);

    /// <inheritdoc/>
    public IEnumerable<PythonCandidate> Candidates()
    {
        bool variableNamesVersions = _pyenv.HasVersionVariable;
        if (_onlyVersionVariable && !variableNamesVersions)
        {
            yield break;
        }

        string versionsFolder = _pyenv.VersionsFolder;
        if (!Directory.Exists(versionsFolder))
        {
            // Said once, by the source that comes last.
            if (!_onlyVersionVariable)
            {
                yield return PythonCandidate.None("pyenv", $"no {versionsFolder}");
            }

            yield break;
        }

        // With the variable set, pyenv's selection is what it names: those versions are NamedByVersionVariable's.
        IEnumerable<(string Name, string Source)> selection = _pyenv.Selection(_currentDirectory);
        HashSet<string> seen = _onlyVersionVariable || !variableNamesVersions
            ? new(StringComparer.Ordinal)
            : new(selection.Select(selected => selected.Name), StringComparer.Ordinal);
        IEnumerable<(string Name, string Source)> names = _onlyVersionVariable
            ? selection
            : selection.Concat(_pyenv.VersionsNewestFirst().Select(name => (name, versionsFolder)));
        foreach ((string name, string source) in names)
        {
            if (!seen.Add(name))
            {
                continue;
            }

            string place = $"pyenv {name} ({source})";
            if (name == Pyenv.SystemVersionName)
            {
                // The system's libraries are a source of their own (SystemLibraries), after pyenv's.
                yield return PythonCandidate.None(place, "the system Python, searched below");
                continue;
            }

            string folder = _pyenv.VersionFolder(name);
            string? library = _pyenv.SharedLibrary(name);
            if (library is null)
            {
                yield return PythonCandidate.None(place, Directory.Exists(folder)
                    ? $"no shared libpython in {Path.Combine(folder, "lib")} (built without --enable-shared)"
                    : $"no folder {folder}");
                continue;
            }

            yield return PythonCandidate.At(place, library);
        }
    }
}
