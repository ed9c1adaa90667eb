using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// Importing mmapnet and using a map makes the dynamic linker search its folders for no library it does not find. The
/// runtimes' loaders try variations of a P/Invoke's library name (NAME.so, libNAME.so, NAME) through every folder glibc
/// searches; "libc" and "mmapnet_faults" cost about 90 failed file lookups (NativeAOT) or 15 (CoreCLR) in every
/// process's import before they named the files exactly (libc.so.6, libmmapnet_faults.so) and the NativeAOT module
/// bound them when linked. What LD_DEBUG=libs shows is searches by name; CoreCLR's tries of a full path (the
/// framework's folder, the assemblies') are not in it, and three of them remain (docs/performance.md).
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

    // A file the dynamic linker can load here: a 64-bit ELF object for this machine. Not a linker script (libc.so, with
    // glibc's development files) or another architecture's library, which it tries and rejects.
    private static bool IsLoadable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        byte[] header = new byte[20];
        using (FileStream file = File.OpenRead(path))
        {
            if (file.Read(header, 0, header.Length) < header.Length)
            {
                return false;
            }
        }

        ushort machine = System.BitConverter.ToUInt16(header, 18);
        ushort expected = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? (ushort)183 : (ushort)62;
        return header[0] == 0x7f && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F' && header[4] == 2 && machine == expected;
    }

    // Each "find library=NAME [0]; searching" of the log, with " found" when one of the files it then tried can be loaded.
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
                found |= IsLoadable(entry["trying file=".Length..]);
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
