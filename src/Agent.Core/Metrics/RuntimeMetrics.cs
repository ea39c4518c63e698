using System.Runtime.CompilerServices;
using Prometheus;

namespace Agent.Core.Metrics;

/// <summary>
/// The .NET runtime metrics operators read, under names <c>promtool check metrics</c> accepts. prometheus-net's
/// default registry also exports the runtime's EventCounters and Meters, translated to gauges named <c>*_count</c> and
/// a non-counter <c>*_total</c> (issue 12, finding 13); the host suppresses those, and this puts back what an operator
/// needs: prometheus-net's process and GC collector (CPU, memory, GC counts, threads, handles) plus the thread pool,
/// GC pause and heap, and lock contention, which it lacks.
/// </summary>
internal sealed class RuntimeMetrics
{
    private static readonly ConditionalWeakTable<CollectorRegistry, RuntimeMetrics> Registered = [];

    private readonly Gauge _threadPoolThreads;
    private readonly Gauge _threadPoolQueueLength;
    private readonly Counter _threadPoolCompletedItems;
    private readonly Counter _gcPauseSeconds;
    private readonly Gauge _gcHeapSizeBytes;
    private readonly Counter _lockContentions;

    private RuntimeMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _threadPoolThreads = factory.CreateGauge("dotnet_threadpool_threads", "Thread pool threads that currently exist");
        _threadPoolQueueLength = factory.CreateGauge("dotnet_threadpool_queue_length", "Work items queued to the thread pool and not yet started");
        _threadPoolCompletedItems = factory.CreateCounter("dotnet_threadpool_completed_items_total", "Work items the thread pool has completed");
        _gcPauseSeconds = factory.CreateCounter("dotnet_gc_pause_seconds_total", "Time the garbage collector has paused the process, in seconds");
        _gcHeapSizeBytes = factory.CreateGauge("dotnet_gc_heap_size_bytes", "Managed heap size after the last garbage collection, in bytes");
        _lockContentions = factory.CreateCounter("dotnet_lock_contentions_total", "Times a thread waited for a contended Monitor lock");
    }

    /// <summary>Adds the runtime metrics to <paramref name="registry"/>, once however often it is called.</summary>
    public static void Register(CollectorRegistry registry)
    {
        lock (Registered)
        {
            if (Registered.TryGetValue(registry, out _))
            {
                return;
            }

            var metrics = new RuntimeMetrics(registry);
            Registered.Add(registry, metrics);
            DotNetStats.Register(registry);
            registry.AddBeforeCollectCallback(metrics.Update);
        }
    }

    private void Update()
    {
        _threadPoolThreads.Set(ThreadPool.ThreadCount);
        _threadPoolQueueLength.Set(ThreadPool.PendingWorkItemCount);
        _threadPoolCompletedItems.IncTo(ThreadPool.CompletedWorkItemCount);
        _gcPauseSeconds.IncTo(GC.GetTotalPauseDuration().TotalSeconds);
        _gcHeapSizeBytes.Set(GC.GetGCMemoryInfo().HeapSizeBytes);
        _lockContentions.IncTo(Monitor.LockContentionCount);
    }
}
