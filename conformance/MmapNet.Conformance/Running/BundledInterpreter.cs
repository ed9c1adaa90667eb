using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>
/// The CPython that <c>mmapnet-host</c> carries (the MmapNet.Python.Runtime package), as an interpreter of the host flavour.
/// It has no python executable of its own, so both sides of a case run under the host on it: the implementation side
/// with <c>mmap</c> served by the host, the reference side with the standard library's <c>mmap</c>, which the bootstrap
/// puts back (<see cref="BootstrapLauncher.Command"/>). Its <see cref="PythonInterpreter.ExecutablePath"/> is the host.
/// </summary>
public static class BundledInterpreter
{
    /// <summary>The <c>--python</c> value that selects it.</summary>
    public const string Name = "bundled";

    /// <summary>The label's suffix, after the version: <c>3.11.2-bundled</c>.</summary>
    public const string LabelSuffix = "-bundled";

    private const string Probe = """
        import json, sys
        print(json.dumps({"version": "%d.%d.%d" % sys.version_info[:3], "prefix": sys.prefix}))
        """;

    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether <paramref name="interpreter"/> runs only under <paramref name="hostExecutable"/> (it is the bundled one).</summary>
    /// <param name="interpreter">An interpreter.</param>
    /// <param name="hostExecutable">The host of the run.</param>
    /// <returns>Whether its executable is the host.</returns>
    public static bool RunsOnlyUnder(PythonInterpreter interpreter, string hostExecutable)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        return interpreter.ExecutablePath == hostExecutable;
    }

    /// <summary>Asks <paramref name="hostExecutable"/> to start its bundled Python and describe it.</summary>
    /// <param name="hostExecutable">The <c>mmapnet-host</c> to run.</param>
    /// <returns>The interpreter: version, label <c>X.Y.Z-bundled</c>, the libpython in its home.</returns>
    /// <exception cref="InterpreterDiscoveryException">The host is missing, has no bundled Python, or it does not start.</exception>
    public static PythonInterpreter Describe(string hostExecutable)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostExecutable);
        if (!File.Exists(hostExecutable))
        {
            throw new InterpreterDiscoveryException($"--python {Name}: there is no {hostExecutable} (build src/MmapNet.Host.Tool -c Release).");
        }

        Dictionary<string, string> environment = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .ToDictionary(name => name, name => System.Environment.GetEnvironmentVariable(name) ?? string.Empty, StringComparer.Ordinal);
        ProcessRequest request = new(
            hostExecutable, ["--python", Name, "-c", Probe], Path.GetTempPath(), environment, s_probeTimeout, 64 * 1024);
        ProcessResult result = ProcessRunner.RunAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        string stdout = Encoding.UTF8.GetString(result.Stdout.Bytes).Trim();
        string problem = result.StartError ?? (result.TimedOut ? "timed out" : result.ExitCode != 0 ? $"exit code {result.ExitCode}" : string.Empty);
        if (problem.Length > 0 || stdout.Length == 0)
        {
            throw new InterpreterDiscoveryException(
                $"--python {Name}: {hostExecutable} could not start its bundled Python ({problem}): {Encoding.UTF8.GetString(result.Stderr.Bytes).Trim()}");
        }

        using JsonDocument facts = JsonDocument.Parse(stdout.Split('\n')[^1]);
        Version version = Version.Parse(facts.RootElement.GetProperty("version").GetString()!);
        string prefix = facts.RootElement.GetProperty("prefix").GetString()!;
        string library = Path.Combine(prefix, "lib", $"libpython{version.Major}.{version.Minor}.so.1.0");
        if (!File.Exists(library))
        {
            throw new InterpreterDiscoveryException($"--python {Name}: the bundled Python in {prefix} has no {library}.");
        }

        return new PythonInterpreter(hostExecutable, library, version, version.ToString(3) + LabelSuffix, library, HasStdlibMmapTests: false);
    }
}
