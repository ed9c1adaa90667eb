using System.Collections.Generic;

namespace MmapNet.Discovery;

/// <summary>What one search for interpreters found.</summary>
/// <param name="Interpreters">The usable interpreters, ordered by version, then label.</param>
/// <param name="Skipped">
/// Candidates that the automatic search found but left out (an unsupported version, or one that could not be queried), with the reason.
/// </param>
/// <param name="FromOverride">Whether the list came from <see cref="InterpreterLocator.OverrideVariable"/> rather than the automatic search.</param>
public sealed record InterpreterSearchResult(
    IReadOnlyList<PythonInterpreter> Interpreters,
    IReadOnlyList<SkippedInterpreter> Skipped,
    bool FromOverride);

/// <summary>A candidate interpreter the automatic search left out.</summary>
/// <param name="ExecutablePath">Where the candidate was found.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record SkippedInterpreter(string ExecutablePath, string Reason);
