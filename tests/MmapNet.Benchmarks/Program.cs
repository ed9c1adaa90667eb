using BenchmarkDotNet.Running;

namespace MmapNet.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (BenchmarkDotNet's switches, e.g.
/// <c>--filter '*'</c> or <c>--filter '*Find*'</c>) with <see cref="ShortRunConfig"/>.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ShortRunConfig.Create());
}
