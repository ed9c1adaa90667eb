using System.Collections.Generic;

namespace MmapNet.Discovery;

/// <summary>
/// One place a Python is looked for (pyenv's versions, the system's interpreter or its libpythons, a program's bundled
/// Python): the discovery layer's strategy. A locator lists its sources in its order of preference and takes their
/// candidates in turn, so the order is written once, in that list, and what is known of each place in its own class.
/// </summary>
public interface IPythonSource
{
    /// <summary>
    /// What this place holds, in its own order of preference: interpreter executables or shared libpythons, as the source
    /// says; for a place with nothing to try, a candidate without a path that says why (for a locator's list of places tried).
    /// </summary>
    /// <returns>The candidates, found as they are enumerated.</returns>
    IEnumerable<PythonCandidate> Candidates();
}
