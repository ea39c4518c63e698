using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Create-time validation: the apiserver's 422/409/404/413 Status objects with their real texts.</summary>
public sealed class AdmissionTests
{
    [Fact]
    public async Task CreateJob_BadName_Answers422InvalidWithCause()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var (status, body) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job("Bad_Name"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Status", KubeSandbox.Str(body, "kind"));
        Assert.Equal("Invalid", KubeSandbox.Str(body, "reason"));
        Assert.StartsWith("Job.batch \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", KubeSandbox.Str(body, "message"));
        var cause = body["details"]!["causes"]![0]!;
        Assert.Equal("FieldValueInvalid", KubeSandbox.Str(cause, "reason"));
        Assert.Equal("metadata.name", KubeSandbox.Str(cause, "field"));
        Assert.Equal("batch", KubeSandbox.Str(body, "details.group"));
        Assert.Equal("jobs", KubeSandbox.Str(body, "details.kind"));
        Assert.Equal(422, body["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateJob_NameOf64_FailsAsGeneratedPodTemplateLabel()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var name = new string('a', 64);

        var (status, body) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job(name));
        var (okStatus, _) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job(new string('a', 63)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal($"Job.batch \"{name}\" is invalid: spec.template.labels: Invalid value: \"{name}\": must be no more than 63 characters", KubeSandbox.Str(body, "message"));
        Assert.Equal(HttpStatusCode.Created, okStatus);
    }

    [Fact]
    public async Task CreateCronJob_NameOf53_IsRefused()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var name = new string('c', 53);

        var (status, body) = await sandbox.PostAsync(KubeSandbox.CronJobs, KubeObjects.CronJob(name));
        var (okStatus, _) = await sandbox.PostAsync(KubeSandbox.CronJobs, KubeObjects.CronJob(new string('c', 52)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal($"CronJob.batch \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": must be no more than 52 characters", KubeSandbox.Str(body, "message"));
        Assert.Equal(HttpStatusCode.Created, okStatus);
    }

    [Theory]
    [InlineData("61 * * * *", "spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61")]
    [InlineData("TZ=UTC 0 * * * *", "spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead")]
    public async Task CreateCronJob_BadSchedule_IsRefused(string schedule, string expected)
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var (status, body) = await sandbox.PostAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly", schedule));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal($"CronJob.batch \"nightly\" is invalid: {expected}", KubeSandbox.Str(body, "message"));
    }

    [Theory]
    [InlineData("Europe/Pariss", "unknown time zone Europe/Pariss")]
    [InlineData("Local", "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")]
    [InlineData("", "timeZone must be nil or non-empty string")]
    public async Task CreateCronJob_BadTimeZone_IsRefused(string zone, string expected)
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var (status, body) = await sandbox.PostAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly", timeZone: zone));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal($"CronJob.batch \"nightly\" is invalid: spec.timeZone: Invalid value: \"{zone}\": {expected}", KubeSandbox.Str(body, "message"));
    }

    [Fact]
    public async Task CreateCronJob_UnknownConcurrencyPolicy_IsUnsupported()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var (_, body) = await sandbox.PostAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly", policy: "Never"));

