using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MmapNet.Benchmarks;

/// <summary>
/// BenchmarkDotNet's defaults (console log, Markdown/HTML/CSV reports in BenchmarkDotNet.Artifacts) with
/// a job short enough for a shared 2-core machine: 1 launch, 3 warmups, 10 measured iterations, run
/// in-process. In-process because the default toolchain generates and builds a project under the
/// output folder, inside this repository, where the repository's strict build settings (analyzers as
/// errors) would apply to code we do not own. Each category pairs MmapNet benchmarks with the
/// System.IO.MemoryMappedFiles baseline doing the same work, so the Ratio column reads
/// "MmapNet time / MemoryMappedFiles time".
/// </summary>
internal static class ShortRunConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Short2Core")
            .AsDefault())
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(CategoriesColumn.Default)
        .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
        .HideColumns(Column.Job, Column.Error, Column.Gen0, Column.Gen1, Column.Gen2)
        .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
        .WithOptions(ConfigOptions.JoinSummary);
}
