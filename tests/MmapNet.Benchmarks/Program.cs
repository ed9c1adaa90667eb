using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace MmapNet.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (BenchmarkDotNet's switches, e.g.
/// <c>--filter '*'</c> or <c>--filter '*Find*'</c>) with <see cref="ShortRunConfig"/>. Our own switch,
/// <c>--wall-clock</c>, times elapsed time instead of the thread's CPU time (for a quiet machine).
/// </summary>
internal static class Program
{
    private const string WallClockSwitch = "--wall-clock";

    private static void Main(string[] args)
    {
        bool wallClock = args.Contains(WallClockSwitch, StringComparer.Ordinal);
        string[] rest = args.Where(a => a != WallClockSwitch).ToArray();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, ShortRunConfig.Create(wallClock));
    }
}
