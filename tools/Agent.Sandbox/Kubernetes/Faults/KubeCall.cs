namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>
/// One API call named as the apiserver's audit log and RBAC name it: a verb (<c>list</c>, <c>watch</c>, <c>get</c>,
/// <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>) and a resource, with the subresource after a slash
/// (<c>pods/log</c>). Calls outside a namespace (discovery) are named by their path.
/// </summary>
internal readonly record struct KubeCall(string Verb, string Resource)
{
    private const string NamespaceSegment = "/namespaces/{namespace}/";

    public static KubeCall Of(HttpContext context)
    {
        var request = context.Request;
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Path.Value ?? "";
        var at = template.IndexOf(NamespaceSegment, StringComparison.Ordinal);
        if (at < 0)
        {
            return new("get", template);
        }

        var parts = template[(at + NamespaceSegment.Length)..].Split('/');
        var named = parts.Length > 1;
        var resource = parts.Length > 2 ? $"{parts[0]}/{parts[2]}" : parts[0];
        var verb = request.Method switch
        {
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ when named => "get",
            _ when request.Query["watch"] is var watch && (watch == "true" || watch == "1") => "watch",
            _ => "list",
        };
        return new(verb, resource);
    }

    public override string ToString() => $"{Verb} {Resource}";
}
