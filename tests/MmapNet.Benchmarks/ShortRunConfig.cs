using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace MmapNet.Benchmarks;

/// <summary>
/// BenchmarkDotNet's defaults (console log, Markdown/HTML/CSV reports in BenchmarkDotNet.Artifacts) with
/// a job short enough for a shared 2-core machine: 1 launch, 3 warmups, 15 measured iterations of
/// about 100 ms (BenchmarkDotNet's default is 500 ms; on a loaded machine a CPU-time 100 ms takes
/// several seconds of elapsed time), run
/// in-process, timed with the thread's CPU time (<see cref="ThreadCpuClock"/>) unless elapsed time is
/// asked for. In-process because the default toolchain generates and builds a project under the
/// output folder, inside this repository, where the repository's strict build settings (analyzers as
/// errors) would apply to code we do not own; and because the CPU-time clock must be read on the
/// benchmark's own thread. Each category pairs MmapNet benchmarks with a System.IO.MemoryMappedFiles
/// baseline doing the same work, so the Ratio column reads "MmapNet time / MemoryMappedFiles time".
/// </summary>
internal static class ShortRunConfig
{
    public static IConfig Create(bool wallClock)
    {
        Job job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId(wallClock ? "Short2Core-elapsed" : "Short2Core-cpu");
        if (!wallClock)
        {
            job = job.WithClock(ThreadCpuClock.Instance);
        }

        return DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .HideColumns(Column.Job, Column.Error, Column.Gen0, Column.Gen1, Column.Gen2, Column.Type)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
