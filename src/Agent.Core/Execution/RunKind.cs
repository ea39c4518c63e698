namespace Agent.Core.Execution;

/// <summary>Which ingestion-image entrypoint a run runs; each executor maps it to its command in one place.</summary>
internal enum RunKind
{
    /// <summary><c>python main.py</c>: metadata, usage, lineage, profiler and the other pipeline types.</summary>
    Ingestion,

    /// <summary><c>python run_automation.py</c>: test connection and other automations.</summary>
    Automation,

    /// <summary><c>python -m metadata.applications.runner</c>: external applications.</summary>
    Application,
}
