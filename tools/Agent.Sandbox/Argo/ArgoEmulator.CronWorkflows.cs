using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Sandbox.Argo;

internal sealed partial class ArgoEmulator
{
    public JsonObject CreateCronWorkflow(string @namespace, JsonObject request)
    {
        var cronWorkflow = ReadNewResource(
            @namespace, request, "cronWorkflow",
            new ArgoApiException(GrpcCode.NotFound, "cron workflow was not found in the request body"), CronWorkflowValidator.Validate);
        if (IsClientDryRun(request))
        {
            return cronWorkflow;
        }

        ObjectNaming.AdmitCreate(cronWorkflow, "CronWorkflow", @namespace);

        StampCreation(cronWorkflow);
        return Copy(store.AddCronWorkflow(cronWorkflow));
    }

    public JsonObject GetCronWorkflow(string @namespace, string name) => Copy(store.GetCronWorkflow(@namespace, name));

    /// <summary>
    /// A k8s update: the body must carry the resourceVersion it was read at. A stale one is a k8s 409 Conflict,
    /// which Argo reports as AlreadyExists (code 6, HTTP 409); a missing one is rejected as invalid.
    /// </summary>
    public JsonObject UpdateCronWorkflow(string @namespace, string name, JsonObject request)
    {
        var update = request["cronWorkflow"] as JsonObject
            ?? throw ArgoApiException.InvalidArgument("cronWorkflow body not specified");
        CronWorkflowValidator.Validate(update);
        ObjectNaming.ValidateMetadata(update, "CronWorkflow");
        var sentVersion = ResourceJson.StringAt(update["metadata"], "resourceVersion");
        if (string.IsNullOrEmpty(sentVersion))
        {
            throw ArgoApiException.InvalidArgument(
                $"CronWorkflow.argoproj.io \"{name}\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
        }

        return Copy(store.UpdateCronWorkflow(@namespace, name, (current, working) =>
        {
            if (ResourceJson.StringAt(current["metadata"], "resourceVersion") != sentVersion)
            {
                throw new ArgoApiException(GrpcCode.AlreadyExists,
                    $"Operation cannot be fulfilled on {ArgoStore.CronWorkflowResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
            }

            working["spec"] = update["spec"]!.DeepClone();
            foreach (var key in (string[])["labels", "annotations"])
            {
                ResourceJson.Metadata(working).Remove(key);
                if (update["metadata"]?[key] is JsonObject map)
                {
                    ResourceJson.Metadata(working)[key] = map.DeepClone();
                }
            }

            return true;
        }));
    }

    public JsonObject SetCronWorkflowSuspended(string @namespace, string name, bool suspended) =>
        Copy(store.UpdateCronWorkflow(@namespace, name, (_, working) =>
        {
            ResourceJson.Child(working, "spec")["suspend"] = suspended;
            return true;
        }));

    public void DeleteCronWorkflow(string @namespace, string name) => store.DeleteCronWorkflow(@namespace, name);

    /// <summary>Creates the workflow a schedule tick would create now; the same path serves the submit API.</summary>
    public JsonObject TriggerCronWorkflow(string @namespace, string name, JsonObject? submitOptions = null)
    {
        var workflow = CronWorkflowConversion.ToWorkflow(store.GetCronWorkflow(@namespace, name), timeProvider.GetUtcNow());
        SubmitOptions.Apply(workflow, submitOptions);
        WorkflowValidator.Validate(workflow);
        ObjectNaming.AdmitCreate(workflow, "Workflow", @namespace);
        var created = Copy(StoreAndStart(workflow, serverDryRun: false));
        var workflowName = ResourceJson.Name(created);
        ArgoEmulatorLog.CronSubmitted(logger, @namespace, name, workflowName);
        return created;
    }
}
