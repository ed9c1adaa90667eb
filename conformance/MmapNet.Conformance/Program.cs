using System;
using System.Threading;
using MmapNet.Conformance.Cli;
using Spectre.Console;

// Ctrl+C stops the run: running process trees are killed and the runner exits.
using CancellationTokenSource cancellation = new();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Written to a file or a pipe, tables and diffs get room instead of the 80-column default.
if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 160)
{
    AnsiConsole.Profile.Width = 160;
}

try
{
    return await ConformanceCommand.RunAsync(args, AnsiConsole.Console, cancellation.Token).ConfigureAwait(false);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[red]Cancelled.[/]");
    return 130;
}