        Assert.Equal("CronJob.batch \"nightly\" is invalid: spec.concurrencyPolicy: Unsupported value: \"Never\": supported values: \"Allow\", \"Forbid\", \"Replace\"", KubeSandbox.Str(body, "message"));
    }

    [Fact]
    public async Task CreateJob_RestartAlwaysNoImageNoContainers_AreRequired()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var always = KubeObjects.Job("always", restartPolicy: "Always");
        var noImage = KubeObjects.Job("no-image");
        ((JsonObject)noImage["spec"]!["template"]!["spec"]!["containers"]![0]!).Remove("image");
        var empty = KubeObjects.Job("empty");
        empty["spec"]!["template"]!["spec"]!["containers"] = new JsonArray();

        var (_, alwaysBody) = await sandbox.PostAsync(KubeSandbox.Jobs, always);
        var (_, imageBody) = await sandbox.PostAsync(KubeSandbox.Jobs, noImage);
        var (_, emptyBody) = await sandbox.PostAsync(KubeSandbox.Jobs, empty);

        Assert.Equal("Job.batch \"always\" is invalid: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"", KubeSandbox.Str(alwaysBody, "message"));
        Assert.Equal("Job.batch \"no-image\" is invalid: spec.template.spec.containers[0].image: Required value", KubeSandbox.Str(imageBody, "message"));
        Assert.Equal("Job.batch \"empty\" is invalid: spec.template.spec.containers: Required value", KubeSandbox.Str(emptyBody, "message"));
    }

    [Fact]
    public async Task CreateJob_BadLabelValueAndOversizedAnnotations_AreRefused()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var labelled = KubeObjects.Job("labelled");
        labelled["metadata"]!["labels"]!["app.kubernetes.io/pipeline"] = "mysql.db.\"quoted\"";
        var annotated = KubeObjects.Job("annotated");
        annotated["metadata"]!["annotations"] = new JsonObject { ["fqn"] = new string('x', 256 * 1024) };

        var (_, labelBody) = await sandbox.PostAsync(KubeSandbox.Jobs, labelled);
        var (_, annotationBody) = await sandbox.PostAsync(KubeSandbox.Jobs, annotated);

        Assert.StartsWith("Job.batch \"labelled\" is invalid: metadata.labels: Invalid value: \"mysql.db.\\\"quoted\\\"\": a valid label must be an empty string", KubeSandbox.Str(labelBody, "message"));
        Assert.Equal("Job.batch \"annotated\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes", KubeSandbox.Str(annotationBody, "message"));
    }

    [Fact]
    public async Task CreateSecret_Over1MiB_Answers422AndBodyOver3MiB_Answers413()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var (status, body) = await sandbox.PostAsync(KubeSandbox.Secrets, KubeObjects.Secret("big", new string('x', 1024 * 1024 + 1)));
        var (okStatus, _) = await sandbox.PostAsync(KubeSandbox.Secrets, KubeObjects.Secret("fits", new string('x', 1024 * 1024)));
        var (hugeStatus, hugeBody) = await sandbox.PostAsync(KubeSandbox.Secrets, KubeObjects.Secret("huge", new string('x', 3 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Secret \"big\" is invalid: data: Too long: must have at most 1048576 bytes", KubeSandbox.Str(body, "message"));
        Assert.Equal(HttpStatusCode.Created, okStatus);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeStatus);
        Assert.Equal("Request entity too large: limit is 3145728", KubeSandbox.Str(hugeBody, "message"));
        Assert.Equal("RequestEntityTooLarge", KubeSandbox.Str(hugeBody, "reason"));
    }

    [Fact]
    public async Task CreateTwice_Answers409AlreadyExists_AndMissingAnswers404()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));

        var (status, body) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));
        using var missing = await sandbox.Client.GetAsync(KubeSandbox.Jobs + "/nope");
        var missingBody = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("jobs.batch \"run-1\" already exists", KubeSandbox.Str(body, "message"));
        Assert.Equal("AlreadyExists", KubeSandbox.Str(body, "reason"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("jobs.batch \"nope\" not found", KubeSandbox.Str(missingBody, "message"));
        Assert.Equal("NotFound", KubeSandbox.Str(missingBody, "reason"));
    }

    [Fact]
    public async Task CreateJob_Defaults_GeneratedSelectorAndLabels()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var job = await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-2"));

        var uid = KubeSandbox.Str(job, "metadata.uid");
        var labels = job["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.Equal("run-2", KubeSandbox.Str(labels, "job-name"));
        Assert.Equal("run-2", labels["batch.kubernetes.io/job-name"]!.GetValue<string>());
        Assert.Equal(uid, labels["controller-uid"]!.GetValue<string>());
        Assert.Equal(uid, job["spec"]!["selector"]!["matchLabels"]!["batch.kubernetes.io/controller-uid"]!.GetValue<string>());
        Assert.Equal("batch/v1", KubeSandbox.Str(job, "apiVersion"));

    }
}
