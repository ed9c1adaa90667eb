using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace MmapNet.Packaging.Tests;

/// <summary>What a command did: how it ended and what it printed.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The command, how it ended and the end of its output: the message of a failed assertion.</summary>
    public string Describe() =>
        $"{CommandLine}\n{(TimedOut ? "timed out (process tree killed)" : $"exit code {ExitCode}")}\n" +
        $"--- stdout ---\n{Tail(Stdout)}\n--- stderr ---\n{Tail(Stderr)}";

    private static string Tail(string text) => text.Length <= 6000 ? text : "[...]\n" + text[^6000..];
}

/// <summary>
/// Runs the real commands the tests drive (python, pip, dotnet, npm, pyright), each in a controlled environment: the
/// test process's own, less anything that would change how Python or mmapnet behave (PYTHON*, MMAPNET_*, VIRTUAL_ENV),
/// less build servers that would outlive the command holding its output open, plus what the test sets.
/// </summary>
internal static class Command
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static CommandResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        ProcessStartInfo start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Scratch.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach ((string? name, string? value) in BaseEnvironment())
        {
            start.Environment[name] = value;
        }

        foreach ((string? name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = string.Join(' ', new[] { fileName }.Concat(start.ArgumentList).Select(Quote));
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        TimeSpan limit = timeout ?? DefaultTimeout;
        bool exited = process.WaitForExit(limit);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // A grandchild that kept the pipes open must not hold the test up past its own time limit.
        Task.WaitAll(new Task[] { stdout, stderr }, TimeSpan.FromSeconds(30));
        return new CommandResult(
            commandLine,
            exited ? process.ExitCode : -1,
            stdout.IsCompletedSuccessfully ? stdout.Result : "",
            stderr.IsCompletedSuccessfully ? stderr.Result : "",
            !exited);
    }

    /// <summary>Runs a command and returns its result; a command that fails is a failed test, with its output as the message.</summary>
    public static CommandResult RunChecked(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        CommandResult result = Run(fileName, arguments, workingDirectory, environment, timeout);
        if (!result.Succeeded)
        {
            NUnit.Framework.Assert.Fail(result.Describe());
        }

        return result;
    }

    /// <summary>A dotnet command, with no build server or node left behind and no telemetry.</summary>
    public static CommandResult Dotnet(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        Dictionary<string, string?> merged = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["UseSharedCompilation"] = "false",
        };
        foreach ((string? name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            merged[name] = value;
        }

        return RunChecked("dotnet", arguments, workingDirectory ?? Repository.Root, merged, timeout ?? TimeSpan.FromMinutes(15));
    }

    private static IEnumerable<(string Name, string Value)> BaseEnvironment()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("PYTHON", StringComparison.Ordinal) || name.StartsWith("MMAPNET_", StringComparison.Ordinal) ||
                name is "VIRTUAL_ENV" or "PIP_REQUIRE_VIRTUALENV")
            {
                continue;
            }

            yield return (name, (string?)entry.Value ?? "");
        }

        // Quiet pip, with no network: everything the tests install is a local file.
        yield return ("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        yield return ("PIP_NO_INPUT", "1");
        yield return ("PIP_ROOT_USER_ACTION", "ignore");
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>The test run's scratch folder (venvs, wheels, packages), removed when the run ends.</summary>
internal static class Scratch
{
    private static readonly Lazy<string> LazyRoot = new(() => Directory.CreateTempSubdirectory("mmapnet-packaging-tests-").FullName);

    public static string Root => LazyRoot.Value;

    public static bool Created => LazyRoot.IsValueCreated;

    private static int counter;

    /// <summary>A new, empty folder under the scratch folder, named after what it holds.</summary>
    public static string NewFolder(string name)
    {
        var path = Path.Combine(Root, $"{name}-{System.Threading.Interlocked.Increment(ref counter)}");
        Directory.CreateDirectory(path);
        return path;
    }
}
