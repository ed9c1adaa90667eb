using System;
using System.Collections.Generic;
using MmapNet.TestSupport;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// Runs the real commands the tests drive (python, pip, dotnet, npm, pyright), each in a controlled environment: the
/// test process's own, less anything that would change how Python or mmapnet behave (PYTHON*, MMAPNET_*, VIRTUAL_ENV),
/// less build servers that would outlive the command holding its output open, plus what the test sets.
/// </summary>
internal static class Command
{
    private static readonly IReadOnlyDictionary<string, string?> s_baseEnvironment = TestSupport.Command.InheritedEnvironment(
        name => name.StartsWith("PYTHON", StringComparison.Ordinal) || name.StartsWith("MMAPNET_", StringComparison.Ordinal) ||
                name is "VIRTUAL_ENV" or "PIP_REQUIRE_VIRTUALENV");

    public static CommandResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null) =>
        TestSupport.Command.Run(fileName, arguments, s_baseEnvironment, environment, workingDirectory ?? RunScratch.Root, timeout ?? TestSupport.Command.DefaultTimeout);

    /// <summary>Runs a command and returns its result; a command that fails is a failed test, with its output as the message.</summary>
    public static CommandResult RunChecked(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null) =>
        TestSupport.Command.RunChecked(fileName, arguments, s_baseEnvironment, environment, workingDirectory ?? RunScratch.Root, timeout ?? TestSupport.Command.DefaultTimeout);

    /// <summary>A dotnet command, with no build server or node left behind and no telemetry.</summary>
    public static CommandResult Dotnet(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        RunChecked("dotnet", arguments, workingDirectory ?? RepositoryLayout.Root, TestSupport.Command.DotnetEnvironment(environment), timeout ?? TimeSpan.FromMinutes(15));
}
