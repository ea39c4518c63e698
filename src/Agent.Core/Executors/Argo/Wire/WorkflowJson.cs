namespace Agent.Core.Executors.Argo.Wire;

// The slice of Argo's Workflow JSON the agent reads. Parsed with System.Text.Json rather than the Kiota models:
// Kiota turns label values that look like dates into DateTime and leaves status maps untyped (Argo notes §8),
// and the agent asks the server for just these fields anyway.

internal sealed record WorkflowJson(ObjectMetaJson? Metadata, WorkflowSpecJson? Spec, WorkflowStatusJson? Status);
