using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// Importing mmapnet and using a map searches the file system for no library it does not find. The runtimes' loaders
/// try variations of a P/Invoke's library name in every folder glibc searches; "libc" and "mmapnet_faults" cost about
/// 100 failed file lookups (NativeAOT) or 40 (CoreCLR) in every process's import or first map before they named the
/// files exactly (libc.so.6, libmmapnet_faults.so) and the NativeAOT module bound them when linked.
/// </summary>
[TestFixture]
public sealed class LibraryLookupTests
{
    // CoreCLR's tracing (libcoreclr's tracepoints and libcoreclrtraceptprovider.so) asks for LTTng's libraries
    // (liblttng-ust.so.0, liblttng-ust-tracepoint.so.0), which a machine without LTTng lacks: the runtime's own, at its
    // start, whatever it then loads.
    private static readonly string[] s_runtimesOwnOptional = ["liblttng-ust"];

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.StockRouteCases))]
    public async Task ImportAndAMapsLife_SearchForNoLibraryThatIsNotFound(string label, MmapnetRoute route)
    {
        ChildStart start = new() { Environment = new Dictionary<string, string?> { ["LD_DEBUG"] = "libs" } };
        ChildResult result = await GuestScript.RunMmapnetAsync(label, route, "library_lookups.py", [], start);
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        Assert.That(result.Stdout, Is.EqualTo("done\n"), result.Describe());

        List<string> searches = Searches(result.Stderr).ToList();
        Assert.That(searches, Is.Not.Empty, "LD_DEBUG=libs logged no search: the check would see nothing\n" + result.Stderr);
        string[] notFound = searches.Where(s => !s.EndsWith(" found", System.StringComparison.Ordinal))
            .Where(s => !s_runtimesOwnOptional.Any(s.StartsWith)).ToArray();
        Assert.That(notFound, Is.Empty, "searched for and not found:\n" + string.Join("\n", notFound));
    }

    // Each "find library=NAME [0]; searching" of the log, with " found" when one of the files it then tried exists.
    private static IEnumerable<string> Searches(string log)
    {
        string? name = null;
        bool found = false;
        foreach (string line in log.Split('\n').Select(l => l.Trim()))
        {
            int text = line.IndexOf(':', System.StringComparison.Ordinal);
            string entry = text < 0 ? line : line[(text + 1)..].Trim();
            if (entry.StartsWith("find library=", System.StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    yield return name + (found ? " found" : string.Empty);
                }

                name = entry["find library=".Length..].Split(' ')[0];
                found = false;
            }
            else if (name is not null && entry.StartsWith("trying file=", System.StringComparison.Ordinal))
            {
                found |= File.Exists(entry["trying file=".Length..]);
            }
            else if (name is not null && !entry.StartsWith("search ", System.StringComparison.Ordinal) && entry.Length > 0)
            {
                yield return name + (found ? " found" : string.Empty);
                name = null;
            }
        }

        if (name is not null)
        {
            yield return name + (found ? " found" : string.Empty);
        }
    }
}
