using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>Chooses interpreters from <c>--python</c> specifications.</summary>
public static class InterpreterSelection
{
    /// <summary>
    /// Resolves each specification to interpreters: a path (anything containing a directory separator) is queried directly
    /// and must be a supported CPython; otherwise it is an exact label (<c>3.11.7-pyenv</c>) or a version prefix
    /// (<c>3.12</c>, <c>3.11.7</c>) matched against the interpreters <paramref name="search"/> finds. With no specification,
    /// every interpreter found. The result is in the order given, without duplicates.
    /// </summary>
    /// <param name="specifications">The <c>--python</c> values.</param>
    /// <param name="locator">Queries paths.</param>
    /// <param name="search">Finds the interpreters (only called when needed).</param>
    /// <returns>The interpreters.</returns>
    /// <exception cref="ArgumentException">A specification matches nothing, or names an unsupported interpreter.</exception>
    /// <exception cref="InterpreterDiscoveryException">A path cannot be queried, or the search fails.</exception>
    public static IReadOnlyList<PythonInterpreter> Select(
        IReadOnlyList<string> specifications, InterpreterLocator locator, Func<IReadOnlyList<PythonInterpreter>> search)
    {
        ArgumentNullException.ThrowIfNull(specifications);
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(search);
        if (specifications.Count == 0)
        {
            return search();
        }

        IReadOnlyList<PythonInterpreter>? found = null;
        List<PythonInterpreter> chosen = new();
        foreach (string specification in specifications)
        {
            if (specification.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                PythonInterpreter inspected = locator.Inspect(specification);
                if (!InterpreterLocator.IsSupported(inspected.Version))
                {
                    throw new ArgumentException(
                        $"--python {specification} is Python {inspected.Version}; supported versions are " +
                        $"{InterpreterLocator.OldestSupported} to {InterpreterLocator.NewestSupported}.");
                }

                chosen.Add(inspected);
                continue;
            }

            found ??= search();
            List<PythonInterpreter> matches = found.Where(i => i.Label == specification || Matches(i.Version, specification)).ToList();
            if (matches.Count == 0)
            {
                throw new ArgumentException(
                    $"--python {specification} matches none of the interpreters found: " +
                    string.Join(", ", found.Select(i => i.Label)) + ".");
            }

            chosen.AddRange(matches);
        }

        // One interpreter once, even if named twice; labels made unique if two paths gave the same one.
        List<PythonInterpreter> distinct = chosen.GroupBy(i => i.RealPath, StringComparer.Ordinal).Select(g => g.First()).ToList();
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        return distinct.Select(i =>
        {
            int count = seen[i.Label] = seen.GetValueOrDefault(i.Label) + 1;
            return count == 1 ? i : i with { Label = $"{i.Label}-{count}" };
        }).ToList();
    }

    private static bool Matches(Version version, string prefix)
    {
        string full = version.ToString(3);
        return full == prefix || full.StartsWith(prefix + ".", StringComparison.Ordinal);
    }
}
