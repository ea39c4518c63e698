namespace Agent.Sandbox.Kubernetes.State;

/// <summary>
/// One emulated resource type: how its REST path is spelled (<c>/api/v1</c> for the core group, <c>/apis/batch/v1</c>
/// otherwise), the <c>kind</c> and <c>apiVersion</c> its objects carry, and the "qualified resource" that apiserver
/// error messages name (<c>jobs.batch</c>, <c>pods</c>; K8S staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go
/// NewNotFound uses <c>schema.GroupResource.String()</c>).
/// </summary>
internal sealed record KubeKind(string Kind, string Group, string Plural)
{
    public static readonly KubeKind Job = new("Job", "batch", "jobs");
    public static readonly KubeKind CronJob = new("CronJob", "batch", "cronjobs");
    public static readonly KubeKind Pod = new("Pod", "", "pods");
    public static readonly KubeKind Secret = new("Secret", "", "secrets");

    public static readonly IReadOnlyList<KubeKind> All = [Job, CronJob, Pod, Secret];

    public string ApiVersion => Group.Length == 0 ? "v1" : Group + "/v1";

    public string ListKind => Kind + "List";

    /// <summary><c>jobs.batch</c> or <c>pods</c>, as in "jobs.batch \"x\" not found".</summary>
    public string Qualified => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary><c>Job.batch</c> or <c>Pod</c>, as in "Job.batch \"x\" is invalid" (NewInvalid uses GroupKind).</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string BasePath => Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/v1";

    public static KubeKind? Of(string kind) => All.FirstOrDefault(k => k.Kind == kind);
}
