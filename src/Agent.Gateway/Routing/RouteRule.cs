namespace Agent.Gateway.Routing;

/// <summary>A checked routing rule: <paramref name="Index"/> is its position in <c>routes:</c>, for messages.</summary>
internal sealed record RouteRule(int Index, ServicePattern Service, string AgentId)
{
    public string Describe() => $"routes[{Index}] (service \"{Service.Text}\")";
}
