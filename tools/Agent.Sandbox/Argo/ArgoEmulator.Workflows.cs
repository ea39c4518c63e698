using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Sandbox.Argo;

internal sealed partial class ArgoEmulator
{
    private static readonly string[] CronWorkflowKinds = ["CronWorkflow", "cronworkflow", "cronworkflows", "cronwf"];

    private static readonly string[] TemplateKinds =
    [
        "WorkflowTemplate", "workflowtemplate", "workflowtemplates", "wftmpl",
        "ClusterWorkflowTemplate", "clusterworkflowtemplate", "clusterworkflowtemplates", "cwftmpl",
    ];

    /// <summary><c>WorkflowService_CreateWorkflow</c>: validates, names, stores and starts the phase clock.</summary>
    public JsonObject CreateWorkflow(string @namespace, JsonObject request)
    {
        var workflow = ReadNewResource(
            @namespace, request, "workflow", ArgoApiException.InvalidArgument("workflow body not specified"), WorkflowValidator.Validate);
        if (IsClientDryRun(request))
        {
            // Argo returns a createOptions.dryRun request as validated, without asking Kubernetes.
            return workflow;
        }

        ObjectNaming.AdmitCreate(workflow, "Workflow", @namespace);

        var serverDryRun = request["serverDryRun"] is JsonValue flag && flag.TryGetValue<bool>(out var dryRun) && dryRun;
        return Copy(StoreAndStart(workflow, serverDryRun));
    }

    public void DeleteWorkflow(string @namespace, string name)
    {
        var pods = store.DeleteWorkflow(@namespace, name).Pods;
        pods.DeleteAll();
        pods.MarkFulfilled();
        ArgoEmulatorLog.WorkflowDeleted(logger, @namespace, name);
    }

    /// <summary>
    /// Stop/terminate: patches <c>spec.shutdown</c> and answers with that re-read workflow; the emulated controller
    /// then stops the run (after Stop the exit handler still runs, FIDELITY §1.5). A completed workflow answers FailedPrecondition, as <c>util.StopWorkflow</c> does.
    /// </summary>
    public JsonObject ShutdownWorkflow(string @namespace, string name, string strategy)
    {
        var patched = store.UpdateWorkflow(@namespace, name, (entry, working) =>
        {
            if (WorkflowPhase.IsCompleted(entry.Phase))
            {
                throw new ArgoApiException(GrpcCode.FailedPrecondition,
                    $"cannot shutdown a completed workflow: workflow: \"{name}\", namespace: \"{@namespace}\"");
            }

            ResourceJson.Child(working, "spec")["shutdown"] = strategy;
            return true;
        });

        ArgoEmulatorLog.WorkflowShutdown(logger, @namespace, name, strategy);
        controller.Shutdown(@namespace, name, strategy);
        return Copy(patched);
    }

    /// <summary><c>WorkflowService_SubmitWorkflow</c>: only cron workflows exist in the sandbox to submit from.</summary>
    public JsonObject SubmitWorkflow(string @namespace, JsonObject request)
    {
        var kind = ResourceJson.StringAt(request, "resourceKind") ?? "";
        var name = ResourceJson.StringAt(request, "resourceName") ?? "";
        if (CronWorkflowKinds.Contains(kind))
        {
            return TriggerCronWorkflow(@namespace, name, request["submitOptions"] as JsonObject);
        }

        throw TemplateKinds.Contains(kind)
            ? new ArgoApiException(GrpcCode.Unimplemented, "not implemented by the sandbox: submitting from workflow templates")
            : ArgoApiException.InvalidArgument($"Resource kind '{kind}' is not supported for submitting");
    }

    private JsonObject StoreAndStart(JsonObject workflow, bool serverDryRun)
    {
        StampCreation(workflow);
        ResourceJson.SetLabel(workflow, WorkflowStatusWriter.CompletedLabel, "false");
        workflow["status"] = new JsonObject();
        if (serverDryRun)
        {
            return workflow;
        }

        var created = store.AddWorkflow(new WorkflowEntry(workflow, new WorkflowRun(RunPlan.From(workflow))));
        var (@namespace, name) = (ResourceJson.Namespace(created), ResourceJson.Name(created));
        ArgoEmulatorLog.WorkflowCreated(logger, @namespace, name);
        // The controller acts at once: Running, with the entry pod Pending (FIDELITY §6.1).
        controller.Start(@namespace, name);
        return created;
    }
}
