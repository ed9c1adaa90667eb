using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Running;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Tests;

/// <summary>Runs a line of Python directly (not through the bootstrap), for tests that ask Python something.</summary>
internal static class PythonSnippet
{
    public static async Task<string> RunAsync(PythonInterpreter interpreter, string code, string pythonPath)
    {
        Dictionary<string, string> environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => !name.StartsWith("PYTHON", StringComparison.Ordinal))
            .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name) ?? string.Empty, StringComparer.Ordinal);
        environment["PYTHONPATH"] = pythonPath;
        ProcessResult result = await ProcessRunner.RunAsync(
            new ProcessRequest(
                interpreter.ExecutablePath,
                new[] { "-c", code },
                Environment.CurrentDirectory,
                environment,
                TimeSpan.FromSeconds(60),
                1024 * 1024),
            CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"python -c failed with exit code {result.ExitCode}: {Encoding.UTF8.GetString(result.Stderr.Bytes)}");
        }

        return Encoding.UTF8.GetString(result.Stdout.Bytes);
    }
}
