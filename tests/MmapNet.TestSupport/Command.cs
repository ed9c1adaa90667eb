using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace MmapNet.TestSupport;

/// <summary>What a command did: how it ended and what it printed.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The command, how it ended and the end of its output: the message of a failed assertion.</summary>
    public string Describe() =>
        $"{CommandLine}\n{(TimedOut ? "timed out (process tree killed)" : $"exit code {ExitCode}")}\n" +
        $"--- stdout ---\n{Tail(Stdout)}\n--- stderr ---\n{Tail(Stderr)}";

    private static string Tail(string text) => text.Length <= 6000 ? text : "[...]\n" + text[^6000..];
}

/// <summary>
/// Runs a command to its end (python, pip, dotnet, npm...) with no input and a time limit, in the environment that the
/// caller gives: the packaging and ARM64 tests each decide which of the test process's variables a command inherits.
/// </summary>
public static class Command
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The test process's environment less every variable whose name <paramref name="exclude"/> accepts, plus quiet pip
    /// with no network (everything the tests install is a local file): what a command starts from.
    /// </summary>
    public static Dictionary<string, string?> InheritedEnvironment(Func<string, bool> exclude)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        Dictionary<string, string?> environment = new(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            string name = (string)entry.Key;
            if (!exclude(name))
            {
                environment[name] = (string?)entry.Value ?? string.Empty;
            }
        }

        environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        environment["PIP_NO_INPUT"] = "1";
        environment["PIP_ROOT_USER_ACTION"] = "ignore";
        return environment;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> with exactly <paramref name="baseEnvironment"/>, then <paramref name="environment"/>
    /// on top (a <see langword="null"/> value removes the variable); a command still running after
    /// <paramref name="timeout"/> is killed with its whole process tree.
    /// </summary>
    public static CommandResult Run(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> baseEnvironment,
        IReadOnlyDictionary<string, string?>? environment,
        string workingDirectory,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(baseEnvironment);
        ProcessStartInfo start = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (IReadOnlyDictionary<string, string?> layer in new[] { baseEnvironment, environment ?? new Dictionary<string, string?>() })
        {
            foreach ((string name, string? value) in layer)
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
        }

        string commandLine = string.Join(' ', new[] { fileName }.Concat(start.ArgumentList).Select(Quote));
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(timeout);
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
            stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty,
            stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty,
            !exited);
    }

    /// <summary>As <see cref="Run"/>; a command that fails is a failed test, with its output as the message.</summary>
    public static CommandResult RunChecked(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> baseEnvironment,
        IReadOnlyDictionary<string, string?>? environment,
        string workingDirectory,
        TimeSpan timeout)
    {
        CommandResult result = Run(fileName, arguments, baseEnvironment, environment, workingDirectory, timeout);
        if (!result.Succeeded)
        {
            Assert.Fail(result.Describe());
        }

        return result;
    }

    /// <summary>
    /// The variables that keep a dotnet command from leaving a build server or node behind (which would hold its output
    /// open past its end), with no telemetry or logo.
    /// </summary>
    public static Dictionary<string, string?> DotnetEnvironment(IReadOnlyDictionary<string, string?>? environment)
    {
        Dictionary<string, string?> merged = new(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["UseSharedCompilation"] = "false",
        };
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            merged[name] = value;
        }

        return merged;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
