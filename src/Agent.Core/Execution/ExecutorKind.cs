namespace Agent.Core.Execution;

/// <summary>Which system runs the ingestion: the chart's <c>EXECUTOR_TYPE</c> (<c>argo</c>, or <c>simpleK8s</c> for plain Kubernetes Jobs).</summary>
internal enum ExecutorKind
{
    Argo,
    Kubernetes,
}
