using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Agent.Benchmarks.Micro;

/// <summary>
/// Benchmark 6: BenchmarkDotNet with its short job (3 warm-ups, 3 iterations) and the memory diagnoser. The
/// in-process toolchain runs the benchmarks in this Release process instead of generating and building a project,
/// which keeps a run to a couple of minutes on a shared 2-core machine.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "hybrid-agent-bench", "micro"))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher
            .FromTypes([typeof(CodecBenchmarks), typeof(WorkflowFactoryBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
